/** Go node types and fields in the taint walk's words (see taintSyntax.ts). */
import type { SyntaxNode } from '../parser';
import { concatPieces } from '../builtStrings';
import { Kind, Param, Role, tableSyntax, TaintSyntax } from '../taintSyntax';
import { goModules } from './modules';
import { goSyntax } from './syntax';
import { formatPieces, SPRINTF } from './format';
import { decodeGoString } from './strings';
import { goListItems, goListUpdate, goLookupFlag, goSwitchCase } from './flowShapes';

const KINDS: Record<string, Kind> = {
  identifier: 'name', selector_expression: 'member', index_expression: 'subscript', slice_expression: 'subscript',
  call_expression: 'call', composite_literal: 'new', interpreted_string_literal: 'string', raw_string_literal: 'string',
  binary_expression: 'binary', unary_expression: 'unary', assignment_statement: 'assign', short_var_declaration: 'assign',
  parenthesized_expression: 'paren', type_assertion_expression: 'cast', type_conversion_expression: 'cast',
  literal_value: 'group', argument_list: 'group', keyed_element: 'pair', literal_element: 'paren',
  function_declaration: 'function', method_declaration: 'function', func_literal: 'function',
  parameter_list: 'parameter-list', comment: 'comment', ERROR: 'error',
  expression_statement: 'expression-statement', var_declaration: 'declaration', const_declaration: 'declaration',
  var_spec: 'declarator', const_spec: 'declarator', return_statement: 'return', break_statement: 'jump',
  continue_statement: 'jump', goto_statement: 'jump', if_statement: 'if', block: 'block', statement_list: 'block',
  source_file: 'module', for_statement: 'loop', expression_switch_statement: 'switch', type_switch_statement: 'switch',
  select_statement: 'switch', labeled_statement: 'wrapper', go_statement: 'expression-statement', defer_statement: 'expression-statement',
  type_declaration: 'class', import_declaration: 'import', package_clause: 'definition', variadic_argument: 'spread',
};

const table = tableSyntax({
  kinds: KINDS,
  fields: {
    object: ['operand'], property: ['field'], index: ['index'], function: ['function', 'type'], arguments: ['arguments', 'body'],
    left: ['left'], operator: ['operator'], right: ['right'], argument: ['operand'], condition: ['condition'],
    consequence: ['consequence'], alternative: ['alternative'], body: ['body'], value: ['value'], name: ['name'], key: ['key'],
    parameters: ['parameters'], initializer: ['initializer'], update: ['update'], subject: ['value'], alias: ['alias'],
  },
});

/** Go's builtin scalar types and common value types a framework converts a parameter to. */
const SCALAR = /^(?:u?int(?:8|16|32|64)?|float(?:32|64)|bool|uintptr|byte|rune|time\.Duration|uuid\.UUID)$/;

/** `Store` in `(s *Store)`, `(names)`, `(l *List[T])`. */
function receiverTypeName(receiver: SyntaxNode | null): string | null {
  let type = receiver?.namedChildren.find((c) => c?.type === 'parameter_declaration')?.childForFieldName('type') ?? null;
  if (type?.type === 'pointer_type') type = type.namedChild(0);
  if (type?.type === 'generic_type') type = type.childForFieldName('type');
  return type?.type === 'type_identifier' ? type.text : null;
}

/** By tree (a node object is made anew on each access; the tree is the same). */
const typeSpecCache = new WeakMap<object, Map<string, SyntaxNode>>();

/** The file's type declarations by name. */
function typeSpecs(tree: SyntaxNode['tree']): Map<string, SyntaxNode> {
  let found = typeSpecCache.get(tree);
  if (!found) {
    found = new Map();
    for (const decl of tree.rootNode.namedChildren) {
      if (decl?.type !== 'type_declaration') continue;
      for (const spec of decl.namedChildren) {
        const name = spec?.type === 'type_spec' ? spec.childForFieldName('name')?.text : undefined;
        if (name) found.set(name, spec!);
      }
    }
    typeSpecCache.set(tree, found);
  }
  return found;
}

/** A `for` keeps its header in a clause child (`for k, v := range m`, `for i := 0; …; i++`) or holds a bare condition. */
const LOOP_HEADER = new Set<Role>(['left', 'right', 'initializer', 'condition', 'update']);

export const goTaint: TaintSyntax = {
  ...table,
  child(node, role) {
    if (node.type !== 'for_statement' || !LOOP_HEADER.has(role)) return table.child(node, role);
    const clause = node.namedChildren.find((c) => c?.type === 'range_clause' || c?.type === 'for_clause');
    if (clause) return table.child(clause, role);
    const body = node.childForFieldName('body');
    return role === 'condition' ? (node.namedChildren.find((c) => !!c && c.id !== body?.id && c.type !== 'comment') ?? null) : null;
  },
  kind(node) {
    if (node.type === 'expression_list') {
      // `a, b := f()`: the names on the left are a pattern; one value on the right is that value.
      const parent = node.parent;
      if (parent && (parent.type === 'short_var_declaration' || parent.type === 'assignment_statement' || parent.type === 'range_clause') && parent.childForFieldName('left')?.id === node.id) {
        return node.namedChildCount === 1 ? 'paren' : 'array-pattern';
      }
      return node.namedChildCount === 1 ? 'paren' : 'array';
    }
    if (node.type === 'assignment_statement' && (node.childForFieldName('operator')?.text ?? '=') !== '=') return 'update';
    return table.kind(node) ?? (/_(statement|declaration)$/.test(node.type) ? 'statement' : undefined);
  },
  modules: goModules,
  functionLiterals: new Set(['func_literal']),
  selfNames: new Set(),
  keywordArguments: false,
  scalarParam: (p) => !!p.type && SCALAR.test(p.type.replace(/^\*/, '')),
  operator(node) {
    return node.childForFieldName('operator')?.text ?? '';
  },
  stringPieces(node, bindings) {
    if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+') return concatPieces(this, node, bindings);
    if (node.type === 'interpreted_string_literal' || node.type === 'raw_string_literal') {
      const text = decodeGoString(node);
      return text === undefined ? null : [{ text }];
    }
    if (node.type === 'call_expression') {
      // `fmt.Sprintf("SELECT … '%s'", name)`: the format's text and the values in its verbs' places.
      const fn = node.childForFieldName('function');
      const name = fn ? goSyntax.qualify(fn, bindings) : null;
      const args = goSyntax.positionalArgs(node);
      if (!name || !SPRINTF.has(name) || args.length === 0) return null;
      const format = goSyntax.constantValue(args[0]!, bindings);
      if (typeof format !== 'string') return null;
      const pieces = formatPieces(format, args.slice(1));
      return pieces ? pieces.map((p) => (p.value ? { node: p.value } : { text: p.text! })) : null;
    }
    return null;
  },
  params(fn) {
    const out: Param[] = [];
    for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!p || (p.type !== 'parameter_declaration' && p.type !== 'variadic_parameter_declaration')) continue;
      // The type as the models name it: `*http.Request` is a request (pointers and values alike).
      const type = p.childForFieldName('type')?.text.replace(/^\*/, '');
      for (const id of p.childrenForFieldName('name')) if (id) out.push({ name: id.text, node: id, type, decorators: [] });
    }
    return out;
  },
  functionName(fn) {
    if (fn.type !== 'func_literal') return fn.childForFieldName('name')?.text ?? null;
    // `handler := func(…) {…}` is known by the name it is stored under.
    const p = fn.parent?.type === 'expression_list' ? fn.parent.parent : fn.parent;
    if (p?.type === 'short_var_declaration' || p?.type === 'assignment_statement' || p?.type === 'var_spec') {
      const left = p.childForFieldName(p.type === 'var_spec' ? 'name' : 'left');
      const first = left?.type === 'expression_list' ? left.namedChild(0) : left;
      return first?.type === 'identifier' ? first.text : null;
    }
    return null;
  },
  objectPatternOf() {
    return null;
  },
  classOf(fn) {
    // The declaration of the receiver's type when this file has it (`type names struct{}`:
    // named like the type, so `names{}.reportName(x)` finds the method), else the receiver.
    const receiver = fn.type === 'method_declaration' ? fn.childForFieldName('receiver') : null;
    const name = receiverTypeName(receiver);
    return (name && typeSpecs(fn.tree).get(name)) || receiver;
  },
  isStaticMethod() {
    return false;
  },
  decorators() {
    return [];
  },
  isExported(fn) {
    const name = fn.type === 'func_literal' ? null : fn.childForFieldName('name')?.text;
    return !!name && /^[A-Z]/.test(name);
  },
  standalone(fn) {
    return fn.type !== 'func_literal';
  },
  convertedParams() {
    return new Set();
  },
  shape(node: SyntaxNode) {
    return node.type;
  },
  constDeclared(value) {
    let p = value.parent;
    if (p?.type === 'expression_list') p = p.parent;
    return p?.type === 'const_spec';
  },
  opaqueResult() {
    return false;
  },
  switchCase: goSwitchCase,
  lookupFlag: goLookupFlag,
  listItems: goListItems,
  listUpdate: goListUpdate,
};

export { goSyntax };

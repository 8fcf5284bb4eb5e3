/** JavaScript / TypeScript / TSX node types and fields in the taint walk's words (see taintSyntax.ts). */
import type { SyntaxNode, Tree } from '../parser';
import { concatPieces } from '../builtStrings';
import { decodeEscape } from './strings';
import { Kind, Param, Piece, tableSyntax, TaintSyntax } from '../taintSyntax';
import { javascriptModules } from './modules';

const KINDS: Record<string, Kind> = {
  identifier: 'name', shorthand_property_identifier: 'name', this: 'self',
  member_expression: 'member', subscript_expression: 'subscript', call_expression: 'call', new_expression: 'new',
  string: 'string', template_string: 'string', template_substitution: 'interpolation',
  binary_expression: 'binary', unary_expression: 'unary', instanceof_expression: 'compare',
  ternary_expression: 'ternary', assignment_expression: 'assign', augmented_assignment_expression: 'update',
  sequence_expression: 'sequence', pair: 'pair',
  jsx_element: 'markup', jsx_self_closing_element: 'markup', jsx_opening_element: 'markup', jsx_attribute: 'markup', jsx_fragment: 'markup',
  parenthesized_expression: 'paren', await_expression: 'await',
  as_expression: 'cast', satisfies_expression: 'cast', non_null_expression: 'cast', type_assertion: 'cast',
  spread_element: 'spread', yield_expression: 'yield',
  array: 'array', object: 'object', arguments: 'group', jsx_expression: 'group',
  function_declaration: 'function', function_expression: 'function', function: 'function', generator_function_declaration: 'function',
  generator_function: 'function', arrow_function: 'function', method_definition: 'function',
  regex: 'regex', comment: 'comment', ERROR: 'error',
  expression_statement: 'expression-statement', lexical_declaration: 'declaration', variable_declaration: 'declaration',
  variable_declarator: 'declarator', return_statement: 'return', throw_statement: 'throw', break_statement: 'jump',
  continue_statement: 'jump', if_statement: 'if', else_clause: 'else', statement_block: 'block', program: 'module',
  class_body: 'class-body', for_statement: 'loop', for_in_statement: 'loop', while_statement: 'loop', do_statement: 'loop',
  try_statement: 'try', with_statement: 'with', switch_statement: 'switch', export_statement: 'wrapper',
  labeled_statement: 'wrapper', statement_identifier: 'label', class_declaration: 'class', class: 'class',
  import_statement: 'import',
  formal_parameters: 'parameter-list', object_pattern: 'object-pattern', shorthand_property_identifier_pattern: 'shorthand-entry', pair_pattern: 'pair-entry',
  object_assignment_pattern: 'default-entry', rest_pattern: 'rest-entry', array_pattern: 'array-pattern',
};

const table = tableSyntax({
  kinds: KINDS,
  fields: {
    object: ['object'], property: ['property'], index: ['index'], function: ['function', 'constructor'], arguments: ['arguments'],
    left: ['left'], operator: ['operator'], right: ['right'], argument: ['argument'], condition: ['condition'],
    consequence: ['consequence'], alternative: ['alternative'], body: ['body'], value: ['value'], name: ['name'], key: ['key'],
    parameters: ['parameters'], initializer: ['initializer'], update: ['increment'], pattern: ['pattern'], alias: ['alias'],
    subject: ['value'], flags: ['flags'],
  },
});

/** The constant text of a template string's fragment or escape sequence. */
function templateText(node: SyntaxNode): string {
  return node.type === 'escape_sequence' ? decodeEscape(node.text) : node.text;
}

function paramName(p: SyntaxNode): SyntaxNode | null {
  switch (p.type) {
    case 'identifier':
      return p;
    case 'required_parameter':
    case 'optional_parameter':
      return paramName(p.childForFieldName('pattern') ?? p.namedChild(0)!);
    case 'assignment_pattern':
      return paramName(p.childForFieldName('left')!);
    default:
      return null;
  }
}

export const javascriptTaint: TaintSyntax = {
  ...table,
  // Other statements and declarations (empty, debugger, a type alias…): their parts are walked as values.
  kind: (node) => table.kind(node) ?? (/_(statement|declaration)$/.test(node.type) ? 'statement' : undefined),
  modules: javascriptModules,
  switchCase(clause) {
    if (clause.type === 'switch_default') return { values: [], fallsThrough: true };
    const value = clause.type === 'switch_case' ? clause.childForFieldName('value') : null;
    return value ? { values: [value], fallsThrough: true } : null;
  },
  functionLiterals: new Set(['arrow_function', 'function_expression', 'function', 'generator_function']),
  selfNames: new Set(['this', 'self']),
  scalarParam: () => false,
  keywordArguments: false,

  operator(node) {
    return node.childForFieldName('operator')?.text ?? '';
  },

  stringPieces(node, bindings) {
    if (node.type === 'template_string') {
      const out: Piece[] = [];
      for (const c of node.namedChildren) {
        if (!c) continue;
        if (c.type === 'template_substitution') {
          const inner = c.namedChildren.find((x) => x && x.type !== 'comment');
          if (inner) out.push({ node: inner });
        } else out.push({ text: templateText(c) });
      }
      return out;
    }
    if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+') return concatPieces(this, node, bindings);
    return null;
  },

  params(fn) {
    const list = fn.childForFieldName('parameters') ?? (fn.type === 'arrow_function' ? fn.childForFieldName('parameter') : null);
    if (!list) return [];
    const items = list.type === 'identifier' ? [list] : list.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
    const out: Param[] = [];
    for (const item of items) {
      const id = paramName(item);
      const typeNode = item.childForFieldName('type');
      if (!id) {
        // A destructured parameter (`{ query }: Request`): no name, but its type still counts.
        out.push({ name: '', node: item, type: typeNode?.text.replace(/^:\s*/, ''), decorators: [] });
        continue;
      }
      const value = item.childForFieldName('value') ?? item.childForFieldName('right');
      const decorators = item.namedChildren.filter((c) => c?.type === 'decorator').map((d) => d!.text.replace(/^@/, '').replace(/\(.*$/s, ''));
      out.push({ name: id.text, node: id, type: typeNode?.text.replace(/^:\s*/, ''), defaultText: value?.text, decorators });
    }
    return out;
  },

  functionName(fn) {
    const own = fn.childForFieldName('name');
    if (own) return own.text;
    const parent = fn.parent;
    if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text ?? null;
    if (parent?.type === 'assignment_expression' || parent?.type === 'pair') {
      const left = parent.childForFieldName('left') ?? parent.childForFieldName('key');
      return left?.text.replace(/^.*\./, '') ?? null;
    }
    return null;
  },

  classOf(fn) {
    const p = fn.parent?.type === 'class_body' ? fn.parent.parent : null;
    return p && (p.type === 'class_declaration' || p.type === 'class') ? p : null;
  },

  isStaticMethod(fn) {
    return fn.type === 'method_definition' && fn.children.some((c) => c?.type === 'static');
  },

  decorators() {
    return [];
  },

  isExported(fn) {
    let p = fn.parent;
    if (p?.type === 'variable_declarator') p = p.parent?.parent ?? null;
    return p?.type === 'export_statement';
  },

  standalone(fn) {
    if (fn.type === 'function_declaration' || fn.type === 'generator_function_declaration' || fn.type === 'method_definition') return true;
    return standaloneValues(fn.tree).has(fn.id);
  },

  convertedParams() {
    return new Set();
  },

  shape(node) {
    return node.type;
  },

  constDeclared(value) {
    const declaration = value.parent?.type === 'variable_declarator' ? value.parent.parent : null;
    return declaration?.type === 'lexical_declaration' && declaration.child(0)?.text === 'const';
  },

  objectPatternOf(node) {
    for (let n: SyntaxNode | null = node, i = 0; n && i < 4; i++) {
      if (n.type === 'object_pattern') return n;
      if (n.type === 'required_parameter' || n.type === 'optional_parameter') n = n.childForFieldName('pattern') ?? n.namedChild(0);
      else if (n.type === 'assignment_pattern') n = n.childForFieldName('left');
      else return null;
    }
    return null;
  },
};

const standaloneByTree = new WeakMap<Tree, Set<number>>();

/**
 * The values that stand alone as functions when they are ones: a declarator's or an object
 * pair's value, and `exports.findUser = function (name) {…}` or `Categories.exists = async
 * (cids) => {…}` at the top of a module (CommonJS's way to export a function, so it is
 * analysed on its own and other files get its summary; a function assigned inside another
 * one closes over its variables and is walked where it is made). Found from the holders, once
 * per tree: tree-sitter finds a node's parent by descending from the root, so asking each
 * function for its parent made a file of 8,000 nested callbacks quadratic (50 s).
 */
function standaloneValues(tree: Tree): Set<number> {
  let ids = standaloneByTree.get(tree);
  if (ids) return ids;
  ids = new Set();
  for (const holder of tree.rootNode.descendantsOfType(['variable_declarator', 'pair'])) {
    const value = holder?.childForFieldName('value');
    if (value) ids.add(value.id);
  }
  for (const statement of tree.rootNode.namedChildren) {
    if (statement?.type !== 'expression_statement') continue;
    const assignment = statement.namedChild(0);
    if (assignment?.type !== 'assignment_expression' || assignment.childForFieldName('left')?.type !== 'member_expression') continue;
    const right = assignment.childForFieldName('right');
    if (right) ids.add(right.id);
  }
  standaloneByTree.set(tree, ids);
  return ids;
}

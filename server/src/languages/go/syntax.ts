/** Go node types mapped onto the engine's questions. */
import type { SyntaxNode } from '../parser';
import { NESTING_LIMIT, noteNestingCut } from '../nesting';
import { AssignParts, Bindings, ConstValue, KeywordArg, nameFromTable, PairParts, SyntaxAdapter } from '../syntax';
import { decodeGoString, encodeGoString, goNumber } from './strings';
import { declaredType, fieldType } from './types';
import { importLine } from './imports';
import { formatPieces, SPRINTF } from './format';
import { onlyAssignment } from './declared';
import { collectBinding, qualifyGoType } from './bindings';

const set = (...types: string[]): ReadonlySet<string> => new Set(types);
const BOUNDARIES = set('block', 'statement_list', 'source_file', 'literal_value');
const FUNCTIONS = set('function_declaration', 'method_declaration', 'func_literal');

/** The inner expression of a `literal_element` (composite literal keys and values). */
function element(node: SyntaxNode | null): SyntaxNode | null {
  if (node?.type === 'literal_element') return node.namedChild(0);
  return node;
}

/** The value expressions of a call (`f(a, b)`) or composite literal's unkeyed elements (`T{a, b}`). */
function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  if (call.type === 'composite_literal') {
    const body = call.childForFieldName('body');
    return (body?.namedChildren ?? []).filter((c): c is SyntaxNode => c?.type === 'literal_element').map((c) => element(c)!).filter(Boolean);
  }
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return [];
  return args.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
}

/** `os.FileMode(0o600)`, `fs.FileMode(…)`, `int64(…)`: conversions keep the constant. */
const CONVERSIONS = /^(?:os\.FileMode|io\/fs\.FileMode|u?int(?:8|16|32|64)?|float(?:32|64)|string|\[\]byte|byte|rune)$/;

export const goSyntax: SyntaxAdapter = {
  family: 'go',
  callTypes: set('call_expression'),
  newTypes: set('composite_literal'),
  assignTypes: set('assignment_statement'),
  pairTypes: set('keyed_element'),
  stringTypes: set('interpreted_string_literal', 'raw_string_literal'),
  commentTypes: set('comment'),
  functionTypes: set('function_declaration', 'method_declaration', 'func_literal'),
  declarationTypes: set('short_var_declaration', 'var_spec', 'const_spec', 'assignment_statement'),
  bindingTypes: set('import_spec', 'const_spec', 'var_spec', 'short_var_declaration', 'assignment_statement', 'parameter_declaration', 'variadic_parameter_declaration'),

  /** `zr, err := gzip.NewReader(r)`: the call, when it is the local's only assignment in its function. */
  declaredValue(ref) {
    return onlyAssignment(ref, true) ?? null;
  },

  collectBinding,

  callee(call) {
    return call.type === 'composite_literal' ? call.childForFieldName('type') : call.childForFieldName('function');
  },

  positionalArgs(call) {
    return argumentsOf(call);
  },

  /** A composite literal's keyed fields (`tls.Config{InsecureSkipVerify: true}`); for a call, those of a literal passed to it. */
  keywordArgs(call) {
    const out = new Map<string, KeywordArg>();
    const literals =
      call.type === 'composite_literal' ? [call]
      : argumentsOf(call).map((a) => (a.type === 'unary_expression' && a.childForFieldName('operator')?.text === '&' ? a.childForFieldName('operand') : a)).filter((a): a is SyntaxNode => a?.type === 'composite_literal');
    for (const lit of literals) {
      for (const kv of lit.childForFieldName('body')?.namedChildren ?? []) {
        if (kv?.type !== 'keyed_element') continue;
        const key = element(kv.childForFieldName('key'));
        const value = element(kv.childForFieldName('value'));
        if (key?.type === 'identifier' && value && !out.has(key.text)) out.set(key.text, { node: kv, value });
      }
    }
    return out;
  },

  lastSegment(callee) {
    switch (callee.type) {
      case 'selector_expression':
        return callee.childForFieldName('field') ?? callee;
      case 'qualified_type':
        return callee.childForFieldName('name') ?? callee;
      case 'generic_type':
        return this.lastSegment(callee.childForFieldName('type') ?? callee);
      default:
        return callee;
    }
  },

  qualify(node, bindings, depth = 0) {
    if (depth > NESTING_LIMIT) {
      noteNestingCut(node.startPosition.row);
      return null;
    }
    switch (node.type) {
      case 'identifier':
      case 'package_identifier': {
        const imported = bindings.imports.get(node.text);
        // A package name, unless a local or parameter of the same name hides it.
        if (imported && declaredType(node, bindings, this) === undefined) return imported.qualified;
        const type = declaredType(node, bindings, this);
        return type ?? node.text;
      }
      case 'selector_expression': {
        const operand = node.childForFieldName('operand');
        const field = node.childForFieldName('field');
        if (!operand || !field) return null;
        const base = this.qualify(operand, bindings, depth + 1) ?? '<expr>';
        // A field of a struct declared in this file has the type it is declared with.
        if (/^[A-Za-z_]\w*$/.test(base) && !bindings.imports.has(base)) {
          const t = fieldType(node.tree.rootNode, base, field.text, bindings, this);
          if (t) return t;
        }
        return `${base}.${field.text}`;
      }
      case 'call_expression': {
        // A call's result is named by the call (`md5.New().Sum` → `crypto/md5.New.Sum`).
        const fn = node.childForFieldName('function');
        return fn ? this.qualify(fn, bindings, depth + 1) : null;
      }
      case 'composite_literal':
        return qualifyGoType(node.childForFieldName('type'), bindings);
      case 'unary_expression': {
        const operand = node.childForFieldName('operand');
        return operand && node.childForFieldName('operator')?.text === '&' ? this.qualify(operand, bindings, depth + 1) : null;
      }
      case 'parenthesized_expression': {
        const inner = node.namedChild(0);
        return inner ? this.qualify(inner, bindings, depth + 1) : null;
      }
      case 'type_assertion_expression':
        return qualifyGoType(node.childForFieldName('type'), bindings);
      case 'type_identifier':
      case 'qualified_type':
      case 'pointer_type':
      case 'generic_type':
        return qualifyGoType(node, bindings);
      default:
        return null;
    }
  },

  constantValue(node, bindings, depth = 0): ConstValue | undefined {
    if (depth > 64) return undefined;
    switch (node.type) {
      case 'interpreted_string_literal':
      case 'raw_string_literal':
        return decodeGoString(node);
      case 'int_literal':
      case 'float_literal':
        return goNumber(node.text);
      case 'rune_literal': {
        const inner = node.text.slice(1, -1);
        return inner.startsWith('\\') ? undefined : inner;
      }
      case 'true':
        return true;
      case 'false':
        return false;
      case 'nil':
        return null;
      case 'literal_element':
      case 'parenthesized_expression':
      case 'expression_list': // `return "x"`: one value
        return node.namedChildCount === 1 ? this.constantValue(node.namedChild(0)!, bindings, depth + 1) : undefined;
      case 'identifier': {
        const init = bindings.constantFor(node);
        return init ? this.constantValue(init, bindings, depth + 8) : undefined;
      }
      case 'call_expression': {
        // Conversions keep the value: `os.FileMode(0o777)`, `[]byte("secret")`.
        const fn = node.childForFieldName('function');
        const args = argumentsOf(node);
        if (!fn || args.length !== 1) return undefined;
        const name = fn.type === 'slice_type' ? fn.text : this.qualify(fn, bindings);
        return name && CONVERSIONS.test(name) ? this.constantValue(args[0]!, bindings, depth + 1) : undefined;
      }
      case 'type_conversion_expression': {
        const operand = node.childForFieldName('operand');
        return operand ? this.constantValue(operand, bindings, depth + 1) : undefined;
      }
      case 'binary_expression': {
        const op = node.childForFieldName('operator')?.text;
        const l = this.constantValue(node.childForFieldName('left')!, bindings, depth + 1);
        if (l === undefined) return undefined;
        const r = this.constantValue(node.childForFieldName('right')!, bindings, depth + 1);
        if (r === undefined) return undefined;
        if (op === '+') return typeof l === 'number' && typeof r === 'number' ? l + r : typeof l === 'string' && typeof r === 'string' ? l + r : undefined;
        if (typeof l !== 'number' || typeof r !== 'number') return undefined;
        if (op === '|') return l | r;
        if (op === '*') return l * r;
        if (op === '<<') return l * 2 ** r;
        return undefined;
      }
      case 'unary_expression': {
        const op = node.childForFieldName('operator')?.text;
        const v = this.constantValue(node.childForFieldName('operand')!, bindings, depth + 1);
        if (op === '-' && typeof v === 'number') return -v;
        if (op === '!' && typeof v === 'boolean') return !v;
        return undefined;
      }
      default:
        return undefined;
    }
  },

  assignParts(node): AssignParts | null {
    const left = node.childForFieldName('left')?.namedChildren ?? [];
    const right = node.childForFieldName('right')?.namedChildren ?? [];
    if (left.length !== 1 || right.length !== 1 || !left[0] || !right[0]) return null;
    return { target: left[0], value: right[0], operator: node.childForFieldName('operator')?.text ?? '=' };
  },

  pairParts(node): PairParts | null {
    const keyNode = element(node.childForFieldName('key'));
    const value = element(node.childForFieldName('value'));
    if (!keyNode || !value) return null;
    const key = keyNode.type === 'interpreted_string_literal' || keyNode.type === 'raw_string_literal' ? decodeGoString(keyNode) ?? keyNode.text : keyNode.text;
    return { key, keyNode, value };
  },

  /** The type of the composite literal a keyed field is in (`Config` for `tls.Config{…}`). */
  parentKey(pair) {
    const literal = pair.parent?.parent;
    if (literal?.type !== 'composite_literal') return null;
    const type = literal.childForFieldName('type');
    return type ? this.lastSegment(type).text : null;
  },

  isArgumentList(node) {
    return node.type === 'argument_list';
  },

  isStatementBoundary(type) {
    return BOUNDARIES.has(type);
  },

  namingNode(node) {
    switch (node.type) {
      case 'var_spec':
      case 'const_spec':
        return node.childForFieldName('name');
      case 'short_var_declaration':
      case 'assignment_statement':
        return node.childForFieldName('left')?.namedChild(0) ?? null;
      case 'keyed_element':
        return element(node.childForFieldName('key'));
      case 'function_declaration':
      case 'method_declaration':
        return node.childForFieldName('name');
      case 'return_statement': {
        let fn = node.parent;
        while (fn && !FUNCTIONS.has(fn.type)) fn = fn.parent;
        return fn?.type === 'func_literal' ? null : fn?.childForFieldName('name') ?? null;
      }
      default:
        return null;
    }
  },

  stringLiteral(value, like) {
    return encodeGoString(value, like);
  },

  /** `fmt.Sprintf` with a constant format is Go's template: its text and values (`%q` cannot be read as text and a value). */
  templatePieces(node) {
    if (node.type !== 'call_expression') return undefined;
    const fn = node.childForFieldName('function');
    if (!fn || fn.type !== 'selector_expression') return undefined;
    // Read without the file's bindings (the adapter is not given them here): `fmt.Sprintf` as written, a literal format.
    if (!SPRINTF.has(fn.text.replace(/\s+/g, ''))) return undefined;
    const args = argumentsOf(node);
    const format = args[0] ? decodeGoString(args[0]) : undefined;
    if (format === undefined) return false;
    const pieces = formatPieces(format, args.slice(1));
    if (!pieces || pieces.some((p) => p.verb === 'q' || p.verb === 'x' || p.verb === 'X')) return false;
    return pieces.map((p) => (p.value ? { expr: p.value, formatted: p.verb !== 's' } : { text: p.text! }));
  },

  wordLiteral(word) {
    // A value formatted by a verb other than %s (a number) is written as text with fmt.Sprint.
    return word.map((p) => ('expr' in p ? (p.formatted ? `fmt.Sprint(${p.expr.text})` : p.expr.text) : encodeGoString(p.text))).join(' + ');
  },

  listLiteral(items) {
    return `[]string{${items.join(', ')}}`;
  },

  stringPartTypes: set('interpreted_string_literal_content', 'raw_string_literal_content'),

  interpolated() {
    return false;
  },

  valueName(literal) {
    return nameFromTable(literal, set('parenthesized_expression', 'expression_list', 'literal_element'), {
      short_var_declaration: ['left'],
      assignment_statement: ['left'],
      var_spec: ['name'],
      const_spec: ['name'],
      keyed_element: ['key'],
    });
  },

  envRead(text, lineStarts, name) {
    const edit = importLine('os', text);
    const edits = [];
    if (edit) {
      const line = lineOf(lineStarts, edit.offset);
      const pos = { line, character: edit.offset - lineStarts[line]! };
      edits.push({ range: { start: pos, end: pos }, newText: edit.text });
    }
    return { expr: `os.Getenv(${encodeGoString(name)})`, title: `Read the secret from os.Getenv("${name}")`, edits };
  },

  listTypes: set('argument_list', 'literal_value', 'import_spec_list'),

  statementBlockTypes: set('statement_list'),

  receiver(call) {
    const fn = call.type === 'call_expression' ? call.childForFieldName('function') : null;
    return fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : null;
  },

  /** A program and its arguments as Go writes them for `exec.Command`: the variadic arguments themselves. */
  argvLiteral(words) {
    const out: string[] = [];
    for (const w of words) {
      const r = this.wordLiteral(w, undefined as unknown as SyntaxNode);
      if (r === undefined) return undefined;
      out.push(r);
    }
    return out.join(', ');
  },

  importLine(qualified, _root, _bindings, text) {
    return importLine(qualified, text);
  },
};

function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Python node types and fields in the taint walk's words (see taintSyntax.ts). */
import type { SyntaxNode } from '../parser';
import { concatPieces } from '../builtStrings';
import { decodePyEscapes, stringPrefix } from './strings';
import { pythonSyntax } from './syntax';
import type { Bindings } from '../syntax';
import { Kind, Param, Piece, tableSyntax, TaintSyntax } from '../taintSyntax';
import { pythonModules } from './modules';

const KINDS: Record<string, Kind> = {
  identifier: 'name', attribute: 'member', subscript: 'subscript', call: 'call',
  string: 'string', concatenated_string: 'string', interpolation: 'interpolation',
  binary_operator: 'binary', boolean_operator: 'binary', not_operator: 'unary', unary_operator: 'unary',
  comparison_operator: 'compare', conditional_expression: 'choice', assignment: 'assign', augmented_assignment: 'update',
  named_expression: 'assign', pair: 'pair',
  list_comprehension: 'comprehension', generator_expression: 'comprehension', set_comprehension: 'comprehension',
  dictionary_comprehension: 'comprehension', for_in_clause: 'for-clause', if_clause: 'if-clause',
  parenthesized_expression: 'paren', await: 'await', list_splat: 'spread', dictionary_splat: 'spread', yield: 'yield',
  list: 'array', tuple: 'array', set: 'array', expression_list: 'array', dictionary: 'object',
  function_definition: 'function', lambda: 'function', comment: 'comment', ERROR: 'error',
  expression_statement: 'expression-statement', return_statement: 'return', raise_statement: 'throw',
  break_statement: 'jump', continue_statement: 'jump', if_statement: 'if', else_clause: 'else', elif_clause: 'elif',
  block: 'block', module: 'module', for_statement: 'loop', while_statement: 'loop', try_statement: 'try',
  with_statement: 'with', with_item: 'with-item', as_pattern: 'alias',
  decorated_definition: 'definition', class_definition: 'class', import_statement: 'import', import_from_statement: 'import',
  parameters: 'parameter-list', pattern_list: 'array-pattern', tuple_pattern: 'array-pattern', list_pattern: 'array-pattern',
  match_statement: 'switch',
};

const table = tableSyntax({
  kinds: KINDS,
  fields: {
    object: ['object', 'value'], property: ['attribute'], index: ['subscript'], function: ['function'], arguments: ['arguments'],
    left: ['left'], operator: ['operator'], right: ['right'], argument: ['argument'], condition: ['condition'],
    consequence: ['consequence'], alternative: ['alternative'], body: ['body'], value: ['value'], name: ['name'], key: ['key'],
    parameters: ['parameters'], pattern: ['pattern'], alias: ['alias'], superclasses: ['superclasses'],
    subject: ['subject'],
  },
});

/** The constant text of a Python (f-)string's content: escapes decoded unless raw, `{{` `}}` as braces in an f-string. */
function pythonText(node: SyntaxNode, fstring: boolean, raw: boolean): string {
  const text = raw ? node.text : decodePyEscapes(node.text);
  return fstring ? text.replace(/\{\{/g, '{').replace(/\}\}/g, '}') : text;
}

/** Case patterns that compare with a literal (`case "a":`, `case 3:`). */
const LITERAL_PATTERNS: ReadonlySet<string> = new Set(['string', 'concatenated_string', 'integer', 'float', 'true', 'false', 'none']);

const SCALAR_TYPES = /^(?:Optional\[)?(?:str|int|float|bool|UUID|uuid\.UUID)\]?(?:\|None)?$/;
/** Annotations that may hold a dictionary (and so a Mongo operator): mappings, `Any`, `object`, JSON. */
const MAPPING_TYPES = /\b(?:dict|Dict|Mapping|MutableMapping|TypedDict|Any|object|Json|JSON|JsonValue)\b/;

/** `%s`-style conversions; `%%` is a literal percent. */
const PERCENT = /%(?:\(([^)]*)\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])/g;
/** `.format` fields: `{}`, `{0}`, `{name}`, `{0.attr}`, `{name[key]:>10}`. */
const FIELD = /\{\{|\}\}|\{([^{}!:]*)(?:![rsa])?(?::[^{}]*)?\}/g;

function percentPieces(format: string, right: SyntaxNode): Piece[] | null {
  let r = right;
  while (r.type === 'parenthesized_expression' && r.namedChildCount === 1) r = r.namedChild(0)!;
  const values = r.type === 'tuple' ? r.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment') : [r];
  const out: Piece[] = [];
  let last = 0;
  let i = 0;
  for (const m of format.matchAll(PERCENT)) {
    out.push({ text: format.slice(last, m.index) });
    last = m.index! + m[0].length;
    if (m[4] === '%') {
      out.push({ text: '%' });
      continue;
    }
    // `%(name)s` takes a mapping and `%*d` an extra argument: not read piece by piece.
    if (m[1] !== undefined || m[2] === '*' || m[3] === '*') return null;
    const v = values[i++];
    if (!v) return null;
    out.push({ node: v });
  }
  // A single non-tuple right side that is a dict or an unknown tuple variable: give up.
  if (r.type !== 'tuple' && i !== 1) return null;
  if (i !== values.length) return null;
  out.push({ text: format.slice(last) });
  return out;
}

function formatPieces(format: string, call: SyntaxNode): Piece[] | null {
  const positional = pythonSyntax.positionalArgs(call);
  if (positional.some((a) => a.type === 'list_splat')) return null;
  const keywords = pythonSyntax.keywordArgs(call);
  const out: Piece[] = [];
  let last = 0;
  let auto = 0;
  for (const m of format.matchAll(FIELD)) {
    out.push({ text: format.slice(last, m.index) });
    last = m.index! + m[0].length;
    if (m[0] === '{{' || m[0] === '}}') {
      out.push({ text: m[0][0]! });
      continue;
    }
    const field = (m[1] ?? '').replace(/[.[].*$/s, '');
    let value: SyntaxNode | undefined;
    if (field === '') value = positional[auto++];
    else if (/^\d+$/.test(field)) value = positional[Number(field)];
    else value = keywords.get(field)?.value;
    if (!value) return null;
    out.push({ node: value });
  }
  out.push({ text: format.slice(last) });
  return out;
}

function fStringPieces(node: SyntaxNode): Piece[] {
  const flags = stringPrefix(node);
  const fstring = flags.includes('f');
  const raw = flags.includes('r');
  const out: Piece[] = [];
  for (const c of node.namedChildren) {
    if (!c || c.type === 'string_start' || c.type === 'string_end') continue;
    if (c.type === 'interpolation') {
      const inner = c.namedChildren.find((x) => x && x.type !== 'type_conversion' && x.type !== 'format_specifier' && x.type !== 'comment');
      // `{x:{width}}`: the whole interpolation is evaluated, the expression gives the constant.
      if (inner) out.push({ node: inner, whole: c });
    } else out.push({ text: pythonText(c, fstring, raw) });
  }
  return out;
}

function paramsOf(fn: SyntaxNode): Param[] {
  const list = fn.childForFieldName('parameters');
  if (!list) return [];
  const out: Param[] = [];
  for (const item of list.namedChildren) {
    if (!item || item.type === 'comment') continue;
    const id =
      item.type === 'identifier'
        ? item
        : item.type === 'typed_parameter' || item.type === 'typed_default_parameter' || item.type === 'default_parameter'
          ? item.childForFieldName('name') ?? item.namedChildren.find((c) => c?.type === 'identifier') ?? null
          : null;
    const typeNode = item.childForFieldName('type');
    if (!id) {
      out.push({ name: '', node: item, type: typeNode?.text.replace(/^:\s*/, ''), decorators: [] });
      continue;
    }
    const value = item.childForFieldName('value') ?? item.childForFieldName('right');
    out.push({ name: id.text, node: id, type: typeNode?.text.replace(/^:\s*/, ''), defaultText: value?.text, decorators: [] });
  }
  // Methods: `self`/`cls` are not inputs.
  if (out[0] && (out[0].name === 'self' || out[0].name === 'cls')) out.shift();
  return out;
}

export const pythonTaint: TaintSyntax = {
  ...table,
  kind: (node) => table.kind(node) ?? (/_statement$/.test(node.type) ? 'statement' : undefined),
  modules: pythonModules,
  functionLiterals: new Set(['lambda']),
  selfNames: new Set(['self', 'cls']),
  keywordArguments: true,
  switchCase(clause) {
    // `case "a" | "b":` compares with literals; `case _:` is the default; a capture, a class
    // pattern or a guard is no plain comparison. A case never runs on into the next.
    if (clause.type !== 'case_clause' || clause.childForFieldName('guard')) return null;
    const patterns = clause.namedChildren.filter((c): c is SyntaxNode => c?.type === 'case_pattern');
    if (patterns.length === 1 && patterns[0]!.namedChildCount === 0 && patterns[0]!.text === '_') return { values: [], fallsThrough: false };
    const values: SyntaxNode[] = [];
    for (const p of patterns) {
      const only = p.namedChildCount === 1 ? p.namedChild(0)! : null;
      const options = only?.type === 'union_pattern' ? only.namedChildren : [only];
      for (const o of options) {
        if (!o || !LITERAL_PATTERNS.has(o.type)) return null;
        values.push(o);
      }
    }
    return values.length > 0 ? { values, fallsThrough: false } : null;
  },
  // A route parameter without a type, or typed as a scalar, is a string (a URL part, a query
  // value FastAPI validated).
  // A view parameter typed with a model class (FastAPI's `data: CreateItem`) is validated into
  // typed fields: a Mongo operator can only ride in a parameter typed as a mapping or `Any`.
  scalarParam: (p) => !p.type || SCALAR_TYPES.test(p.type.replace(/\s+/g, '')) || (!MAPPING_TYPES.test(p.type) && !modelWithMappingField(p.node, p.type)),

  operator(node) {
    const field = node.childForFieldName('operator');
    if (field) return field.text;
    // `not x`, and comparisons, whose operators are unnamed children (`not in`, `is not`).
    return node.children.filter((c) => !!c && !c.isNamed).map((c) => c!.text).join(' ');
  },

  stringPieces(node: SyntaxNode, bindings: Bindings): Piece[] | null {
    switch (node.type) {
      case 'string':
        return node.namedChildren.some((c) => c?.type === 'interpolation') ? fStringPieces(node) : null;
      case 'concatenated_string': {
        const out: Piece[] = [];
        for (const part of node.namedChildren) {
          if (!part) continue;
          const inner = this.stringPieces(part, bindings);
          if (inner) out.push(...inner);
          else out.push({ node: part });
        }
        return out;
      }
      case 'binary_operator': {
        const op = node.childForFieldName('operator')?.text;
        const l = node.childForFieldName('left');
        const r = node.childForFieldName('right');
        if (!l || !r) return null;
        if (op === '+') return concatPieces(this, node, bindings);
        if (op === '%') {
          const format = pythonSyntax.constantValue(l, bindings);
          return typeof format === 'string' ? percentPieces(format, r) : null;
        }
        return null;
      }
      case 'call': {
        const fn = node.childForFieldName('function');
        if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'format') return null;
        const obj = fn.childForFieldName('object');
        const format = obj ? pythonSyntax.constantValue(obj, bindings) : undefined;
        return typeof format === 'string' ? formatPieces(format, node) : null;
      }
      default:
        return null;
    }
  },

  params: paramsOf,

  functionName(fn) {
    const own = fn.childForFieldName('name');
    if (own) return own.text;
    // `{'run': lambda x: …}`, `default_name = lambda x: …`
    if (fn.parent?.type === 'assignment' && fn.parent.childForFieldName('left')?.type === 'identifier') return fn.parent.childForFieldName('left')!.text;
    return fn.parent?.type === 'pair' ? fn.parent.childForFieldName('key')?.text ?? null : null;
  },

  objectPatternOf() {
    return null;
  },

  classOf(fn) {
    let p = fn.parent;
    if (p?.type === 'decorated_definition') p = p.parent;
    if (p?.type === 'block') p = p.parent;
    return p?.type === 'class_definition' ? p : null;
  },

  isStaticMethod(fn) {
    return fn.parent?.type === 'decorated_definition' && fn.parent.namedChildren.some((d) => d?.type === 'decorator' && /^@(staticmethod|classmethod)\b/.test(d.text));
  },

  decorators(fn) {
    const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : null;
    if (!holder) return [];
    const out: SyntaxNode[] = [];
    for (const d of holder.namedChildren) {
      if (d?.type !== 'decorator') continue;
      const expr = d.namedChild(0);
      const callee = expr?.type === 'call' ? expr.childForFieldName('function') : expr;
      if (callee) out.push(callee);
    }
    return out;
  },

  isExported() {
    return false;
  },

  standalone(fn) {
    // A lambda is analysed where it appears, unless it is given a name (`default_name = lambda v: …`).
    return fn.type !== 'lambda' || fn.parent?.type === 'assignment';
  },

  constDeclared() {
    return false;
  },

  shape(node) {
    // `dict(a=1)` is the dictionary literal it builds.
    if (node.type === 'call' && node.childForFieldName('function')?.text === 'dict') return 'dictionary';
    return node.type;
  },

  convertedParams(fn) {
    const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : null;
    const out = new Set<string>();
    for (const d of holder?.namedChildren ?? []) {
      if (d?.type !== 'decorator') continue;
      for (const m of d.text.matchAll(/<(int|float|uuid):(\w+)>/g)) out.add(m[2]!);
    }
    return out;
  },

  queryExpression: ormComparison,
};

/** Parents an ORM condition is combined through before it is passed on (`(a == b) & (c == d)`, `~(a == b)`). */
const CONDITION_GLUE = new Set(['parenthesized_expression', 'binary_operator', 'unary_operator', 'not_operator', 'boolean_operator', 'tuple', 'list']);

/**
 * SQLAlchemy, Peewee and Pony overload `==` on columns to build a condition: `User.token ==
 * token` (a class's attribute), `users.c.token == token` (a table's columns), or a comparison
 * passed straight to a call (`filter(…)`, `where(…)`, `and_(…)`), where a test's truth value
 * would mean nothing.
 */
function ormComparison(node: SyntaxNode): boolean {
  for (const side of node.namedChildren) {
    if (side?.type !== 'attribute') continue;
    const obj = side.childForFieldName('object');
    if (obj?.type === 'identifier' && /^[A-Z]/.test(obj.text) && !/^[A-Z0-9_]+$/.test(obj.text)) return true;
    if (obj?.type === 'attribute' && obj.childForFieldName('attribute')?.text === 'c') return true;
  }
  let n: SyntaxNode = node;
  while (n.parent && CONDITION_GLUE.has(n.parent.type)) n = n.parent;
  const parent = n.parent;
  return parent?.type === 'argument_list' || (parent?.type === 'keyword_argument' && parent.childForFieldName('value')?.id === n.id);
}

/**
 * A model class of this file named in the annotation `type` that declares a field typed as a
 * mapping (`filter: dict`): the parameter can then carry a Mongo filter after all.
 */
function modelWithMappingField(node: SyntaxNode, type: string): boolean {
  const models = modelsWithMappingFields(node);
  return models.size > 0 && (type.match(/[A-Za-z_]\w*/g) ?? []).some((name) => models.has(name));
}

/** Per parsed file: every view parameter asks, and the answer is the file's, read once. */
const mappingModels = new WeakMap<object, ReadonlySet<string>>();

/** The classes of the file that declare a field typed as a mapping. */
function modelsWithMappingFields(node: SyntaxNode): ReadonlySet<string> {
  const known = mappingModels.get(node.tree);
  if (known) return known;
  const out = new Set<string>();
  let root: SyntaxNode = node;
  while (root.parent) root = root.parent;
  for (const cls of root.descendantsOfType('class_definition')) {
    const name = cls?.childForFieldName('name')?.text;
    if (!name) continue;
    const fields = cls!.childForFieldName('body')?.descendantsOfType('assignment') ?? [];
    if (fields.some((field) => MAPPING_TYPES.test(field?.childForFieldName('type')?.text ?? ''))) out.add(name);
  }
  mappingModels.set(node.tree, out);
  return out;
}

/**
 * HCL expressions evaluated as far as the file (and its folder) tells: literals, lists,
 * objects, templates whose parts are known, `var.*`/`local.*` through a scope, and the few
 * functions that only reshape data (`jsonencode`, `tolist`, `concat`, `merge` …). Anything
 * else is `unknown`, keeping the reference's text (`aws_s3_bucket.logs.id`) so checks can
 * still tell what it points at. Every value keeps the span it was written at; a value reached
 * through a reference takes the reference's span (that is where the editor underlines) and
 * says `via` which name it came.
 */
import type { SyntaxNode } from '../parser';
import type { Span } from './document';

interface Base {
  span: Span;
  /** The reference this value was read through (`var.cidrs`), when it was not written here. */
  via?: string;
  /** The expression, for readers that look inside (a heredoc of JSON). */
  node?: SyntaxNode;
  /**
   * Written in another text and placed there (a module call's argument, seen from inside the
   * module: rebase): references and reshaping functions do not move it, so a finding lands on
   * the value the caller wrote.
   */
  pinned?: boolean;
}
export interface ObjectEntry {
  key: string;
  keySpan: Span;
  value: Value;
}
export type Value =
  | (Base & { kind: 'string'; value: string })
  | (Base & { kind: 'number'; value: number })
  | (Base & { kind: 'bool'; value: boolean })
  | (Base & { kind: 'null' })
  | (Base & { kind: 'list'; items: Value[] })
  | (Base & { kind: 'object'; entries: ObjectEntry[] })
  /** `ref`: a reference's text. */
  | (Base & { kind: 'unknown'; ref?: string });

/** Resolves `var.x`, `local.y` (the first two parts of a reference); undefined when it cannot. */
export interface Scope {
  reference(root: string, name: string, span: Span): Value | undefined;
}

export const NO_SCOPE: Scope = { reference: () => undefined };

const DEPTH = 40;

export function evaluate(expr: SyntaxNode, scope: Scope, depth = 0): Value {
  const span = { start: expr.startIndex, end: expr.endIndex };
  if (depth > DEPTH) return { kind: 'unknown', span };
  const parts = expr.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  const head = parts[0];
  if (!head) return { kind: 'unknown', span };
  if (expr.type === 'expression' && parts.length > 1) return traverse(head, parts.slice(1), span, scope, depth);
  return term(head, span, scope, depth);
}

function term(n: SyntaxNode, span: Span, scope: Scope, depth: number): Value {
  switch (n.type) {
    case 'expression':
      return evaluate(n, scope, depth + 1);
    case 'literal_value':
      return literal(n.namedChild(0), span);
    case 'collection_value':
      return collection(n.namedChild(0), span, scope, depth);
    case 'template_expr':
      return template(n.namedChild(0), span, scope, depth);
    case 'variable_expr':
      return traverse(n, [], span, scope, depth);
    case 'function_call':
      return call(n, span, scope, depth);
    case 'operation':
      return operation(n.namedChild(0), span, scope, depth);
    case 'conditional': {
      const [cond, yes, no] = n.namedChildren.filter((c): c is SyntaxNode => !!c && c.type === 'expression');
      const c = cond ? evaluate(cond, scope, depth + 1) : undefined;
      if (c?.kind === 'bool' && yes && no) return placed(evaluate(c.value ? yes : no, scope, depth + 1), span);
      return { kind: 'unknown', span, node: n };
    }
    default:
      return { kind: 'unknown', span, node: n };
  }
}

/**
 * `==`, `!=` (known scalars and null), `&&`, `||`, `!` (known bools): enough for the guards
 * modules write around optional inputs (`var.x != null ? [var.x] : []`). Others are unknown.
 */
function operation(n: SyntaxNode | null, span: Span, scope: Scope, depth: number): Value {
  if (!n) return { kind: 'unknown', span };
  const children = n.children.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  const op = children.findIndex((c) => !c.isNamed);
  if (op < 0) return { kind: 'unknown', span, node: n };
  const operand = (parts: SyntaxNode[]): Value | undefined =>
    parts.length === 0 ? undefined : parts.length === 1 ? term(parts[0]!, span, scope, depth + 1) : traverse(parts[0]!, parts.slice(1), span, scope, depth + 1);
  const operator = children[op]!.text;
  const right = operand(children.slice(op + 1));
  if (n.type === 'unary_operation') {
    return operator === '!' && right?.kind === 'bool' ? { kind: 'bool', value: !right.value, span } : { kind: 'unknown', span, node: n };
  }
  const left = operand(children.slice(0, op));
  if (!left || !right) return { kind: 'unknown', span, node: n };
  if (operator === '==' || operator === '!=') {
    const same = equal(left, right);
    return same === undefined ? { kind: 'unknown', span, node: n } : { kind: 'bool', value: operator === '==' ? same : !same, span };
  }
  if ((operator === '&&' || operator === '||') && left.kind === 'bool' && right.kind === 'bool') {
    return { kind: 'bool', value: operator === '&&' ? left.value && right.value : left.value || right.value, span };
  }
  return { kind: 'unknown', span, node: n };
}

/** Whether two values are equal, when both are known enough to say (null against any known value). */
function equal(a: Value, b: Value): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if (a.kind === 'null' || b.kind === 'null') return a.kind === b.kind;
  const x = scalarText(a);
  const y = scalarText(b);
  return x === undefined || y === undefined ? undefined : a.kind === b.kind && x === y;
}

function literal(n: SyntaxNode | null, span: Span): Value {
  if (!n) return { kind: 'unknown', span };
  switch (n.type) {
    case 'string_lit':
      return { kind: 'string', value: unescape(n.namedChildren.filter((c) => !!c && c.type === 'template_literal').map((c) => c!.text).join('')), span };
    case 'numeric_lit':
      return { kind: 'number', value: Number(n.text), span };
    case 'bool_lit':
      return { kind: 'bool', value: n.text === 'true', span };
    case 'null_lit':
      return { kind: 'null', span };
    default:
      return { kind: 'unknown', span, node: n };
  }
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** A quoted string's escapes (`\"`, `\n`, `\u00e9`) and the doubled template markers (`$${`, `%%{`). */
export function unescape(raw: string): string {
  return raw
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (whole, e: string) => (e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : ESCAPES[e] ?? whole))
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

function collection(n: SyntaxNode | null, span: Span, scope: Scope, depth: number): Value {
  if (n?.type === 'tuple') {
    return { kind: 'list', items: n.namedChildren.filter((c): c is SyntaxNode => !!c && c.type === 'expression').map((c) => evaluate(c, scope, depth + 1)), span };
  }
  if (n?.type === 'object') {
    const entries: ObjectEntry[] = [];
    for (const e of n.namedChildren) {
      if (!e || e.type !== 'object_elem') continue;
      const k = e.childForFieldName('key');
      const v = e.childForFieldName('val');
      if (!k || !v) continue;
      const key = objectKey(k, scope, depth);
      if (key !== undefined) entries.push({ key, keySpan: { start: k.startIndex, end: k.endIndex }, value: evaluate(v, scope, depth + 1) });
    }
    return { kind: 'object', entries, span };
  }
  return { kind: 'unknown', span };
}

/** `Name = …` (a bare word is the key itself) or `"Name" = …`. */
function objectKey(k: SyntaxNode, scope: Scope, depth: number): string | undefined {
  const parts = k.namedChildren.filter((c): c is SyntaxNode => !!c);
  if (parts.length === 1 && parts[0]!.type === 'variable_expr') return parts[0]!.text;
  const v = evaluate(k, scope, depth + 1);
  return v.kind === 'string' ? v.value : undefined;
}

function template(n: SyntaxNode | null, span: Span, scope: Scope, depth: number): Value {
  if (!n) return { kind: 'unknown', span };
  const heredoc = n.type === 'heredoc_template';
  let out = '';
  for (const c of n.namedChildren) {
    if (!c) continue;
    if (c.type === 'template_literal') out += heredoc ? c.text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{') : unescape(c.text);
    else if (c.type === 'template_interpolation') {
      const e = c.namedChildren.find((x): x is SyntaxNode => !!x && x.type === 'expression');
      const v = e ? evaluate(e, scope, depth + 1) : undefined;
      if (v?.kind === 'string' || v?.kind === 'number' || v?.kind === 'bool') out += String(v.value);
      else return { kind: 'unknown', span, node: n };
    } else if (c.type === 'template_directive') return { kind: 'unknown', span, node: n };
  }
  if (heredoc) {
    const start = n.namedChildren.find((c) => !!c && c.type === 'heredoc_start');
    out = out.replace(/^\r?\n/, '');
    if (start?.text.startsWith('<<-')) out = dedent(out);
  }
  return { kind: 'string', value: out, span, node: n };
}

function dedent(s: string): string {
  const lines = s.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return Number.isFinite(indent) ? lines.map((l) => l.slice(indent)).join('\n') : s;
}

/** `var.x.y[0]`, `local.m["k"]`, `aws_s3_bucket.b.id`: resolved through the scope, then walked. */
function traverse(head: SyntaxNode, rest: SyntaxNode[], span: Span, scope: Scope, depth: number): Value {
  const path: (string | number)[] = [];
  let base: Value | undefined;
  if (head.type === 'variable_expr') path.push(head.text);
  else base = term(head, span, scope, depth);
  for (const p of rest) {
    if (p.type === 'get_attr') path.push(p.namedChild(0)?.text ?? '');
    else if (p.type === 'index') {
      const i = p.namedChild(0);
      if (i?.type === 'legacy_index') path.push(Number(i.text.replace(/^\./, '')));
      else {
        const e = i?.namedChild(0);
        const v = e ? evaluate(e, scope, depth + 1) : undefined;
        if (v?.kind === 'string' || v?.kind === 'number') path.push(v.value);
        else return { kind: 'unknown', span, ref: refText(path) };
      }
    } else return { kind: 'unknown', span, ref: refText(path) };
  }
  let walked = 0;
  if (!base && path.length >= 2 && typeof path[1] === 'string') {
    base = scope.reference(String(path[0]), path[1], span);
    walked = 2;
  }
  if (!base) return { kind: 'unknown', span, ref: refText(path) };
  let v: Value | undefined = base;
  for (const key of path.slice(walked)) {
    v = member(v, key);
    if (!v) return { kind: 'unknown', span, ref: refText(path) };
  }
  return walked > 0 ? at(v, span, refText(path.slice(0, 2))) : placed(v, span);
}

function refText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function member(v: Value | undefined, key: string | number): Value | undefined {
  if (v?.kind === 'object') return v.entries.find((e) => e.key === String(key))?.value;
  if (v?.kind === 'list' && typeof key === 'number') return v.items[key];
  return undefined;
}

/** `v` with its span moved to `span`, unless it is pinned to where another text wrote it. */
function placed(v: Value, span: Span): Value {
  return v.pinned ? v : { ...v, span };
}

/** `v` as if written at `span` (a value read through a reference is reported at the reference). */
export function at(v: Value, span: Span, via: string): Value {
  if (v.pinned) return v;
  switch (v.kind) {
    case 'list':
      return { kind: 'list', items: v.items.map((i) => at(i, span, via)), span, via };
    case 'object':
      return { kind: 'object', entries: v.entries.map((e) => ({ key: e.key, keySpan: span, value: at(e.value, span, via) })), span, via };
    case 'unknown':
      return { kind: 'unknown', span, via, ...(v.ref ? { ref: v.ref } : {}) };
    default:
      return { ...v, span, via, node: undefined };
  }
}

function call(n: SyntaxNode, span: Span, scope: Scope, depth: number): Value {
  const name = n.namedChild(0)?.text ?? '';
  const args = (n.namedChildren.find((c) => !!c && c.type === 'function_arguments')?.namedChildren ?? []).filter((c): c is SyntaxNode => !!c && c.type === 'expression');
  const values = (): Value[] => args.map((a) => evaluate(a, scope, depth + 1));
  switch (name) {
    case 'jsonencode':
    case 'tolist':
    case 'toset':
    case 'tomap':
    case 'sensitive':
    case 'nonsensitive':
      return args.length === 1 ? placed(evaluate(args[0]!, scope, depth + 1), span) : { kind: 'unknown', span };
    case 'concat': {
      const vs = values();
      return vs.every((v) => v.kind === 'list') ? { kind: 'list', items: vs.flatMap((v) => (v.kind === 'list' ? v.items : [])), span } : { kind: 'unknown', span, node: n };
    }
    case 'merge': {
      const vs = values();
      if (!vs.every((v) => v.kind === 'object')) return { kind: 'unknown', span, node: n };
      const entries = new Map<string, ObjectEntry>();
      for (const v of vs) for (const e of v.kind === 'object' ? v.entries : []) entries.set(e.key, e);
      return { kind: 'object', entries: [...entries.values()], span };
    }
    case 'lower':
    case 'upper': {
      const v = args.length === 1 ? evaluate(args[0]!, scope, depth + 1) : undefined;
      return v?.kind === 'string' ? { kind: 'string', value: name === 'lower' ? v.value.toLowerCase() : v.value.toUpperCase(), span } : { kind: 'unknown', span, node: n };
    }
    default:
      return { kind: 'unknown', span, node: n };
  }
}

/**
 * `v` (evaluated in another text) as placed `offset` characters further on, pinned there: a
 * module's view of its caller's argument, in a text that holds the caller's after its own.
 */
export function rebase(v: Value, offset: number): Value {
  const span = { start: v.span.start + offset, end: v.span.end + offset };
  const base = { span, pinned: true as const, ...(v.via ? { via: v.via } : {}) };
  switch (v.kind) {
    case 'list':
      return { ...base, kind: 'list', items: v.items.map((i) => rebase(i, offset)) };
    case 'object':
      return { ...base, kind: 'object', entries: v.entries.map((e) => ({ key: e.key, keySpan: { start: e.keySpan.start + offset, end: e.keySpan.end + offset }, value: rebase(e.value, offset) })) };
    case 'unknown':
      return { ...base, kind: 'unknown', ...(v.ref ? { ref: v.ref } : {}) };
    case 'null':
      return { ...base, kind: 'null' };
    default:
      return { ...base, kind: v.kind, value: v.value } as Value;
  }
}

/** Plain data (what a sibling file tells about its variables and locals): no places, `undefined` where unknown. */
export type Data = string | number | boolean | null | undefined | Data[] | { [key: string]: Data };

export function toData(v: Value): Data {
  switch (v.kind) {
    case 'list':
      return v.items.map(toData);
    case 'object':
      return Object.fromEntries(v.entries.map((e) => [e.key, toData(e.value)]));
    case 'null':
      return null;
    case 'unknown':
      return undefined;
    default:
      return v.value;
  }
}

export function fromData(d: Data, span: Span, via: string): Value {
  if (d === undefined) return { kind: 'unknown', span, via };
  if (d === null) return { kind: 'null', span, via };
  if (Array.isArray(d)) return { kind: 'list', items: d.map((x) => fromData(x, span, via)), span, via };
  if (typeof d === 'object') return { kind: 'object', entries: Object.entries(d).map(([key, x]) => ({ key, keySpan: span, value: fromData(x, span, via) })), span, via };
  if (typeof d === 'string') return { kind: 'string', value: d, span, via };
  if (typeof d === 'number') return { kind: 'number', value: d, span, via };
  return { kind: 'bool', value: d, span, via };
}

/** The value as text when it is a known string, number or bool (`"22"`, `22`, `true`). */
export function scalarText(v: Value | undefined): string | undefined {
  return v && (v.kind === 'string' || v.kind === 'number' || v.kind === 'bool') ? String(v.value) : undefined;
}

/** The items of a list (a single value reads as a list of one). */
export function itemsOf(v: Value | undefined): Value[] {
  if (!v) return [];
  return v.kind === 'list' ? v.items : [v];
}

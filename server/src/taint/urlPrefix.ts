/**
 * Strings built from pieces (`'/users/' + id`, template strings, f-strings, `%`, `.format`),
 * read in order, so that taint entering after a fixed prefix that pins the destination of a
 * URL is clean for the sinks where only the destination matters (redirect, SSRF):
 * `` `https://api.example.com/items/${id}` `` cannot send the request anywhere else.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import { decodeEscape } from '../languages/jsStrings';
import { decodePyEscapes, stringPrefix } from '../languages/pyStrings';
import { CLEAN, sanitize, Taint, union } from './facts';
import type { FlowWalker, Frame } from './flow';

/** Sink kinds for which a pinned prefix makes the rest of the string harmless. */
export const DESTINATION_KINDS: readonly string[] = ['redirect', 'ssrf'];

/** A piece of a built string: constant text, or a value (`whole`: what to evaluate, when more than `node`). */
export type Piece = { text: string } | { node: SyntaxNode; whole?: SyntaxNode };

/** Stands for a value that is not constant while the prefix is checked. */
export const UNKNOWN = '\u0000';

/**
 * True when the text before a value already fixes where the URL goes, whatever the value is:
 * - `scheme://host` followed by `/`, `?`, `#` (or `\`, which browsers read as `/`);
 * - a path on this site: `/` then a character that is neither `/` nor `\` (so not `//evil`),
 *   possibly after app values (`${BASE}/api/…`: whether BASE is a host or empty, the path is fixed);
 * - a query or fragment (`?next=`, `#`), or a relative path whose first segment has no `:`.
 * URL parsers drop tabs and newlines anywhere and leading spaces/control characters, so
 * those are removed first (`'/\t/evil'` is `//evil`).
 */
export function pinsDestination(prefix: string): boolean {
  const p = prefix.replace(/[\t\n\r]/g, '').replace(/^[\u0001-\u0020]+/, '');
  return SCHEME_HOST.test(p) || SITE_PATH.test(p) || /^[?#]/.test(p) || RELATIVE.test(p);
}

// Hierarchical schemes whose authority is the host (not `javascript://…`, where `//` is a comment).
const SCHEME_HOST = /^(?:https?|wss?|ftp):\/\/[^/?#\\]+[/?#\\]/i;
const SITE_PATH = new RegExp(`^${UNKNOWN}*/[^/\\\\${UNKNOWN}]`);
const RELATIVE = new RegExp(`^[^:/?#\\\\${UNKNOWN}]+[/?#]`);

/** The constant text of a JS template string's fragment or escape sequence. */
function templateText(node: SyntaxNode): string {
  return node.type === 'escape_sequence' ? decodeEscape(node.text) : node.text;
}

/** The constant text of a Python (f-)string's content: escapes decoded unless raw, `{{` `}}` as braces in an f-string. */
function pythonText(node: SyntaxNode, fstring: boolean, raw: boolean): string {
  const text = raw ? node.text : decodePyEscapes(node.text);
  return fstring ? text.replace(/\{\{/g, '{').replace(/\}\}/g, '}') : text;
}

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

function formatPieces(ctx: FileContext, format: string, call: SyntaxNode): Piece[] | null {
  const positional = ctx.adapter.positionalArgs(call);
  if (positional.some((a) => a.type === 'list_splat')) return null;
  const keywords = ctx.adapter.keywordArgs(call);
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

/**
 * The pieces of a string built in place, in order, or null when the node is not one.
 * Nested concatenations are flattened (`a + b + c`).
 */
export function stringPieces(ctx: FileContext, node: SyntaxNode): Piece[] | null {
  const python = ctx.adapter.family === 'python';
  switch (node.type) {
    case 'template_string': {
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
    case 'string': {
      if (!python || !node.namedChildren.some((c) => c?.type === 'interpolation')) return null;
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
    case 'concatenated_string': {
      const out: Piece[] = [];
      for (const part of node.namedChildren) {
        if (!part) continue;
        const inner = stringPieces(ctx, part);
        if (inner) out.push(...inner);
        else out.push({ node: part });
      }
      return out;
    }
    case 'binary_expression':
    case 'binary_operator': {
      const op = node.childForFieldName('operator')?.text;
      const l = node.childForFieldName('left');
      const r = node.childForFieldName('right');
      if (!l || !r) return null;
      if (op === '+') return concatPieces(ctx, node);
      if (op === '%' && python) {
        const format = ctx.adapter.constantValue(l, ctx.bindings);
        return typeof format === 'string' ? percentPieces(format, r) : null;
      }
      return null;
    }
    case 'call': {
      if (!python) return null;
      const fn = node.childForFieldName('function');
      if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'format') return null;
      const obj = fn.childForFieldName('object');
      const format = obj ? ctx.adapter.constantValue(obj, ctx.bindings) : undefined;
      return typeof format === 'string' ? formatPieces(ctx, format, node) : null;
    }
    default:
      return null;
  }
}

/**
 * `a + b + c` nests to the left (`(a + b) + c`) as deep as the chain is long (SQL built over
 * hundreds of lines): the left spine is followed with a loop, so only each right-hand side
 * (and a parenthesised chain inside one) adds a level of recursion.
 */
function concatPieces(ctx: FileContext, node: SyntaxNode): Piece[] | null {
  const rights: SyntaxNode[] = [];
  let n = node;
  for (;;) {
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    if (!l || !r) return null;
    rights.push(r);
    if (l.type === node.type && l.childForFieldName('operator')?.text === '+') {
      n = l;
      continue;
    }
    rights.push(l);
    break;
  }
  const out: Piece[] = [];
  for (let i = rights.length - 1; i >= 0; i--) {
    const side = rights[i]!;
    const inner = side.type === node.type || side.type === 'template_string' || side.type === 'string' || side.type === 'concatenated_string' ? stringPieces(ctx, side) : null;
    if (inner) out.push(...inner);
    else out.push({ node: side });
  }
  return out;
}

/**
 * Evaluates the pieces in order; a value that comes after a prefix pinning the destination
 * is clean for redirect and SSRF sinks (and still tainted for every other kind).
 */
export function evalPieces(w: FlowWalker, pieces: Piece[], frame: Frame): Taint {
  let prefix = '';
  let pinned = false;
  let out: Taint = CLEAN;
  for (const piece of pieces) {
    if ('text' in piece) {
      if (!pinned) prefix += piece.text;
      continue;
    }
    let t = w.expr(piece.whole ?? piece.node, frame);
    if (t.length > 0 && !pinned) pinned = pinsDestination(prefix);
    if (t.length > 0 && pinned) t = sanitize(t, DESTINATION_KINDS);
    // Earlier pieces first: a value that is also used before the prefix keeps its live facts.
    out = union(out, t);
    if (!pinned) {
      const v = t.length === 0 ? w.ctx.adapter.constantValue(piece.node, w.ctx.bindings) : undefined;
      prefix += typeof v === 'string' || typeof v === 'number' ? String(v) : UNKNOWN;
      if (prefix.length > 4096) prefix = prefix.slice(0, 4096);
    }
  }
  return out;
}

/**
 * JSON written inside HCL: a heredoc (`policy = <<EOF { … } EOF`) or a string. The heredoc is
 * parsed in place, so each JSON value keeps its exact span in the file; an interpolation
 * (`"arn:aws:s3:::${var.bucket}/*"`) reads as an unknown string, or an unknown value where it
 * stands for a whole JSON value. A string that is not a heredoc is parsed from its decoded
 * text, every value placed on the whole string.
 */
import { Node as JsonNode, parseTree, ParseError } from 'jsonc-parser';
import type { SyntaxNode } from '../parser';
import type { Span } from './document';
import type { Value } from './values';

/** Stands for interpolated text inside a JSON string (a private-use character). */
const HOLE = '\uE000';

/** The JSON a value holds: a heredoc's (parsed in place), or a known string's; undefined when it is not JSON. */
export function jsonOf(v: Value): Value | undefined {
  if (v.node?.type === 'heredoc_template' && !v.via && (v.kind === 'unknown' || v.kind === 'string')) return heredocJson(v.node);
  if (v.kind === 'string') return parse(v.value, () => v.span, v.via);
  return undefined;
}

function heredocJson(n: SyntaxNode): Value | undefined {
  const ids = n.namedChildren.filter((c): c is SyntaxNode => !!c && c.type === 'heredoc_identifier');
  const first = ids[0];
  const last = ids[ids.length - 1];
  if (!first || !last || first === last) return undefined;
  const source = n.tree.rootNode.text;
  const start = first.endIndex;
  const end = last.startIndex;
  let masked = '';
  let cursor = start;
  let inString = false;
  const advance = (to: number): void => {
    for (let i = cursor; i < to; i++) {
      const ch = source[i];
      if (ch === '\\' && inString) {
        i++;
        continue;
      }
      if (ch === '"') inString = !inString;
    }
    masked += source.slice(cursor, to);
    cursor = to;
  };
  for (const c of n.namedChildren) {
    if (!c || (c.type !== 'template_interpolation' && c.type !== 'template_directive')) continue;
    advance(c.startIndex);
    const len = c.endIndex - c.startIndex;
    masked += inString ? HOLE.repeat(len) : '0' + ' '.repeat(len - 1);
    cursor = c.endIndex;
  }
  advance(end);
  // `$${` is a literal `${` in HCL: same length once one `$` is kept as a hole.
  return parse(masked.replace(/\$\$\{/g, `${HOLE}\${`), (node) => ({ start: start + node.offset, end: start + node.offset + node.length }));
}

function parse(text: string, spanOf: (n: JsonNode) => Span, via?: string): Value | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!root || errors.length > 0) return undefined;
  return convert(root, spanOf, via);
}

function convert(n: JsonNode, spanOf: (n: JsonNode) => Span, via: string | undefined): Value {
  const span = spanOf(n);
  const extra = via ? { via } : {};
  switch (n.type) {
    case 'object':
      return {
        kind: 'object',
        span,
        ...extra,
        entries: (n.children ?? []).flatMap((p) => {
          const [k, v] = p.children ?? [];
          return k && v && typeof k.value === 'string' ? [{ key: k.value, keySpan: spanOf(k), value: convert(v, spanOf, via) }] : [];
        }),
      };
    case 'array':
      return { kind: 'list', span, ...extra, items: (n.children ?? []).map((c) => convert(c, spanOf, via)) };
    case 'string':
      return String(n.value).includes(HOLE) ? { kind: 'unknown', span, ...extra } : { kind: 'string', value: String(n.value), span, ...extra };
    case 'number':
      return { kind: 'number', value: Number(n.value), span, ...extra };
    case 'boolean':
      return { kind: 'bool', value: !!n.value, span, ...extra };
    default:
      return { kind: 'null', span, ...extra };
  }
}

/** Reading and writing JavaScript string literals. */
import type { SyntaxNode } from '../parser';

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** The character an escape sequence (`\n`, `\x41`, `\u{1F600}`) stands for. */
export function decodeEscape(seq: string): string {
  const body = seq.slice(1);
  if (body in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[body]!;
  if (body.startsWith('x')) return String.fromCharCode(parseInt(body.slice(1), 16));
  if (body.startsWith('u{')) return String.fromCodePoint(parseInt(body.slice(2, -1), 16));
  if (body.startsWith('u')) return String.fromCharCode(parseInt(body.slice(1), 16));
  if (body.startsWith('\n') || body.startsWith('\r')) return '';
  return body;
}

/** The text a string's or template's literal part stands for; undefined for any other child. */
function literalText(child: SyntaxNode): string | undefined {
  if (child.type === 'string_fragment') return child.text;
  if (child.type === 'escape_sequence') return decodeEscape(child.text);
  return undefined;
}

/** The value of a `string` or substitution-free `template_string` node. */
export function decodeJsString(node: SyntaxNode): string {
  let out = '';
  for (const child of node.namedChildren) if (child) out += literalText(child) ?? '';
  return out;
}

/**
 * The value of a template literal whose every substitution `fold` finds a constant for
 * (`${RETENTION_DAYS} days` with `const RETENTION_DAYS = 365`); undefined otherwise.
 */
export function templateValue(node: SyntaxNode, fold: (expr: SyntaxNode) => string | number | boolean | null | undefined): string | undefined {
  let out = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type !== 'template_substitution') {
      const text = literalText(child);
      if (text === undefined) return undefined;
      out += text;
      continue;
    }
    const inner = child.namedChildCount === 1 ? child.namedChild(0) : null;
    const v = inner ? fold(inner) : undefined;
    // null stands for both null and undefined, which a template writes differently.
    if (v === undefined || v === null) return undefined;
    out += String(v);
  }
  return out;
}

export function encodeJsString(value: string, quote: "'" | '"' = "'"): string {
  let out = quote;
  for (const ch of value) {
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return out + quote;
}

/** Java string literals: their value (escapes decoded, text blocks de-indented) and writing one. */
import type { SyntaxNode } from '../parser';

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', b: '\b', r: '\r', f: '\f', s: ' ', '"': '"', "'": "'", '\\': '\\' };

/** One escape sequence's value (`\n`, `\u0041`, octal `\101`); a line continuation in a text block is nothing. */
export function decodeJavaEscape(escape: string): string {
  const body = escape.slice(1);
  if (body in SIMPLE) return SIMPLE[body]!;
  if (/^u+[0-9a-fA-F]{4}$/.test(body)) return String.fromCharCode(parseInt(body.slice(-4), 16));
  if (/^[0-7]{1,3}$/.test(body)) return String.fromCharCode(parseInt(body, 8) & 0xff);
  if (body === '\n' || body === '\r\n') return '';
  return body;
}

/**
 * A text block's content: the lines after the opening `"""`, with the indentation they all
 * share removed and trailing spaces stripped (JLS 3.10.6, without the escape subtleties).
 */
function textBlock(raw: string): string {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const significant = lines.filter((l, i) => l.trim() !== '' || i === lines.length - 1);
  const indent = Math.min(...significant.map((l) => (l.trim() === '' ? l.length : l.length - l.trimStart().length)));
  return lines.map((l) => l.slice(Math.min(indent, l.length)).replace(/[ \t]+$/, '')).join('\n');
}

/** The value of a `string_literal` node, or undefined when it cannot be known. */
export function decodeJavaString(node: SyntaxNode): string | undefined {
  const text = node.text;
  if (text.startsWith('"""')) {
    const inner = text.slice(3, -3).replace(/^[ \t]*\r?\n/, '');
    return textBlock(inner).replace(/\\(u+[0-9a-fA-F]{4}|[0-7]{1,3}|.|\r?\n)/gs, (m) => decodeJavaEscape(m));
  }
  let out = '';
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'string_fragment') out += c.text;
    else if (c.type === 'escape_sequence') out += decodeJavaEscape(c.text);
    else return undefined;
  }
  return out;
}

/** `value` as Java source: a double-quoted literal. */
export function encodeJavaString(value: string): string {
  const escaped = value.replace(/[\\"\n\r\t\b\f]|[\u0000-\u001f]/g, (ch) => {
    switch (ch) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '\b':
        return '\\b';
      case '\f':
        return '\\f';
      default:
        return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `"${escaped}"`;
}

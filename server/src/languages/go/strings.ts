/** Go string literals: their value (escapes decoded, raw strings as written) and writing one. */
import type { SyntaxNode } from '../parser';

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** One escape sequence's value (`\n`, `\x41`, `\u00e9`, `\U0001f600`, octal `\101`). */
export function decodeGoEscape(escape: string): string | undefined {
  const body = escape.slice(1);
  if (body in SIMPLE) return SIMPLE[body]!;
  if (/^x[0-9a-fA-F]{2}$/.test(body)) return String.fromCharCode(parseInt(body.slice(1), 16));
  if (/^(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})$/.test(body)) {
    const code = parseInt(body.slice(1), 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  if (/^[0-7]{3}$/.test(body)) return String.fromCharCode(parseInt(body, 8));
  return undefined;
}

/** The value of an interpreted (`"…"`) or raw (`` `…` ``) string literal, or undefined when it cannot be known. */
export function decodeGoString(node: SyntaxNode): string | undefined {
  if (node.type === 'raw_string_literal') {
    // Carriage returns inside raw strings are discarded (Go spec, "String literals").
    return node.text.slice(1, -1).replace(/\r/g, '');
  }
  if (node.type !== 'interpreted_string_literal') return undefined;
  let out = '';
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'interpreted_string_literal_content') out += c.text;
    else if (c.type === 'escape_sequence') {
      const v = decodeGoEscape(c.text);
      if (v === undefined) return undefined;
      out += v;
    } else return undefined;
  }
  return out;
}

/** `value` as Go source: a raw literal when `like` is one and the value allows it, else an interpreted literal. */
export function encodeGoString(value: string, like?: SyntaxNode): string {
  if (like?.type === 'raw_string_literal' && !/[`\r]/.test(value)) return `\`${value}\``;
  const escaped = value.replace(/[\\"\n\r\t\b\f\v\x07]|[\u0000-\u001f\u007f]/g, (ch) => {
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
      case '\v':
        return '\\v';
      case '\x07':
        return '\\a';
      default:
        return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
    }
  });
  return `"${escaped}"`;
}

/** Go integer literal text (`0644`, `0o644`, `0x1F`, `1_000`) as a number. */
export function goNumber(text: string): number | undefined {
  const t = text.replace(/_/g, '');
  let v: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) v = parseInt(t.slice(2), 16);
  else if (/^0[bB][01]+$/.test(t)) v = parseInt(t.slice(2), 2);
  else if (/^0[oO][0-7]+$/.test(t)) v = parseInt(t.slice(2), 8);
  else if (/^0[0-7]+$/.test(t)) v = parseInt(t, 8);
  else v = Number(t);
  return Number.isNaN(v) ? undefined : v;
}

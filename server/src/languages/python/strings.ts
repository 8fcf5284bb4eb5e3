/** Reading and writing Python string literals. */
import type { SyntaxNode } from '../parser';

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', a: '\x07', '0': '\0', '\\': '\\', "'": "'", '"': '"' };

export function stringPrefix(node: SyntaxNode): string {
  const start = node.firstChild;
  return start?.type === 'string_start' ? start.text.replace(/['"]+$/, '').toLowerCase() : '';
}

export function isFString(node: SyntaxNode): boolean {
  return stringPrefix(node).includes('f') || stringPrefix(node).includes('t');
}

/** The value of a `string` node without interpolations, or undefined when it has some. */
export function decodePyString(node: SyntaxNode): string | undefined {
  const raw = stringPrefix(node).includes('r');
  let out = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'interpolation') return undefined;
    if (child.type !== 'string_content') continue;
    out += raw ? child.text : decodePyEscapes(child.text);
  }
  return out;
}

/** The text of a (non-raw) string's content with its escape sequences decoded; unknown ones keep their backslash. */
export function decodePyEscapes(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|\n|.)/g, (_, e: string) => {
    if (e in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[e]!;
    if (e === '\n') return '';
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return '\\' + e;
  });
}

export function encodePyString(value: string, quote: "'" | '"' = '"'): string {
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

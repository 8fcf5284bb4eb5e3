/**
 * Text for a terminal or a CI log, where file names, messages and code come from the
 * scanned input. A newline in a file name would start a line that problem matchers read
 * as a finding of its own; an escape sequence would move the cursor, recolour or clear the
 * screen; a bidi override (U+202E) makes one path look like another. Every such character
 * is written as a visible escape instead: `\n`, `\x1b`, `\u202e`.
 *
 * Escaped: C0 controls (tab included), DEL, C1 controls, the line and paragraph separators
 * U+2028/U+2029 (line breaks for some readers), and the bidi controls (ALM, LRM, RLM,
 * LRE…RLO, LRI…PDI). A backslash is left as it is, so ordinary messages read unchanged:
 * the JSON and SARIF outputs hold the exact text.
 */
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control, line-separator and bidi character written as an escape. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

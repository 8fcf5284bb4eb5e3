/**
 * `fmt.Sprintf("… %s …", a, b)` read as the pieces of the string it builds: the format's
 * constant text and the values in the places of its verbs. `%%` is a percent sign; a verb
 * with an explicit argument index (`%[1]s`) or a `*` width makes the reading give up.
 */
import type { SyntaxNode } from '../parser';

export interface FormatPiece {
  text?: string;
  value?: SyntaxNode;
  /** The verb that formats the value (`s`, `d`, `q`, `v`…). */
  verb?: string;
}

const VERB = /%([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;

/** The pieces, or null when the format cannot be read exactly or the values do not match its verbs. */
export function formatPieces(format: string, values: SyntaxNode[]): FormatPiece[] | null {
  if (/%[-+# 0]*(?:\[|\*)|%\d*\.(?:\[|\*)/.test(format)) return null;
  const out: FormatPiece[] = [];
  let last = 0;
  let i = 0;
  let text = '';
  for (const m of format.matchAll(VERB)) {
    text += format.slice(last, m.index);
    last = m.index! + m[0].length;
    if (m[4] === '%') {
      text += '%';
      continue;
    }
    const value = values[i++];
    if (!value) return null;
    if (text) out.push({ text });
    text = '';
    out.push({ value, verb: m[4] });
  }
  text += format.slice(last);
  if (text) out.push({ text });
  if (i !== values.length) return null;
  return out;
}

/** The names `fmt.Sprintf` goes by. */
export const SPRINTF = new Set(['fmt.Sprintf']);

/** Offsets in a text → LSP positions (zero-based line, UTF-16 column). */
import type { Position, Range } from '../engine/finding';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo]! };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The text of line `line` without its line break, trimmed of the spaces around it, as a range. */
  lineRange(line: number): Range {
    const start = this.starts[line] ?? this.text.length;
    let end = this.starts[line + 1] !== undefined ? this.starts[line + 1]! - 1 : this.text.length;
    if (end > start && this.text[end - 1] === '\r') end--;
    let s = start;
    while (s < end && /\s/.test(this.text[s]!)) s++;
    let e = end;
    while (e > s && /\s/.test(this.text[e - 1]!)) e--;
    return this.range(s, e);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[line] ?? this.text.length;
  }
}

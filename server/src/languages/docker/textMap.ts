/**
 * A piece of the file put together from several places (an instruction's lines without their
 * continuations and comment lines, a heredoc after them), and the way back from an offset in
 * the piece to an offset in the file.
 */
export interface Segment {
  /** Offset in the piece. */
  from: number;
  /** Offset in the file of the piece's `from`. */
  to: number;
  length: number;
}

export class TextMap {
  text = '';
  readonly segments: Segment[] = [];

  /** Appends `text`, which is the file's text at `fileOffset` (or stands for it, when `exact` is false). */
  add(text: string, fileOffset: number, exact = true): this {
    if (exact) this.segments.push({ from: this.text.length, to: fileOffset, length: text.length });
    else this.segments.push({ from: this.text.length, to: fileOffset, length: 0 });
    this.text += text;
    return this;
  }

  /** The file offset of `offset` in the piece (within a segment that stands for other text, its start). */
  fileOffset(offset: number): number {
    const segs = this.segments;
    if (segs.length === 0) return 0;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.from <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo]!;
    return s.to + Math.min(Math.max(0, offset - s.from), s.length);
  }

  /** Whether the piece from `start` to `end` is the file's text as it stands (one segment, no join). */
  contiguous(start: number, end: number): boolean {
    return this.fileOffset(end) - this.fileOffset(start) === end - start;
  }
}

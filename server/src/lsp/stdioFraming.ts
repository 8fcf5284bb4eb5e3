/**
 * Over stdio, LSP frames each message with a header block (`Content-Length: N\r\n\r\n`).
 * vscode-jsonrpc reports a header without Content-Length (or with a bad one) to an error
 * event nobody hears and carries on reading the next header from the middle of the bad
 * message's body: every later header is glued to leftover bytes, and the server stays alive
 * but never understands another message. This stream sits between stdin and the
 * connection: well-framed messages pass through unchanged; after a malformed header it
 * drops bytes up to the next well-formed header block and says what it dropped.
 */
import { Transform, TransformCallback } from 'node:stream';

/** A header block longer than this is not one. */
const MAX_HEADER_BYTES = 8192;
/** Larger than any string V8 can hold: a length beyond it can only be garbage. */
const MAX_CONTENT_LENGTH = 1 << 30;
const TERMINATOR = Buffer.from('\r\n\r\n', 'latin1');
const CONTENT_LENGTH = 'content-length:';
const FIELD = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;

export interface DroppedInput {
  bytes: number;
  /** What was wrong with the first bad header. */
  reason: string;
  /** The start of what was dropped, control characters escaped. */
  preview: string;
}

/** The body length a header block announces, or why it is not a valid header block. */
export function parseHeaderBlock(block: string): number | string {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const m = FIELD.exec(line);
    if (!m) return `a header line is not "Name: value"`;
    if (m[1]!.toLowerCase() !== 'content-length') continue;
    if (!/^\d+$/.test(m[2]!)) return `Content-Length is not a number`;
    const n = Number(m[2]);
    if (n > MAX_CONTENT_LENGTH) return `Content-Length ${n} is too large`;
    if (length !== undefined && length !== n) return 'two different Content-Length headers';
    length = n;
  }
  return length ?? 'the header has no Content-Length';
}

export class FramingGuard extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** Bytes of the current message's body still to pass through. */
  private bodyLeft = 0;
  private dropping: DroppedInput | undefined;

  constructor(private readonly onDropped: (dropped: DroppedInput) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    this.pump();
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.buffer.length > 0 && this.bodyLeft === 0) this.discard('the input ended inside a header', this.buffer.length);
    this.report();
    done();
  }

  private pump(): void {
    for (;;) {
      if (this.bodyLeft > 0) {
        if (this.buffer.length === 0) return;
        const n = Math.min(this.bodyLeft, this.buffer.length);
        this.push(this.buffer.subarray(0, n));
        this.buffer = this.buffer.subarray(n);
        this.bodyLeft -= n;
        continue;
      }
      if (this.buffer.length === 0) return;
      const end = this.buffer.indexOf(TERMINATOR);
      if (end === -1 || end > MAX_HEADER_BYTES) {
        if (this.buffer.length <= MAX_HEADER_BYTES) return; // the rest of the header is on its way
        this.resync('no end of the header block within 8 KB');
        continue;
      }
      const length = parseHeaderBlock(this.buffer.toString('latin1', 0, end));
      if (typeof length === 'string') {
        this.resync(length);
        continue;
      }
      this.report();
      this.push(this.buffer.subarray(0, end + TERMINATOR.length));
      this.buffer = this.buffer.subarray(end + TERMINATOR.length);
      this.bodyLeft = length;
    }
  }

  /** Drops the bad header (at least one byte) and everything up to the next `Content-Length:`. */
  private resync(reason: string): void {
    const text = this.buffer.toString('latin1').toLowerCase();
    const next = text.indexOf(CONTENT_LENGTH, 1);
    // Without a candidate, keep a tail that could be the start of one split across reads.
    const cut = next !== -1 ? next : Math.max(1, this.buffer.length - (CONTENT_LENGTH.length - 1));
    this.discard(reason, cut);
  }

  private discard(reason: string, bytes: number): void {
    if (!this.dropping) {
      const preview = JSON.stringify(this.buffer.toString('latin1', 0, Math.min(bytes, 80)));
      this.dropping = { bytes: 0, reason, preview };
    }
    this.dropping.bytes += bytes;
    this.buffer = this.buffer.subarray(bytes);
  }

  private report(): void {
    if (!this.dropping) return;
    const dropped = this.dropping;
    this.dropping = undefined;
    this.onDropped(dropped);
  }
}

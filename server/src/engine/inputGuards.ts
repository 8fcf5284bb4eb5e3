/**
 * Decides whether a file is worth parsing, and decodes bytes into text, so binary,
 * oddly encoded, huge or minified files get a clear notice instead of a crash or a stall.
 */

export interface InputLimits {
  /** Files larger than this are skipped (bytes, or UTF-16 units for editor buffers). */
  maxBytes: number;
  /** A file whose longest line exceeds this and whose lines average over `minifiedAverage` is minified. */
  minifiedLineLength: number;
  minifiedAverage: number;
}

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export const DEFAULT_LIMITS: InputLimits = { maxBytes: 2 * 1024 * 1024, minifiedLineLength: 5000, minifiedAverage: 400 };

export type Decoded = { text: string } | { skip: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  const swapped = bigEndian ? Buffer.from(bytes).swap16() : Buffer.from(bytes);
  return new TextDecoder('utf-16le').decode(swapped);
}

/** Bytes → text, honouring BOMs; binary content and invalid UTF-8 become a reason to skip. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes.subarray(2), false) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes.subarray(2 - (bytes.length % 2)), true) };
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { skip: 'binary file (contains NUL bytes)' };
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body) };
  } catch {
    return { skip: 'not valid UTF-8 (save the file as UTF-8 to scan it)' };
  }
}

/**
 * A file's bytes, or why not. Opened without blocking and checked to be a regular file (a
 * FIFO swapped in after the folder walk would block the read forever), and read up to
 * `cap` bytes whatever its size claims (a file that grows meanwhile, `/dev/zero` behind a
 * link): the same syscalls as readFileSync, with bounds.
 */
export function readSourceFile(path: string, cap: number): { bytes: Buffer } | { size: number } | { error: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) return { error: 'not a regular file' };
    if (st.size > cap) return { size: st.size };
    const buffer = Buffer.allocUnsafe(Math.min(cap, st.size) + 1);
    let total = 0;
    for (let n; total < buffer.length && (n = readSync(fd, buffer, total, buffer.length - total, null)) > 0; ) total += n;
    return total > cap ? { size: total } : { bytes: buffer.subarray(0, total) };
  } catch (err) {
    return { error: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function sizeNotice(size: number, limits: InputLimits): string {
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
  return `file is ${mb(size)} MB, over the ${mb(limits.maxBytes)} MB limit (ward.maxFileSizeMB)`;
}

/** A line longer than `length` characters (lines end at "\n"), by length; built once per limit. */
const longLinePatterns = new Map<number, RegExp>();
function longLinePattern(length: number): RegExp {
  let pattern = longLinePatterns.get(length);
  if (!pattern) longLinePatterns.set(length, (pattern = new RegExp(`(?:^|\\n)[^\\n]{${length + 1}}`)));
  return pattern;
}

/** Returns why the text should not be parsed, or undefined when it is fine. */
export function checkText(text: string, limits: InputLimits = DEFAULT_LIMITS): string | undefined {
  if (text.length > limits.maxBytes) return sizeNotice(text.length, limits);
  // A regex, not a JS loop over the lines: this runs on every file, and V8 kept deoptimising
  // such a loop when files alternated between one-byte and two-byte strings (an on-stack-
  // replaced copy re-entered and bailed out on every file: ~0.3 s per scan worker).
  if (text.length <= limits.minifiedLineLength || !longLinePattern(limits.minifiedLineLength).test(text)) return undefined;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  if (text.length / lines > limits.minifiedAverage) {
    return 'file looks minified or generated (very long lines)';
  }
  return undefined;
}

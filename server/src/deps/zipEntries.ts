/**
 * Reads the JSON files of a zip (OSV's `all.zip`): the central directory from the end of
 * the file (zip64 too: OSV's npm export has more than 65,535 entries), then each entry
 * read at its offset and inflated, one at a time, so the export never sits in memory
 * whole. Synchronous reads: a streaming reader (yauzl) spent 17 s of a 100,000-record
 * import on its per-entry round trips, this one about a second. Entries over the size
 * limit, totals past the expansion limit, CRC mismatches and methods other than stored
 * and deflate stop the read with a ZipError (a zip bomb is a bad file, not a hang).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as zlib from 'node:zlib';

export interface ZipLimits {
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntryBytes: 16 * 1024 * 1024, maxTotalBytes: 16 * 1024 * 1024 * 1024 };

export class ZipError extends Error {}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  const native = (zlib as unknown as { crc32?: (b: Buffer) => number }).crc32;
  if (native) return native(buf) >>> 0;
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) throw new ZipError('the file ends early (truncated?)');
    got += n;
  }
  return buf;
}

/** The central directory's entries, from the end-of-central-directory record (and its zip64 form). */
function centralDirectory(fd: number, fileSize: number): Entry[] {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = readAt(fd, fileSize - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not a zip file (no end-of-central-directory record)');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) {
    const recordAt = Number(tail.readBigUInt64LE(eocd - 20 + 8));
    const record = readAt(fd, recordAt, 56);
    if (record.readUInt32LE(0) !== 0x06064b50) throw new ZipError('broken zip64 end-of-central-directory record');
    count = Number(record.readBigUInt64LE(32));
    cdSize = Number(record.readBigUInt64LE(40));
    cdOffset = Number(record.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > fileSize) throw new ZipError('the central directory lies past the end of the file (truncated?)');
  const cd = readAt(fd, cdOffset, cdSize);
  const entries: Entry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new ZipError('broken central directory');
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const entry: Entry = {
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    };
    // Zip64 sizes and offsets sit in the extra field (id 1) when the 32-bit ones are all ones.
    let e = p + 46 + nameLength;
    const end = e + extraLength;
    while (e + 4 <= end) {
      const id = cd.readUInt16LE(e);
      const length = cd.readUInt16LE(e + 2);
      if (id === 1) {
        let q = e + 4;
        if (entry.size === 0xffffffff) (entry.size = Number(cd.readBigUInt64LE(q))), (q += 8);
        if (entry.compressedSize === 0xffffffff) (entry.compressedSize = Number(cd.readBigUInt64LE(q))), (q += 8);
        if (entry.localOffset === 0xffffffff) entry.localOffset = Number(cd.readBigUInt64LE(q));
      }
      e += 4 + length;
    }
    entries.push(entry);
    p = end + commentLength;
  }
  return entries;
}

/** Calls `onJson` with the name and text of every `*.json` entry, in the zip's order; resolves to their count. */
export async function readJsonEntries(path: string, onJson: (name: string, text: string) => void, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<number> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new ZipError(`cannot open: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    const fileSize = fstatSync(fd).size;
    const entries = centralDirectory(fd, fileSize);
    let total = 0;
    let count = 0;
    for (const entry of entries) {
      if (!/\.json$/i.test(entry.name) || entry.name.endsWith('/')) continue;
      if (entry.size > limits.maxEntryBytes) throw new ZipError(`${entry.name}: ${entry.size} bytes, over the ${limits.maxEntryBytes}-byte limit for one record`);
      total += entry.size;
      if (total > limits.maxTotalBytes) throw new ZipError(`the zip expands past ${limits.maxTotalBytes} bytes`);
      if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`${entry.name}: compression method ${entry.method} is not supported (stored or deflate only)`);
      const header = readAt(fd, entry.localOffset, 30);
      if (header.readUInt32LE(0) !== 0x04034b50) throw new ZipError(`${entry.name}: broken local header`);
      const dataAt = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      if (dataAt + entry.compressedSize > fileSize) throw new ZipError(`${entry.name}: its data lies past the end of the file (truncated?)`);
      const packed = readAt(fd, dataAt, entry.compressedSize);
      let data: Buffer;
      try {
        data = entry.method === 0 ? packed : zlib.inflateRawSync(packed, { maxOutputLength: limits.maxEntryBytes + 1 });
      } catch (err) {
        throw new ZipError(`${entry.name}: cannot inflate (${(err as Error).message})`);
      }
      if (data.length !== entry.size) throw new ZipError(`${entry.name}: ${data.length} bytes, its header says ${entry.size}`);
      if (crc32(data) !== entry.crc >>> 0) throw new ZipError(`${entry.name}: CRC mismatch (a damaged file)`);
      count++;
      onJson(entry.name, data.toString('utf8'));
      // Let other work run between records on a long import.
      if (count % 5000 === 0) await new Promise((r) => setImmediate(r));
    }
    return count;
  } finally {
    closeSync(fd);
  }
}

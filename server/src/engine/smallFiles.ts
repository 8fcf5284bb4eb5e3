/**
 * Reading Ward's own input files (settings, baselines, ignore files), whose paths can come
 * from a repository: a symlink committed as `.ward.yaml` or `.gitignore` may point at
 * `/dev/zero` (a read that never ends, then an allocation failure that kills the process)
 * or at a FIFO (a read that never starts). These reads stop at a size cap and say what
 * was wrong in words, not errno codes.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export class SmallFileError extends Error {
  constructor(
    message: string,
    /** The errno code (ENOENT, EACCES, EISDIR…) or TOO_LARGE / NOT_A_FILE. */
    readonly code: string,
  ) {
    super(message);
  }
}

function describe(code: string | undefined, err: Error): string {
  switch (code) {
    case 'ENOENT':
      return 'not found';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return code ?? err.message;
  }
}

/**
 * The bytes of `file`, at most `maxBytes` of them. `regularOnly` refuses anything but a
 * regular file before opening it (a FIFO would block the open); without it pipes such as
 * `--config <(…)` work, still bounded. Throws SmallFileError with a plain-words message.
 */
export function readSmallFile(file: string, maxBytes: number, regularOnly = false): Buffer {
  let fd: number | undefined;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new SmallFileError('is a folder, not a file', 'EISDIR');
    if (regularOnly && !st.isFile()) throw new SmallFileError('is not a regular file', 'NOT_A_FILE');
    if (st.isFile() && st.size > maxBytes) throw tooLarge(maxBytes);
    fd = openSync(file, 'r');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw tooLarge(maxBytes);
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof SmallFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new SmallFileError(describe(code, err as Error), code ?? 'EIO');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooLarge(maxBytes: number): SmallFileError {
  const size = maxBytes >= 1048576 ? `${maxBytes / 1048576} MB` : `${maxBytes / 1024} KB`;
  return new SmallFileError(`is larger than ${size} (is it the right file?)`, 'TOO_LARGE');
}

/**
 * Where `--output` (a report, a baseline) goes. Checked before the scan, so a folder or an
 * unwritable path fails in a second with a clear message instead of after a long scan;
 * written through a temporary file renamed over the target, so the file is not touched
 * before the scan and a failed write (disk full) never leaves half a report that a later
 * step would read as complete.
 */
import { accessSync, constants, mkdirSync, realpathSync, renameSync, rmSync, statSync, Stats, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export class OutputError extends Error {}

function words(err: unknown): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    default:
      return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // ENOTDIR: a file above it; the walk up to the nearest existing path says which.
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new OutputError(`cannot write ${path}: ${words(err)}`);
  }
}

/** Throws OutputError when `file` cannot be written: a folder, a path through a file, no permission. */
export function checkWritable(file: string): void {
  const abs = resolve(file);
  const st = statOrUndefined(abs);
  if (st) {
    if (st.isDirectory()) throw new OutputError(`cannot write ${file}: it is a folder (give a file name)`);
    try {
      accessSync(abs, constants.W_OK);
    } catch (err) {
      throw new OutputError(`cannot write ${file}: ${words(err)}`);
    }
    return;
  }
  // A new file: the nearest existing folder above it is where the missing folders and the file get created.
  let dir = dirname(abs);
  let above = statOrUndefined(dir);
  while (!above && dirname(dir) !== dir) {
    dir = dirname(dir);
    above = statOrUndefined(dir);
  }
  if (above && !above.isDirectory()) throw new OutputError(`cannot write ${file}: ${dir} is a file, not a folder`);
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (err) {
    throw new OutputError(`cannot write ${file}: cannot create files in ${dir} (${words(err)})`);
  }
}

/** Writes `text` to `file` whole or not at all (a device or a FIFO, such as /dev/stdout, is written directly). */
export function writeWhole(file: string, text: string): void {
  const abs = resolve(file);
  const st = statOrUndefined(abs);
  if (st?.isDirectory()) throw new OutputError(`cannot write ${file}: it is a folder (give a file name)`);
  // A regular file is replaced through a link to it (the link stays); anything else is written as it is.
  let target = abs;
  try {
    if (st && !st.isFile()) {
      writeFileSync(abs, text);
      return;
    }
    if (st) target = realpathSync(abs);
    mkdirSync(dirname(target), { recursive: true });
  } catch (err) {
    throw new OutputError(`cannot write ${file}: ${words(err)}`);
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx', mode: st ? st.mode & 0o777 : 0o666 });
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw new OutputError(`cannot write ${file}: ${words(err)}`);
  }
}

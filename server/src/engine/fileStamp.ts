/** What tells a file's cached reading is still good: its size and modification time. */
import { statSync } from 'node:fs';

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** The stamp of a regular file no larger than `maxBytes`; undefined otherwise or when it cannot be read. */
export function fileStamp(path: string, maxBytes: number): FileStamp | undefined {
  try {
    const st = statSync(path);
    return st.isFile() && st.size <= maxBytes ? { size: st.size, mtimeMs: st.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

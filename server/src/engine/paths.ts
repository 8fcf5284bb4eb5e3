/** Paths as Ward reports and fingerprints them: relative to a root, with `/` on every OS. */
import { statSync } from 'node:fs';
import { relative, sep } from 'node:path';

export function projectPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Whether `path` is an existing regular file (a module an import can resolve to). */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

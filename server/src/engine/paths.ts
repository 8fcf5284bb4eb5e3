/** Paths as Ward reports and fingerprints them: relative to a root, with `/` on every OS. */
import { relative, sep } from 'node:path';

export function projectPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/**
 * Whether a rule folder someone named (`--rules`, `ward test DIR`, `extraRuleFolders`) can
 * be used. The loader skips what it cannot list, which is right inside a folder but wrong
 * for the folder itself: a scan without the rules it was asked to run looks clean.
 */
import { readdirSync, statSync } from 'node:fs';

/** What is wrong with `dir` as a rule folder, in words with the path; undefined when it is usable. */
export function ruleFolderProblem(dir: string): string | undefined {
  try {
    const st = statSync(dir);
    if (st.isFile()) return `${dir} is a file, not a folder (name the folder that holds the rule files)`;
    if (!st.isDirectory()) return `${dir} is not a folder`;
    readdirSync(dir);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return `folder not found: ${dir}`;
    if (code === 'EACCES' || code === 'EPERM') return `cannot read folder ${dir}: permission denied`;
    return `cannot read folder ${dir}: ${code ?? (err as Error).message}`;
  }
}

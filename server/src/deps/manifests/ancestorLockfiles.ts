/**
 * Lockfiles beside a manifest or a few folders up: a workspace of a monorepo (npm, pnpm and
 * yarn workspaces, a uv workspace's member) has no lockfile of its own, and the root's lists
 * it by its folder's path.
 */
import { sep } from 'node:path';

/** How many folders up a workspace root's lockfile is looked for (vite lists workspaces eight folders down). */
export const WORKSPACE_DEPTH = 8;

/** `../` `level` times. */
export const up = (level: number): string => '../'.repeat(level);

export interface FoundLockfile {
  /** Folders up from the manifest (0: beside it). */
  level: number;
  name: string;
  /** Its path relative to the manifest's folder. */
  rel: string;
  text: string;
}

/** The nearest of `names` (in that order at each level), beside the manifest or up to WORKSPACE_DEPTH folders above. */
export function nearestLockfile(names: readonly string[], read: (relative: string) => string | undefined): FoundLockfile | undefined {
  for (let level = 0; level <= WORKSPACE_DEPTH; level++) {
    for (const name of names) {
      const rel = up(level) + name;
      const text = read(rel);
      if (text !== undefined) return { level, name, rel, text };
    }
  }
  return undefined;
}

/** The paths `nearestLockfile` looks at (existing or not), nearest first, up to the level of the first that exists: what decides its answer. */
export function lockfileCandidates(names: readonly string[], read: (relative: string) => string | undefined): string[] {
  const out: string[] = [];
  for (let level = 0; level <= WORKSPACE_DEPTH; level++) {
    const here = names.map((name) => up(level) + name);
    out.push(...here);
    if (here.some((rel) => read(rel) !== undefined)) break;
  }
  return out;
}

/** The last `level` folders of `folder` (`packages/api`), with forward slashes as lockfiles write them; undefined when unknown or not that deep. */
export function folderBelow(folder: string | undefined, level: number): string | undefined {
  if (!folder) return undefined;
  const parts = folder.split(sep).filter(Boolean);
  return parts.length >= level ? parts.slice(parts.length - level).join('/') : undefined;
}

/**
 * The lockfile that resolves a package.json: the one beside it, or, for a workspace of a
 * monorepo (npm, pnpm or yarn workspaces), the root's lockfile a few folders up, when it
 * lists that workspace. A workspace's package.json has no lockfile of its own, so without
 * this only its exact versions would be checked.
 */
import type { ManifestContext, ParsedManifest } from '../dependency';
import { NotInLockfile } from '../dependency';
import { folderBelow, lockfileCandidates, nearestLockfile, up } from './ancestorLockfiles';
import { parsePackageLock } from './packageLock';
import { parsePnpmLock } from './pnpmLock';
import { parseYarnLock } from './yarnLock';

export const NPM_LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'];

/** The project's declared dependencies, as the lockfile parsers take them. */
export interface Declared {
  names: string[];
  /** `name@range` for each. */
  descriptors: string[];
}

export interface ProjectLock {
  locked?: ParsedManifest;
  /** The lockfile found could not be parsed. */
  unreadable?: string;
  /** The workspace root's lockfile does not list this folder. */
  unlisted?: string;
}

/** The paths whose contents decide which lockfile resolves a package.json (for the cache and the editor). */
export function npmLockfileCandidates(read: (relative: string) => string | undefined): string[] {
  return lockfileCandidates(NPM_LOCKFILES, read);
}

function parseLock(name: string, text: string, ctx: ManifestContext, declared: Declared, project: string): ParsedManifest {
  if (name === 'pnpm-lock.yaml') return parsePnpmLock(text, ctx, project === '' ? '.' : project);
  if (name !== 'yarn.lock') return parsePackageLock(text, ctx, declared.names, project);
  const locked = parseYarnLock(text, ctx, declared.descriptors, true);
  if (project !== '') {
    // Berry names each workspace (`api@workspace:packages/api`); classic lockfiles do not,
    // so there the workspace's own ranges must be in it.
    const berry = /^__metadata:/m.test(text);
    const listed = berry ? text.includes(`@workspace:${project}"`) || text.includes(`@workspace:${project}:`) : locked.dependencies.some((d) => d.direct);
    if (!listed) throw new NotInLockfile(`${ctx.path} lists no workspace ${project}`);
  }
  return locked;
}

export function projectLock(ctx: ManifestContext, declared: Declared): ProjectLock {
  const found = nearestLockfile(NPM_LOCKFILES, ctx.readRelative);
  if (!found) return {};
  const { level, name, rel, text } = found;
  const project = level === 0 ? '' : folderBelow(ctx.folder, level);
  if (project === undefined) return {};
  try {
    return { locked: parseLock(name, text, { path: rel, readRelative: (r) => ctx.readRelative(up(level) + r) }, declared, project) };
  } catch (err) {
    if (err instanceof NotInLockfile) return { unlisted: `${rel} does not list this folder (${project}) as a workspace` };
    return { unreadable: `${name} ${level === 0 ? 'beside it' : `at ${rel}`} cannot be read (${(err as Error).message}); only exact versions in package.json were checked` };
  }
}

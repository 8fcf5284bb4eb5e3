/**
 * package.json: the project's own dependencies, with the versions its lockfile resolved
 * (package-lock.json, npm-shrinkwrap.json, yarn.lock or pnpm-lock.yaml beside it). A
 * vulnerable direct dependency is reported on its line, with its version range for the
 * upgrade fix; a vulnerable transitive one on the line of the direct dependency that
 * brings it in. Without a lockfile only exact versions ("lodash": "4.17.4") are known.
 */
import * as semver from 'semver';
import type { Range } from '../../engine/finding';
import type { Dependency, ManifestContext, ParsedManifest } from '../dependency';
import { ManifestError } from '../dependency';
import { LineIndex } from '../textPositions';
import { entries, parseJsonTree } from './jsonTree';
import { parsePackageLock } from './packageLock';
import { parsePnpmLock } from './pnpmLock';
import { parseYarnLock } from './yarnLock';

const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'];

interface Declared {
  name: string;
  spec: string;
  keyRange: Range;
  /** The version inside the spec (`4.17.4` of `^4.17.4`), when it has one. */
  versionRange?: Range;
}

export const NPM_LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'];

function declaredDependencies(text: string, file: string): Map<string, Declared> {
  const root = parseJsonTree(text, file);
  const lines = new LineIndex(text);
  const out = new Map<string, Declared>();
  for (const section of SECTIONS) {
    const sectionNode = root.children?.find((p) => p.children?.[0]?.value === section)?.children?.[1];
    for (const [name, keyNode, value] of entries(sectionNode)) {
      if (out.has(name) || value.type !== 'string') continue;
      const spec = value.value as string;
      // The version number inside `^4.17.4`, `~1.2.3`, `>=1.0.0`, `4.17.4`.
      const m = /^\s*(?:\^|~|>=|=)?\s*v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\s*$/.exec(spec);
      const at = m ? value.offset + 1 + spec.indexOf(m[1]!) : -1;
      out.set(name, {
        name,
        spec,
        keyRange: lines.range(keyNode.offset, value.offset + value.length),
        versionRange: m ? lines.range(at, at + m[1]!.length) : undefined,
      });
    }
  }
  return out;
}

export function parsePackageJson(text: string, ctx: ManifestContext): ParsedManifest {
  const declared = declaredDependencies(text, ctx.path);
  const notices: string[] = [];
  let locked: ParsedManifest | undefined;
  for (const lockName of NPM_LOCKFILES) {
    const lockText = ctx.readRelative(lockName);
    if (lockText === undefined) continue;
    const lockCtx: ManifestContext = { path: lockName, readRelative: ctx.readRelative };
    try {
      locked =
        lockName === 'yarn.lock' ? parseYarnLock(lockText, lockCtx, [...declared.values()].map((d) => `${d.name}@${d.spec}`), true)
        : lockName === 'pnpm-lock.yaml' ? parsePnpmLock(lockText, lockCtx, '.')
        : parsePackageLock(lockText, lockCtx, [...declared.keys()], true);
    } catch (err) {
      notices.push(`${lockName} beside it cannot be read (${(err as Error).message}); only exact versions in package.json were checked`);
    }
    break;
  }
  const dependencies: Dependency[] = [];
  if (locked) {
    for (const d of locked.dependencies) {
      const top = declared.get(d.path[0] ?? d.name);
      if (!top || d.direct === undefined) continue;
      const isDirect = d.direct && d.path.length === 1 && d.name === top.name;
      dependencies.push({
        ...d,
        range: top.keyRange,
        versionSpec: isDirect && top.versionRange ? { range: top.versionRange, text: top.spec } : undefined,
      });
    }
    return { dependencies, notices };
  }
  let ranges = 0;
  for (const d of declared.values()) {
    const exact = semver.valid(d.spec.trim(), { loose: true });
    if (!exact) {
      if (semver.validRange(d.spec, { loose: true })) ranges++;
      continue;
    }
    dependencies.push({ ecosystem: 'npm', name: d.name, version: exact, direct: true, path: [d.name], range: d.keyRange, versionSpec: d.versionRange ? { range: d.versionRange, text: d.spec } : undefined });
  }
  if (ranges > 0 && notices.length === 0) notices.push(`no lockfile beside package.json: ${ranges} version range${ranges === 1 ? ' was' : 's were'} not checked (commit package-lock.json, yarn.lock or pnpm-lock.yaml)`);
  return { dependencies, notices };
}

export { ManifestError };

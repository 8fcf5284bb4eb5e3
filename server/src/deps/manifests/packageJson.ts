/**
 * package.json: the project's own dependencies, with the versions its lockfile resolved
 * (package-lock.json, npm-shrinkwrap.json, yarn.lock or pnpm-lock.yaml beside it, or the
 * workspace root's: npmLockfile.ts). A
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
import { projectLock } from './npmLockfile';

const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'];

interface Declared {
  name: string;
  spec: string;
  keyRange: Range;
  /** The version inside the spec (`4.17.4` of `^4.17.4`), when it has one. */
  versionRange?: Range;
}

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
  const { locked, unreadable, unlisted } = projectLock(ctx, { names: [...declared.keys()], descriptors: [...declared.values()].map((d) => `${d.name}@${d.spec}`) });
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
  const unchecked = `${ranges} version range${ranges === 1 ? ' was' : 's were'} not checked`;
  if (unreadable) notices.push(unreadable);
  else if (ranges > 0) notices.push(unlisted ? `${unlisted}: ${unchecked}` : `no lockfile beside package.json: ${unchecked} (commit package-lock.json, yarn.lock or pnpm-lock.yaml)`);
  return { dependencies, notices };
}

export { ManifestError };

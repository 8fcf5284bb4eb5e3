/**
 * One report line per vulnerable package in CI: the editor shows a vulnerable package
 * both on its manifest line (package.json, go.mod, …) and on its lockfile entry, but a
 * report (text, JSON, SARIF) keeps the manifest's finding and drops the lockfile's copy
 * of it, so code scanning gets one alert, at the line people edit. The manifests of a
 * lockfile are those beside it and below it (a monorepo's workspaces read the root's).
 */
import { basename, dirname } from 'node:path/posix';
import type { Finding } from '../engine/finding';
import { manifestKind } from './manifests';

interface Report {
  path: string;
  findings: Finding[];
  fingerprints?: string[];
}

const keyOf = (f: Finding): string | undefined => (f.dependency ? `${f.ruleId}\0${f.dependency.name}\0${f.dependency.version}` : undefined);

export function preferManifests<T extends Report>(reports: T[]): T[] {
  const manifestKeys = new Map<string, Set<string>>();
  for (const r of reports) {
    if (manifestKind(basename(r.path))?.role !== 'manifest') continue;
    const keys = manifestKeys.get(dirname(r.path)) ?? new Set<string>();
    for (const f of r.findings) {
      const k = keyOf(f);
      if (k) keys.add(k);
    }
    manifestKeys.set(dirname(r.path), keys);
  }
  if (manifestKeys.size === 0) return reports;
  // A workspace's package.json below the root's lockfile reports what it brings in from it.
  const keysAtOrBelow = (dir: string): Set<string> => {
    const keys = new Set<string>();
    for (const [at, own] of manifestKeys) if (dir === '.' || at === dir || at.startsWith(`${dir}/`)) for (const k of own) keys.add(k);
    return keys;
  };
  return reports.map((r) => {
    if (manifestKind(basename(r.path))?.role !== 'lockfile') return r;
    const keys = keysAtOrBelow(dirname(r.path));
    if (keys.size === 0) return r;
    const keep = r.findings.map((f) => !keys.has(keyOf(f) ?? ''));
    if (keep.every(Boolean)) return r;
    return { ...r, findings: r.findings.filter((_, i) => keep[i]), ...(r.fingerprints ? { fingerprints: r.fingerprints.filter((_, i) => keep[i]) } : {}) };
  });
}

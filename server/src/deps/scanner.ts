/**
 * The dependency checker the engine calls for manifests and lockfiles (its
 * DependencyScanner hook): parse the file, look its packages up in the local advisory
 * database, and say so when the database is missing or older than the setting allows.
 * Nothing here touches the network.
 */
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { DependencyCheckOptions, DependencyScanOptions, DependencyScanner } from '../engine/dependencyHook';

export type { DependencyCheckOptions };
import type { FileResult, ScanNotice } from '../engine/finding';
import type { Rule } from '../engine/rule';
import { readSmallFile } from '../engine/smallFiles';
import { parseDirectives } from '../engine/suppressions';
import { ageInDays, AdvisoryStore } from './advisoryStore';
import type { ManifestContext } from './dependency';
import { ManifestError } from './dependency';
import type { Ecosystem } from './ecosystem';
import { manifestKind } from './manifests';
import { matchDependencies } from './matcher';
import { scanRuleFixture } from './ruleFixtures';

/** A lockfile beside a manifest, or a `-r` include, is read up to this size. */
const MAX_SIBLING_BYTES = 64 * 1024 * 1024;

function readSibling(path: string): string | undefined {
  try {
    return readSmallFile(path, MAX_SIBLING_BYTES, true).toString('utf8');
  } catch {
    return undefined;
  }
}

/** The files (absolute, existing or not) whose contents decide a manifest's findings besides its own text. */
export function manifestCompanions(path: string, text: string): string[] {
  const kind = manifestKind(basename(path));
  if (!kind?.companions) return [];
  const dir = dirname(resolve(path));
  return kind.companions(text, (rel) => readSibling(resolve(dir, rel))).map((rel) => resolve(dir, rel));
}

export function updateHint(ecosystem: Ecosystem): string {
  return `ward advisories update --ecosystem ${ecosystem}`;
}

export class OsvDependencyScanner implements DependencyScanner {
  readonly store: AdvisoryStore;

  constructor(readonly options: DependencyCheckOptions) {
    this.store = new AdvisoryStore(options.folder);
  }

  scanFixture(text: string, rule: Rule): FileResult {
    return scanRuleFixture(text, rule);
  }

  handles(path: string): boolean {
    return !!manifestKind(basename(path));
  }

  companions(path: string, text: string): string[] {
    return manifestCompanions(path, text);
  }

  scan(path: string, text: string, rules: readonly Rule[], options: DependencyScanOptions): FileResult {
    const kind = manifestKind(basename(path));
    const rule = kind && rules.find((r) => r.mode === 'dependency' && r.ecosystem === kind.ecosystem);
    if (!kind || !rule) return { findings: [], notices: [] };
    const now = this.options.now?.() ?? Date.now();
    const index = this.store.index(kind.ecosystem, now);
    if (!index) {
      return {
        findings: [],
        notices: [{ kind: 'partial', message: `no ${kind.ecosystem} advisory database in ${this.options.folder}; its dependencies were not checked (run "${updateHint(kind.ecosystem)}", or "ward advisories import FILE.zip" offline)` }],
      };
    }
    const notices: ScanNotice[] = [];
    const age = ageInDays(index.meta.newestRecord || index.meta.importedAt, now);
    if (age > this.options.maxAgeDays) {
      notices.push({ kind: 'partial', message: `the ${kind.ecosystem} advisory database is ${age} days old (newest record ${(index.meta.newestRecord || index.meta.importedAt).slice(0, 10)}); newer advisories are missing (run "${updateHint(kind.ecosystem)}")` });
    }
    const dir = dirname(isAbsolute(path) ? path : resolve(path));
    const ctx: ManifestContext = {
      path: options.relativePath ?? basename(path),
      readRelative: (rel) => readSibling(isAbsolute(rel) ? rel : join(dir, rel)),
      folder: dir,
    };
    let parsed;
    try {
      parsed = kind.parse(text, ctx);
    } catch (err) {
      if (err instanceof ManifestError) return { findings: [], notices: [...notices, { kind: 'skipped', message: `${err.message}; its dependencies were not checked` }] };
      throw err;
    }
    notices.push(...parsed.notices.map((message): ScanNotice => ({ kind: 'partial', message })));
    const findings = matchDependencies(parsed.dependencies, index, {
      rule,
      role: kind.role,
      directives: parseDirectives(text),
      ignore: this.options.ignore,
      today: new Date(now).toISOString().slice(0, 10),
    });
    return { findings, notices };
  }
}

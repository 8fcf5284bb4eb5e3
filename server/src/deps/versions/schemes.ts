/**
 * Each ecosystem's version order: npm's semver (the `semver` package npm itself uses),
 * PEP 440 for PyPI (`@renovatebot/pep440`), Maven's ComparableVersion (mavenVersion.ts:
 * no maintained npm library), and Go's semver with `v` prefixes, where pseudo-versions
 * (v0.0.0-20191109021931-daa7c04131f5) are pre-releases and order by their timestamp.
 */
import * as pep440 from '@renovatebot/pep440';
import * as semver from 'semver';
import type { Ecosystem } from '../ecosystem';
import { compareMaven, mavenMajor } from './mavenVersion';

export interface VersionScheme {
  /** Whether `version` can be ordered at all; an unreadable version is never matched by range. */
  valid(version: string): boolean;
  compare(a: string, b: string): number;
  /** What "the same major" means for a fix within it; undefined when the version has none. */
  major(version: string): string | undefined;
}

const npmScheme: VersionScheme = {
  valid: (v) => semver.valid(v, { loose: true }) !== null,
  compare: (a, b) => semver.compare(a, b, { loose: true }),
  major: (v) => (semver.valid(v, { loose: true }) ? String(semver.major(v, { loose: true })) : undefined),
};

/** Go versions are semver with a `v`; `+incompatible` is build metadata, ignored in the order. */
function goSemver(v: string): string | null {
  return semver.valid(v.startsWith('v') ? v.slice(1) : v);
}

const goScheme: VersionScheme = {
  valid: (v) => goSemver(v) !== null,
  compare: (a, b) => semver.compare(goSemver(a)!, goSemver(b)!),
  major: (v) => {
    const s = goSemver(v);
    return s ? String(semver.major(s)) : undefined;
  },
};

const pypiScheme: VersionScheme = {
  valid: (v) => pep440.valid(v) !== null,
  compare: (a, b) => pep440.compare(a, b),
  major: (v) => {
    const parsed = pep440.parse(v);
    return parsed ? String(parsed.release[0] ?? 0) : undefined;
  },
};

const mavenScheme: VersionScheme = {
  // Any string has a place in Maven's order; a range (`[1.0,2.0)`) or a property left
  // unresolved is not a version.
  valid: (v) => v.length > 0 && !/[[\]()${},\s]/.test(v),
  compare: compareMaven,
  major: mavenMajor,
};

const SCHEMES: Record<Ecosystem, VersionScheme> = { npm: npmScheme, PyPI: pypiScheme, Maven: mavenScheme, Go: goScheme };

export function schemeFor(ecosystem: Ecosystem): VersionScheme {
  return SCHEMES[ecosystem];
}

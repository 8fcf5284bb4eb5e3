/**
 * Whether a version is affected by an advisory, by OSV's evaluation of ranges: events in
 * version order, `introduced` opens (its "0" is before every version), `fixed` closes at
 * that version, `last_affected` closes after it; `versions` lists affected versions outright.
 */
import type { Advisory, RangeEvent } from './advisory';
import type { VersionScheme } from './versions/schemes';

function eventVersion(e: RangeEvent): string {
  return e.introduced ?? e.fixed ?? e.last_affected ?? '';
}

function inRange(version: string, events: RangeEvent[], scheme: VersionScheme): boolean | undefined {
  const ordered: RangeEvent[] = [];
  for (const e of events) {
    const v = eventVersion(e);
    if (e.introduced === '0') ordered.push(e);
    else if (scheme.valid(v)) ordered.push(e);
    // An event this scheme cannot order (a commit hash, a typo) makes the range unreadable.
    else return undefined;
  }
  ordered.sort((a, b) => (a.introduced === '0' ? -1 : b.introduced === '0' ? 1 : scheme.compare(eventVersion(a), eventVersion(b))));
  let affected = false;
  for (const e of ordered) {
    if (e.introduced !== undefined) {
      if (e.introduced === '0' || scheme.compare(version, e.introduced) >= 0) affected = true;
    } else if (e.fixed !== undefined) {
      if (scheme.compare(version, e.fixed) >= 0) affected = false;
    } else if (e.last_affected !== undefined) {
      if (scheme.compare(version, e.last_affected) > 0) affected = false;
    }
  }
  return affected;
}

export function isAffected(advisory: Advisory, version: string, scheme: VersionScheme): boolean {
  const valid = scheme.valid(version);
  if (advisory.versions.some((v) => v === version || (valid && scheme.valid(v) && scheme.compare(v, version) === 0))) return true;
  if (!valid) return false;
  return advisory.ranges.some((r) => inRange(version, r.events, scheme) === true);
}

/** The versions an advisory names as fixed, ordered, without repeats. */
export function fixedVersions(advisories: readonly Advisory[], scheme: VersionScheme): string[] {
  const all = new Set<string>();
  for (const a of advisories) for (const r of a.ranges) for (const e of r.events) if (e.fixed && scheme.valid(e.fixed)) all.add(e.fixed);
  return [...all].sort((a, b) => scheme.compare(a, b));
}

/**
 * The lowest fixed version above `version`, in its major, that none of `advisories`
 * affects: the smallest upgrade that clears them all without a major's breaking changes.
 */
export function nearestFix(advisories: readonly Advisory[], version: string, scheme: VersionScheme): string | undefined {
  const major = scheme.major(version);
  if (major === undefined) return undefined;
  return fixedVersions(advisories, scheme).find(
    (f) => scheme.compare(f, version) > 0 && scheme.major(f) === major && !advisories.some((a) => isAffected(a, f, scheme)),
  );
}

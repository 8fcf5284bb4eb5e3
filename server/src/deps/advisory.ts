/**
 * An advisory as the index keeps it for one package: what the OSV record says about that
 * package (its ranges and listed versions) plus what a finding shows (ids, summary,
 * score). See osvRecord.ts for the reading and advisoryIndex.ts for the storage.
 */

export interface RangeEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
}

export interface AffectedRange {
  /** OSV's `SEMVER` or `ECOSYSTEM` (both ordered by the ecosystem's scheme here); `GIT` ranges are dropped. */
  type: string;
  events: RangeEvent[];
}

export interface Advisory {
  id: string;
  /** Other ids of the same advisory: CVE-…, PYSEC-…, GHSA-… */
  aliases: string[];
  summary: string;
  /** ISO date of the record's last change. */
  modified: string;
  /** CVSS base score computed from the record's vector, when it has a v2/v3 one. */
  score?: number;
  vector?: string;
  /** The database's own severity word (GHSA: LOW, MODERATE, HIGH, CRITICAL), for records without a score. */
  label?: string;
  ranges: AffectedRange[];
  versions: string[];
  /** A page to read: the record's ADVISORY reference, else its osv.dev page. */
  url: string;
}

/** The package name as the record spells it, with its advisories. */
export interface PackageAdvisories {
  name: string;
  advisories: Advisory[];
}

/** Every id an advisory goes by, its own first. */
export function advisoryIds(a: Pick<Advisory, 'id' | 'aliases'>): string[] {
  return [a.id, ...a.aliases.filter((x) => x !== a.id)];
}

/**
 * The `ignore` list of .ward.yaml: advisories a project has looked at and accepts, each
 * with a reason and, usually, a date after which it is looked at again.
 *
 *   ignore:
 *     - id: GHSA-jf85-cpcp-j695          # or its CVE-… / PYSEC-… alias
 *       package: lodash                   # optional: only this package
 *       reason: only used on trusted build-time input
 *       expires: 2025-06-30               # optional; from this day on the finding is back
 *
 * An expired entry stops suppressing, and the finding says so.
 */
import { ADVISORY_ID } from './suppressions';

export interface IgnoreEntry {
  /** Upper case, as ignore comments are compared. */
  id: string;
  package?: string;
  reason: string;
  /** YYYY-MM-DD: suppresses up to the day before. */
  expires?: string;
  /** Where it is written, for messages (".ward.yaml"). */
  source: string;
}

export function parseIgnoreList(raw: unknown, source: string): { entries: IgnoreEntry[]; problems: string[] } {
  const problems: string[] = [];
  const entries: IgnoreEntry[] = [];
  if (raw === undefined || raw === null) return { entries, problems };
  if (!Array.isArray(raw)) return { entries, problems: [`${source}: ignore: expected a list of { id, reason, expires }; ignored`] };
  raw.forEach((item, i) => {
    const at = `${source}: ignore[${i}]`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) return problems.push(`${at}: expected { id, reason, expires }; ignored`);
    const e = item as Record<string, unknown>;
    const id = typeof e.id === 'string' ? e.id.trim() : '';
    if (!ADVISORY_ID.test(id)) return problems.push(`${at}: id must be an advisory id (GHSA-…, CVE-…, PYSEC-…, GO-…), got ${JSON.stringify(e.id)}; ignored`);
    const reason = typeof e.reason === 'string' ? e.reason.trim() : '';
    if (!reason) return problems.push(`${at} (${id}): a reason is required; ignored`);
    // YAML reads an unquoted 2025-06-30 as a date.
    const expires = e.expires instanceof Date ? e.expires.toISOString().slice(0, 10) : typeof e.expires === 'string' ? e.expires.trim() : undefined;
    if (e.expires !== undefined && (!expires || !/^\d{4}-\d{2}-\d{2}$/.test(expires) || Number.isNaN(Date.parse(expires)))) {
      return problems.push(`${at} (${id}): expires must be a date written YYYY-MM-DD, got ${JSON.stringify(e.expires)}; ignored`);
    }
    const pkg = typeof e.package === 'string' && e.package.trim() ? e.package.trim() : undefined;
    entries.push({ id: id.toUpperCase(), reason, source, ...(expires ? { expires } : {}), ...(pkg ? { package: pkg } : {}) });
  });
  return { entries, problems };
}

/** Whether the entry has expired on `today` (YYYY-MM-DD): it suppresses up to the day before `expires`. */
export function isExpired(entry: IgnoreEntry, today: string): boolean {
  return !!entry.expires && today >= entry.expires;
}

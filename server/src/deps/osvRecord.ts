/**
 * OSV records (https://ossf.github.io/osv-schema/) → the advisories of each package of one
 * ecosystem. A record may name several packages and ecosystems; withdrawn records and
 * records with nothing this ecosystem can match (GIT ranges only) give nothing.
 */
import type { AffectedRange, Advisory, RangeEvent } from './advisory';
import { baseScore } from './cvss';
import type { Ecosystem } from './ecosystem';

/** The ecosystem of an `affected[].package.ecosystem` (`Maven`, `PyPI`, `Go`, `npm`; Debian-style suffixes `npm:…` are not used by these). */
function ecosystemOf(value: unknown): string {
  return typeof value === 'string' ? value.split(':')[0]! : '';
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function rangesOf(raw: unknown): AffectedRange[] {
  if (!Array.isArray(raw)) return [];
  const out: AffectedRange[] = [];
  for (const r of raw) {
    if (!r || typeof r !== 'object') continue;
    const type = str((r as { type?: unknown }).type) ?? '';
    if (type !== 'SEMVER' && type !== 'ECOSYSTEM') continue;
    const events: RangeEvent[] = [];
    for (const e of Array.isArray((r as { events?: unknown }).events) ? ((r as { events: unknown[] }).events) : []) {
      if (!e || typeof e !== 'object') continue;
      const ev = e as Record<string, unknown>;
      const event: RangeEvent = {};
      if (str(ev.introduced) !== undefined) event.introduced = ev.introduced as string;
      else if (str(ev.fixed) !== undefined) event.fixed = ev.fixed as string;
      else if (str(ev.last_affected) !== undefined) event.last_affected = ev.last_affected as string;
      else continue;
      events.push(event);
    }
    if (events.length > 0) out.push({ type, events });
  }
  return out;
}

/** The best severity a record states: a computed CVSS score (the highest of its vectors), else its database's label. */
function severityOf(record: Record<string, unknown>, affected: Record<string, unknown>[]): Pick<Advisory, 'score' | 'vector' | 'label'> {
  const entries = [record.severity, ...affected.map((a) => a.severity)].flatMap((s) => (Array.isArray(s) ? s : []));
  let best: Pick<Advisory, 'score' | 'vector'> = {};
  for (const s of entries) {
    const type = str(s?.type);
    const vector = str(s?.score);
    if (!type || !vector) continue;
    const score = baseScore(type, vector);
    if (score !== undefined && (best.score === undefined || score > best.score)) best = { score, vector };
  }
  if (best.score !== undefined) return best;
  const dbs = record.database_specific as Record<string, unknown> | undefined;
  const label = str(dbs?.severity) ?? affected.map((a) => str((a.database_specific as Record<string, unknown> | undefined)?.severity) ?? str((a.ecosystem_specific as Record<string, unknown> | undefined)?.severity)).find(Boolean);
  const vector = entries.map((s) => str(s?.score)).find(Boolean);
  return { ...(label ? { label } : {}), ...(vector ? { vector } : {}) };
}

function summaryOf(record: Record<string, unknown>): string {
  const summary = str(record.summary)?.trim();
  if (summary) return summary;
  const details = str(record.details)?.trim().split('\n')[0] ?? '';
  return details.length > 160 ? `${details.slice(0, 157)}…` : details;
}

function urlOf(record: Record<string, unknown>, id: string): string {
  const refs = Array.isArray(record.references) ? (record.references as Record<string, unknown>[]) : [];
  const advisory = refs.find((r) => r?.type === 'ADVISORY' && typeof r.url === 'string' && /^https:\/\//.test(r.url as string));
  return (advisory?.url as string | undefined) ?? `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;
}

export class RecordError extends Error {}

/**
 * The advisories one record gives, as [package name, advisory] pairs for `ecosystem`
 * (one pair per affected package). Throws RecordError when the object is not an OSV record.
 */
export function advisoriesOfRecord(raw: unknown, ecosystem: Ecosystem): [string, Advisory][] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new RecordError('not a JSON object');
  const record = raw as Record<string, unknown>;
  const id = str(record.id);
  if (!id) throw new RecordError('no "id"');
  if (!Array.isArray(record.affected) && record.affected !== undefined) throw new RecordError(`${id}: "affected" is not a list`);
  if (str(record.withdrawn)) return [];
  const affected = ((record.affected as unknown[] | undefined) ?? []).filter((a): a is Record<string, unknown> => !!a && typeof a === 'object');
  const mine = affected.filter((a) => {
    const pkg = a.package as Record<string, unknown> | undefined;
    return ecosystemOf(pkg?.ecosystem) === ecosystem && typeof pkg?.name === 'string';
  });
  if (mine.length === 0) return [];
  const common = {
    id,
    aliases: strings(record.aliases).filter((a) => a !== id),
    summary: summaryOf(record),
    modified: str(record.modified) ?? '',
    ...severityOf(record, mine),
    url: urlOf(record, id),
  };
  const out: [string, Advisory][] = [];
  for (const a of mine) {
    const ranges = rangesOf(a.ranges);
    const versions = strings(a.versions);
    if (ranges.length === 0 && versions.length === 0) continue;
    out.push([(a.package as { name: string }).name, { ...common, ranges, versions }]);
  }
  return out;
}

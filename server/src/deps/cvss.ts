/**
 * CVSS base scores computed from the vector strings OSV records carry (FIRST's
 * specifications: v3.0/v3.1 section 7 formulas, v2 section 3.2.1), and the mapping of a
 * score to Ward's severities.
 *
 *   score ≥ 7.0 (High, Critical) → error
 *   4.0 ≤ score < 7.0 (Medium)    → warning
 *   score < 4.0 (Low, None)       → info
 *
 * A CVSS v4 vector is not scored here (its score is a table lookup over macro vectors);
 * a record with only that falls back to its database's label (GHSA's LOW … CRITICAL),
 * and a record with neither counts as a warning.
 */
import type { Severity } from '../engine/finding';

const V3: Record<string, Record<string, number>> = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  C: { H: 0.56, L: 0.22, N: 0 },
  I: { H: 0.56, L: 0.22, N: 0 },
  A: { H: 0.56, L: 0.22, N: 0 },
};
const PR_UNCHANGED: Record<string, number> = { N: 0.85, L: 0.62, H: 0.27 };
const PR_CHANGED: Record<string, number> = { N: 0.85, L: 0.68, H: 0.5 };

function metrics(vector: string, prefix: RegExp): Map<string, string> | undefined {
  if (!prefix.test(vector)) return undefined;
  const out = new Map<string, string>();
  for (const part of vector.replace(prefix, '').split('/')) {
    const [k, v] = part.split(':');
    if (!k || !v || out.has(k)) return undefined;
    out.set(k, v);
  }
  return out;
}

/** CVSS v3.1 "Roundup": the smallest one-decimal number ≥ x, free of floating-point noise. */
function roundUp31(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

export function cvss3BaseScore(vector: string): number | undefined {
  const m = metrics(vector, /^CVSS:3\.[01]\//);
  if (!m) return undefined;
  const scope = m.get('S');
  if (scope !== 'U' && scope !== 'C') return undefined;
  const value = (k: string, table: Record<string, number> | undefined): number | undefined => (table ? table[m.get(k) ?? ''] : undefined);
  const av = value('AV', V3.AV);
  const ac = value('AC', V3.AC);
  const pr = value('PR', scope === 'C' ? PR_CHANGED : PR_UNCHANGED);
  const ui = value('UI', V3.UI);
  const c = value('C', V3.C);
  const i = value('I', V3.I);
  const a = value('A', V3.A);
  if (av === undefined || ac === undefined || pr === undefined || ui === undefined || c === undefined || i === undefined || a === undefined) return undefined;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15);
  const exploitability = 8.22 * av * ac * pr * ui;
  if (impact <= 0) return 0;
  // v3.0 rounds up with a plain ceiling; the results differ only by floating-point noise.
  const round = vector.startsWith('CVSS:3.1/') ? roundUp31 : (x: number): number => Math.ceil(x * 10 - 1e-9) / 10;
  return scope === 'U' ? round(Math.min(impact + exploitability, 10)) : round(Math.min(1.08 * (impact + exploitability), 10));
}

const V2: Record<string, Record<string, number>> = {
  AV: { L: 0.395, A: 0.646, N: 1 },
  AC: { H: 0.35, M: 0.61, L: 0.71 },
  Au: { M: 0.45, S: 0.56, N: 0.704 },
  C: { N: 0, P: 0.275, C: 0.66 },
  I: { N: 0, P: 0.275, C: 0.66 },
  A: { N: 0, P: 0.275, C: 0.66 },
};

export function cvss2BaseScore(vector: string): number | undefined {
  const m = metrics(vector.replace(/^\(|\)$/g, ''), /^(?:CVSS:2\.0\/)?(?=AV:)/);
  if (!m) return undefined;
  const get = (k: string): number | undefined => V2[k]?.[m.get(k) ?? ''];
  const [av, ac, au, c, i, a] = ['AV', 'AC', 'Au', 'C', 'I', 'A'].map(get);
  if ([av, ac, au, c, i, a].some((x) => x === undefined)) return undefined;
  const impact = 10.41 * (1 - (1 - c!) * (1 - i!) * (1 - a!));
  const exploitability = 20 * av! * ac! * au!;
  const f = impact === 0 ? 0 : 1.176;
  return Math.round((0.6 * impact + 0.4 * exploitability - 1.5) * f * 10) / 10;
}

/** The base score of an OSV `severity` entry (`CVSS_V3`, `CVSS_V2`), when it can be computed. */
export function baseScore(type: string, vector: string): number | undefined {
  if (type === 'CVSS_V3') return cvss3BaseScore(vector);
  if (type === 'CVSS_V2') return cvss2BaseScore(vector);
  return undefined;
}

export const ERROR_SCORE = 7.0;
export const WARNING_SCORE = 4.0;

export function severityForScore(score: number): Severity {
  return score >= ERROR_SCORE ? 'error' : score >= WARNING_SCORE ? 'warning' : 'info';
}

/** A database's own label (GHSA `database_specific.severity`), for records without a scorable vector. */
export function severityForLabel(label: string | undefined): Severity {
  switch ((label ?? '').toUpperCase()) {
    case 'CRITICAL':
    case 'HIGH':
      return 'error';
    case 'LOW':
    case 'NONE':
      return 'info';
    default:
      return 'warning';
  }
}

/** CVSS's own words for a score: None, Low, Medium, High, Critical. */
export function ratingForScore(score: number): string {
  return score === 0 ? 'None' : score < 4 ? 'Low' : score < 7 ? 'Medium' : score < 9 ? 'High' : 'Critical';
}

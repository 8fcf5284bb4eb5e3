/**
 * `--format gitlab`: GitLab's SAST report (`gl-sast-report.json`, security report schema
 * 15.0.6), which a job hands to GitLab as `artifacts: reports: sast:` for the merge request
 * widget and the vulnerability report.
 *
 * Choices: suppressed findings (ignore comments, the baseline, the ignore list) are left out,
 * as GitLab has no suppressed state to put them in; the first identifier is Ward's rule id,
 * because GitLab tracks a vulnerability by its primary (first) identifier and several rules
 * share a CWE; each vulnerability's id is derived from its baseline fingerprint, so it stays
 * the same from one pipeline to the next while the code around it moves. Messages are the
 * ones every format prints (secret values masked); no source text is copied in.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../engine/finding';
import { cweUrl, owaspCategory, publicDocsUrl } from '../engine/ruleLinks';
import { fingerprintOf } from './sarif';
import type { ScanReport } from './report';

export const GITLAB_SCHEMA_VERSION = '15.0.6';
const SCHEMA_URL = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SCHEMA_VERSION}/dist/sast-report-format.json`;
/** The schema caps a vulnerability's identifiers. */
const MAX_IDENTIFIERS = 20;

type Identifier = { type: string; name: string; value: string; url?: string };

/** Dependency findings carry the worst advisory's CVSS score; other findings map by Ward's severity (docs/severity.md). */
function severityOf(f: Finding): 'Critical' | 'High' | 'Medium' | 'Low' | 'Info' {
  const scores = f.dependency?.advisories.map((a) => a.score).filter((s): s is number => typeof s === 'number') ?? [];
  if (scores.length > 0) {
    const top = Math.max(...scores);
    return top >= 9 ? 'Critical' : top >= 7 ? 'High' : top >= 4 ? 'Medium' : top > 0 ? 'Low' : 'Info';
  }
  return f.severity === 'error' ? 'High' : f.severity === 'warning' ? 'Medium' : 'Low';
}

function identifiers(f: Finding): Identifier[] {
  const ids: Identifier[] = [{ type: 'ward_rule_id', name: `Ward ${f.ruleId}`, value: f.ruleId, url: publicDocsUrl(f.ruleId) }];
  for (const a of f.dependency?.advisories ?? []) {
    for (const id of [a.id, ...a.aliases]) {
      const type = /^CVE-/i.test(id) ? 'cve' : /^GHSA-/i.test(id) ? 'ghsa' : id.split('-')[0]!.toLowerCase() || 'advisory';
      ids.push({ type, name: id, value: id, ...(id === a.id && /^https?:\/\//.test(a.url) ? { url: a.url } : {}) });
    }
  }
  for (const cwe of f.cwe) {
    const n = /^CWE-(\d+)$/i.exec(cwe)?.[1];
    if (n) ids.push({ type: 'cwe', name: `CWE-${n}`, value: n, ...(cweUrl(cwe) ? { url: cweUrl(cwe)! } : {}) });
  }
  for (const code of f.owasp) {
    const cat = owaspCategory(code);
    ids.push({ type: 'owasp', name: cat ? `${code} ${cat.name}` : code, value: code, ...(cat ? { url: cat.url } : {}) });
  }
  // The same id twice (an alias equal to an id) would be one identifier listed twice.
  const seen = new Set<string>();
  return ids.filter((i) => !seen.has(`${i.type}\0${i.value}`) && !!seen.add(`${i.type}\0${i.value}`)).slice(0, MAX_IDENTIFIERS);
}

/** A UUID-shaped id from the finding's fingerprint and path: the same finding keeps its id across pipelines. */
function stableId(path: string, fingerprint: string): string {
  const h = createHash('sha256').update(`ward\0${path}\0${fingerprint}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** GitLab's time format: UTC to the second, no zone suffix. */
const stamp = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

export function gitlabReport(report: ScanReport, now = Date.now()): string {
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const vulnerabilities = report.files.flatMap((file) =>
    file.findings.flatMap((f, i) => {
      if (f.suppressed) return [];
      const rule = rules.get(f.ruleId);
      const steps = (f.trace ?? []).map((s) => `- ${s.file ?? file.path}:${s.range.start.line + 1}: ${s.message}`);
      const description = [f.message, ...(steps.length > 0 ? ['', 'Path:', ...steps] : []), ...(rule?.docs ? ['', rule.docs] : [])].join('\n');
      return [
        {
          id: stableId(file.path, file.fingerprints?.[i] ?? fingerprintOf(file.path, f)),
          name: (f.title || f.ruleId).slice(0, 255),
          description: description.slice(0, 1048576),
          severity: severityOf(f),
          ...(rule?.advice ? { solution: rule.advice.slice(0, 7000) } : {}),
          location: { file: file.path, start_line: f.range.start.line + 1, end_line: f.range.end.line + 1 },
          identifiers: identifiers(f),
        },
      ];
    }),
  );
  const tool = { id: 'ward', name: 'Ward', version: report.version, vendor: { name: 'Ward' }, url: 'https://github.com/ward-security/ward' };
  // What the scan could not cover (skipped files, a missing advisory database) shows in the job's security tab.
  const messages = report.files.flatMap((file) => file.notices.map((n) => ({ level: n.kind === 'skipped' ? 'info' : 'warning', value: `${file.path}: ${n.message}` })));
  const gl = {
    version: GITLAB_SCHEMA_VERSION,
    schema: SCHEMA_URL,
    scan: {
      analyzer: tool,
      scanner: tool,
      type: 'sast',
      start_time: stamp(now - report.durationMs),
      end_time: stamp(now),
      status: 'success',
      messages,
    },
    vulnerabilities,
  };
  return JSON.stringify(gl, null, 2) + '\n';
}

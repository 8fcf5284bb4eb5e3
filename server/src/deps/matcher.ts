/**
 * Dependencies × advisories → Ward findings: one per vulnerable package version and place
 * in the file, with every advisory that affects it, the severity of the worst (by CVSS,
 * cvss.ts), the fixed versions, how the package gets in, and, on a manifest's direct
 * dependency, a fix that moves it to the nearest version in its major that none of the
 * advisories affects. Ignore comments and .ward.yaml `ignore` entries take advisories out
 * one by one; a finding whose advisories are all ignored is kept, suppressed.
 */
import type { DependencyAdvisory, DependencyNote, Finding, Fix, Severity, Suppression } from '../engine/finding';
import { SEVERITY_RANK } from '../engine/finding';
import { interpolateMessage, ruleFinding } from '../engine/findingBuilder';
import { IgnoreEntry, isExpired } from '../engine/ignoreList';
import type { Rule } from '../engine/rule';
import { Directive } from '../engine/suppressions';
import type { Advisory } from './advisory';
import { advisoryIds } from './advisory';
import { fixedVersions, isAffected, nearestFix } from './affected';
import type { EcosystemIndex } from './advisoryIndex';
import { ratingForScore, severityForLabel, severityForScore } from './cvss';
import type { Dependency } from './dependency';
import { packageKey } from './ecosystem';
import { schemeFor } from './versions/schemes';

export interface MatchOptions {
  rule: Rule;
  /** Findings on a manifest's direct dependencies get the upgrade fix. */
  role: 'manifest' | 'lockfile';
  directives: Directive[];
  ignore: readonly IgnoreEntry[];
  /** YYYY-MM-DD, for ignore entries' expiry. */
  today: string;
}

export function advisorySeverity(a: Advisory): Severity {
  return a.score !== undefined ? severityForScore(a.score) : severityForLabel(a.label);
}

function describe(a: Advisory): string {
  return a.score !== undefined ? `${ratingForScore(a.score)} ${a.score.toFixed(1)}` : a.label ? `${a.label.charAt(0).toUpperCase()}${a.label.slice(1).toLowerCase()}` : 'Severity unknown';
}

function worstFirst(a: Advisory, b: Advisory): number {
  return SEVERITY_RANK[advisorySeverity(b)] - SEVERITY_RANK[advisorySeverity(a)] || (b.score ?? -1) - (a.score ?? -1) || (a.id < b.id ? -1 : 1);
}

interface Ignored {
  advisory: Advisory;
  reason: string;
  kind: Suppression['kind'];
}

/** Advisories a comment or an entry takes out, and the entries past their date (which take out nothing). */
function applyIgnores(dep: Dependency, advisories: Advisory[], options: MatchOptions): { kept: Advisory[]; ignored: Ignored[]; expired: IgnoreEntry[]; wholeFinding?: Directive } {
  const line = dep.range.start.line;
  const here = options.directives.filter((d) => d.file || d.line === line || (d.standalone && d.line === line - 1));
  const whole = here.find((d) => d.ruleIds.size === 0 || d.ruleIds.has(options.rule.id));
  const kept: Advisory[] = [];
  const ignored: Ignored[] = [];
  const expired: IgnoreEntry[] = [];
  for (const a of advisories) {
    const ids = advisoryIds(a).map((x) => x.toUpperCase());
    const comment = here.find((d) => ids.some((id) => d.ruleIds.has(id)));
    if (comment) {
      ignored.push({ advisory: a, reason: comment.justification, kind: comment.file ? 'file' : 'line' });
      continue;
    }
    const entries = options.ignore.filter((e) => ids.includes(e.id) && (!e.package || packageKey(dep.ecosystem, e.package) === packageKey(dep.ecosystem, dep.name)));
    const live = entries.find((e) => !isExpired(e, options.today));
    if (live) ignored.push({ advisory: a, reason: `${live.reason} (${live.source}${live.expires ? `, until ${live.expires}` : ''})`, kind: 'config' });
    else {
      expired.push(...entries);
      kept.push(a);
    }
  }
  return { kept, ignored, expired, wholeFinding: whole };
}

function note(dep: Dependency, advisories: Advisory[], ignored: Ignored[], upgradeTo: string | undefined): DependencyNote {
  const scheme = schemeFor(dep.ecosystem);
  const toNote = (a: Advisory): DependencyAdvisory => ({
    id: a.id,
    aliases: a.aliases,
    summary: a.summary,
    severity: advisorySeverity(a),
    ...(a.score !== undefined ? { score: a.score } : {}),
    url: a.url,
    fixed: fixedVersions([a], scheme),
  });
  return {
    ecosystem: dep.ecosystem,
    name: dep.name,
    version: dep.version,
    ...(dep.direct !== undefined ? { direct: dep.direct } : {}),
    path: dep.path,
    advisories: advisories.map(toNote),
    ...(upgradeTo ? { upgradeTo } : {}),
    ...(ignored.length > 0 ? { ignored: ignored.map((i) => ({ id: i.advisory.id, reason: i.reason })) } : {}),
  };
}

function message(rule: Rule, dep: Dependency, shown: Advisory[], upgradeTo: string | undefined, expired: IgnoreEntry[]): string {
  const worst = shown[0]!;
  const captures = new Map<string, { text: string }>([
    ['package', { text: dep.name }],
    ['version', { text: dep.version }],
    ['advisory', { text: worst.id }],
  ]);
  const head = interpolateMessage(rule.message, captures).replace(/\.$/, '');
  // The first sentence is short (the Problems panel cuts a line at about 110 characters); severity and summary follow.
  const summary = (worst.summary || '').replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  const parts = [`${head}.`, `${describe(worst)}${summary ? `: ${summary}` : ''}.`];
  const scheme = schemeFor(dep.ecosystem);
  const fixed = fixedVersions(shown, scheme).filter((v) => scheme.compare(v, dep.version) > 0);
  if (upgradeTo) parts.push(`Upgrade to ${upgradeTo}.`);
  else if (fixed.length > 0) parts.push(`Fixed in ${fixed.slice(0, 3).join(', ')}${fixed.length > 3 ? ', …' : ''} (another major).`);
  else parts.push('No fixed version is published.');
  if (dep.direct === false && dep.path.length > 1) parts.push(`Brought in by ${dep.path.join(' → ')}.`);
  if (shown.length > 1) parts.push(`Also: ${shown.slice(1).map((a) => `${a.id} (${describe(a)})`).join(', ')}.`);
  for (const e of expired) parts.push(`The ignore entry for ${e.id} in ${e.source} expired on ${e.expires}.`);
  return parts.join(' ');
}

function upgradeFix(dep: Dependency, to: string, count: number): Fix | undefined {
  if (!dep.versionSpec || dep.direct !== true) return undefined;
  const newText = dep.ecosystem === 'Go' ? `v${to.replace(/^v/, '')}` : to;
  return {
    title: `Upgrade ${dep.name} to ${newText} (fixes ${count === 1 ? 'the advisory' : `${count} advisories`})`,
    edits: [{ range: dep.versionSpec.range, newText }],
    preferred: true,
  };
}

export function matchDependencies(dependencies: readonly Dependency[], index: EcosystemIndex, options: MatchOptions): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const scheme = schemeFor(options.rule.ecosystem as Dependency['ecosystem']);
  for (const dep of dependencies) {
    // One finding per package version and line (package.json reports several paths on one line).
    const key = `${dep.range.start.line}\0${packageKey(dep.ecosystem, dep.name)}\0${dep.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pkg = index.lookup(dep.name);
    if (!pkg) continue;
    const byId = new Map<string, Advisory>();
    for (const a of pkg.advisories) if (!byId.has(a.id) && isAffected(a, dep.version, scheme)) byId.set(a.id, a);
    if (byId.size === 0) continue;
    const affecting = [...byId.values()].sort(worstFirst);
    const { kept, ignored, expired, wholeFinding } = applyIgnores(dep, affecting, options);
    const shown = kept.length > 0 ? kept : affecting;
    const upgradeTo = nearestFix(affecting, dep.version, scheme);
    const fix = upgradeTo && options.role === 'manifest' ? upgradeFix(dep, upgradeTo, affecting.length) : undefined;
    const finding = ruleFinding(options.rule, dep.range, message(options.rule, dep, shown, upgradeTo, expired), fix ? [fix] : []);
    finding.severity = shown.map(advisorySeverity).reduce((w, s) => (SEVERITY_RANK[s] > SEVERITY_RANK[w] ? s : w), 'info' as Severity);
    finding.dependency = note(dep, shown, ignored, upgradeTo);
    if (wholeFinding) finding.suppressed = { kind: wholeFinding.file ? 'file' : 'line', justification: wholeFinding.justification };
    else if (kept.length === 0) finding.suppressed = { kind: ignored[0]!.kind, justification: ignored.map((i) => `${i.advisory.id}: ${i.reason}`).join('; ') };
    findings.push(finding);
  }
  return findings;
}

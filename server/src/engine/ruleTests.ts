/**
 * Runs rule fixtures the semgrep way: `ruleid: <id>` on the line before code that must be
 * reported, `ok: <id>` before code that must not. Used by the project's rule tests and by
 * `ward test` for users' own rules.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { languageForPath } from '../languages/registry';
import type { Finding } from './finding';
import { applyEdits } from './fixes';
import type { Rule } from './rule';
import { Engine } from './scan';

export interface FixtureFailure {
  file: string;
  line: number;
  message: string;
}

export interface RuleTestResult {
  ruleId: string;
  fixtures: string[];
  failures: FixtureFailure[];
}

interface Expectation {
  line: number;
  kind: 'ruleid' | 'ok' | 'todoruleid';
  ruleId: string;
  annotationLine: number;
}

const ANNOTATION = /(?:\/\/|#|\/\*|\{\/\*|<!--)\s*(ruleid|ok|todoruleid)\s*:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

export function parseExpectations(text: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  const out: Expectation[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = ANNOTATION.exec(lines[i]!);
    if (!m) continue;
    // The annotation covers the next line that is not itself an annotation or blank.
    let target = i + 1;
    while (target < lines.length && (ANNOTATION.test(lines[target]!) || lines[target]!.trim() === '')) target++;
    for (const id of m[2]!.split(',').map((s) => s.trim())) {
      out.push({ line: target, kind: m[1] as Expectation['kind'], ruleId: id, annotationLine: i });
    }
  }
  return out;
}

/** Fixture files beside a rule: `<id>.test.<ext>` (not `.fixed`). */
export function fixturesFor(rule: Rule): string[] {
  const dir = dirname(rule.file);
  const stem = `${rule.id}.test.`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(stem))
    .map((f) => join(dir, f))
    .sort();
}

export function fixedFileFor(fixture: string): string {
  return fixture.replace(/\.test\.([a-z0-9]+)$/, '.fixed.$1');
}

/** Applies the first fix of every finding, as a user clicking each quick fix in turn would. */
export function applyAllFixes(text: string, findings: Finding[]): string {
  const edits = findings.flatMap((f) => (f.fixes[0] ? f.fixes[0].edits : []));
  return applyEdits(text, edits);
}

export async function testRule(engine: Engine, rule: Rule, knownIds: ReadonlySet<string>): Promise<RuleTestResult> {
  const fixtures = fixturesFor(rule);
  const failures: FixtureFailure[] = [];
  if (fixtures.length === 0) failures.push({ file: rule.file, line: 1, message: `rule ${rule.id} has no fixture (${rule.id}.test.<ext>)` });
  let sawRuleId = false;
  let sawOk = false;
  for (const file of fixtures) {
    const text = readFileSync(file, 'utf8');
    const lang = languageForPath(file);
    const result = lang ? await engine.scanText(text, lang, { budgetMs: 20000 }) : engine.scanGenericText(text);
    const fail = (line: number, message: string): void => {
      failures.push({ file, line: line + 1, message });
    };
    for (const n of result.notices) fail(0, `scan notice: ${n.message}`);
    const findings = result.findings.filter((f) => f.ruleId === rule.id && !f.suppressed);
    const expectations = parseExpectations(text);
    for (const e of expectations) {
      if (!knownIds.has(e.ruleId)) fail(e.annotationLine, `annotation names unknown rule ${e.ruleId}`);
    }
    const mine = expectations.filter((e) => e.ruleId === rule.id);
    sawRuleId ||= mine.some((e) => e.kind === 'ruleid');
    sawOk ||= mine.some((e) => e.kind === 'ok');
    for (const e of mine) {
      const hit = findings.some((f) => f.range.start.line === e.line);
      if (e.kind === 'ruleid' && !hit) fail(e.line, `expected ${rule.id} here but it was not reported`);
      if (e.kind === 'ok' && hit) fail(e.line, `${rule.id} reported here but the line is marked ok`);
    }
    for (const f of findings) {
      if (!mine.some((e) => e.kind === 'ruleid' && e.line === f.range.start.line)) {
        fail(f.range.start.line, `unannotated finding: ${f.message}`);
      }
    }
    const fixedFile = fixedFileFor(file);
    if (rule.fix) {
      if (!existsSync(fixedFile)) {
        fail(0, `rule has a fix but ${basename(fixedFile)} is missing`);
      } else {
        const fixed = applyAllFixes(text, findings);
        const expected = readFileSync(fixedFile, 'utf8');
        if (fixed !== expected) fail(0, `fixed output differs from ${basename(fixedFile)}:\n${firstDifference(fixed, expected)}`);
        if (!findings.some((f) => f.fixes.length > 0)) fail(0, 'rule has a fix but no finding in the fixture offered one');
        if (lang) {
          const tree = await engine.parse(lang, fixed, 20000);
          if (tree.rootNode.hasError) fail(0, `fixed code does not parse: ${firstErrorLine(tree.rootNode)}`);
          tree.delete();
        }
      }
    }
  }
  if (fixtures.length > 0 && !sawRuleId) failures.push({ file: rule.file, line: 1, message: 'fixtures need at least one `ruleid:` case' });
  if (fixtures.length > 0 && !sawOk) failures.push({ file: rule.file, line: 1, message: 'fixtures need at least one `ok:` case' });
  return { ruleId: rule.id, fixtures, failures };
}

function firstErrorLine(node: { hasError: boolean; type: string; isMissing: boolean; startPosition: { row: number }; namedChildren: (unknown | null)[] }): string {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const walk = (n: any): string | undefined => {
    if (n.type === 'ERROR' || n.isMissing) return `line ${n.startPosition.row + 1}`;
    for (const c of n.children) if (c?.hasError) return walk(c);
    return undefined;
  };
  return walk(node) ?? 'unknown place';
}

function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return `  line ${i + 1}\n  actual:   ${JSON.stringify(a[i])}\n  expected: ${JSON.stringify(e[i])}`;
  }
  return '  (trailing difference)';
}

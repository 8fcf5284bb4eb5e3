/**
 * Runs rule fixtures the semgrep way: `ruleid: <id>` on the line before code that must be
 * reported, `ok: <id>` before code that must not. Used by the project's rule tests and by
 * `ward test` for users' own rules.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { documentPackOf, languageForPath } from '../languages/registry';
import { anchorOf, FileResult, Finding } from './finding';
import { applyEdits } from './fixes';
import type { Rule } from './rule';
import { isFile } from './paths';
import { Engine } from './scan';
import { buildSummaryIndex } from './summaryIndex';
import { base62, crc32, isPlaceholder } from './secretMatcher';

export interface FixtureFailure {
  file: string;
  line: number;
  message: string;
}

export interface RuleTestResult {
  ruleId: string;
  fixtures: string[];
  failures: FixtureFailure[];
  /** The rule's findings on its fixtures, for checks across all rules (message lengths). */
  findings: Finding[];
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

const CHARSETS: Record<string, string> = {
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  digits: '0123456789',
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  lowernum: 'abcdefghijklmnopqrstuvwxyz0123456789',
  uppernum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
};

function charset(spec: string): string {
  if (CHARSETS[spec]) return CHARSETS[spec]!;
  let out = '';
  for (let i = 0; i < spec.length; i++) {
    if (spec[i + 1] === '-' && i + 2 < spec.length) {
      for (let c = spec.charCodeAt(i); c <= spec.charCodeAt(i + 2); c++) out += String.fromCharCode(c);
      i += 2;
    } else out += spec[i];
  }
  return out;
}

function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAKE = /\{\{(random|crc32):([^{}\n]*)\}\}/g;

/**
 * Fixtures hold no real-looking secret: `{{random:CHARSET:LEN}}` (CHARSET is alnum, hex,
 * HEX, lower, upper, digits, base32, base64, base64url, … or ranges like `a-z0-9_`) and
 * `{{crc32:ghp}}` (a GitHub/npm-format token with a valid CRC32) are expanded when the test
 * runs, deterministically: the same line always yields the same value.
 */
export function expandFixture(text: string): string {
  if (!text.includes('{{')) return text;
  return text
    .split('\n')
    .map((line) => {
      let n = 0;
      return line.replace(FAKE, (whole, kind: string, arg: string) => {
        const random = seededRandom(`${line}#${n++}`);
        const draw = (chars: string, len: number): string => {
          for (;;) {
            let s = '';
            for (let i = 0; i < len; i++) s += chars[Math.floor(random() * chars.length)];
            if (len < 6 || !isPlaceholder(s)) return s;
          }
        };
        if (kind === 'crc32') {
          const body = draw(CHARSETS.alnum!, 30);
          return `${arg}_${body}${base62(crc32(body))}`;
        }
        const cut = arg.lastIndexOf(':');
        const len = Number(arg.slice(cut + 1));
        if (cut < 0 || !Number.isInteger(len) || len <= 0) return whole;
        return draw(charset(arg.slice(0, cut)), len);
      });
    })
    .join('\n');
}

/** An annotation on the line before the statement covers its finding, and so does one before the underlined part. */
function linesOf(f: Finding): number[] {
  return [anchorOf(f).start.line, f.range.start.line];
}

/** Fixture files beside a rule: `<id>.test.<ext>` (not `.fixed`). */
export function fixturesFor(rule: Rule): string[] {
  const dir = dirname(rule.file);
  const stem = `${rule.id}.test.`;
  if (!existsSync(dir)) return [];
  // Regular files only: a FIFO named like a fixture would block `ward test`.
  return readdirSync(dir)
    .filter((f) => f.startsWith(stem))
    .map((f) => join(dir, f))
    .filter(isFile)
    .sort();
}

function helperFiles(dir: string): string[] {
  const helpers = join(dir, '_helpers');
  if (!existsSync(helpers)) return [];
  return readdirSync(helpers).map((f) => join(helpers, f));
}

export function fixedFileFor(fixture: string): string {
  return fixture.replace(/\.test\.([a-z0-9.]+)$/, '.fixed.$1');
}

/** Applies the first fix of every finding, as a user clicking each quick fix in turn would. */
export function applyAllFixes(text: string, findings: Finding[]): string {
  const edits = findings.flatMap((f) => (f.fixes[0] ? f.fixes[0].edits : []));
  // Two fixes that both add the same import add it once.
  const seen = new Set<string>();
  return applyEdits(text, edits.filter((e) => {
    const key = JSON.stringify(e);
    return !seen.has(key) && !!seen.add(key);
  }));
}

export async function testRule(shared: Engine, rule: Rule, knownIds: ReadonlySet<string>): Promise<RuleTestResult> {
  // Each rule is tested alone, as semgrep does: another rule's finding on the same code
  // (which the engine may prefer over this one) must not change this rule's result.
  const engine = new Engine([rule], shared.parsers);
  engine.taint = shared.taint;
  engine.recipes = shared.recipes;
  engine.deps = shared.deps;
  const fixtures = fixturesFor(rule);
  const failures: FixtureFailure[] = [];
  if (fixtures.length === 0) failures.push({ file: rule.file, line: 1, message: `rule ${rule.id} has no fixture (${rule.id}.test.<ext>)` });
  const reported: Finding[] = [];
  let sawRuleId = false;
  let sawOk = false;
  for (const file of fixtures) {
    const text = expandFixture(readFileSync(file, 'utf8'));
    const lang = languageForPath(file);
    // Modules in a `_helpers` folder beside the fixtures stand for the project's own code,
    // so flows into a helper imported from another file are tested too.
    const summaryIndex = lang && rule.mode === 'taint' ? (await buildSummaryIndex(engine, [file], [file, ...helperFiles(dirname(file))])).index : undefined;
    const result =
      rule.mode === 'dependency'
        ? engine.deps?.scanFixture(text, rule) ?? { findings: [], notices: [{ kind: 'rule-error' as const, message: 'dependency rules need the dependency checker (loadEngine with advisory options)' }] }
        : rule.mode === 'filename'
        ? await scanListedPaths(engine, text)
        : rule.mode === 'check'
        ? await engine.scanDocumentText(documentPackOf([...rule.languages][0]!)!, text, { budgetMs: 20000 })
        : lang
          ? await engine.scanText(text, lang, { budgetMs: 20000, absolutePath: file, summaryIndex })
          : engine.scanGenericText(text);
    const fail = (line: number, message: string): void => {
      failures.push({ file, line: line + 1, message });
    };
    for (const n of result.notices) fail(0, `scan notice: ${n.message}`);
    const findings = result.findings.filter((f) => f.ruleId === rule.id && !f.suppressed);
    reported.push(...findings);
    const expectations = parseExpectations(text);
    for (const e of expectations) {
      if (!knownIds.has(e.ruleId)) fail(e.annotationLine, `annotation names unknown rule ${e.ruleId}`);
    }
    const mine = expectations.filter((e) => e.ruleId === rule.id);
    sawRuleId ||= mine.some((e) => e.kind === 'ruleid');
    sawOk ||= mine.some((e) => e.kind === 'ok');
    for (const e of mine) {
      const hit = findings.some((f) => linesOf(f).includes(e.line));
      if (e.kind === 'ruleid' && !hit) fail(e.line, `expected ${rule.id} here but it was not reported`);
      if (e.kind === 'ok' && hit) fail(e.line, `${rule.id} reported here but the line is marked ok`);
    }
    for (const f of findings) {
      if (!mine.some((e) => e.kind === 'ruleid' && linesOf(f).includes(e.line))) {
        fail(f.range.start.line, `unannotated finding: ${f.message}`);
      }
    }
    const fixedFile = fixedFileFor(file);
    // Pattern rules declare their fix; taint and check findings may carry one the engine or
    // the pack computes: whenever such a fixture's findings offer fixes, a `.fixed` file pins them.
    if (rule.fix || existsSync(fixedFile) || ((rule.mode === 'taint' || rule.mode === 'check') && findings.some((f) => f.fixes.length > 0))) {
      if (!existsSync(fixedFile)) {
        fail(0, `rule has a fix but ${basename(fixedFile)} is missing`);
      } else {
        const fixed = applyAllFixes(text, findings);
        const expected = expandFixture(readFileSync(fixedFile, 'utf8'));
        if (fixed !== expected) fail(0, `fixed output differs from ${basename(fixedFile)}:\n${firstDifference(fixed, expected)}`);
        if (!findings.some((f) => f.fixes.length > 0)) fail(0, 'rule has a fix but no finding in the fixture offered one');
        if (lang) {
          const tree = await engine.parse(lang, fixed, 20000);
          if (tree.rootNode.hasError) fail(0, `fixed code does not parse: ${firstErrorLine(tree.rootNode)}`);
          tree.delete();
        }
        if (rule.mode === 'check') {
          // The fixed document reads back (no parse notice) and what was fixed is not reported again.
          const again = await engine.scanDocumentText(documentPackOf([...rule.languages][0]!)!, fixed, { budgetMs: 20000 });
          for (const n of again.notices) fail(0, `fixed output: ${n.message}`);
          const left = again.findings.filter((f) => f.ruleId === rule.id && !f.suppressed).length;
          const unfixed = findings.filter((f) => f.fixes.length === 0).length;
          if (left > unfixed) fail(0, `the fixed output still has ${left} ${rule.id} finding(s) where ${unfixed} had no fix`);
        }
      }
    }
  }
  if (fixtures.length > 0 && !sawRuleId) failures.push({ file: rule.file, line: 1, message: 'fixtures need at least one `ruleid:` case' });
  if (fixtures.length > 0 && !sawOk) failures.push({ file: rule.file, line: 1, message: 'fixtures need at least one `ok:` case' });
  return { ruleId: rule.id, fixtures, failures, findings: reported };
}

/** Stands in for a key store: binary (a DER sequence header, NUL bytes), and no key at all. */
const PLACEHOLDER_BYTES = Buffer.from([0x30, 0x82, 0x00, 0x00, 0x02, 0x01, 0x03, 0x00]);

/**
 * A `filename` rule's fixture lists relative paths, one a line (blank lines and `#`
 * comments aside), annotated like code. Each path is written as a few placeholder bytes
 * in a temporary folder and scanned as a file, and its findings are put on the line that
 * names it, so the usual annotation checks apply.
 */
async function scanListedPaths(engine: Engine, text: string): Promise<FileResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ward-fixture-'));
  const out: FileResult = { findings: [], notices: [] };
  try {
    const lines = text.split(/\r?\n/);
    for (let line = 0; line < lines.length; line++) {
      const rel = lines[line]!.trim();
      if (rel === '' || rel.startsWith('#')) continue;
      const abs = join(dir, ...rel.split('/'));
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, PLACEHOLDER_BYTES);
      const result = await engine.scanFile(abs, { relativePath: rel });
      const at = { line, character: 0 };
      out.findings.push(...result.findings.map((f) => ({ ...f, range: { start: at, end: at } })));
      out.notices.push(...result.notices.map((n) => ({ ...n, message: `${rel}: ${n.message}` })));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

function firstErrorLine(node: { hasError: boolean; isError: boolean; isMissing: boolean; startPosition: { row: number }; namedChildren: (unknown | null)[] }): string {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const walk = (n: any): string | undefined => {
    if (n.isError || n.isMissing) return `line ${n.startPosition.row + 1}`;
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

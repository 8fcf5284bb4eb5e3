/**
 * Baselines: a committed file of finding fingerprints (`ward baseline create`), so that
 * only findings made after it fail a build or show in the editor as new.
 *
 * A fingerprint is rule id + file path + the flagged source text (whitespace collapsed)
 * + which occurrence of that same text it is in the file. Line numbers are not part of
 * it, so moving code up or down (adding an import, a function above) keeps it matched;
 * changing the flagged code itself, or renaming the file, makes the finding new.
 *
 * The CLI and the editor share this module: `fingerprintFindings` for one file's findings
 * and its text, `Baseline.apply` to mark the baselined ones suppressed (kind "baseline").
 */
import { createHash } from 'node:crypto';
import { anchorOf, Finding } from './finding';
import { readSmallFile } from './smallFiles';
import { editorLineStarts } from './lineEnds';

export const BASELINE_VERSION = 1;
export const DEFAULT_BASELINE_FILE = '.ward-baseline.json';
/** About 300 bytes a finding: room for several hundred thousand; past it, not a baseline (or `/dev/zero`). */
const MAX_BASELINE_BYTES = 128 * 1024 * 1024;

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  /** Path relative to the scan root, forward slashes (informative; the fingerprint includes it). */
  path: string;
  message: string;
}

export interface BaselineFile {
  version: number;
  tool: 'ward';
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}


function offsetAt(starts: number[], text: string, line: number, character: number): number {
  if (line >= starts.length) return text.length;
  return Math.min(text.length, starts[line]! + character);
}

/** The flagged source text, whitespace collapsed; the whole line when the range is empty. */
function snippetOf(text: string, starts: number[], f: Finding): string {
  // The anchor (the whole call), not the underline: narrowing a squiggle must not invalidate baselines.
  const range = anchorOf(f);
  let from = offsetAt(starts, text, range.start.line, range.start.character);
  let to = offsetAt(starts, text, range.end.line, range.end.character);
  if (to <= from) {
    from = starts[range.start.line] ?? text.length;
    to = starts[range.start.line + 1] ?? text.length;
  }
  return text.slice(from, Math.min(to, from + 2000)).replace(/\s+/g, ' ').trim();
}

function hash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/**
 * One fingerprint per finding, in the same order. `findings` should be in source order
 * (the engine's order) so the n-th occurrence of the same code keeps its number.
 */
export function fingerprintFindings(path: string, findings: readonly Finding[], text: string): string[] {
  const starts = editorLineStarts(text);
  const seen = new Map<string, number>();
  const normPath = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return findings.map((f) => {
    const key = `${f.ruleId}\0${normPath}\0${snippetOf(text, starts, f)}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return hash(`${key}\0${n}`);
  });
}

/** Why `version` is not this Ward's, in words: a number from another Ward, or a value of the wrong type. */
function versionProblem(source: string, v: unknown): string {
  const wanted = `this Ward reads baseline version ${BASELINE_VERSION}`;
  if (v === undefined || v === null) return `${source} has no "version"; ${wanted}`;
  if (typeof v === 'number') return `${source} has baseline version ${v}; ${wanted}`;
  const json = JSON.stringify(v) ?? String(v);
  const kind = typeof v === 'string' ? 'a string' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v;
  const shown = json.length > 40 ? `${json.slice(0, 40)}…` : json;
  return `${source} has "version": ${shown} (${kind}); ${wanted}, written as the number "version": ${BASELINE_VERSION}`;
}

export class Baseline {
  private readonly fingerprints: Set<string>;

  constructor(
    readonly entries: readonly BaselineEntry[],
    /** Where it was read from, for the suppression's justification. */
    readonly source = DEFAULT_BASELINE_FILE,
  ) {
    this.fingerprints = new Set(entries.map((e) => e.fingerprint));
  }

  static read(file: string, source = file): Baseline {
    let text: string;
    try {
      text = readSmallFile(file, MAX_BASELINE_BYTES, true).toString('utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new BaselineError(code === 'ENOENT' ? `baseline file not found: ${file}` : `cannot read baseline ${file}: ${(err as Error).message}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new BaselineError(`${source} is not a Ward baseline (not valid JSON: ${(err as Error).message})`);
    }
    return Baseline.parse(raw, source);
  }

  static parse(raw: unknown, source = DEFAULT_BASELINE_FILE): Baseline {
    const r = raw as Partial<BaselineFile> | null;
    if (!r || typeof r !== 'object' || !Array.isArray(r.findings)) throw new BaselineError(`${source} is not a Ward baseline (no "findings" list)`);
    if (r.version !== BASELINE_VERSION) throw new BaselineError(versionProblem(source, r.version));
    const entries = r.findings.filter((e): e is BaselineEntry => !!e && typeof e === 'object' && typeof (e as BaselineEntry).fingerprint === 'string');
    return new Baseline(entries, source);
  }

  has(fingerprint: string): boolean {
    return this.fingerprints.has(fingerprint);
  }

  /**
   * Marks the findings whose fingerprint is in the baseline as suppressed (kind
   * "baseline"); ward-ignore suppressions stay as they are. Returns how many it marked.
   */
  apply(findings: Finding[], fingerprints: readonly string[]): number {
    let marked = 0;
    findings.forEach((f, i) => {
      if (f.suppressed || !this.fingerprints.has(fingerprints[i]!)) return;
      findings[i] = { ...f, suppressed: { kind: 'baseline', justification: `in baseline ${this.source}` } };
      marked++;
    });
    return marked;
  }
}

/** The baseline file's text: sorted, one entry per finding, stable under re-creation. */
export function serializeBaseline(entries: BaselineEntry[]): string {
  const sorted = [...entries].sort(
    (a, b) => a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint),
  );
  const file: BaselineFile = { version: BASELINE_VERSION, tool: 'ward', findings: sorted };
  return JSON.stringify(file, null, 2) + '\n';
}

/**
 * Function summaries kept across analyses of the same file, keyed by the function's text:
 * after an edit, functions the edit did not touch are not walked again. Trace positions
 * inside a summary are moved with the function when it moved.
 */
import { createHash } from 'node:crypto';
import type { Summary } from './context';
import { DefinedNamesCache } from './definedNames';

interface Entry {
  summary: Summary;
  startRow: number;
}

const MAX_ENTRIES = 5000;

function shift(summary: Summary, rows: number): Summary {
  if (rows === 0) return summary;
  const move = <T extends { range: { start: { line: number; character: number }; end: { line: number; character: number } }; file?: string }>(s: T): T =>
    s.file ? s : { ...s, range: { start: { ...s.range.start, line: s.range.start.line + rows }, end: { ...s.range.end, line: s.range.end.line + rows } } };
  return {
    toReturn: summary.toReturn,
    returnCleanFor: summary.returnCleanFor,
    ...(summary.returnMember ? { returnMember: summary.returnMember } : {}),
    ...(summary.checks ? { checks: summary.checks } : {}),
    returnsSources: summary.returnsSources.map((f) => ({ ...f, trace: f.trace.map(move) })),
    toSinks: summary.toSinks.map((s) => ({ ...s, trace: s.trace.map(move) })),
  };
}

export class SummaryCache {
  private readonly entries = new Map<string, Entry>();
  /** Where the file's functions are defined, by top-level statement (region analyses look names up there). */
  readonly definitions = new DefinedNamesCache();
  hits = 0;
  misses = 0;

  static key(family: string, text: string): string {
    return `${family}:${createHash('sha1').update(text).digest('base64')}`;
  }

  get(key: string, startRow: number): Summary | undefined {
    const e = this.entries.get(key);
    if (!e) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return shift(e.summary, startRow - e.startRow);
  }

  set(key: string, summary: Summary, startRow: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { summary, startRow });
  }
}

/**
 * Checks that quick fixes fix: each fix of each finding is applied on its own to a fresh
 * copy of the text, the result is scanned again, and the fix fails when
 *  - the finding it was for is still there ("kept": same rule, at the place the fix
 *    edited — positions are carried through the edits, so an import added at the top or
 *    a helper appended at the end does not move the comparison),
 *  - any finding appears that was not there before ("added", anywhere in the file: a rule
 *    that the fixed finding hid, or one the new code trips), or
 *  - the fixed text has more syntax errors than the original ("parse").
 * Used by the project's fix test over every rule fixture.
 */
import type { LanguageSpec } from '../languages/registry';
import type { SyntaxNode } from '../languages/parser';
import type { FileResult, Finding, Fix, Range, TextEdit } from './finding';
import { applyEdits } from './fixes';
import type { Engine } from './scan';

export interface FixCheckFailure {
  /** The finding whose fix failed: its rule and 1-based line in the original text. */
  ruleId: string;
  line: number;
  fix: string;
  problem: 'kept' | 'added' | 'parse';
  detail: string;
}

interface Span {
  start: number;
  end: number;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function toSpan(starts: number[], text: string, r: Range): Span {
  const at = (p: Range['start']): number => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  return { start: at(r.start), end: at(r.end) };
}

/**
 * Where an offset of the original text lands in the edited text. An offset inside a
 * replaced span goes to the start of the new text (`side` start) or its end (`side` end),
 * so a finding's range grows or shrinks with the edit that rewrote part of it.
 */
function mapOffset(edits: readonly (Span & { length: number })[], offset: number, side: 'start' | 'end'): number {
  let shift = 0;
  for (const e of edits) {
    if (side === 'start' ? offset <= e.start : offset < e.start || (offset === e.start && e.end > e.start)) break;
    if (offset < e.end || (side === 'end' && offset === e.end && offset === e.start)) return e.start + shift + (side === 'end' ? e.length : 0);
    shift += e.length - (e.end - e.start);
  }
  return offset + shift;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function errorCount(root: SyntaxNode): number {
  if (!root.hasError) return 0;
  let n = 0;
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.isError || node.isMissing) n++;
    for (const c of node.children) if (c && (c.hasError || c.isMissing)) stack.push(c);
  }
  return n;
}

function describe(f: Finding): string {
  return `${f.ruleId} at ${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

export interface FixCheckOptions {
  /** Scans a version of the file (the same way the original was scanned). */
  scan: (text: string) => Promise<FileResult>;
  /** The file's language, to compare syntax errors; undefined for files no grammar parses. */
  lang?: LanguageSpec;
}

/** Applies every fix of every finding in `text`, one at a time, and reports the ones that do not fix. */
export async function checkFixes(engine: Engine, text: string, options: FixCheckOptions): Promise<FixCheckFailure[]> {
  const original = (await options.scan(text)).findings.filter((f) => !f.suppressed);
  const failures: FixCheckFailure[] = [];
  const errorsBefore = options.lang ? await countErrors(engine, options.lang, text) : 0;
  const starts = lineStarts(text);
  for (const finding of original) {
    for (const fix of finding.fixes) {
      const fail = (problem: FixCheckFailure['problem'], detail: string): void => {
        failures.push({ ruleId: finding.ruleId, line: finding.range.start.line + 1, fix: fix.title, problem, detail });
      };
      const fixed = applyEdits(text, fix.edits);
      if (options.lang) {
        const errorsAfter = await countErrors(engine, options.lang, fixed);
        if (errorsAfter > errorsBefore) fail('parse', `${errorsAfter - errorsBefore} new syntax error(s)`);
      }
      const after = (await options.scan(fixed)).findings.filter((f) => !f.suppressed);
      const { kept, added } = compare(text, starts, fixed, original, finding, fix, after);
      for (const f of kept) fail('kept', `still reported: ${describe(f)}`);
      for (const f of added) fail('added', `new finding: ${describe(f)} — ${f.message.split('\n')[0]!.slice(0, 120)}`);
    }
  }
  return failures;
}

async function countErrors(engine: Engine, lang: LanguageSpec, text: string): Promise<number> {
  const tree = await engine.parse(lang, text, 20000);
  try {
    return errorCount(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/**
 * Pairs the findings after the fix with the ones before it (same rule; the exact mapped
 * range first, then any overlap with it), and returns what pairs with the fixed finding
 * (kept) and what pairs with nothing (added).
 */
function compare(text: string, starts: number[], fixed: string, before: Finding[], target: Finding, fix: Fix, after: Finding[]): { kept: Finding[]; added: Finding[] } {
  const edits = sortedSpans(text, starts, fix.edits);
  const mapped = before.map((f) => {
    const s = toSpan(starts, text, f.range);
    return { f, span: { start: mapOffset(edits, s.start, 'start'), end: mapOffset(edits, s.end, 'end') } };
  });
  const fixedStarts = lineStarts(fixed);
  const open = after.map((f) => ({ f, span: toSpan(fixedStarts, fixed, f.range) }));
  const taken = new Set<number>();
  const pair = (test: (a: Span, b: Span) => boolean): Finding[] => {
    const kept: Finding[] = [];
    for (const m of mapped) {
      if (taken.has(-1 - mapped.indexOf(m))) continue;
      const i = open.findIndex((o, k) => !taken.has(k) && o.f.ruleId === m.f.ruleId && test(o.span, m.span));
      if (i < 0) continue;
      taken.add(i);
      taken.add(-1 - mapped.indexOf(m));
      if (m.f === target) kept.push(open[i]!.f);
    }
    return kept;
  };
  const kept = [...pair((a, b) => a.start === b.start && a.end === b.end), ...pair(overlaps)];
  return { kept, added: open.filter((_, k) => !taken.has(k)).map((o) => o.f) };
}

function sortedSpans(text: string, starts: number[], edits: TextEdit[]): (Span & { length: number })[] {
  return edits
    .map((e) => ({ ...toSpan(starts, text, e.range), length: e.newText.length }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

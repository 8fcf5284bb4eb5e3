/**
 * Re-analysing only what an edit touched: the rows edited since the last check grow to
 * whole top-level statements (a function, a route registration); findings elsewhere are
 * kept and moved by the number of lines the edit added or removed.
 */
import { anchorOf, Finding, Range } from './finding';
import type { Region } from './treeWalk';
import type { SyntaxNode, Tree } from '../languages/parser';
import type { TaintSyntax } from '../languages/taintSyntax';
import { Family, syntaxFor, taintSyntaxFor } from '../languages/registry';

/** Rows edited since the last analysis, in current coordinates, and the net lines added. */
export interface Dirty {
  start: number;
  end: number;
  lineDelta: number;
}

/** Folds one content change (`startRow`..`oldEndRow` replaced by text ending at `newEndRow`) into `dirty`. */
export function trackEdit(dirty: Dirty | undefined, startRow: number, oldEndRow: number, newEndRow: number): Dirty {
  const delta = newEndRow - oldEndRow;
  if (!dirty) return { start: startRow, end: newEndRow, lineDelta: delta };
  const move = (r: number): number => (r > oldEndRow ? r + delta : r < startRow ? r : Math.min(Math.max(r, startRow), newEndRow));
  return { start: Math.min(startRow, move(dirty.start)), end: Math.max(newEndRow, move(dirty.end)), lineDelta: dirty.lineDelta + delta };
}

/** The children of `parent` whose rows meet the dirty rows. */
function touched(parent: SyntaxNode, dirty: Dirty): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const child of parent.children) {
    if (!child) continue;
    if (child.endPosition.row < dirty.start || child.startPosition.row > dirty.end) continue;
    out.push(child);
  }
  return out;
}

/**
 * Where a pack analyses a statement's members one by one (TaintSyntax.membersOf: the
 * methods of a class), the members covering the dirty rows, when they are all functions
 * (or such statements again, narrowed the same way); undefined when an edit touches
 * anything else there (a field, an initializer, text the parser could not place), which
 * other members may read.
 */
function narrowed(statement: SyntaxNode, dirty: Dirty, syntax: TaintSyntax, functionTypes: ReadonlySet<string>, depth = 0): [number, number] | undefined {
  const body = depth < 8 ? syntax.membersOf?.(statement) : null;
  if (!body || body.startPosition.row > dirty.start || body.endPosition.row < dirty.end) return undefined;
  let start = dirty.start;
  let end = dirty.end;
  for (const member of touched(body, dirty)) {
    if (!member.isNamed || syntax.kind(member) === 'comment') continue;
    let rows: [number, number] | undefined;
    if (functionTypes.has(member.type)) rows = [member.startPosition.row, member.endPosition.row];
    else rows = narrowed(member, dirty, syntax, functionTypes, depth + 1);
    if (!rows) return undefined;
    start = Math.min(start, rows[0]);
    end = Math.max(end, rows[1]);
  }
  return [start, end];
}

/**
 * The top-level statements covering the dirty rows (or, where the pack analyses a class's
 * methods one by one, the methods covering them), or undefined when that is most of the file.
 */
export function regionFor(tree: Tree, dirty: Dirty, family?: Family, maxShare = 0.5): Region | undefined {
  const root = tree.rootNode;
  const total = root.endPosition.row + 1;
  let start = dirty.start;
  let end = dirty.end;
  const statements = touched(root, dirty);
  const named = statements.filter((s) => s.isNamed);
  const inner = family && named.length === 1 ? narrowed(named[0]!, dirty, taintSyntaxFor(family), syntaxFor(family).functionTypes) : undefined;
  if (inner) {
    [start, end] = inner;
  } else {
    for (const child of statements) {
      start = Math.min(start, child.startPosition.row);
      end = Math.max(end, child.endPosition.row);
    }
  }
  if ((end - start + 1) / total > maxShare) return undefined;
  return { start: { row: start, column: 0 }, end: { row: end + 1, column: 0 }, ...(inner ? { members: true } : {}) };
}

/** First and last row of a statement. */
export type RowSpan = [number, number];

/**
 * The statements that do not parse: top-level ones, or the members of one where the pack
 * reads a class's members one by one and the errors lie in its members. Tree-sitter's error
 * recovery can read the text around an error differently after an edit far away (a deleted
 * brace 1,000 lines up turns nested blocks into a flat run), so a region's analysis is only
 * as good as a whole-file one while every error lies inside the region.
 */
export function brokenSpans(tree: Tree, family?: Family): RowSpan[] {
  const syntax = family ? taintSyntaxFor(family) : undefined;
  const spans: RowSpan[] = [];
  const visit = (parent: SyntaxNode, depth: number): void => {
    for (const child of parent.children) {
      if (!child?.hasError) continue;
      const body = depth < 8 ? syntax?.membersOf?.(child) : null;
      const onlyInBody = !!body && !body.isError && child.children.every((c) => !c || c.id === body.id || !c.hasError);
      if (onlyInBody) visit(body, depth + 1);
      else spans.push([child.startPosition.row, child.endPosition.row]);
    }
  };
  visit(tree.rootNode, 0);
  return spans;
}

/**
 * Whether the statements that failed to parse, now and at the last analysis (`before`, in
 * that text's rows), all lie inside `region`: then the text outside it was read the same way
 * both times, and the last findings there still stand.
 */
export function errorsInside(region: Region, now: RowSpan[], before: RowSpan[], dirty: Dirty): boolean {
  const oldEnd = dirty.end - dirty.lineDelta;
  const moved = (row: number): number => (row < dirty.start ? row : row > oldEnd ? row + dirty.lineDelta : Math.min(Math.max(row, dirty.start), dirty.end));
  const inside = ([start, end]: RowSpan): boolean => start >= region.start.row && end < region.end.row;
  return now.every(inside) && before.every(([start, end]) => inside([moved(start), moved(end)]));
}

/** `dirty` grown to the rows whose syntax changed since the last parse (Tree.getChangedRanges). */
export function withChangedRows(dirty: Dirty, changed: readonly { startPosition: { row: number }; endPosition: { row: number } }[]): Dirty {
  let { start, end } = dirty;
  for (const range of changed) {
    start = Math.min(start, range.startPosition.row);
    end = Math.max(end, range.endPosition.row);
  }
  return { start, end, lineDelta: dirty.lineDelta };
}

function shiftRange(r: Range, rows: number): Range {
  return { start: { line: r.start.line + rows, character: r.start.character }, end: { line: r.end.line + rows, character: r.end.character } };
}

/** The same finding, `rows` lines further down (fix edits and trace steps in this file too). */
export function shiftFinding(f: Finding, rows: number): Finding {
  if (rows === 0) return f;
  return {
    ...f,
    range: shiftRange(f.range, rows),
    ...(f.anchor ? { anchor: shiftRange(f.anchor, rows) } : {}),
    ...(f.also ? { also: f.also.map((n) => ({ ...n, range: shiftRange(n.range, rows) })) } : {}),
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: shiftRange(e.range, rows) })) })),
    trace: f.trace?.map((s) => (s.file ? s : { ...s, range: shiftRange(s.range, rows) })),
  };
}

/**
 * Previous findings outside the region (moved past it by `lineDelta`) plus the region's new
 * ones. The region's rows in the previous text were [start, end - lineDelta).
 */
export function mergeFindings(previous: Finding[], fresh: Finding[], region: Region, lineDelta: number): Finding[] {
  const oldEnd = region.end.row - lineDelta;
  const kept: Finding[] = [];
  for (const f of previous) {
    const line = anchorOf(f).start.line;
    if (line < region.start.row) kept.push(f);
    else if (line >= oldEnd) kept.push(shiftFinding(f, lineDelta));
  }
  return [...kept, ...fresh];
}

/** A region analysis found that an edited function's summary changed: analyse the whole file. */
export class RegionInvalidated extends Error {
  constructor() {
    super('a function summary changed; the whole file needs analysis');
  }
}

/**
 * Re-analysing only what an edit touched: the rows edited since the last check grow to
 * whole top-level statements (a function, a route registration); findings elsewhere are
 * kept and moved by the number of lines the edit added or removed.
 */
import { anchorOf, Finding, Range } from './finding';
import type { Region } from './treeWalk';
import type { Tree } from '../languages/parser';

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

/** The top-level statements covering the dirty rows, or undefined when that is most of the file. */
export function regionFor(tree: Tree, dirty: Dirty, maxShare = 0.5): Region | undefined {
  const root = tree.rootNode;
  const total = root.endPosition.row + 1;
  let start = dirty.start;
  let end = dirty.end;
  for (const child of root.children) {
    if (!child) continue;
    const s = child.startPosition.row;
    const e = child.endPosition.row;
    if (e < dirty.start || s > dirty.end) continue;
    start = Math.min(start, s);
    end = Math.max(end, e);
  }
  if ((end - start + 1) / total > maxShare) return undefined;
  return { start: { row: start, column: 0 }, end: { row: end + 1, column: 0 } };
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

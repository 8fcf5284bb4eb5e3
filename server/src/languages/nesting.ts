/**
 * Recursion over syntax trees is bounded by `NESTING_LIMIT`, whatever the input: a file of
 * 900 nested `if`s or 3,000 nested brackets must not exhaust the stack (it used to hide the
 * whole file, and only in-process: workers have bigger stacks, so CI and a pre-commit hook
 * disagreed). Below the limit an analysis approximates, and records where it did so; the
 * engine turns that into a "partial" notice. The limit is far above real code (nesting past
 * ~60 levels is rare) and far below what the smallest stack (the main thread's ~1 MB) holds.
 */
export const NESTING_LIMIT = 200;

// One file is analysed at a time per thread, and the analysis between `resetNestingCut` and
// `takeNestingCut` is synchronous, so module state is enough (and keeps the bounded helpers'
// signatures as they are).
let cutRow = -1;

/** Records that an analysis stopped descending at the node on `row` (0-based). */
export function noteNestingCut(row: number): void {
  if (cutRow < 0 || row < cutRow) cutRow = row;
}

export function resetNestingCut(): void {
  cutRow = -1;
}

/** The first row where an analysis was cut since the last reset (-1 for none), and resets. */
export function takeNestingCut(): number {
  const row = cutRow;
  cutRow = -1;
  return row;
}

export function nestingNotice(row: number): string {
  return `code nested deeper than ${NESTING_LIMIT} levels (from line ${row + 1}) was analysed approximately: data flow inside it is followed without its calls, sanitizers and sinks; findings elsewhere are complete`;
}

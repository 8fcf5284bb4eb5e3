/**
 * Checks the content changes of a `didChange` before they touch a document. The reference
 * for what a change means is vscode-languageserver-textdocument, the model editors' LSP
 * clients mirror the buffer with (and VS Code's own model behaves the same way):
 * - a position past the end of its line, past the last line, or negative is clamped to the
 *   nearest position in the document;
 * - a range whose start is after its end is applied with the two swapped (not valid LSP,
 *   but both models do it, so doing the same keeps Ward's copy equal to the client's).
 * Both are applied, and reported so they can be logged. A change Ward cannot read at all
 * (a position that is not a whole number, a missing field, text that is not a string)
 * has no meaning a client model agrees on: the library itself turns it into NaN offsets.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface Point {
  row: number;
  column: number;
}

/** A change as the document will apply it: offsets into the current text, checked. */
export interface RangeChange {
  kind: 'range';
  start: number;
  end: number;
  text: string;
  /** Why the range was not taken as sent (clamped, swapped); undefined for a valid one. */
  adjusted?: string;
}

export type CheckedChange = { kind: 'full'; text: string } | RangeChange | { kind: 'malformed'; reason: string };

interface RawPosition {
  line: unknown;
  character: unknown;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Why `p` is not a position (undefined when it is one, in or out of range). */
function malformedPosition(p: unknown, name: string): string | undefined {
  if (!isObject(p)) return `${name} is ${describe(p)}, not a position`;
  for (const field of ['line', 'character'] as const) {
    const v = p[field];
    if (typeof v !== 'number' || !Number.isFinite(v)) return `${name}.${field} is ${describe(v)}, not a number`;
    if (!Number.isInteger(v)) return `${name}.${field} is ${v}, not a whole number`;
  }
  return undefined;
}

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function show(p: RawPosition): string {
  return `${p.line as number}:${p.character as number}`;
}

/** A change without a range replaces the whole text. */
export function isFullChange(change: unknown): boolean {
  return isObject(change) && typeof change.text === 'string' && change.range === undefined;
}

/** Checks one content change against `doc` (the text before this change). */
export function checkChange(doc: TextDocument, change: unknown): CheckedChange {
  if (!isObject(change)) return { kind: 'malformed', reason: `a content change is ${describe(change)}` };
  if (typeof change.text !== 'string') return { kind: 'malformed', reason: `the change's text is ${describe(change.text)}, not a string` };
  if (change.range === undefined) return { kind: 'full', text: change.text };
  const range = change.range;
  if (!isObject(range)) return { kind: 'malformed', reason: `the change's range is ${describe(range)}` };
  const bad = malformedPosition(range.start, 'range.start') ?? malformedPosition(range.end, 'range.end');
  if (bad) return { kind: 'malformed', reason: bad };
  const start = range.start as unknown as RawPosition;
  const end = range.end as unknown as RawPosition;
  const notes: string[] = [];
  // offsetAt clamps exactly as the client's copy does; it is monotonic in the position.
  let a = doc.offsetAt(start as { line: number; character: number });
  let b = doc.offsetAt(end as { line: number; character: number });
  for (const [p, offset, name] of [[start, a, 'start'], [end, b, 'end']] as const) {
    const canonical = doc.positionAt(offset);
    if (canonical.line !== p.line || canonical.character !== p.character) notes.push(`${name} ${show(p)} is not a position in the document (taken as ${canonical.line}:${canonical.character})`);
  }
  if ((start.line as number) > (end.line as number) || (start.line === end.line && (start.character as number) > (end.character as number))) {
    notes.push(`start ${show(start)} is after end ${show(end)} (applied swapped)`);
    [a, b] = [b, a];
  }
  return { kind: 'range', start: a, end: b, text: change.text, adjusted: notes.length > 0 ? notes.join('; ') : undefined };
}

/** Tree-sitter's point for `offset` in `text`: rows are counted by `\n` only (LSP also counts a lone `\r`). */
export function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/** The point reached from `from` by writing `text`. */
export function pointAfter(from: Point, text: string): Point {
  let rows = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    rows++;
    last = i;
  }
  return rows === 0 ? { row: from.row, column: from.column + text.length } : { row: from.row + rows, column: text.length - last - 1 };
}

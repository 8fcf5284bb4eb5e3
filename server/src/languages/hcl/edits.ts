/**
 * Edits to HCL that `terraform fmt` leaves as they are: a value replaced in place, an
 * attribute or a nested block added at the end of a body with the body's indentation, and
 * the `=` of the attributes on the lines just above realigned as fmt aligns a run of
 * one-line attributes.
 */
import type { DocEdit } from '../documentPack';
import { HclBody, HclFile, positionAt, rangeAt, Span } from './document';

export function replaceSpan(file: HclFile, span: Span, newText: string): DocEdit {
  return { range: rangeAt(file, span), newText };
}

function lineOf(file: HclFile, offset: number): number {
  return positionAt(file, offset).line;
}

function eolOf(file: HclFile): string {
  return file.text.includes('\r\n') ? '\r\n' : '\n';
}

function indentAt(file: HclFile, offset: number): string {
  const start = file.lineStarts[lineOf(file, offset)]!;
  return /^[ \t]*/.exec(file.text.slice(start))![0];
}

/**
 * Adds `lines` (already written, without indentation) at the end of `body` (the inside of the
 * block opened at `blockStart`); `names` are the attribute names of one-line attributes among
 * them, aligned with the run above.
 */
function appendToBody(file: HclFile, body: HclBody, blockStart: number, lines: string[], aligned = 0): DocEdit[] {
  const eol = eolOf(file);
  const outer = indentAt(file, blockStart);
  const indent = outer + '  ';
  const close = body.inner.end;
  const closeLineStart = file.lineStarts[lineOf(file, close)]!;
  const onOwnLine = /^[ \t]*$/.test(file.text.slice(closeLineStart, close));
  const edits: DocEdit[] = [];
  let added = lines;
  if (aligned > 0 && onOwnLine) {
    // The run of one-line attributes right above the closing brace (fmt aligns their `=`).
    const run = [];
    let line = lineOf(file, close) - 1;
    for (;;) {
      const a = body.attributes.find((x) => lineOf(file, x.span.start) === line && lineOf(file, x.span.end) === line);
      if (!a || file.text.slice(file.lineStarts[line]!, a.span.start).trim() !== '') break;
      run.push(a);
      line--;
    }
    const names = lines.slice(0, aligned).map((l) => /^\S+/.exec(l)![0]);
    const width = Math.max(...names.map((n) => n.length), ...run.map((a) => a.name.length));
    for (const a of run) {
      const eq = file.text.indexOf('=', a.nameSpan.end);
      const pad = ' '.repeat(width - a.name.length + 1);
      if (file.text.slice(a.nameSpan.end, eq) !== pad) edits.push(replaceSpan(file, { start: a.nameSpan.end, end: eq }, pad));
    }
    added = lines.map((l, i) => (i < aligned ? l.replace(/^(\S+) =/, (_, n: string) => `${n.padEnd(width)} =`) : l));
  }
  const body_ = added.map((l) => (l === '' ? '' : indent + l)).join(eol);
  if (onOwnLine) edits.push(replaceSpan(file, { start: closeLineStart, end: closeLineStart }, body_ + eol));
  else edits.push(replaceSpan(file, { start: body.inner.start, end: close }, eol + body_ + eol + outer));
  return edits;
}

/** `name = value` added at the end of a block's body. */
export function addAttribute(file: HclFile, body: HclBody, blockStart: number, name: string, value: string): DocEdit[] {
  return addAttributes(file, body, blockStart, [[name, value]]);
}

/** Several `name = value` lines added at the end of a block's body, aligned with the run above. */
export function addAttributes(file: HclFile, body: HclBody, blockStart: number, pairs: [string, string][]): DocEdit[] {
  return appendToBody(file, body, blockStart, pairs.map(([n, v]) => `${n} = ${v}`), pairs.length);
}

/** `type { name = value … }` added at the end of a block's body (its attributes aligned). */
export function addBlock(file: HclFile, body: HclBody, blockStart: number, type: string, attributes: [string, string][]): DocEdit[] {
  const width = Math.max(...attributes.map(([n]) => n.length));
  return appendToBody(file, body, blockStart, [`${type} {`, ...attributes.map(([n, v]) => `  ${n.padEnd(width)} = ${v}`), '}']);
}

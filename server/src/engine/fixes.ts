/** Renders a rule's fix template against one finding's captures into text edits. */
import { editorLineStarts } from './lineEnds';
import type { SyntaxNode } from '../languages/parser';
import { argList, fileAndArgs } from './commandArgs';
import type { Captures, FileContext } from './fileContext';
import { nodeRange } from './fileContext';
import type { Fix, Range, TextEdit } from './finding';
import { parseTemplate } from './fixTemplate';
import { importEdit, positionOf, statementOf } from './fixEdits';
import type { EditSpec, FixSpec } from './rule';

function positionAt(node: SyntaxNode, end: boolean): Range['start'] {
  const p = end ? node.endPosition : node.startPosition;
  return { line: p.row, character: p.column };
}

/** `rename(cap, 'from', 'to', 'from2', 'to2', …)`: the first pair whose `from` occurs in the text replaces its first occurrence. */
function rename(text: string, args: string[]): string | undefined {
  for (let i = 0; i + 1 < args.length; i += 2) {
    if (text.includes(args[i]!)) return text.replace(args[i]!, args[i + 1]!);
  }
  return undefined;
}

export function renderTemplate(ctx: FileContext, template: string, captures: Captures): string | undefined {
  let out = '';
  for (const part of parseTemplate(template)) {
    if (part.kind === 'text') {
      out += part.text;
      continue;
    }
    const node = captures.get(part.kind === 'capture' ? part.name : part.capture);
    if (!node) return undefined;
    let rendered: string | undefined;
    if (part.kind === 'capture') rendered = node.text;
    else if (part.fn === 'file-and-args') rendered = fileAndArgs(ctx, node);
    else if (part.fn === 'arg-list') rendered = argList(ctx, node);
    else if (part.fn === 'quote') rendered = ctx.adapter.stringLiteral(part.args[0] ?? '', node);
    else if (part.fn === 'rename') rendered = rename(node.text, part.args);
    if (rendered === undefined) return undefined;
    out += rendered;
  }
  return out;
}

/** Removes a list element together with one neighbouring comma, so `f(a, b=1)` becomes `f(a)`. */
function removalRange(ctx: FileContext, node: SyntaxNode): Range {
  const parent = node.parent;
  if (parent && ctx.adapter.listTypes.has(parent.type)) {
    const prev = node.previousSibling;
    if (prev?.type === ',') return { start: positionAt(prev, false), end: positionAt(node, true) };
    const next = node.nextSibling;
    if (next?.type === ',') {
      const after = next.nextSibling;
      return { start: positionAt(node, false), end: after ? positionAt(after, false) : positionAt(next, true) };
    }
  }
  return nodeRange(node);
}




/**
 * New lines after the statement holding `node`, each indented as that statement is. They go
 * at the end of its last line when only a comment follows it there (the comment stays with
 * its statement), else right after the statement.
 */
function insertLineAfter(ctx: FileContext, node: SyntaxNode, text: string): TextEdit[] | undefined {
  const statement = statementOf(ctx, node);
  if (!statement) return undefined;
  const lineStart = ctx.text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const indent = /^[ \t]*/.exec(ctx.text.slice(lineStart, statement.startIndex))![0];
  if (ctx.text.slice(lineStart, statement.startIndex).trim() !== '') return undefined; // another statement before it on its line
  let end = ctx.text.indexOf('\n', statement.endIndex);
  if (end < 0) end = ctx.text.length;
  const rest = ctx.text.slice(statement.endIndex, end).replace(/\r$/, '');
  const comment = ctx.language.lineComment;
  const at = rest.trim() === '' || rest.trimStart().startsWith(comment) ? statement.endIndex + rest.length : statement.endIndex;
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split('\n').map((l) => indent + l).join(eol);
  const pos = positionOf(ctx, at);
  return [{ range: { start: pos, end: pos }, newText: eol + lines }];
}

function renderEdit(ctx: FileContext, spec: EditSpec, captures: Captures): TextEdit[] | undefined {
  if (spec.op === 'add-import') return importEdit(ctx, spec.name);
  const node = captures.get(spec.capture);
  if (spec.op === 'insert-line-after') {
    const text = node ? renderTemplate(ctx, spec.template, captures) : undefined;
    return node && text !== undefined ? insertLineAfter(ctx, node, text) : undefined;
  }
  if (spec.op === 'add-binding') {
    if (!node) return undefined;
    if (ctx.syntax.kind(node) !== 'name') return []; // a member call (`cp.exec`) needs no new import
    const name = renderTemplate(ctx, spec.name, captures);
    if (!name) return undefined;
    if (ctx.bindings.imports.has(name)) return [];
    const binding = ctx.bindings.imports.get(node.text);
    if (!binding?.inList) return undefined;
    // `from yaml import load as yload`: the local name is an alias, so the new name cannot
    // be derived from it; the adapter offers no edit rather than a wrong import.
    const edit = ctx.adapter.addBinding?.(binding, name);
    return edit && [edit];
  }
  if (!node) return spec.op === 'remove' ? [] : undefined;
  switch (spec.op) {
    case 'replace': {
      const text = renderTemplate(ctx, spec.template, captures);
      return text === undefined ? undefined : [{ range: nodeRange(node), newText: text }];
    }
    case 'remove':
      return [{ range: removalRange(ctx, node), newText: '' }];
    case 'insert-before':
    case 'insert-after': {
      const text = renderTemplate(ctx, spec.template, captures);
      if (text === undefined) return undefined;
      const at = positionAt(node, spec.op === 'insert-after');
      return [{ range: { start: at, end: at }, newText: text }];
    }
  }
}

const lineStartsOf = new WeakMap<FileContext, number[]>();

/** The text an edit replaces; line starts are computed once per file, when a fix needs them. */
function textAt(ctx: FileContext, range: Range): string {
  let starts = lineStartsOf.get(ctx);
  if (!starts) {
    starts = [0];
    for (let i = ctx.text.indexOf('\n'); i !== -1; i = ctx.text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStartsOf.set(ctx, starts);
  }
  const offset = (p: Range['start']): number => (starts![p.line] ?? ctx.text.length) + p.character;
  return ctx.text.slice(offset(range.start), offset(range.end));
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function buildFix(ctx: FileContext, spec: FixSpec, captures: Captures): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const e of spec.edits) {
    const rendered = renderEdit(ctx, e, captures);
    if (!rendered) return undefined;
    edits.push(...rendered);
  }
  // A fix whose edits change nothing (a rename that found nothing to rename) is no fix.
  if (!edits.some((e) => e.newText !== textAt(ctx, e.range))) return undefined;
  edits.sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
  for (let i = 1; i < edits.length; i++) {
    if (before(edits[i]!.range.start, edits[i - 1]!.range.end)) return undefined; // overlapping edits
  }
  return { title: spec.title, edits, preferred: spec.preferred };
}

/** Applies edits to text (used by tests, the CLI's --fix and the `.fixed` fixtures). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = editorLineStarts(text);
  const offset = (p: Range['start']): number => Math.min((lineStarts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

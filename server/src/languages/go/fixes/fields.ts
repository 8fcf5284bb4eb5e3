/**
 * Fix renderers for fields of a composite literal (`tls.Config{…}`, `http.Server{…}`) that
 * gofmt leaves as they are: Go needs a comma after the last element of a multi-line
 * literal, and gofmt aligns the values of consecutive `Key: value` lines, so removing or
 * adding a field on its own line removes or adds the whole line and re-pads its neighbours.
 */
import type { SyntaxNode } from '../../parser';
import type { Captures, FileContext } from '../../../engine/fileContext';
import type { Fix, TextEdit } from '../../../engine/finding';
import type { FixEntry, Recipe } from '../../packFixes';

type Pos = { line: number; character: number };
const pos = (line: number, character: number): Pos => ({ line, character });

function lines(ctx: FileContext): string[] {
  return ctx.text.split('\n');
}

const KEYED = /^(\s*)(\w+):(\s+)(\S.*)$/;

/**
 * Edits that re-pad the values of the `Key: value` lines around `line` (same indentation,
 * consecutive, no blank line), as gofmt aligns them, once the lines in `gone` are removed
 * and `added` (a key) joins the section.
 */
function realign(text: string[], around: number, gone: Set<number>, added?: { key: string; indent: string }): TextEdit[] {
  return alignment(text, around, gone, added).edits;
}

function alignment(text: string[], around: number, gone: Set<number>, added?: { key: string; indent: string }): { edits: TextEdit[]; width: number } {
  const indentOf = (l: string): string | undefined => KEYED.exec(l)?.[1];
  let indent = added?.indent;
  if (indent === undefined) {
    for (let i = around; i >= 0 && i < text.length; i--) {
      if (gone.has(i)) continue;
      indent = indentOf(text[i]!);
      break;
    }
  }
  if (indent === undefined) return { edits: [], width: added?.key.length ?? 0 };
  const member = (i: number): boolean => {
    const m = KEYED.exec(text[i]!);
    return !!m && m[1] === indent && !m[4]!.startsWith('//');
  };
  let start = around;
  while (start - 1 >= 0 && (gone.has(start - 1) || member(start - 1))) start--;
  let end = around;
  while (end + 1 < text.length && (gone.has(end + 1) || member(end + 1))) end++;
  const section: number[] = [];
  if (member(around) || gone.has(around)) for (let i = start; i <= end; i++) if (!gone.has(i) && member(i)) section.push(i);
  const width = Math.max(added ? added.key.length : 0, ...section.map((i) => KEYED.exec(text[i]!)![2]!.length));
  const edits: TextEdit[] = [];
  for (const i of section) {
    const m = KEYED.exec(text[i]!)!;
    const want = ' '.repeat(width - m[2]!.length + 1);
    if (m[3] === want) continue;
    const from = m[1]!.length + m[2]!.length + 1;
    edits.push({ range: { start: pos(i, from), end: pos(i, from + m[3]!.length) }, newText: want });
  }
  return { edits, width };
}

/** The edits that remove one `Key: value` element of a composite literal. */
export function removeField(ctx: FileContext, element: SyntaxNode): TextEdit[] | undefined {
  const body = element.parent;
  if (!body || body.type !== 'literal_value') return undefined;
  const text = lines(ctx);
  const row = element.startPosition.row;
  const next = element.nextSibling;
  const endNode = next?.type === ',' ? next : element;
  const line = text[row]!;
  const alone = line.slice(0, element.startPosition.column).trim() === '' && element.endPosition.row === endNode.endPosition.row &&
    /^\s*(\/\/.*)?$/.test(text[endNode.endPosition.row]!.slice(endNode.endPosition.column));
  if (alone && body.startPosition.row !== body.endPosition.row) {
    const last = endNode.endPosition.row;
    const gone = new Set<number>();
    for (let i = row; i <= last; i++) gone.add(i);
    return [{ range: { start: pos(row, 0), end: pos(last + 1, 0) }, newText: '' }, ...realign(text, row, gone)];
  }
  const prev = element.previousSibling;
  if (prev?.type === ',') return [{ range: { start: pos(prev.startPosition.row, prev.startPosition.column), end: pos(element.endPosition.row, element.endPosition.column) }, newText: '' }];
  if (next?.type === ',') {
    const after = next.nextSibling;
    const end = after && after.type !== '}' ? after.startPosition : next.endPosition;
    return [{ range: { start: pos(row, element.startPosition.column), end: pos(end.row, end.column) }, newText: '' }];
  }
  return [{ range: { start: pos(row, element.startPosition.column), end: pos(element.endPosition.row, element.endPosition.column) }, newText: '' }];
}

/** The edits that add `key: value` to a composite literal (`{}` → `{K: v}`, a new line in a multi-line one). */
export function addField(ctx: FileContext, literal: SyntaxNode, key: string, value: string): TextEdit[] | undefined {
  const body = literal.type === 'literal_value' ? literal : literal.childForFieldName('body');
  if (!body || body.type !== 'literal_value') return undefined;
  const close = body.lastChild;
  if (close?.type !== '}') return undefined;
  const elements = body.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  if (body.startPosition.row === body.endPosition.row) {
    const at = pos(close.startPosition.row, close.startPosition.column);
    const before = close.previousSibling;
    const sep = elements.length === 0 ? '' : before?.type === ',' ? ' ' : ', ';
    return [{ range: { start: at, end: at }, newText: `${sep}${key}: ${value}` }];
  }
  const text = lines(ctx);
  const closeLine = text[close.startPosition.row]!;
  if (closeLine.slice(0, close.startPosition.column).trim() !== '') return undefined;
  const indent = closeLine.slice(0, close.startPosition.column) + '\t';
  const row = close.startPosition.row;
  const { edits, width } = alignment(text, row - 1, new Set(), { key, indent });
  edits.push({ range: { start: pos(row, 0), end: pos(row, 0) }, newText: `${indent}${key}:${' '.repeat(width - key.length + 1)}${value},\n` });
  return edits;
}

const REMOVE: FixEntry = { title: 'Remove the setting', when: 'the setting is a field of a composite literal' };

/** `go-remove-field`: removes the literal's fields the rule captured (`kw:InsecureSkipVerify`). */
export const removeFieldRecipe: Recipe = {
  fixes: { remove: REMOVE },
  make(ctx: FileContext, captures: Captures): Fix[] {
    const edits: TextEdit[] = [];
    for (const [name, node] of captures) {
      if (!name.startsWith('kw:')) continue;
      const e = removeField(ctx, node);
      if (!e) return [];
      edits.push(...e);
    }
    return edits.length ? [{ title: REMOVE.title, preferred: true, edits }] : [];
  },
};

/** The name the file uses for package `path` (its import's local name), if it imports it. */
export function packageName(ctx: FileContext, path: string): string | undefined {
  for (const [name, b] of ctx.bindings.imports) if (b.qualified === path && /^\w+$/.test(name)) return name;
  return undefined;
}

/** Sets `key` in the literal the rule matched (`call`): its value replaced when present (`kw:KEY`), else the field added. */
function setField(ctx: FileContext, captures: Captures, key: string, value: string): TextEdit[] | undefined {
  const present = captures.get(`kwvalue:${key}`);
  if (present) return [{ range: { start: pos(present.startPosition.row, present.startPosition.column), end: pos(present.endPosition.row, present.endPosition.column) }, newText: value }];
  const literal = captures.get('call');
  return literal ? addField(ctx, literal, key, value) : undefined;
}

const MIN_TLS12: FixEntry = { title: 'Require TLS 1.2 or later (MinVersion: tls.VersionTLS12)', when: 'the configuration is a tls.Config literal' };

/** `go-tls-min-version`: `MinVersion: tls.VersionTLS12` in the matched `tls.Config{…}`. */
export const tlsMinVersionRecipe: Recipe = {
  fixes: { min: MIN_TLS12 },
  make(ctx, captures) {
    const tls = packageName(ctx, 'crypto/tls');
    const edits = tls && setField(ctx, captures, 'MinVersion', `${tls}.VersionTLS12`);
    return edits ? [{ title: MIN_TLS12.title, preferred: true, edits }] : [];
  },
};

/** A recipe that sets one field of the matched literal to a fixed value (`Secure: true`). */
export function setFieldRecipe(name: string, key: string, value: string): Recipe {
  const entry: FixEntry = { title: `Add ${key}: ${value}`, when: 'the value is a composite literal' };
  return {
    fixes: { [name]: entry },
    make(ctx, captures) {
      const edits = setField(ctx, captures, key, value);
      return edits ? [{ title: entry.title, preferred: true, edits }] : [];
    },
  };
}

/**
 * Where a fix puts the code it adds, whatever the language: at the end of the file, in the
 * file's line breaks, with inserts at one place merged. How a language imports a module or
 * places module-level code (ES `import` or `require`, Python imports in alphabetical place)
 * is its pack's (languages/<lang>/fixes/placement.ts).
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import type { Position, TextEdit } from '../engine/finding';

/** The file's top-level statements, comments left out. */
export function topLevel(ctx: FileContext): SyntaxNode[] {
  return ctx.tree.rootNode.namedChildren.filter((c): c is SyntaxNode => !!c && ctx.syntax.kind(c) !== 'comment');
}

export function pos(node: SyntaxNode, end: boolean): Position {
  const p = end ? node.endPosition : node.startPosition;
  return { line: p.row, character: p.column };
}

export function insertAt(at: Position, text: string): TextEdit {
  return { range: { start: at, end: at }, newText: text };
}

/** The line break the file uses. */
export function eol(ctx: FileContext): string {
  return ctx.text.includes('\r\n') ? '\r\n' : '\n';
}

/** `text` (written with \n) in the file's line breaks. */
export function withEol(ctx: FileContext, text: string): string {
  return eol(ctx) === '\n' ? text : text.replace(/\r?\n/g, '\r\n');
}

/** Appends `block` (which starts with its blank lines) after the last non-blank text of the file. */
export function appendToFile(ctx: FileContext, block: string): TextEdit {
  const end = ctx.tree.rootNode.endPosition;
  const trimmed = ctx.text.replace(/\s+$/, '');
  const lines = trimmed.split('\n');
  const after = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  return { range: { start: after, end: { line: end.row, character: end.column } }, newText: withEol(ctx, block.endsWith('\n') ? block : `${block}\n`) };
}

const mentions = new WeakMap<FileContext, Map<string, boolean>>();

/** Whether the file uses `name` as a word anywhere (cached per file and name). */
export function mentionsName(ctx: FileContext, name: string): boolean {
  let names = mentions.get(ctx);
  if (!names) mentions.set(ctx, (names = new Map()));
  let m = names.get(name);
  if (m === undefined) names.set(name, (m = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(ctx.text)));
  return m;
}

/** Whether `node` is inside a function (of the kind the taint syntax calls `function`). */
export function isInsideFunction(ctx: FileContext, node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (ctx.syntax.kind(n) === 'function') return true;
  return false;
}

/**
 * Inserts at one position become one edit, their texts in the order given: editors put
 * same-position inserts in array order, and one edit leaves no room for doubt.
 */
export function mergeInserts(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.range.start.line === e.range.start.line && o.range.start.character === e.range.start.character && o.range.end.line === e.range.end.line && o.range.end.character === e.range.end.character && o.range.start.line === o.range.end.line && o.range.start.character === o.range.end.character);
    if (same) same.newText = joinInserts(same.newText, e.newText);
    else out.push({ ...e });
  }
  return out;
}

/** Two inserted lines at one place: `\nimport a` + `\nimport b`, or `import a\n` + `import b\n`. */
function joinInserts(a: string, b: string): string {
  return a + b;
}

const identifiers = new WeakMap<FileContext, Set<string>>();

/**
 * Whether `name` is an identifier anywhere in the file's code (strings and comments do not
 * count). Tree-sitter grammars name every kind of identifier leaf `…identifier…`
 * (`property_identifier`, `type_identifier`), which is what this reads.
 */
export function usesIdentifier(ctx: FileContext, name: string): boolean {
  let names = identifiers.get(ctx);
  if (!names) {
    names = new Set();
    const stack: SyntaxNode[] = [ctx.tree.rootNode];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.childCount === 0) {
        if (/identifier/.test(n.type)) names.add(n.text);
        continue;
      }
      for (let i = 0; i < n.childCount; i++) stack.push(n.child(i)!);
    }
    identifiers.set(ctx, names);
  }
  return names.has(name);
}

/**
 * Small edit builders that fix templates and the packs' fix renderers share: a position from
 * an offset, an import line where the language puts it, the statement around a node. Kept
 * apart from the template renderer (fixes.ts), which the rule loader reaches, so a pack's fix
 * code can use them without importing the rule machinery.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from './fileContext';
import type { Range, TextEdit } from './finding';

export function positionOf(ctx: FileContext, offset: number): Range['start'] {
  const before = ctx.text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** `import x.y.Z;` where the language puts it; nothing when the file can already name Z. */
export function importEdit(ctx: FileContext, name: string): TextEdit[] | undefined {
  const insertion = ctx.adapter.importLine?.(name, ctx.tree.rootNode, ctx.bindings, ctx.text);
  if (insertion === undefined) return undefined;
  if (insertion === null) return [];
  const at = positionOf(ctx, insertion.offset);
  return [{ range: { start: at, end: at }, newText: insertion.text }];
}

/** The statement holding `node`: the ancestor whose parent is a block of statements that run (not a class body). */
export function statementOf(ctx: FileContext, node: SyntaxNode): SyntaxNode | null {
  const blocks = ctx.adapter.statementBlockTypes;
  for (let n: SyntaxNode | null = node; n?.parent; n = n.parent) {
    if (ctx.adapter.isStatementBoundary(n.parent.type)) return !blocks || blocks.has(n.parent.type) ? n : null;
  }
  return null;
}

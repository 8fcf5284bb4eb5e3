/**
 * Fixes made where the value came from rather than where it went: a predictable random
 * value used as a secret is fixed by drawing it from a cryptographic generator at its
 * source call, with the pack's recipe for that call (the same one the pattern rules use).
 */
import type { Captures, FileContext } from '../engine/fileContext';
import type { Fix } from '../engine/finding';
import type { SyntaxNode } from '../languages/parser';
import type { FixEntry, Recipe } from '../languages/packFixes';
import type { SinkHit } from '../taint/context';

/** The source call of the hit's one fact, when it is in this file. */
function sourceCall(ctx: FileContext, hit: SinkHit, kind: string): SyntaxNode | undefined {
  const facts = hit.facts.filter((f) => f.kind === kind);
  const first = facts[0]?.trace[0];
  // Two sources (or one in another file) cannot be fixed by one edit here.
  if (facts.length !== 1 || !first || first.file) return undefined;
  const { start, end } = first.range;
  let node: SyntaxNode | null = ctx.tree.rootNode.descendantForPosition({ row: start.line, column: start.character }, { row: end.line, column: end.character });
  for (let up = 0; node && up < 4; up++, node = node.parent) {
    if (ctx.adapter.callTypes.has(node.type) && node.startPosition.row === start.line && node.startPosition.column === start.character) return node;
  }
  return undefined;
}

/** The first fix `recipe` makes for the source call of the hit's `kind` fact, under `entry`'s title. */
export function sourceCallFix(ctx: FileContext, hit: SinkHit, kind: string, recipe: Recipe, entry: FixEntry): Fix | undefined {
  const call = sourceCall(ctx, hit, kind);
  if (!call) return undefined;
  const captures: Captures = new Map([['call', call]]);
  const fix = recipe.make(ctx, captures)[0];
  return fix && { ...fix, title: entry.title, preferred: true };
}

/**
 * Where a name is used, found from the text and confirmed in the tree: its calls and the
 * calls it is passed to. A region analysis asks these for the names of the functions an
 * edit touched, so its work follows those names' uses rather than the size of the file
 * (thousands of handlers registered one by one cost nothing then).
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';

/** How far up from a name its call or its function can be (name → member → call; name → argument list → call). */
const LEVELS = 4;

/** Start indexes of `name` as a whole word in the text (identifier characters on neither side). */
function occurrences(ctx: FileContext, name: string): number[] {
  const out: number[] = [];
  const word = new RegExp(`(?<![\\w$])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`, 'g');
  for (const m of ctx.text.matchAll(word)) out.push(m.index);
  return out;
}

/** The nodes above `at`'s name, innermost first, at most LEVELS of them. */
function around(ctx: FileContext, at: number, length: number): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  let node: SyntaxNode | null = ctx.tree.rootNode.descendantForIndex(at, at + length);
  for (let up = 0; node && up <= LEVELS; up++, node = node.parent) out.push(node);
  return out;
}

/**
 * Whether code outside `fn` calls a function named `name` (`name(…)`, `x.name(…)`): a
 * place counts when it lies in the callee of the innermost call around it. Over-counting
 * (a callee `name.call`) is safe: it only costs a whole-file analysis.
 */
export function calledElsewhere(ctx: FileContext, fn: SyntaxNode, name: string): boolean {
  for (const at of occurrences(ctx, name)) {
    if (at >= fn.startIndex && at < fn.endIndex) continue;
    const call = around(ctx, at, name.length).find((n) => ctx.adapter.callTypes.has(n.type));
    const callee = call ? ctx.adapter.callee(call) : null;
    if (callee && callee.startIndex <= at && at < callee.endIndex) return true;
  }
  return false;
}

/** The calls `name` appears in, directly or a few levels down (`app.get('/x', name)`: registrations). */
export function callsAround(ctx: FileContext, name: string): SyntaxNode[] {
  const out = new Map<number, SyntaxNode>();
  for (const at of occurrences(ctx, name)) for (const n of around(ctx, at, name.length)) if (ctx.adapter.callTypes.has(n.type)) out.set(n.id, n);
  return [...out.values()].sort((a, b) => a.startIndex - b.startIndex);
}

/** The names the calls among `calls` call (`f` of `f()` and of `x.f()`). */
export function calleeNames(ctx: FileContext, calls: Iterable<SyntaxNode>): Set<string> {
  const out = new Set<string>();
  for (const call of calls) {
    const callee = ctx.adapter.callee(call);
    if (callee) out.add(ctx.adapter.lastSegment(callee).text);
  }
  return out;
}

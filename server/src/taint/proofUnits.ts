/**
 * The functions a proving walk (outside.ts) must walk to answer for some values: those holding
 * the values, and every function their calls can reach by name (callee names read from the
 * code, resolved as calls.ts's localUnit resolves them, through `byName`). Nothing else can
 * change those values' taint: a walk reads other functions only through their summaries, and
 * only at calls. A value outside every named function (top-level code, a closure registered
 * there) needs the whole file: undefined then.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import { calleeNames } from './namedUses';
import type { Unit } from './units';

export function unitsForProof(ctx: FileContext, standalone: readonly Unit[], byName: ReadonlyMap<string, Unit>, targets: readonly SyntaxNode[]): Unit[] | undefined {
  // Offsets read once: a node's offsets are read from the parser's memory on each access.
  const spans = standalone.map((unit) => ({ unit, start: unit.node.startIndex, end: unit.node.endIndex })).sort((a, b) => a.start - b.start);
  const index = new Map(spans.map((s, i) => [s.unit, i]));
  const needed = new Set<Unit>();
  const queue: Unit[] = [];
  const add = (u: Unit): void => {
    if (needed.has(u)) return;
    needed.add(u);
    queue.push(u);
  };
  for (const target of targets) {
    const start = target.startIndex;
    const end = target.endIndex;
    let held = false;
    for (const s of spans) {
      if (s.start > start) break;
      if (end <= s.end) {
        add(s.unit);
        held = true;
      }
    }
    if (!held) return undefined;
  }
  for (let u = queue.pop(); u; u = queue.pop()) {
    const calls = [...ctx.adapter.callTypes].flatMap((t) => u!.node.descendantsOfType(t)).filter((c): c is SyntaxNode => !!c);
    for (const name of calleeNames(ctx, calls)) {
      const callee = byName.get(name);
      if (callee) add(callee);
    }
    // Functions nested in this one and walked as their own units (their starts follow its own).
    const at = index.get(u)!;
    for (let i = at + 1; i < spans.length && spans[i]!.start < spans[at]!.end; i++) add(spans[i]!.unit);
  }
  return standalone.filter((u) => needed.has(u));
}

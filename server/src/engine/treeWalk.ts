/** Collecting the nodes rules look at, and the file's bindings, in one pass each. */
import type { SyntaxNode, Tree } from '../languages/parser';
import { Bindings, SyntaxAdapter } from '../languages/syntax';
import type { NodeBuckets } from './patternMatcher';

export class BudgetExceeded extends Error {
  constructor(what: string, ms: number) {
    super(`${what} took longer than the ${ms} ms budget`);
  }
}

export interface Deadline {
  at: number;
  budgetMs: number;
}

export function checkDeadline(deadline: Deadline, what: string): void {
  if (Date.now() > deadline.at) throw new BudgetExceeded(what, deadline.budgetMs);
}

/**
 * Every node of the wanted types, grouped by type, in document order. One call into
 * wasm collects them all; materialising nodes one by one from JS costs several times more.
 */
export function collectNodes(tree: Tree, wanted: ReadonlySet<string>, deadline: Deadline): NodeBuckets {
  const buckets: NodeBuckets = new Map();
  if (wanted.size === 0) return buckets;
  const nodes = tree.rootNode.descendantsOfType([...wanted]);
  checkDeadline(deadline, 'analysis');
  for (const node of nodes) {
    if (!node) continue;
    let list = buckets.get(node.type);
    if (!list) buckets.set(node.type, (list = []));
    list.push(node);
  }
  return buckets;
}

/** Imports and constants in document order, from the binding nodes the walk collected. */
export function collectBindings(adapter: SyntaxAdapter, buckets: NodeBuckets): Bindings {
  const nodes: SyntaxNode[] = [];
  for (const type of adapter.bindingTypes) nodes.push(...(buckets.get(type) ?? []));
  nodes.sort((a, b) => a.startIndex - b.startIndex);
  const bindings = new Bindings();
  for (const node of nodes) adapter.collectBinding(node, bindings);
  return bindings;
}

/** One iterative walk of a tree (no recursion, so 10,000-deep nesting is fine). */
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

export function collectNodes(tree: Tree, wanted: ReadonlySet<string>, deadline: Deadline): NodeBuckets {
  const buckets: NodeBuckets = new Map();
  const cursor = tree.walk();
  let visited = 0;
  try {
    for (;;) {
      const type = cursor.nodeType;
      if (wanted.has(type)) {
        let list = buckets.get(type);
        if (!list) buckets.set(type, (list = []));
        list.push(cursor.currentNode);
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return buckets;
      }
      if ((++visited & 2047) === 0) checkDeadline(deadline, 'analysis');
    }
  } finally {
    cursor.delete();
  }
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

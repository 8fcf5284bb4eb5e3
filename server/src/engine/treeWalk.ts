/** Collecting the nodes rules look at, and the file's bindings, in one pass each. */
import type { SyntaxNode, Tree } from '../languages/parser';
import { Bindings, SyntaxAdapter } from '../languages/syntax';
import type { NodeBuckets } from './patternMatcher';
import type { TaintSyntax } from '../languages/taintSyntax';
import { budgetSpent } from '../budgetClock';

export class BudgetExceeded extends Error {
  constructor(what: string, ms: number) {
    super(`${what} took longer than the ${ms} ms budget`);
  }
}

/** Rows [start, end) of top-level statements an edit touched. */
export interface Region {
  start: { row: number; column: number };
  end: { row: number; column: number };
  /**
   * The rows are members of a statement (methods of a class, TaintSyntax.membersOf), not
   * whole top-level statements: the declarations outside functions elsewhere in the file (a
   * class's fields) are collected too, as module-level ones are for a region of top-level
   * statements.
   */
  members?: boolean;
}

export interface Deadline {
  /** Wall-clock time (Date.now()) the budget ends at, if the process has worked for all of it. */
  at: number;
  budgetMs: number;
  /** process.cpuUsage() when the budget began; without it the wall clock alone decides. */
  cpuFrom?: NodeJS.CpuUsage;
}

/** Whether the budget is spent (wall clock and CPU time: see budgetClock.ts). */
export function pastDeadline(deadline: Deadline): boolean {
  return budgetSpent(deadline.at, deadline.budgetMs, deadline.cpuFrom);
}

/** A budget of `budgetMs` starting now (or at `startedAt`/`cpuFrom`, when parsing began). */
export function startDeadline(budgetMs: number, startedAt = Date.now(), cpuFrom: NodeJS.CpuUsage = process.cpuUsage()): Deadline {
  return { at: startedAt + budgetMs, budgetMs, cpuFrom };
}

export function checkDeadline(deadline: Deadline, what: string): void {
  if (pastDeadline(deadline)) throw new BudgetExceeded(what, deadline.budgetMs);
}


/**
 * Declarations directly at module level (`const cp = require(…)`, `X = 1`), which code
 * anywhere in the file can refer to.
 */
export function moduleLevel(tree: Tree, types: ReadonlySet<string>, syntax: TaintSyntax): SyntaxNode[] {
  // A cursor reads node types without building node objects; only matches are built.
  const out: SyntaxNode[] = [];
  const cursor = tree.walk();
  const declarations = new Set(syntax.typesOf('declaration'));
  const containers = new Set([...declarations, ...syntax.typesOf('wrapper', 'expression-statement')]);
  try {
    if (!cursor.gotoFirstChild()) return out;
    do {
      const type = cursor.nodeType;
      if (types.has(type)) out.push(cursor.currentNode);
      if (!containers.has(type) || !cursor.gotoFirstChild()) continue;
      do {
        const inner = cursor.nodeType;
        if (types.has(inner)) out.push(cursor.currentNode);
        // `export const x = …`
        if (declarations.has(inner) && cursor.gotoFirstChild()) {
          do if (types.has(cursor.nodeType)) out.push(cursor.currentNode);
          while (cursor.gotoNextSibling());
          cursor.gotoParent();
        }
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    } while (cursor.gotoNextSibling());
  } finally {
    cursor.delete();
  }
  return out;
}

/**
 * Nodes of `types` outside function bodies: a function is collected when its type is
 * wanted, but not entered. A region analysis needs only these from the rest of the file
 * (imports, even under `if`/`try`; named functions and methods); a whole-tree search for
 * them visited every node of a 20,000-line file on each edit.
 */
export function outsideFunctions(tree: Tree, types: ReadonlySet<string>, functionTypes: ReadonlySet<string>, opaque: ReadonlySet<string> = new Set()): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  if (types.size === 0) return out;
  const cursor = tree.walk();
  try {
    if (!cursor.gotoFirstChild()) return out;
    for (;;) {
      const type = cursor.nodeType;
      if (types.has(type)) out.push(cursor.currentNode);
      if (!functionTypes.has(type) && !opaque.has(type) && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return out;
    }
  } finally {
    cursor.delete();
  }
}

/** The named top-level statements that intersect `region`, read with a cursor (a file can have thousands). */
export function topLevelIn(tree: Tree, region: Region): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const cursor = tree.walk();
  try {
    if (!cursor.gotoFirstChild()) return out;
    do {
      if (cursor.startPosition.row >= region.end.row) break;
      if (cursor.nodeIsNamed && cursor.endPosition.row >= region.start.row) out.push(cursor.currentNode);
    } while (cursor.gotoNextSibling());
  } finally {
    cursor.delete();
  }
  return out;
}

/**
 * Every node of the wanted types, grouped by type, in document order. One call into
 * wasm collects them all; materialising nodes one by one from JS costs several times more.
 */
export function collectNodes(
  tree: Tree,
  wanted: ReadonlySet<string>,
  deadline: Deadline,
  syntax: TaintSyntax,
  region?: Region,
  functionTypes: ReadonlySet<string> = new Set(),
  outsideTypes: ReadonlySet<string> = wanted,
): NodeBuckets {
  const buckets: NodeBuckets = new Map();
  if (wanted.size === 0) return buckets;
  // In a region only its nodes are matched; the names it may use (imports, module-level
  // declarations: `outsideTypes`) still come from the whole file. The rest of the file's
  // functions and calls are not collected: a file of thousands of handlers would cost that
  // on every edit, and the taint pass finds the few it needs by name (taint/namedUses.ts).
  const outside = (n: SyntaxNode): boolean => !!region && (n.startPosition.row < region.start.row || n.startPosition.row >= region.end.row);
  const nodes = region
    ? [
        ...tree.rootNode.descendantsOfType([...wanted], region.start, region.end),
        // An import is a statement: not inside an expression or a declaration. Where the names
        // it binds are nodes inside it (Go's `import ( "os/exec" )` binds through its specs),
        // those are collected.
        ...outsideFunctions(tree, new Set(syntax.typesOf('import')), functionTypes, new Set(syntax.typesOf('expression-statement', 'declaration')))
          .filter(outside)
          .flatMap((s) => (wanted.has(s.type) ? [s] : s.descendantsOfType([...outsideTypes].filter((t) => wanted.has(t))).filter((n): n is SyntaxNode => !!n))),
        ...moduleLevel(tree, new Set([...outsideTypes].filter((t) => wanted.has(t))), syntax).filter(outside),
        // Members of a class: its fields count as module level (a region of methods, TaintSyntax.membersOf).
        ...(region.members ? outsideFunctions(tree, new Set([...outsideTypes].filter((t) => wanted.has(t) && !functionTypes.has(t))), functionTypes).filter(outside) : []),
      ]
    : tree.rootNode.descendantsOfType([...wanted]);
  checkDeadline(deadline, 'analysis');
  const seen = region ? new Set<number>() : undefined;
  for (const node of nodes) {
    if (!node) continue;
    // A module-level import is found by both outside-the-region walks.
    if (seen) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
    }
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

/**
 * Where a file's password-hash function is called, and what each call does with the hash:
 * compares it with a stored one (to become a verification) or keeps it (to be stored). A
 * password fix rewrites every use at once, so it is offered only when every use is one of
 * these, visible in the file. The pack reads its comparisons and assignments.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';

export interface HashUse {
  call: SyntaxNode;
  /** The password passed in. */
  password: SyntaxNode;
  /** For a comparison: the whole comparison, the other side, and whether it tests for a match. */
  compare?: HashComparison;
}

export interface HashComparison {
  node: SyntaxNode;
  stored: SyntaxNode;
  equal: boolean;
}

export interface HashUseSyntax {
  /** Node types of the functions that scope a variable. */
  functionTypes: ReadonlySet<string>;
  /** The comparison a value takes part in, if it is one (`stored !== hash(pw)`, `hmac.compare_digest(stored, hash(pw))`). */
  comparisonOf(ctx: FileContext, value: SyntaxNode): HashComparison | undefined;
  /** The plain variable a value is stored in (`const h = hash(pw)`, `h = hash(pw)`), if any. */
  variableOf(value: SyntaxNode): string | undefined;
}

function walk(node: SyntaxNode, visit: (n: SyntaxNode) => void): void {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    visit(n);
    for (let i = n.namedChildCount - 1; i >= 0; i--) stack.push(n.namedChild(i)!);
  }
}

/** The value with the parentheses around it (what its parent sees). */
export function unwrapUp(ctx: FileContext, node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent && ctx.syntax.kind(n.parent) === 'paren') n = n.parent;
  return n;
}

/**
 * Every use of the function `name` declared by `decl` in the file, or undefined when one is
 * not a call with one argument, or its result goes into a variable that is then compared
 * (the comparison could not be turned into a verification).
 */
export function hashUses(ctx: FileContext, decl: SyntaxNode, name: string, syntax: HashUseSyntax): HashUse[] | undefined {
  const syn = ctx.syntax;
  const uses: HashUse[] = [];
  let ok = true;
  walk(ctx.tree.rootNode, (n) => {
    if (!ok || syn.kind(n) !== 'name' || n.text !== name) return;
    if (n.startIndex >= decl.startIndex && n.endIndex <= decl.endIndex) return; // the declaration itself
    const call = n.parent;
    const args = call && syn.kind(call) === 'call' && syn.child(call, 'function')?.id === n.id ? ctx.adapter.positionalArgs(call) : undefined;
    const list = call && syn.child(call, 'arguments');
    if (!call || !args || args.length !== 1 || list?.namedChildCount !== 1) {
      ok = false;
      return;
    }
    const compare = syntax.comparisonOf(ctx, call);
    const variable = compare ? undefined : syntax.variableOf(call);
    if (variable && comparedIn(ctx, enclosingFunction(call, syntax.functionTypes) ?? ctx.tree.rootNode, variable, syntax)) {
      ok = false;
      return;
    }
    uses.push({ call, password: args[0]!, compare });
  });
  return ok ? uses : undefined;
}

/** The function node around a node, for `async` and scope checks. */
export function enclosingFunction(node: SyntaxNode, functionTypes: ReadonlySet<string>): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (functionTypes.has(n.type)) return n;
  return undefined;
}

function comparedIn(ctx: FileContext, scope: SyntaxNode, variable: string, syntax: HashUseSyntax): boolean {
  let found = false;
  walk(scope, (n) => {
    if (!found && ctx.syntax.kind(n) === 'name' && n.text === variable && syntax.comparisonOf(ctx, n)) found = true;
  });
  return found;
}

/** The names an expression reads. */
export function namesIn(ctx: FileContext, node: SyntaxNode): Set<string> {
  const out = new Set<string>();
  walk(node, (n) => {
    if (ctx.syntax.kind(n) === 'name') out.add(n.text);
  });
  return out;
}

/**
 * Where a file's password-hash function is called, and what each call does with the hash:
 * compares it with a stored one (to become a verification) or keeps it (to be stored). A
 * password fix rewrites every use at once, so it is offered only when every use is one of
 * these, visible in the file.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';

export interface HashUse {
  call: SyntaxNode;
  /** The password passed in. */
  password: SyntaxNode;
  /** For a comparison: the whole comparison, the other side, and whether it tests for a match. */
  compare?: { node: SyntaxNode; stored: SyntaxNode; equal: boolean };
}

const EQUAL = new Set(['===', '==']);
const NOT_EQUAL = new Set(['!==', '!=']);
const COMPARE_DIGEST = new Set(['hmac.compare_digest', 'secrets.compare_digest']);

function walk(node: SyntaxNode, visit: (n: SyntaxNode) => void): void {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    visit(n);
    for (let i = n.namedChildCount - 1; i >= 0; i--) stack.push(n.namedChild(i)!);
  }
}

function unwrapUp(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  return n;
}

/** The comparison a call's result takes part in, if it is one (`stored !== hash(pw)`). */
function comparisonOf(ctx: FileContext, call: SyntaxNode): HashUse['compare'] | undefined {
  const up = unwrapUp(call);
  const parent = up.parent;
  if (!parent) return undefined;
  if (parent.type === 'binary_expression') {
    const op = parent.childForFieldName('operator')?.text ?? '';
    if (!EQUAL.has(op) && !NOT_EQUAL.has(op)) return undefined;
    const left = parent.childForFieldName('left')!;
    const stored = left.id === up.id ? parent.childForFieldName('right')! : left;
    return { node: parent, stored, equal: EQUAL.has(op) };
  }
  if (parent.type === 'comparison_operator') {
    const ops = parent.children.filter((c) => c && !c.isNamed).map((c) => c!.text);
    const operands = parent.namedChildren.filter((c): c is SyntaxNode => !!c);
    if (ops.length !== 1 || operands.length !== 2 || (ops[0] !== '==' && ops[0] !== '!=')) return undefined;
    const stored = operands[0]!.id === up.id ? operands[1]! : operands[0]!;
    return { node: parent, stored, equal: ops[0] === '==' };
  }
  // hmac.compare_digest(stored, hash(pw))
  const list = parent.type === 'argument_list' ? parent : undefined;
  const outer = list?.parent;
  if (outer?.type === 'call') {
    const callee = ctx.adapter.callee(outer);
    const name = callee && ctx.adapter.qualify(callee, ctx.bindings);
    const args = ctx.adapter.positionalArgs(outer);
    if (name && COMPARE_DIGEST.has(name) && args.length === 2 && list!.namedChildCount === 2) {
      const stored = args[0]!.id === up.id ? args[1]! : args[0]!;
      return { node: outer, stored, equal: true };
    }
  }
  return undefined;
}

/** A name a value is stored in (`const h = hash(pw)`, `h = hash(pw)`), when it is a plain variable. */
function variableOf(call: SyntaxNode): string | undefined {
  const parent = unwrapUp(call).parent;
  if (parent?.type === 'variable_declarator' && parent.childForFieldName('name')?.type === 'identifier') return parent.childForFieldName('name')!.text;
  if ((parent?.type === 'assignment' || parent?.type === 'assignment_expression') && parent.childForFieldName('left')?.type === 'identifier') return parent.childForFieldName('left')!.text;
  return undefined;
}

/**
 * Every use of the function `name` declared by `decl` in the file, or undefined when one is
 * not a call with one argument, or its result goes into a variable that is then compared
 * (the comparison could not be turned into a verification).
 */
export function hashUses(ctx: FileContext, decl: SyntaxNode, name: string, functionTypes: ReadonlySet<string>): HashUse[] | undefined {
  const uses: HashUse[] = [];
  let ok = true;
  walk(ctx.tree.rootNode, (n) => {
    if (!ok || n.type !== 'identifier' || n.text !== name) return;
    if (n.startIndex >= decl.startIndex && n.endIndex <= decl.endIndex) return; // the declaration itself
    const call = n.parent;
    const args = call && (call.type === 'call_expression' || call.type === 'call') && call.childForFieldName('function')?.id === n.id ? ctx.adapter.positionalArgs(call) : undefined;
    const list = call?.childForFieldName('arguments');
    if (!call || !args || args.length !== 1 || list?.namedChildCount !== 1) {
      ok = false;
      return;
    }
    const compare = comparisonOf(ctx, call);
    const variable = compare ? undefined : variableOf(call);
    if (variable && comparedIn(ctx, enclosing(call, functionTypes) ?? ctx.tree.rootNode, variable)) {
      ok = false;
      return;
    }
    uses.push({ call, password: args[0]!, compare });
  });
  return ok ? uses : undefined;
}

function enclosing(node: SyntaxNode, functionTypes: ReadonlySet<string>): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (functionTypes.has(n.type)) return n;
  return undefined;
}

function comparedIn(ctx: FileContext, scope: SyntaxNode, variable: string): boolean {
  let found = false;
  walk(scope, (n) => {
    if (!found && n.type === 'identifier' && n.text === variable && comparisonOf(ctx, n)) found = true;
  });
  return found;
}

/** The function node around a call, for `async` and scope checks. */
export function enclosingFunction(node: SyntaxNode, functionTypes: ReadonlySet<string>): SyntaxNode | undefined {
  return enclosing(node, functionTypes);
}

/** Identifiers an expression reads. */
export function identifiersIn(node: SyntaxNode): Set<string> {
  const out = new Set<string>();
  walk(node, (n) => {
    if (n.type === 'identifier') out.add(n.text);
  });
  return out;
}

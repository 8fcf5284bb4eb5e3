/**
 * `followed-by` / `not-followed-by`: what the code does later with the value a matched call
 * or `new` makes — directly (`response.addCookie(new Cookie(…))`) or through the variable
 * it is stored in, within that variable's scope (the rest of the block for a local, the
 * class for a field). A cookie added to a response without `setSecure`, a parser factory
 * that never gets its secure feature. The language adapter answers where the value is
 * stored and what each use is; this file only decides.
 */
import type { SyntaxNode } from '../languages/parser';
import type { ValueUse } from '../languages/syntax';
import type { Captures, FileContext } from './fileContext';
import type { MatchSpec, UseSpec } from './rule';
import { testValue } from './valueTests';

interface Use {
  ref: SyntaxNode;
  use: ValueUse;
}

/** The value's uses, or undefined when the language cannot say (the matcher then does not match). */
function usesOfValue(ctx: FileContext, value: SyntaxNode, captures: Captures): Use[] | undefined {
  const { adapter } = ctx;
  if (!adapter.storedIn || !adapter.usesOf || !adapter.useOf) return undefined;
  const stored = adapter.storedIn(value, ctx.bindings);
  if (!stored) {
    const use = adapter.useOf(value);
    return use ? [{ ref: value, use }] : [];
  }
  captures.set('variable', stored.name);
  const out: Use[] = [];
  for (const ref of adapter.usesOf(stored)) {
    const use = adapter.useOf(ref);
    if (use) out.push({ ref, use });
  }
  return out;
}

function qualifiedCallee(ctx: FileContext, call: SyntaxNode): string | null {
  const callee = ctx.adapter.callee(call);
  return callee ? ctx.adapter.qualify(callee, ctx.bindings) : null;
}

function argsPass(ctx: FileContext, call: SyntaxNode, spec: UseSpec): boolean {
  if (spec.args.size === 0) return true;
  const args = ctx.adapter.positionalArgs(call);
  for (const [index, test] of spec.args) {
    if (!testValue(ctx, index === 'last' ? args[args.length - 1] : args[index], test)) return false;
  }
  return true;
}

/** The call of `u` that satisfies `spec`, `true` for an escape that does, or null. */
/** `then:` entries: what happens to the result of the call that met `spec`. */
function thenFits(ctx: FileContext, call: SyntaxNode, spec: UseSpec, depth: number): boolean {
  if (!spec.then) return true;
  if (depth > 4) return false;
  const uses = usesOfValue(ctx, call, new Map());
  if (!uses) return false;
  return spec.then.every((entry) => uses.some((u) => satisfies(ctx, u, entry, depth + 1)));
}

function satisfies(ctx: FileContext, u: Use, spec: UseSpec, depth = 0): SyntaxNode | true | null {
  const { use } = u;
  if (spec.method && use.kind === 'receiver') {
    const name = ctx.adapter.callee(use.call);
    if (name && spec.method.has(ctx.adapter.lastSegment(name).text) && argsPass(ctx, use.call, spec) && thenFits(ctx, use.call, spec, depth)) return use.call;
  }
  if (spec.passedTo && use.kind === 'argument') {
    const q = qualifiedCallee(ctx, use.call);
    if (q && spec.passedTo(q) && argsPass(ctx, use.call, spec)) return use.call;
  }
  if (spec.escapes) {
    if (use.kind === 'escape') return true;
    if (use.kind === 'argument') {
      const q = qualifiedCallee(ctx, use.call);
      if (!q || !spec.except?.(q)) return use.call;
    }
  }
  return null;
}

/**
 * Whether the later uses fit the matcher: each `followed-by` entry is met by some use, no
 * `not-followed-by` entry is. Adds `variable` (the name the value is stored under), `use`
 * and `use-arg0`… (the call that met the first `followed-by` entry) to the captures.
 */
export function laterUsesFit(ctx: FileContext, spec: MatchSpec, value: SyntaxNode, captures: Captures): boolean {
  if (!spec.followedBy && !spec.notFollowedBy) return true;
  const uses = usesOfValue(ctx, value, captures);
  if (!uses) return false;
  for (const [i, entry] of (spec.followedBy ?? []).entries()) {
    let found: SyntaxNode | true | null = null;
    for (const u of uses) if ((found = satisfies(ctx, u, entry))) break;
    if (!found) return false;
    if (i === 0 && found !== true) {
      captures.set('use', found);
      ctx.adapter.positionalArgs(found).forEach((a, k) => captures.set(`use-arg${k}`, a));
    }
  }
  for (const entry of spec.notFollowedBy ?? []) {
    if (uses.some((u) => satisfies(ctx, u, entry))) return false;
  }
  return true;
}

/** The name of the nearest enclosing named function (a lambda is named by what holds it). */
export function enclosingFunctionName(ctx: FileContext, node: SyntaxNode): string | null {
  for (let p = node.parent, depth = 0; p && depth < 200; p = p.parent, depth++) {
    if (!ctx.adapter.functionTypes.has(p.type)) continue;
    const name = ctx.adapter.namingNode(p) ?? (p.parent ? ctx.adapter.namingNode(p.parent) : null);
    if (name) return name.text;
  }
  return null;
}

/** Evaluates a rule's value conditions (`constant`, `is`, `matches`, …) against a syntax node. */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from './fileContext';
import type { ValueTest } from './rule';
import { isSanitized } from './sanitizedValue';

/** `node` is undefined when the argument or keyword is not there at all. */
export function testValue(ctx: FileContext, node: SyntaxNode | undefined, t: ValueTest): boolean {
  if (t.absent && node) return false;
  if (t.present && !node) return false;
  if (t.not && testValue(ctx, node, t.not)) return false;
  if (t.any && !t.any.some((x) => testValue(ctx, node, x))) return false;
  if (t.all && !t.all.every((x) => testValue(ctx, node, x))) return false;
  const needsNode = t.madeBy || t.constant !== undefined || t.hasIs || t.matches || t.below !== undefined || t.text || t.resolves || t.type || t.sanitized;
  if (!needsNode) return true;
  if (!node) return false;
  if (t.type && !t.type.has(node.type)) return false;
  if (t.text && !t.text.test(node.text)) return false;
  if (t.sanitized && !isSanitized(ctx, node, t.sanitized)) return false;
  if (t.madeBy && !madeBy(ctx, node, t.madeBy)) return false;
  if (t.resolves) {
    const q = ctx.adapter.qualify(node, ctx.bindings);
    if (!q || !t.resolves(q)) return false;
  }
  if (t.constant !== undefined || t.hasIs || t.matches || t.below !== undefined) {
    const value = ctx.adapter.constantValue(node, ctx.bindings);
    if (t.constant !== undefined && (value !== undefined) !== t.constant) return false;
    if (t.hasIs && !sameValue(value, t.is)) return false;
    if (t.matches && (typeof value !== 'string' || !t.matches.test(value))) return false;
    if (t.below !== undefined && (typeof value !== 'number' || !(value < t.below))) return false;
  }
  return true;
}

/** `new X(…)` or a call `f(…)` with X or f in `names`, directly or as the value the variable is declared with. */
function madeBy(ctx: FileContext, node: SyntaxNode, names: (q: string) => boolean): boolean {
  const made = (n: SyntaxNode): boolean => ctx.adapter.newTypes.has(n.type) || ctx.adapter.callTypes.has(n.type);
  const value = made(node) ? node : ctx.adapter.declaredValue?.(node, ctx.bindings);
  if (!value || !made(value)) return false;
  const callee = ctx.adapter.callee(value);
  const q = callee ? ctx.adapter.qualify(callee, ctx.bindings) : null;
  return !!q && names(q);
}

function sameValue(actual: unknown, expected: unknown): boolean {
  if (actual === undefined) return false;
  return actual === expected;
}

/**
 * The walk that proves a value safe for a pattern rule's `defers-to` (engine/deferral.ts).
 * An ordinary walk follows request data and treats everything else as clean; this one also
 * marks what comes from outside the code it walks — a parameter, a name the code never
 * binds (a global, an import, a field), the result of a call it cannot see into — with an
 * `outside` fact. Sanitizers and guards clean these facts like any other, so a value whose
 * facts are all clean at the call is built from constants and from data made safe on every
 * way there: exactly what the pattern rule need not report.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import { Fact, snippet, Taint, union } from './facts';
import type { Frame } from './flow';
import type { TaintFile } from './context';

export const OUTSIDE = 'outside';

export function outsideFact(node: SyntaxNode): Fact {
  return { label: OUTSIDE, kind: '', sourceText: snippet(node), trace: [], cleanFor: new Set() };
}

/**
 * What a path read carries in this walk: what the walk knows of it, or an outside fact when
 * the code never bound its first name (nor is it a constant of the file), or when it starts
 * at a framework object (`req`, `self`): their members the models do not name are not the code's.
 */
export function outsideRead(file: TaintFile, path: string[], node: SyntaxNode, frame: Frame, known: Taint): Taint {
  if (!file.probes || known.length > 0) return known;
  const head = path[0]!;
  if (frame.env.binds(head) && !frame.roles.has(head)) return known;
  if (file.ctx.adapter.constantValue(node, file.ctx.bindings) !== undefined) return known;
  return [outsideFact(node)];
}

/** A call whose result the walk does not know: in a proving walk, it may be anything. */
export function outsideResult(file: TaintFile, node: SyntaxNode, taint: Taint): Taint {
  return file.probes ? union(taint, [outsideFact(node)]) : taint;
}

/** Keeps each call argument's taint for the proving walk's question (by node id, joined over walks). */
export function probe(file: TaintFile, args: readonly SyntaxNode[], taints: readonly Taint[]): void {
  const probes = file.probes;
  if (!probes) return;
  args.forEach((a, i) => probes.set(a.id, union(probes.get(a.id) ?? [], taints[i] ?? [])));
}

/** Every way out of the function returns a constant (`return "report"`, `() => 'summary'`). */
export function returnsConstantsOnly(ctx: FileContext, fn: SyntaxNode): boolean {
  const syn = ctx.syntax;
  const body = syn.child(fn, 'body');
  if (!body) return false;
  const constant = (n: SyntaxNode | null): boolean => !!n && ctx.adapter.constantValue(n, ctx.bindings) !== undefined;
  const kind = syn.kind(body);
  if (kind !== 'block' && kind !== 'module') return constant(body);
  const returns = body.descendantsOfType(syn.typesOf('return')).filter((r): r is SyntaxNode => !!r && enclosingFunction(ctx, r)?.id === fn.id);
  return returns.length > 0 && returns.every((r) => constant(r.namedChild(0)));
}

function enclosingFunction(ctx: FileContext, node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (ctx.syntax.kind(p) === 'function') return p;
  return null;
}

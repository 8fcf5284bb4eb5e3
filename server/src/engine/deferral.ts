/**
 * `defers-to`: a pattern rule that reports an API used with a value that is not a constant
 * (`exec(cmd)`) while a taint rule follows the same value to the same call. Where the taint
 * analysis proves the value built only from constants, numbers and allow-listed values on
 * every way to the call (the branch that assigns request data never runs, `parseInt`, an
 * allow-list check), the pattern rule's report would be a false alarm, and it is dropped.
 * Where the value may come from anywhere else (a parameter, a global, a call the analysis
 * cannot see into), or was escaped for one kind only, the pattern rule reports as before.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from './fileContext';
import { anchorOf, Finding } from './finding';
import type { Candidate } from './patternMatcher';
import type { Rule } from './rule';

/**
 * Gives each `defers-to` the sink kinds of the taint rule it names, from the rules loaded
 * together (a rule tested alone keeps what its engine's full rule set gave it).
 */
export function resolveDeferrals(rules: readonly Rule[]): void {
  if (!rules.some((r) => r.defersTo)) return;
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const rule of rules) {
    const defers = rule.defersTo;
    const target = defers ? byId.get(defers.rule) : undefined;
    const sinks = target?.mode === 'taint' ? target.taint?.sinks : undefined;
    if (defers && Array.isArray(sinks) && sinks.length > 0) defers.kinds = sinks.map(String);
  }
}

/** The value a deferring match asks the taint analysis about (the first of its `value` captures the match has). */
export function deferredValue(candidate: Candidate): SyntaxNode | undefined {
  const defers = candidate.rule.defersTo;
  const name = defers?.value.find((v) => candidate.captures.has(v));
  return name ? candidate.captures.get(name) : undefined;
}

export function deferredToTaint(ctx: FileContext, candidate: Candidate): boolean {
  const defers = candidate.rule.defersTo;
  if (!defers?.kinds || !ctx.provenSafe) return false;
  const value = deferredValue(candidate);
  return !!value && ctx.provenSafe(value, defers.kinds);
}

/** A data-flow finding on the same code for the same weakness: it takes the match in (scan.ts preferTaint). */
export function coveredByTaint(findings: readonly Finding[], f: Finding): boolean {
  const at = anchorOf(f).start;
  return findings.some((t) => !!t.trace && t.trace.length > 0 && anchorOf(t).start.line === at.line && anchorOf(t).start.character === at.character && t.cwe.some((c) => f.cwe.includes(c)));
}

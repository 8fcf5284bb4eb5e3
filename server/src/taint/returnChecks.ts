/**
 * What a validator function vouches for: the parameters that every truthy return of a
 * function leaves checked, and for which sink kinds. `def safe_for_redirect(url): return
 * url_has_allowed_host_and_scheme(url, None)` is a check on its first argument for
 * redirects, as the Django call is; so is a function that returns `True` only after
 * `if not PATTERN.fullmatch(name): return False`. A return of a falsy constant (False,
 * None, 0, '') promises nothing, so it does not count against the others; a function with
 * no truthy return, or one whose truthy returns check nothing in common, is no validator.
 *
 * The summary walk (analyzer.ts) reads each return: the return value is applied as a
 * condition that holds (guards.ts), in a copy of the walk's state at that return, and the
 * parameters' `param:N` facts are read back.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FlowWalker, Frame } from './flow';
import { cleanForBoth } from './facts';
import { applyGuard } from './guards';
import type { Unit } from './units';

/** Accumulated over a function's returns: undefined before a truthy one, null once nothing is left. */
export type ReturnChecks = Map<number, ReadonlySet<string>> | null | undefined;

export function noteReturnChecks(walker: FlowWalker, unit: Unit, value: SyntaxNode, frame: Frame, sofar: ReturnChecks): ReturnChecks {
  if (sofar === null) return null;
  const ctx = walker.ctx;
  const constant = ctx.adapter.constantValue(value, ctx.bindings);
  if (constant !== undefined && !constant) return sofar;
  const holds = walker.fork(frame);
  applyGuard(walker, value, holds, true);
  const found = new Map<number, ReadonlySet<string>>();
  unit.params.forEach((p, i) => {
    if (!p.name) return;
    const own = holds.env.get(p.name).filter((f) => f.label === `param:${i}`);
    // Every way the parameter's value can reach this return is checked, for the same kinds.
    if (own.length === 0 || own.some((f) => f.cleanFor.size === 0)) return;
    const kinds = own.slice(1).reduce((k, f) => cleanForBoth(k, f.cleanFor), own[0]!.cleanFor);
    if (kinds.size > 0) found.set(i, kinds);
  });
  if (sofar === undefined) return found.size > 0 ? found : null;
  const both = new Map<number, ReadonlySet<string>>();
  for (const [i, kinds] of found) {
    const before = sofar.get(i);
    const common = before ? cleanForBoth(before, kinds) : undefined;
    if (common && common.size > 0) both.set(i, common);
  }
  return both.size > 0 ? both : null;
}

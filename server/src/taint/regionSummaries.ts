/**
 * Summaries for a region analysis (the functions an edit touched, re-walked): the touched
 * functions and only the functions their calls name are looked at, found by name
 * (definedNames.ts), so an edit in one of thousands of handlers reads a handful of functions.
 * Functions whose text did not change take their summary from the cache; one that is not
 * there is walked.
 */
import type { SyntaxNode } from '../languages/parser';
import type { Region } from '../engine/treeWalk';
import { sameSummary, Summary, TaintFile } from './context';
import type { DefinedNames } from './definedNames';
import { calledElsewhere, calleeNames, callsAround } from './namedUses';
import type { SummaryCache } from './summaryCache';
import { functionName, makeUnit, registeredHandlerNames, Unit } from './units';

export function intersects(node: SyntaxNode, region: Region): boolean {
  return node.startPosition.row < region.end.row && node.endPosition.row >= region.start.row;
}

export interface RegionSummaries {
  /** A touched function's summary changed and code elsewhere calls it: findings elsewhere may change. */
  changed: boolean;
  /** Summaries of named functions, looked up on demand (fixes ask for a helper by name). */
  exported: ReadonlyMap<string, Summary>;
  work: RegionWork;
}

/** Counts of what one region analysis read, for tests that the work stays bounded. */
export interface RegionWork {
  /** Functions walked (touched ones, and called ones missing from the cache). */
  walked: number;
  /** Functions whose summary came from the cache. */
  cached: number;
}

/** Summaries made on demand for names the analysis itself did not need. */
class OnDemand extends Map<string, Summary> {
  constructor(private readonly resolve: (name: string) => Summary | undefined) {
    super();
  }

  override get(name: string): Summary | undefined {
    if (!super.has(name)) {
      const s = this.resolve(name);
      if (s) super.set(name, s);
    }
    return super.get(name);
  }

  override has(name: string): boolean {
    return this.get(name) !== undefined;
  }
}

export function regionSummaries(
  file: TaintFile,
  region: Region,
  cache: SummaryCache,
  keyOf: (unit: Unit) => string,
  summarise: (file: TaintFile, unit: Unit) => Summary,
  defined: DefinedNames,
): RegionSummaries {
  const { ctx, models, path } = file;
  const work: RegionWork = { walked: 0, cached: 0 };
  const inRegion = (types: Iterable<string>): SyntaxNode[] => [...types].flatMap((t) => ctx.buckets.get(t) ?? []).filter((n) => intersects(n, region));
  const registrations = (names: Iterable<string>): Map<string, { qualified: string; firstArg?: string }> => {
    const calls = new Map<number, SyntaxNode>();
    for (const name of names) for (const c of callsAround(ctx, name)) calls.set(c.id, c);
    return registeredHandlerNames(ctx, models, [...calls.values()].sort((a, b) => a.startIndex - b.startIndex));
  };

  // The touched functions, with the registrations that name them.
  const touchedNodes = inRegion(ctx.adapter.functionTypes)
    .filter((fn) => ctx.syntax.standalone(fn))
    .sort((a, b) => a.startIndex - b.startIndex);
  const registered = registrations(touchedNodes.map((fn) => functionName(ctx, fn)).filter((n): n is string => !!n));
  const touched = touchedNodes.map((fn) => makeUnit(ctx, models, fn, registered, path));
  for (const unit of touched) file.units.set(unit.node.id, unit);

  // A name means the first function of that name (by kind, then position), as in a whole-file analysis.
  const toWalk: Unit[] = [];
  const pending: string[] = [];
  const resolveName = (name: string): Unit | undefined => {
    if (file.byName.has(name)) return file.byName.get(name);
    if (!defined.has(name)) return undefined;
    const fn = defined.functionsNamed(name)[0];
    if (!fn) return undefined;
    let unit = file.units.get(fn.id);
    if (!unit) {
      const light: Unit = { node: fn, name, params: [], body: ctx.syntax.child(fn, 'body'), roles: new Map() };
      const cached = cache.get(keyOf(light), fn.startPosition.row);
      if (cached) {
        work.cached++;
        unit = light;
        file.summaries.set(fn.id, cached);
      } else {
        unit = makeUnit(ctx, models, fn, registrations([name]), path);
        toWalk.push(unit);
        // Its own calls need their functions' summaries too.
        const calls = [...ctx.adapter.callTypes].flatMap((t) => fn.descendantsOfType(t)).filter((c): c is SyntaxNode => !!c);
        pending.push(...calleeNames(ctx, calls));
      }
      file.units.set(fn.id, unit);
    }
    file.byName.set(name, unit);
    return unit;
  };
  for (const unit of touched) if (unit.name) resolveName(unit.name);
  pending.push(...calleeNames(ctx, inRegion(ctx.adapter.callTypes)));
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) resolveName(name);

  // Called functions missing from the cache first, then the touched ones, in document order.
  toWalk.sort((a, b) => a.node.startIndex - b.node.startIndex);
  for (const unit of toWalk) {
    const summary = summarise(file, unit);
    work.walked++;
    file.summaries.set(unit.node.id, summary);
    cache.set(keyOf(unit), summary, unit.node.startPosition.row);
  }
  let changed = false;
  for (const unit of touched) {
    const summary = summarise(file, unit);
    work.walked++;
    const before = cache.get(keyOf(unit), unit.node.startPosition.row);
    // Only a call reads a summary (a handler registered by name is not called): a new
    // summary of a function nothing else calls cannot change findings outside it.
    if (!changed && !sameSummary(before, summary)) changed = !unit.name || calledElsewhere(ctx, unit.node, unit.name);
    file.summaries.set(unit.node.id, summary);
    cache.set(keyOf(unit), summary, unit.node.startPosition.row);
  }

  const exported = new OnDemand((name) => {
    const unit = resolveName(name);
    if (!unit) return undefined;
    if (!file.summaries.has(unit.node.id)) file.summaries.set(unit.node.id, summarise(file, unit));
    return file.summaries.get(unit.node.id);
  });
  return { changed, exported, work };
}

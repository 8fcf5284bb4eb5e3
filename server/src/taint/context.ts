/** Shared state of one file's taint analysis. */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import type { Deadline } from '../engine/treeWalk';
import type { Fact, Taint } from './facts';
import type { TaintModels } from './models';
import type { Unit } from './units';

/** A tainted value reaching a sink. */
export interface SinkHit {
  kind: string;
  /** The node to report (the sink call, or the call of a helper that reaches a sink). */
  node: SyntaxNode;
  sinkText: string;
  facts: Fact[];
  /** The tainted argument at the sink itself (absent for hits through a helper). */
  arg?: SyntaxNode;
  /** What to underline: the tainted value at the sink, or the argument passed to the helper. */
  at?: SyntaxNode;
}

export interface Summary {
  /** Parameters whose taint reaches the return value. */
  toReturn: Set<number>;
  /** Sink kinds a returned parameter was sanitised for on every way to the return (`return html.escape(x)`). */
  returnCleanFor?: Map<number, string[]>;
  /** A returned parameter that is returned only as this member of it (`return options.url`). */
  returnMember?: Map<number, string>;
  /** Facts of real sources the function returns (a helper that reads `location.search`). */
  returnsSources: Fact[];
  /**
   * A validator: parameters that every truthy return of the function vouches for, with the
   * sink kinds (`*`: all) — `return url_has_allowed_host_and_scheme(url)`, or `return True`
   * after `if not ALLOWED.match(x): return False`. Where a call of it is true, the argument
   * in that position is clean for those kinds (guards.ts).
   */
  checks?: Map<number, string[]>;
  /**
   * Parameters whose taint reaches a sink inside (transitively); `member`: only through that
   * member of the parameter (`file.path`), so a caller's argument whose member the server
   * fills in (Fact.serverMembers) does not reach it.
   */
  toSinks: { param: number; kind: string; sinkText: string; trace: Fact['trace']; cleanFor: ReadonlySet<string>; member?: string }[];
}

/** What the walk of one file knows of the project's other modules (see TaintFile). */
export type ProjectModules = Pick<TaintFile, 'imported' | 'fromProject'>;

export interface TaintFile {
  ctx: FileContext;
  models: TaintModels;
  path?: string;
  units: Map<SyntaxNode['id'], Unit>;
  /** Named units by name, for resolving calls to local helpers. */
  byName: Map<string, Unit>;
  summaries: Map<number, Summary>;
  hits: SinkHit[];
  /** Names bound anywhere in the file to instances with a role (`db` → sql-db). */
  globalRoles: Map<string, string>;
  /** For those made by a method call, the variable the call ran on (`out = response.getWriter()`: `out` → `response`). */
  instanceOrigins: Map<string, string>;
  /** The named unit whose walk is running: `param:N` facts refer to its parameters. */
  current?: Unit;
  /** Unit id → the units whose walk looked up its summary (to re-walk when it changes). */
  dependents?: Map<number, Set<number>>;
  /** Summaries of other modules' exports (`module path` → export name → summary). */
  imported?: (qualified: string) => Summary | undefined;
  /**
   * The qualified name is read from one of the project's own modules (a file of the
   * workspace), whether or not its summary is at hand: sink rows named by the method alone
   * (`*.query`, `*.exists`) are not about it.
   */
  fromProject?: (qualified: string) => boolean;
  deadline: Deadline;
  /** Nesting of the walk's statements and expressions (bounded by NESTING_LIMIT). */
  depth: number;
  /** Loops around the statement being walked. */
  loops: number;
  /**
   * Set for a walk that proves values safe (`defers-to`, outside.ts): values from outside the
   * code walked carry an `outside` fact, and each call argument's taint is kept here by node id.
   */
  probes?: Map<number, Taint>;
}

export function emptySummary(): Summary {
  return { toReturn: new Set(), returnsSources: [], toSinks: [] };
}

export function sameSummary(a: Summary | undefined, b: Summary): boolean {
  if (!a) return false;
  return (
    a.toReturn.size === b.toReturn.size &&
    [...a.toReturn].every((x) => b.toReturn.has(x)) &&
    [...a.toReturn].every((x) => (a.returnCleanFor?.get(x) ?? []).join() === (b.returnCleanFor?.get(x) ?? []).join()) &&
    [...a.toReturn].every((x) => a.returnMember?.get(x) === b.returnMember?.get(x)) &&
    sameChecks(a.checks, b.checks) &&
    a.returnsSources.length === b.returnsSources.length &&
    a.toSinks.length === b.toSinks.length
  );
}

function sameChecks(a: Summary['checks'], b: Summary['checks']): boolean {
  if ((a?.size ?? 0) !== (b?.size ?? 0)) return false;
  return [...(a ?? [])].every(([p, kinds]) => b?.get(p)?.join() === kinds.join());
}

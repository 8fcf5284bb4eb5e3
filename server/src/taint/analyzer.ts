/**
 * Taint analysis of one file: summaries of its functions computed to a fixed point,
 * then every tainted value reaching a sink turned into findings of the taint rules
 * whose sink kinds match.
 */
import { receiverBase } from './contentType';
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import { nodeRange } from '../engine/fileContext';
import type { Finding } from '../engine/finding';
import { ruleFinding } from '../engine/findingBuilder';
import type { Rule } from '../engine/rule';
import { Deadline, pastDeadline, Region, topLevelIn } from '../engine/treeWalk';
import { SummaryCache } from './summaryCache';
import { taintFixes } from './fixes';
import type { Family } from '../languages/registry';
import { emptySummary, ProjectModules, sameSummary, SinkHit, Summary, TaintFile } from './context';
import { CLEAN, Fact, Taint, union } from './facts';
import { FlowWalker } from './flow';
import type { TaintModels } from './models';
import { isFunctionNode, makeUnit, registeredHandlerNames, Unit } from './units';
import { regionSummaries, RegionWork } from './regionSummaries';
import { unitsForProof } from './proofUnits';

const MAX_ROUNDS = 4;

function nodesOf(ctx: FileContext, types: ReadonlySet<string>): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const t of types) out.push(...(ctx.buckets.get(t) ?? []));
  return out;
}

export interface TaintResult {
  hits: SinkHit[];
  /** In a region analysis: a function's summary changed, so findings elsewhere may have too. */
  summaryChanged: boolean;
  /** Summaries of the file's exported/top-level named functions, for other files. */
  summaries: ReadonlyMap<string, Summary>;
  /** In a region analysis: how many functions it walked and took from the cache. */
  regionWork?: RegionWork;
  /** Outside a region: how many function walks the summaries took (tests check a proof's stay bounded). */
  walks?: number;
}


export function analyzeFile(
  ctx: FileContext,
  models: TaintModels,
  deadline: Deadline,
  path?: string,
  project?: ProjectModules,
  region?: Region,
  cache?: SummaryCache,
  /** A proving walk (outside.ts): filled with each call argument's taint. */
  probes?: Map<number, Taint>,
  /** With probes: the values the proof is for; only the functions they depend on are walked (proofUnits.ts). */
  targets?: readonly SyntaxNode[],
): TaintResult {
  const file: TaintFile = { ctx, models, path, units: new Map(), byName: new Map(), summaries: new Map(), hits: [], globalRoles: new Map(), instanceOrigins: new Map(), imported: project?.imported, fromProject: project?.fromProject, deadline, depth: 0, loops: 0, probes };
  const unitProbes = new Map<number, Map<number, Taint>>();
  instanceRoles(ctx, models, file.globalRoles, file.instanceOrigins);
  const keyOf = (unit: Unit): string => SummaryCache.key(ctx.language.family, ctx.text.slice(unit.node.startIndex, unit.node.endIndex));
  // The module body runs too (top-level code, and the closures it registers).
  const moduleUnit: Unit = { node: ctx.tree.rootNode, name: null, params: [], body: ctx.tree.rootNode, roles: new Map() };
  let summaryChanged = false;
  let exported: ReadonlyMap<string, Summary>;
  let regionWork: RegionWork | undefined;
  let walks: number | undefined;
  if (region && cache) {
    // Only the functions the edit touched are walked, and those they call read from the
    // cache. If a touched function's summary changed and something calls it, the caller
    // must analyse the whole file.
    const touched = regionSummaries(file, region, cache, keyOf, summarise, cache.definitions.read(ctx));
    summaryChanged = touched.changed;
    exported = touched.exported;
    regionWork = touched.work;
  } else {
    const registered = registeredHandlerNames(ctx, models, nodesOf(ctx, ctx.adapter.callTypes));
    const standalone: Unit[] = [];
    // Named functions are analysed on their own; anonymous ones get their unit where the walk
    // reaches them (FlowWalker.closure).
    for (const fn of nodesOf(ctx, ctx.adapter.functionTypes)) {
      if (!ctx.syntax.standalone(fn)) continue;
      const unit = makeUnit(ctx, models, fn, registered, path);
      file.units.set(fn.id, unit);
      standalone.push(unit);
      if (unit.name && !file.byName.has(unit.name)) file.byName.set(unit.name, unit);
    }
    standalone.sort((a, b) => a.node.startIndex - b.node.startIndex);
    // Summaries to a fixed point: every function once in document order, then again only
    // the callers of a function whose summary changed (or was first made after they looked
    // it up). A unit's findings are those of its last walk.
    file.dependents = new Map();
    const unitHits = new Map<number, SinkHit[]>();
    let pending = (probes && targets && unitsForProof(ctx, standalone, file.byName, targets)) || standalone;
    walks = 0;
    for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
      const again = new Set<number>();
      for (const unit of pending) {
        file.hits = [];
        // A proving walk keeps, like the findings, what each unit's last walk saw.
        if (probes) file.probes = new Map();
        const summary = summarise(file, unit);
        walks++;
        unitHits.set(unit.node.id, file.hits);
        if (probes) unitProbes.set(unit.node.id, file.probes!);
        const before = file.summaries.get(unit.node.id);
        file.summaries.set(unit.node.id, summary);
        if (before && sameSummary(before, summary)) continue;
        for (const d of file.dependents.get(unit.node.id) ?? []) again.add(d);
      }
      if (pastDeadline(deadline)) break;
      pending = standalone.filter((u) => again.has(u.node.id));
    }
    file.dependents = undefined;
    file.hits = standalone.flatMap((u) => unitHits.get(u.node.id) ?? []);
    if (cache) {
      for (const unit of standalone) cache.set(keyOf(unit), file.summaries.get(unit.node.id)!, unit.node.startPosition.row);
      cache.definitions.fill(ctx, standalone);
    }
    const named = new Map<string, Summary>();
    for (const unit of standalone) if (unit.name) named.set(unit.name, file.summaries.get(unit.node.id)!);
    exported = named;
  }
  // The module body (and the closures it registers) runs once, with the final summaries;
  // in a region, only its top-level statements that the edit touched.
  file.current = moduleUnit;
  const statements = region ? topLevelIn(ctx.tree, region) : undefined;
  if (probes) file.probes = new Map();
  new FlowWalker(file, moduleUnit).run(false, undefined, statements);
  if (probes) {
    for (const seen of [...unitProbes.values(), file.probes!]) for (const [id, taint] of seen) probes.set(id, union(probes.get(id) ?? CLEAN, taint));
  }
  const finalHits = file.hits;
  return {
    hits: finalHits.map((h) => ({ ...h, facts: h.facts.filter((f) => f.label === 'source') })).filter((h) => h.facts.length > 0),
    summaries: exported,
    summaryChanged,
    regionWork,
    walks,
  };
}

/** `const db = new sqlite3.Database(f)` anywhere in the file: `db` has the `sql-db` role. */
function instanceRoles(ctx: FileContext, models: TaintModels, roles: Map<string, string>, origins: Map<string, string>): void {
  if (models.instances.length === 0) return;
  const syn = ctx.syntax;
  // `with httpx.Client() as client:` binds the value as an assignment does.
  const bound: [SyntaxNode | null, SyntaxNode | null][] = [];
  for (const node of nodesOf(ctx, ctx.adapter.declarationTypes)) bound.push([syn.child(node, 'name') ?? syn.child(node, 'left'), syn.child(node, 'value') ?? syn.child(node, 'right')]);
  const withItems = syn.typesOf('with-item');
  for (const item of withItems.length > 0 ? ctx.tree.rootNode.descendantsOfType(withItems) : []) {
    if (!item) continue;
    const value = syn.child(item, 'value');
    if (value && syn.kind(value) === 'alias') bound.push([syn.child(value, 'alias')?.namedChild(0) ?? null, value.namedChild(0)]);
  }
  for (const [bName, initial] of bound) {
    let name = bName;
    let value = initial;
    // `zr, err := zip.OpenReader(p)`: a call's results bound to several names; the first is the value.
    const nk = name ? syn.kind(name) : undefined;
    if (name && (nk === 'paren' || nk === 'array-pattern')) name = name.namedChild(0);
    while (value && (syn.kind(value) === 'await' || syn.kind(value) === 'paren') && value.namedChildCount === 1) value = value.namedChild(0);
    const nameKind = name ? syn.kind(name) : undefined;
    if (!name || !value || (nameKind !== 'name' && nameKind !== 'member')) continue;
    const isNew = syn.kind(value) === 'new';
    if (!isNew && syn.kind(value) !== 'call') continue;
    const callee = ctx.adapter.callee(value);
    const q = callee ? ctx.adapter.qualify(callee, ctx.bindings) : null;
    if (!q) continue;
    const model = models.instances.find((i) => (isNew ? i.newName?.(q) : i.call?.(q) || i.newName?.(q)));
    if (!model) continue;
    const key = selfMember(syn, name) ?? name.text;
    roles.set(key, model.role);
    const origin = isNew ? null : receiverBase(ctx, syn.child(value, 'object') ?? (syn.kind(callee!) === 'member' ? syn.child(callee!, 'object') : null));
    if (origin) origins.set(key, origin.text);
  }
}

/** `this.db` → `db`: a member of the object a method runs on is known by its own name. */
function selfMember(syn: FileContext['syntax'], name: SyntaxNode): string | undefined {
  const obj = syn.kind(name) === 'member' ? syn.child(name, 'object') : null;
  return obj && syn.selfNames.has(obj.text) ? syn.child(name, 'property')?.text : undefined;
}

/** Walks one named function with `param:N` labels and turns what reached its returns and sinks into a summary. */
function summarise(file: TaintFile, unit: Unit): Summary {
  const before = file.hits.length;
  file.current = unit;
  const walker = new FlowWalker(file, unit);
  const frame = walker.run(true);
  const summary = emptySummary();
  if (walker.returnChecks) summary.checks = new Map([...walker.returnChecks].map(([p, kinds]) => [p, [...kinds].sort()]));
  for (const f of frame.returns) {
    const m = /^param:(\d+)$/.exec(f.label);
    if (m) {
      // A parameter returned only after it was made clean (`if x in ALLOWED: return x`) is not returned.
      if (f.cleanFor.has('*')) continue;
      summary.toReturn.add(Number(m[1]));
      if (f.cleanFor.size > 0) (summary.returnCleanFor ??= new Map()).set(Number(m[1]), [...f.cleanFor].sort());
      if (f.member !== undefined) (summary.returnMember ??= new Map()).set(Number(m[1]), f.member);
    } else if (f.label === 'source') summary.returnsSources.push(f);
  }
  for (const hit of file.hits.slice(before)) {
    for (const f of hit.facts) {
      const m = /^param:(\d+)$/.exec(f.label);
      if (m) summary.toSinks.push({ param: Number(m[1]), kind: hit.kind, sinkText: hit.sinkText, trace: f.trace.slice(1), cleanFor: f.cleanFor, ...(f.member !== undefined ? { member: f.member } : {}) });
    }
  }
  summary.toSinks = dedupeSinks(summary.toSinks);
  return summary;
}

function dedupeSinks(list: Summary['toSinks']): Summary['toSinks'] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const key = `${s.param}:${s.kind}:${s.sinkText}:${s.member ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sourceKinds(rule: Rule): Set<string> {
  const raw = rule.taint?.sources;
  return new Set(Array.isArray(raw) ? raw.map(String) : ['remote', 'dom']);
}

function sinkKinds(rule: Rule): Set<string> {
  const raw = rule.taint?.sinks;
  return new Set(Array.isArray(raw) ? raw.map(String) : []);
}

function message(rule: Rule, fact: Fact, sinkText: string): string {
  // A sink with a label (`the HTML response`) reads as prose, not as code.
  const prose = /^(the|an?) /.test(sinkText);
  return rule.message
    .replace(/\{\{\s*source\s*\}\}/g, fact.sourceText)
    .replace(/`?\{\{\s*sink\s*\}\}`?/g, (m) => (prose ? sinkText : m.startsWith('`') ? `\`${sinkText.replace(/^`|`$/g, '')}\`` : sinkText));
}

/** `local`: summaries of the file's named functions, for fixes that call one of them. */
export function hitsToFindings(hits: SinkHit[], rules: readonly Rule[], ctx?: FileContext, local?: ReadonlyMap<string, Summary>): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  // One finding per rule and line: the innermost sink (`text(...)` inside `execute(...)`).
  const ordered = [...hits].sort((a, b) => a.node.endIndex - a.node.startIndex - (b.node.endIndex - b.node.startIndex));
  for (const rule of rules) {
    const sinks = sinkKinds(rule);
    const sources = sourceKinds(rule);
    for (const hit of ordered) {
      if (!sinks.has(hit.kind)) continue;
      const fact = hit.facts.find((f) => sources.has(f.kind));
      if (!fact) continue;
      const anchor = nodeRange(hit.node);
      const key = `${rule.id}:${anchor.start.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const fixes = ctx ? taintFixes(ctx, hit, local) : [];
      const range = nodeRange(hit.at ?? hit.arg ?? hit.node);
      out.push({ ...ruleFinding(rule, range, message(rule, fact, hit.sinkText), fixes, anchor), trace: fact.trace });
    }
  }
  return out;
}

export type ModelsByFamily = Map<Family, TaintModels>;
export { isFunctionNode };

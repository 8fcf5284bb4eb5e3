/**
 * Function summaries (context.ts `Summary`) as plain JSON, for the summaries file of a sharded
 * scan (`ward summaries`, `ward scan --summaries`): sets and maps become arrays, and the file
 * of each trace step is written relative to the project root, so that the file made in one CI
 * job's checkout reads the same in another job's (whose checkout may be elsewhere).
 *
 * Reading checks every field: a file edited by hand or cut short gives `undefined` for the
 * module (the scan then summarises that module itself), never a summary of the wrong shape.
 */
import type { Position, Range, TraceStep } from '../engine/finding';
import type { ModuleSummaries } from '../engine/summaryTypes';
import type { Reexport } from '../languages/taintSyntax';
import type { Summary } from './context';
import { isPassedOn, ModuleEntry } from './crossFile';
import type { Fact } from './facts';

interface FactData {
  label: string;
  kind: string;
  sourceText: string;
  trace: TraceStep[];
  cleanFor: string[];
  survives?: boolean;
}

interface SinkData {
  param: number;
  kind: string;
  sinkText: string;
  trace: TraceStep[];
  cleanFor: string[];
  member?: string;
}

interface PassedOnData {
  passedOn: { name: string; spec: string; member?: string }[];
}

interface SummaryData {
  toReturn: number[];
  returnCleanFor?: [number, string[]][];
  returnMember?: [number, string][];
  checks?: [number, string[]][];
  returnsSources: FactData[];
  toSinks: SinkData[];
}

const stepsOut = (trace: readonly TraceStep[], relative: (path: string) => string): TraceStep[] => trace.map((s) => (s.file ? { ...s, file: relative(s.file) } : s));

/** `summaries` (one module's, as exportedSummaries made them) as JSON data; `relative` maps an absolute path to the root-relative one. */
export function summariesToData(summaries: ModuleSummaries, relative: (path: string) => string): Record<string, SummaryData | PassedOnData> {
  const out: Record<string, SummaryData | PassedOnData> = {};
  for (const [name, value] of summaries) {
    const entry = value as ModuleEntry;
    if (isPassedOn(entry)) {
      out[name] = { passedOn: entry.passedOn.map((r) => ({ ...r })) };
      continue;
    }
    const s = entry;
    out[name] = {
      toReturn: [...s.toReturn],
      ...(s.returnCleanFor ? { returnCleanFor: [...s.returnCleanFor] } : {}),
      ...(s.returnMember ? { returnMember: [...s.returnMember] } : {}),
      ...(s.checks ? { checks: [...s.checks] } : {}),
      returnsSources: s.returnsSources.map((f) => ({ label: f.label, kind: f.kind, sourceText: f.sourceText, trace: stepsOut(f.trace, relative), cleanFor: [...f.cleanFor], ...(f.survives ? { survives: true } : {}) })),
      toSinks: s.toSinks.map((t) => ({ param: t.param, kind: t.kind, sinkText: t.sinkText, trace: stepsOut(t.trace, relative), cleanFor: [...t.cleanFor], ...(t.member !== undefined ? { member: t.member } : {}) })),
    };
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isPosition = (v: unknown): v is Position => isObject(v) && isInt(v.line) && isInt(v.character);
const isRange = (v: unknown): v is Range => isObject(v) && isPosition(v.start) && isPosition(v.end);

function stepsIn(v: unknown, absolute: (path: string) => string): TraceStep[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: TraceStep[] = [];
  for (const s of v) {
    if (!isObject(s) || !isRange(s.range) || typeof s.message !== 'string' || (s.file !== undefined && typeof s.file !== 'string')) return undefined;
    out.push(typeof s.file === 'string' ? { range: s.range, message: s.message, file: absolute(s.file) } : { range: s.range, message: s.message });
  }
  return out;
}

function factIn(v: unknown, absolute: (path: string) => string): Fact | undefined {
  if (!isObject(v) || typeof v.label !== 'string' || typeof v.kind !== 'string' || typeof v.sourceText !== 'string' || !isStrings(v.cleanFor)) return undefined;
  const trace = stepsIn(v.trace, absolute);
  if (!trace) return undefined;
  return { label: v.label, kind: v.kind, sourceText: v.sourceText, trace, cleanFor: new Set(v.cleanFor), ...(v.survives === true ? { survives: true } : {}) };
}

function summaryIn(v: unknown, absolute: (path: string) => string): Summary | undefined {
  if (!isObject(v) || !Array.isArray(v.toReturn) || !v.toReturn.every(isInt) || !Array.isArray(v.returnsSources) || !Array.isArray(v.toSinks)) return undefined;
  let returnCleanFor: Map<number, string[]> | undefined;
  if (v.returnCleanFor !== undefined) {
    if (!Array.isArray(v.returnCleanFor) || !v.returnCleanFor.every((e) => Array.isArray(e) && e.length === 2 && isInt(e[0]) && isStrings(e[1]))) return undefined;
    returnCleanFor = new Map(v.returnCleanFor as [number, string[]][]);
  }
  let returnMember: Map<number, string> | undefined;
  if (v.returnMember !== undefined) {
    if (!Array.isArray(v.returnMember) || !v.returnMember.every((e) => Array.isArray(e) && e.length === 2 && isInt(e[0]) && typeof e[1] === 'string')) return undefined;
    returnMember = new Map(v.returnMember as [number, string][]);
  }
  let checks: Map<number, string[]> | undefined;
  if (v.checks !== undefined) {
    if (!Array.isArray(v.checks) || !v.checks.every((e) => Array.isArray(e) && e.length === 2 && isInt(e[0]) && isStrings(e[1]))) return undefined;
    checks = new Map(v.checks as [number, string[]][]);
  }
  const returnsSources: Fact[] = [];
  for (const f of v.returnsSources) {
    const fact = factIn(f, absolute);
    if (!fact) return undefined;
    returnsSources.push(fact);
  }
  const toSinks: Summary['toSinks'] = [];
  for (const t of v.toSinks) {
    if (!isObject(t) || !isInt(t.param) || typeof t.kind !== 'string' || typeof t.sinkText !== 'string' || !isStrings(t.cleanFor) || (t.member !== undefined && typeof t.member !== 'string')) return undefined;
    const trace = stepsIn(t.trace, absolute);
    if (!trace) return undefined;
    toSinks.push({ param: t.param, kind: t.kind, sinkText: t.sinkText, trace, cleanFor: new Set(t.cleanFor), ...(typeof t.member === 'string' ? { member: t.member } : {}) });
  }
  return { toReturn: new Set(v.toReturn as number[]), ...(returnCleanFor ? { returnCleanFor } : {}), ...(returnMember ? { returnMember } : {}), ...(checks ? { checks } : {}), returnsSources, toSinks };
}

function passedOnIn(v: unknown): Reexport[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: Reexport[] = [];
  for (const r of v) {
    if (!isObject(r) || typeof r.name !== 'string' || typeof r.spec !== 'string' || (r.member !== undefined && typeof r.member !== 'string')) return undefined;
    out.push(typeof r.member === 'string' ? { name: r.name, spec: r.spec, member: r.member } : { name: r.name, spec: r.spec });
  }
  return out;
}

/** One module's summaries from JSON data (see summariesToData); undefined when any part is malformed. */
export function summariesFromData(data: unknown, absolute: (path: string) => string): ModuleSummaries | undefined {
  if (!isObject(data)) return undefined;
  const out: ModuleSummaries = new Map();
  for (const [name, value] of Object.entries(data)) {
    if (isObject(value) && 'passedOn' in value) {
      const passedOn = passedOnIn(value.passedOn);
      if (!passedOn) return undefined;
      out.set(name, { passedOn });
      continue;
    }
    const s = summaryIn(value, absolute);
    if (!s) return undefined;
    out.set(name, s);
  }
  return out;
}

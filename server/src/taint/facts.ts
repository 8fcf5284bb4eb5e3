/** Taint facts: where a value's taint came from and the steps it took on the way. */
import type { SyntaxNode } from '../languages/parser';
import type { TraceStep } from '../engine/finding';
import { nodeRange } from '../engine/fileContext';

export interface Fact {
  /** `source` for real taint; `param:N` while computing a function summary. */
  label: string;
  /** Source kind (remote, env, …); empty for parameter labels. */
  kind: string;
  /** Code text of the source, for messages (`req.query.dir`). */
  sourceText: string;
  trace: TraceStep[];
  /** Sink kinds this value has been sanitised for; `*` for all. */
  cleanFor: ReadonlySet<string>;
  /** The source's value survives conversions (SourceModel.survives): `*` sanitizers keep it. */
  survives?: boolean;
  /** Members of the source's objects the server fills in (SourceModel.serverMembers): reading one gives no input. */
  serverMembers?: ReadonlySet<string>;
  /**
   * For a `param:N` fact: the value is that member of the parameter (`options.url`,
   * `file.path`), not the whole of it, so a caller reads that member of its argument.
   * Absent: the parameter itself (or several of its members).
   */
  member?: string;
}

export type Taint = readonly Fact[];
export const CLEAN: Taint = Object.freeze([]);

const MAX_FACTS = 4;
const MAX_TRACE = 12;

export function snippet(node: SyntaxNode): string {
  const t = node.text.replace(/\s+/g, ' ').trim();
  return t.length > 50 ? `${t.slice(0, 49)}…` : t;
}

export function step(node: SyntaxNode, message: string, file?: string): TraceStep {
  return file ? { range: nodeRange(node), message, file } : { range: nodeRange(node), message };
}

/** The kinds both sets are clean for (`*` is every kind). */
export function cleanForBoth(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  if (a === b || b.has('*')) return a;
  if (a.has('*')) return b;
  const both = [...a].filter((k) => b.has(k));
  return both.length === a.size ? a : new Set(both);
}

/**
 * Union that keeps at most a few facts per value, one per label+kind+source. The same source
 * reached two ways (sanitised on one branch, not on the other) stays live for every kind that
 * one of the ways leaves it live for.
 */
export function union(...sets: Taint[]): Taint {
  let out: Fact[] | undefined;
  for (const set of sets) {
    if (set.length === 0) continue;
    if (!out) {
      out = [...set];
      continue;
    }
    for (const f of set) {
      const i = out.findIndex((o) => o.label === f.label && o.kind === f.kind && o.sourceText === f.sourceText);
      if (i >= 0) {
        const o = out[i]!;
        if (o.cleanFor.size > 0) {
          const both = cleanForBoth(o.cleanFor, f.cleanFor);
          if (both !== o.cleanFor) out[i] = { ...o, cleanFor: both };
        }
        // A parameter reached through two members is what holds both (`url` for `url` and
        // `url.host`), or the whole parameter.
        if (o.member !== undefined && o.member !== f.member) out[i] = { ...out[i]!, member: commonMember(o.member, f.member) };
        continue;
      }
      if (out.length < MAX_FACTS) out.push(f);
    }
  }
  return out ?? CLEAN;
}

/** The longest member path both lie under (`url` for `url.host` and `url`); undefined: the whole value. */
function commonMember(a: string, b: string | undefined): string | undefined {
  if (b === undefined) return undefined;
  const x = a.split('.');
  const y = b.split('.');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n > 0 ? x.slice(0, n).join('.') : undefined;
}

export function withStep(taint: Taint, s: TraceStep): Taint {
  if (taint.length === 0) return taint;
  return taint.map((f) => {
    const last = f.trace[f.trace.length - 1];
    if (last && last.range.start.line === s.range.start.line && last.range.start.character === s.range.start.character && last.file === s.file) return f;
    return { ...f, trace: f.trace.length >= MAX_TRACE ? [...f.trace.slice(0, 2), ...f.trace.slice(-(MAX_TRACE - 3)), s] : [...f.trace, s] };
  });
}

export function sanitize(taint: Taint, kinds: readonly string[]): Taint {
  if (taint.length === 0) return taint;
  if (kinds.includes('*')) return survivors(taint);
  return taint.map((f) => ({ ...f, cleanFor: new Set([...f.cleanFor, ...kinds]) }));
}

/** The facts whose value a conversion, a hash or a check does not end (`Math.floor(Math.random() * 1e6)`). */
export function survivors(taint: Taint): Taint {
  return taint.some((f) => f.survives) ? taint.filter((f) => f.survives) : CLEAN;
}

/** Facts no longer clean for `kinds` (`json.loads(s)`: a string becomes objects again). */
export function revive(taint: Taint, kinds: readonly string[]): Taint {
  return taint.map((f) => (kinds.some((k) => f.cleanFor.has(k)) ? { ...f, cleanFor: new Set([...f.cleanFor].filter((k) => !kinds.includes(k))) } : f));
}

/** The facts that still matter for a sink of `kind`. */
export function liveFor(taint: Taint, kind: string): Fact[] {
  return taint.filter((f) => !f.cleanFor.has(kind) && !f.cleanFor.has('*'));
}

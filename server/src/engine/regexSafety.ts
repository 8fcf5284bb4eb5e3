/**
 * Decides, from its structure alone, how much work a backtracking engine (JavaScript's
 * RegExp) can do matching a regular expression, and says which part of it is at fault.
 *
 *   checkRegex('^(a+)+$')  → exponential: nested quantifier `(a+)+` at offset 1
 *   checkRegex('\\s*#?\\s*$') → polynomial, degree 3 (cubic in the input length)
 *   checkRegex('^[a-z]+$') → linear
 *
 * The pattern is parsed (regex/syntax.ts), turned into the automaton the matcher explores
 * (regex/automaton.ts) and tested for exponential and polynomial ambiguity
 * (regex/ambiguity.ts). Verdicts err on the side of danger: a pattern is called linear
 * only when that is shown. Lookarounds are read as conditions that take no text; their
 * bodies must have a bounded length (else "unknown"). Backreferences cannot be bounded:
 * the rest of the pattern is still analysed, and a pattern with one is never "linear".
 */
import { analyseAmbiguity } from './regex/ambiguity';
import { Automaton, buildAutomaton, Span, TooComplex } from './regex/automaton';
import { Node, parseRegex, Parsed, RegexSyntaxError } from './regex/syntax';

export type RegexRisk = 'linear' | 'polynomial' | 'exponential' | 'unknown' | 'invalid';

export interface RegexVerdict {
  risk: RegexRisk;
  /** Worst-case matching time as a power of the input length: 1 linear, 2 quadratic…; Infinity when exponential. */
  degree: number;
  reason: string;
  /** The part of the pattern at fault (offsets into the source). */
  start?: number;
  end?: number;
}

export interface CheckOptions {
  /**
   * The pattern looks for a match anywhere (`test`, `exec`, `search`), so an unanchored
   * pattern is retried at every position. Default true; false for a whole-string match.
   */
  search?: boolean;
}

/** Exponential, or polynomial of degree 3 or more: a few thousand characters take minutes. */
export function isCatastrophic(v: RegexVerdict): boolean {
  return v.risk === 'exponential' || (v.risk === 'polynomial' && v.degree >= 3);
}

export function checkRegex(source: string, flags = '', options: CheckOptions = {}): RegexVerdict {
  try {
    new RegExp(source, flags);
  } catch (err) {
    return { risk: 'invalid', degree: NaN, reason: (err as Error).message };
  }
  let parsed: Parsed;
  try {
    parsed = parseRegex(source, flags);
  } catch (err) {
    const offset = err instanceof RegexSyntaxError ? err.offset : undefined;
    return { risk: 'unknown', degree: NaN, reason: `not analysed: ${(err as Error).message}`, start: offset };
  }
  try {
    return analyse(source, parsed, parsed.root, options.search ?? true, false);
  } catch (err) {
    if (err instanceof TooComplex) return { risk: 'unknown', degree: NaN, reason: `too large to analyse (${err.message})` };
    throw err;
  }
}

function snippet(source: string, span: Span | undefined): string {
  if (!span) return '';
  const text = source.slice(span.start, span.end);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function at(source: string, span: Span): string {
  return `\`${snippet(source, span)}\` at offset ${span.start}`;
}

function analyse(source: string, parsed: Parsed, root: Node, search: boolean, noFinal: boolean): RegexVerdict {
  const a = buildAutomaton(parsed, root, { search, noFinal });
  const amb = analyseAmbiguity(a);
  if (amb.exponential) return exponential(source, a, amb.exponential, amb.doubleRoute);
  for (const check of a.boundedChecks) {
    const repeated: Node = { type: 'repeat', body: check.body, min: 1, max: Infinity, lazy: false, start: check.span.start, end: check.span.end };
    const inner = analyseAmbiguity(buildAutomaton(parsed, repeated, { search: false, noFinal: true }));
    if (inner.exponential) {
      return { risk: 'exponential', degree: Infinity, reason: `${at(source, check.span)} can match the same text in up to 2^${check.count} ways`, ...check.span };
    }
  }
  let verdict = amb.degree >= 2 ? polynomial(source, a, amb.degree, amb.chain) : undefined;
  for (const look of a.lookarounds) {
    if (look.type !== 'look') continue;
    const span = { start: look.start, end: look.end };
    const inner = analyse(source, parsed, look.body, false, true);
    if (inner.risk === 'exponential') return inner;
    if (inner.risk === 'unknown') verdict ??= inner;
    else if (unbounded(look.body)) {
      // Each time the matcher passes the lookaround it reads ahead (or back) again.
      const degree = Math.max(amb.degree, 1) + inner.degree;
      if (!verdict || verdict.risk !== 'polynomial' || verdict.degree < degree) {
        verdict = { risk: 'polynomial', degree, reason: `lookaround ${at(source, span)} reads text of unbounded length each time it is tried: a failing match takes ${POWER[degree] ?? `degree ${degree}`} time in the input length`, ...span };
      }
    }
  }
  if (a.backrefs.length > 0) {
    const span = a.backrefs[0]!;
    verdict ??= { risk: 'unknown', degree: NaN, reason: `backreference ${at(source, span)}: matching with backreferences cannot be bounded`, ...span };
  }
  return verdict ?? { risk: 'linear', degree: 1, reason: 'every character is read in a bounded number of ways' };
}

/** The innermost unbounded repetition around all the given states. */
function commonLoop(a: Automaton, states: number[]): Span | undefined {
  const lists = states.map((s) => a.loops[s] ?? []).filter((l) => l.length > 0);
  if (lists.length === 0) return undefined;
  let common: Span | undefined;
  for (let depth = 0; ; depth++) {
    const span = lists[0]![depth];
    if (!span || !lists.every((l) => l[depth] === span)) return common;
    common = span;
  }
}

function exponential(source: string, a: Automaton, states: number[], doubleRoute?: number): RegexVerdict {
  let loop = commonLoop(a, states);
  // One step with two routes back (`(a+)+`): the second route is the loop around the innermost one.
  if (doubleRoute !== undefined) {
    const loops = a.loops[doubleRoute] ?? [];
    if (loops.length >= 2) loop = loops[loops.length - 2];
  }
  if (!loop) return { risk: 'exponential', degree: Infinity, reason: 'the pattern can match the same text in exponentially many ways' };
  const nested = states.some((s) => (a.loops[s] ?? []).some((l) => l !== loop && l.start >= loop.start && l.end <= loop.end));
  const what = nested ? `nested quantifier ${at(source, loop)}` : `${at(source, loop)} (its alternatives or parts overlap)`;
  return { risk: 'exponential', degree: Infinity, reason: `${what} can match the same text in exponentially many ways`, ...loop };
}

const POWER = ['', 'linear', 'quadratic', 'cubic'];

function polynomial(source: string, a: Automaton, degree: number, chain: number[]): RegexVerdict {
  const parts: string[] = [];
  const counts: number[] = [];
  let first: Span | undefined;
  for (const s of chain) {
    const loops = a.loops[s] ?? [];
    const span = s === a.searchState ? undefined : loops[loops.length - 1] ?? a.spans[s];
    const text = s === a.searchState ? 'the retry at every start position' : span ? at(source, span) : undefined;
    if (!text) continue;
    first ??= span;
    // Copies made by a counted repetition (`(.*a){12}`) are one place in the pattern.
    if (parts[parts.length - 1] === text) counts[counts.length - 1]!++;
    else {
      parts.push(text);
      counts.push(1);
    }
  }
  parts.forEach((p, i) => (parts[i] = counts[i]! > 1 ? `${p} (${counts[i]} copies)` : p));
  const power = POWER[degree] ?? `degree ${degree}`;
  const which = parts.length >= 2 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]} can read the same text` : parts.length === 1 ? `${parts[0]} is retried on the same text` : 'parts of the pattern overlap';
  return { risk: 'polynomial', degree, reason: `${which}: a failing match takes ${power} time in the input length`, ...(first ?? {}) };
}

function unbounded(n: Node): boolean {
  switch (n.type) {
    case 'repeat':
      return n.max === Infinity || unbounded(n.body);
    case 'seq':
      return n.items.some(unbounded);
    case 'alt':
      return n.alts.some(unbounded);
    case 'group':
    case 'look':
      return unbounded(n.body);
    case 'backref':
      return true;
    default:
      return false;
  }
}

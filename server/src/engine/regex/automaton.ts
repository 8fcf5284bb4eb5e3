/**
 * Builds the ε-free automaton a backtracking matcher explores for a parsed regex: one state
 * per character step (Glushkov positions), with every edge counting how many distinct
 * ε-routes lead from one step to the next (`(a*)*` has two routes from `a` back to `a`,
 * which is exactly what makes it explode). JavaScript's rule that an optional iteration
 * must consume something is built in: such ε-cycles are never counted.
 *
 * Assertions and lookarounds are ε-steps that may fail: they count as routes (more paths
 * than the truth, never fewer), but a state behind one is not "final" (see `final`).
 */
import { CharSet } from './charSet';
import type { Node, Parsed } from './syntax';

export interface Span {
  start: number;
  end: number;
}

export interface Automaton {
  /** What each state reads on the way in; state 0 is the start and reads nothing. */
  sets: CharSet[];
  /** Where each state's character step is in the pattern. */
  spans: (Span | undefined)[];
  /** Unbounded repetitions around each state (innermost last), for explanations. */
  loops: Span[][];
  /**
   * Whether a state is inside an unbounded repetition of the pattern. A bounded one too
   * long to unroll is analysed as a loop, but repeating it cannot grow with the input.
   */
  growing: boolean[];
  /** edges[p]: target → number of distinct routes (1, or 2 meaning "two or more"). */
  edges: Map<number, number>[];
  /**
   * States from which the match ends with no further condition: once a backtracking
   * matcher reaches one, the attempt succeeds before it ever backtracks past it.
   */
  final: boolean[];
  /** The state standing for "try again one character later", when the search is unanchored. */
  searchState?: number;
  /** Bounded repetitions whose body, repeated, must be checked for exponential routes. */
  boundedChecks: { body: Node; span: Span; count: number }[];
  lookarounds: Node[];
  backrefs: Span[];
}

export class TooComplex extends Error {}

interface Frag {
  first: Map<number, number>;
  last: Map<number, number>;
  /** Routes through the fragment that read nothing. */
  empty: number;
  /** Last states that reach the fragment's end without passing a condition. */
  lastSure: Set<number>;
  emptySure: boolean;
}

const sat = (n: number): number => (n >= 2 ? 2 : n);

function addWays(into: Map<number, number>, from: Map<number, number>, factor: number): void {
  if (factor === 0) return;
  for (const [k, v] of from) into.set(k, sat((into.get(k) ?? 0) + v * factor));
}

const EMPTY: Frag = { first: new Map(), last: new Map(), empty: 1, lastSure: new Set(), emptySure: true };
const CONDITION: Frag = { first: new Map(), last: new Map(), empty: 1, lastSure: new Set(), emptySure: false };

export interface BuildOptions {
  search: boolean;
  /** No state is final: for a piece analysed out of its context (a repeated body, a lookaround). */
  noFinal?: boolean;
  maxStates?: number;
  maxEdges?: number;
}

export function buildAutomaton(parsed: Parsed, root: Node, options: BuildOptions): Automaton {
  return new Builder(parsed, options).build(root);
}

/** Bounded repetitions up to this many iterations (all nesting multiplied) are checked for exponential routes. */
const BOUNDED_EXPONENT = 16;

class Builder {
  private readonly a: Automaton = { sets: [CharSet.of([])], spans: [undefined], loops: [[]], growing: [false], edges: [new Map()], final: [false], boundedChecks: [], lookarounds: [], backrefs: [] };
  private readonly loopStack: Span[] = [];
  private unboundedDepth = 0;
  private boundedProduct = 1;
  private edgeCount = 0;
  private readonly maxStates: number;
  private readonly maxEdges: number;

  constructor(private readonly parsed: Parsed, private readonly options: BuildOptions) {
    this.maxStates = options.maxStates ?? 2000;
    this.maxEdges = options.maxEdges ?? 200_000;
  }

  build(root: Node): Automaton {
    const f = this.frag(root);
    const a = this.a;
    for (const [q, w] of f.first) this.edge(0, q, w);
    if (!this.options.noFinal) {
      for (const p of f.lastSure) a.final[p] = true;
      a.final[0] = f.emptySure;
    }
    // An unanchored search retries at every later position unless the first attempt surely succeeds.
    if (this.options.search && !a.final[0] && !this.anchored(root)) {
      const s = this.state(CharSet.of([[0, this.parsed.maxChar]]), undefined);
      a.searchState = s;
      a.growing[s] = true;
      this.edge(0, s, 1);
      this.edge(s, s, 1);
      for (const [q, w] of f.first) this.edge(s, q, w);
    }
    return a;
  }

  private anchored(root: Node): boolean {
    if (this.parsed.flags.sticky) return true;
    if (this.parsed.flags.multiline) return false;
    const startsAnchored = (n: Node): boolean =>
      n.type === 'assert' ? n.kind === 'start'
      : n.type === 'seq' ? n.items.length > 0 && startsAnchored(n.items[0]!)
      : n.type === 'alt' ? n.alts.every(startsAnchored)
      : n.type === 'group' ? startsAnchored(n.body)
      : false;
    return startsAnchored(root);
  }

  private state(set: CharSet, span: Span | undefined): number {
    const a = this.a;
    if (a.sets.length >= this.maxStates) throw new TooComplex(`more than ${this.maxStates} character steps`);
    a.sets.push(this.parsed.flags.ignoreCase ? set.caseClosed() : set);
    a.spans.push(span);
    a.loops.push([...this.loopStack]);
    a.growing.push(this.unboundedDepth > 0);
    a.edges.push(new Map());
    a.final.push(false);
    return a.sets.length - 1;
  }

  private edge(p: number, q: number, ways: number): void {
    const m = this.a.edges[p]!;
    const before = m.get(q);
    if (before === undefined && ++this.edgeCount > this.maxEdges) throw new TooComplex(`more than ${this.maxEdges} transitions`);
    m.set(q, sat((before ?? 0) + ways));
  }

  private link(from: Map<number, number>, to: Map<number, number>): void {
    for (const [p, wp] of from) for (const [q, wq] of to) this.edge(p, q, sat(wp * wq));
  }

  private frag(n: Node): Frag {
    switch (n.type) {
      case 'char': {
        const s = this.state(n.set, { start: n.start, end: n.end });
        return { first: new Map([[s, 1]]), last: new Map([[s, 1]]), empty: 0, lastSure: new Set([s]), emptySure: false };
      }
      case 'seq':
        return n.items.reduce<Frag>((acc, item) => this.concat(acc, this.frag(item)), EMPTY);
      case 'alt':
        return n.alts.map((x) => this.frag(x)).reduce((a, b) => this.union(a, b));
      case 'group':
        return this.frag(n.body);
      case 'assert':
        return CONDITION;
      case 'look':
        this.a.lookarounds.push(n);
        return CONDITION;
      case 'backref':
        this.a.backrefs.push({ start: n.start, end: n.end });
        return CONDITION;
      case 'repeat':
        return this.repeat(n);
    }
  }

  private concat(a: Frag, b: Frag): Frag {
    this.link(a.last, b.first);
    const first = new Map(a.first);
    addWays(first, b.first, a.empty);
    const last = new Map(b.last);
    addWays(last, a.last, b.empty);
    return {
      first,
      last,
      empty: sat(a.empty * b.empty),
      lastSure: b.emptySure ? new Set([...b.lastSure, ...a.lastSure]) : b.lastSure,
      emptySure: a.emptySure && b.emptySure,
    };
  }

  private union(a: Frag, b: Frag): Frag {
    const first = new Map(a.first);
    addWays(first, b.first, 1);
    const last = new Map(a.last);
    addWays(last, b.last, 1);
    return { first, last, empty: sat(a.empty + b.empty), lastSure: new Set([...a.lastSure, ...b.lastSure]), emptySure: a.emptySure || b.emptySure };
  }

  /** An iteration that is optional must read something (JavaScript drops empty ones). */
  private nonEmpty(f: Frag): Frag {
    return { ...f, empty: 0, emptySure: false };
  }

  private optional(f: Frag): Frag {
    return { ...f, empty: 1, emptySure: true };
  }

  private repeat(n: Extract<Node, { type: 'repeat' }>): Frag {
    const span = { start: n.start, end: n.end };
    let { min, max } = n;
    if (max === 0) return EMPTY;
    const reallyUnbounded = max === Infinity;
    if (max !== Infinity && max > 1) {
      const count = this.boundedProduct * max;
      if (count >= BOUNDED_EXPONENT) this.a.boundedChecks.push({ body: n.body, span, count });
      // Unrolling costs a state per step; past the budget the bound is dropped (more routes, never fewer).
      if (this.a.sets.length + countSteps(n.body) * max > this.maxStates / 2) {
        min = Math.min(min, 1);
        max = Infinity;
      }
    }
    let result = EMPTY;
    if (max === Infinity) {
      this.loopStack.push(span);
      if (reallyUnbounded) this.unboundedDepth++;
      for (let k = 1; k < min; k++) result = this.concat(result, this.frag(n.body));
      const body = this.frag(n.body);
      this.link(body.last, body.first);
      result = this.concat(result, min >= 1 ? body : this.optional(this.nonEmpty(body)));
      this.loopStack.pop();
      if (reallyUnbounded) this.unboundedDepth--;
      return result;
    }
    const saved = this.boundedProduct;
    this.boundedProduct *= max;
    for (let k = 0; k < min; k++) result = this.concat(result, this.frag(n.body));
    // Optional iterations nest: x{0,3} is (x(x(x)?)?)?, so each count has one route.
    const optionalCopies = max - min;
    if (optionalCopies > 0) {
      const copies: Frag[] = [];
      for (let k = 0; k < optionalCopies; k++) copies.push(this.nonEmpty(this.frag(n.body)));
      let tail = this.optional(copies[optionalCopies - 1]!);
      for (let k = optionalCopies - 2; k >= 0; k--) tail = this.optional(this.concat(copies[k]!, tail));
      result = this.concat(result, tail);
    }
    this.boundedProduct = saved;
    return result;
  }
}

function countSteps(n: Node): number {
  switch (n.type) {
    case 'char':
      return 1;
    case 'seq':
      return n.items.reduce((s, x) => s + countSteps(x), 0);
    case 'alt':
      return n.alts.reduce((s, x) => s + countSteps(x), 0);
    case 'group':
      return countSteps(n.body);
    case 'repeat':
      return countSteps(n.body) * (n.max === Infinity ? Math.max(1, n.min) : n.max);
    default:
      return 0;
  }
}

/**
 * How many ways an automaton can read the same text (Weber & Seidl's criteria, as used
 * for backtracking matchers by Weideman, van der Merwe, Berglund and Watson, 2016):
 *
 * - exponential (EDA): some state has two distinct cycles reading the same word. Tested
 *   per strongly connected component on the product automaton: a component of the
 *   product that holds a diagonal pair (q, q) and an edge made of two different edges.
 * - polynomial of degree d (IDA): a chain of d+1 loops where each pair (p, q) can loop
 *   at p, go from p to q, and loop at q, all on one word; tested on the triple product
 *   from (p, p, q) to (p, q, q).
 *
 * A backtracking matcher's work on one attempt is bounded by the partial paths it
 * explores, so ambiguity of degree d costs O(n^(d+1)) time. Final states (see
 * automaton.ts) are taken out first: nodes of the search tree at final states form a
 * single chain, since the attempt succeeds below the first one it enters.
 */
import type { Automaton } from './automaton';
import { TooComplex } from './automaton';
import type { CharSet } from './charSet';

export interface Ambiguity {
  /** States of a component with two cycles on one word, if any. */
  exponential?: number[];
  /** When one step has two routes to another (`(a*)*`): that step. */
  doubleRoute?: number;
  /** Worst-case time of one match (or of the whole search) as a power of the input length. */
  degree: number;
  /** The loops (one state each) that make the degree, in order. */
  chain: number[];
}

/** Tarjan's algorithm without recursion; components come out in reverse topological order. */
export function components(n: number, succ: (v: number) => Iterable<number>, include: (v: number) => boolean): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (!include(root) || index[root] !== -1) continue;
    const work: { v: number; it: Iterator<number> }[] = [{ v: root, it: succ(root)[Symbol.iterator]() }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const next = top.it.next();
      if (!next.done) {
        const w = next.value;
        if (!include(w)) continue;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push({ v: w, it: succ(w)[Symbol.iterator]() });
        } else if (onStack[w]) low[top.v] = Math.min(low[top.v]!, index[w]!);
        continue;
      }
      work.pop();
      if (work.length > 0) low[work[work.length - 1]!.v] = Math.min(low[work[work.length - 1]!.v]!, low[top.v]!);
      if (low[top.v] === index[top.v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== top.v);
        out.push(comp);
      }
    }
  }
  return out;
}

class Overlaps {
  private readonly pair = new Map<string, boolean>();
  private readonly triple = new Map<string, boolean>();
  private readonly ids = new Map<string, number>();
  private readonly setId: number[];

  constructor(private readonly sets: CharSet[]) {
    this.setId = sets.map((s) => {
      const k = s.key();
      let id = this.ids.get(k);
      if (id === undefined) this.ids.set(k, (id = this.ids.size));
      return id;
    });
  }

  two(p: number, q: number): boolean {
    const a = this.setId[p]!;
    const b = this.setId[q]!;
    if (a === b) return !this.sets[p]!.isEmpty();
    const k = a < b ? `${a},${b}` : `${b},${a}`;
    let r = this.pair.get(k);
    if (r === undefined) this.pair.set(k, (r = this.sets[p]!.intersects(this.sets[q]!)));
    return r;
  }

  three(p: number, q: number, r: number): boolean {
    if (!this.two(p, q) || !this.two(q, r) || !this.two(p, r)) return false;
    const ids = [this.setId[p]!, this.setId[q]!, this.setId[r]!].sort((x, y) => x - y);
    const k = ids.join(',');
    let v = this.triple.get(k);
    if (v === undefined) this.triple.set(k, (v = !this.sets[p]!.intersect(this.sets[q]!).intersect(this.sets[r]!).isEmpty()));
    return v;
  }
}

const MAX_WORK = 3_000_000;

export function analyseAmbiguity(a: Automaton): Ambiguity {
  const n = a.sets.length;
  const reachable = new Uint8Array(n);
  const todo = [0];
  reachable[0] = 1;
  while (todo.length > 0) {
    for (const q of a.edges[todo.pop()!]!.keys()) {
      if (!reachable[q]) {
        reachable[q] = 1;
        todo.push(q);
      }
    }
  }
  const live = (v: number): boolean => reachable[v] === 1 && !a.final[v];
  const succ = (v: number): Iterable<number> => a.edges[v]!.keys();
  const overlaps = new Overlaps(a.sets);
  let work = 0;
  const spend = (k: number): void => {
    work += k;
    if (work > MAX_WORK) throw new TooComplex('the ambiguity test needs too many steps');
  };

  const comps = components(n, succ, live);
  const compOf = new Int32Array(n).fill(-1);
  comps.forEach((c, i) => c.forEach((v) => (compOf[v] = i)));
  const cyclic = comps.map((c) => c.length > 1 || a.edges[c[0]!]!.has(c[0]!));

  for (let i = 0; i < comps.length; i++) {
    if (!cyclic[i]) continue;
    for (const v of comps[i]!) {
      for (const [w, ways] of a.edges[v]!) if (ways >= 2 && compOf[w] === i) return { exponential: comps[i], doubleRoute: v, degree: Infinity, chain: [] };
    }
    if (exponentialIn(a, comps[i]!, compOf, i, overlaps, spend)) return { exponential: comps[i], degree: Infinity, chain: [] };
  }

  // Components reachable from each component (through live states), in topological order.
  const order = comps.map((_, i) => i).reverse();
  const reach = comps.map(() => new Set<number>());
  for (const i of [...order].reverse()) {
    for (const v of comps[i]!) {
      for (const w of succ(v)) {
        if (!live(w) || compOf[w] === i) continue;
        const j = compOf[w]!;
        reach[i]!.add(j);
        for (const k of reach[j]!) reach[i]!.add(k);
      }
    }
  }
  // Only loops that can run as long as the input make the degree grow.
  const grows = comps.map((c, i) => cyclic[i]! && c.some((v) => a.growing[v]));
  const loops = order.filter((i) => grows[i]);
  const linked = (i: number, j: number): boolean => polynomialLink(a, comps[i]!, comps[j]!, compOf, reach, overlaps, spend, live);
  const memo = new Map<string, boolean>();
  const link = (i: number, j: number): boolean => {
    const k = `${i},${j}`;
    let v = memo.get(k);
    if (v === undefined) memo.set(k, (v = linked(i, j)));
    return v;
  };
  const longest = (within: Set<number> | undefined): { degree: number; chain: number[] } => {
    const best = new Map<number, { degree: number; chain: number[] }>();
    let top = { degree: 0, chain: [] as number[] };
    for (const j of loops) {
      if (within && !within.has(j)) continue;
      let b = { degree: 0, chain: [comps[j]![0]!] };
      for (const i of loops) {
        if (i === j || !reach[i]!.has(j) || (within && !within.has(i))) continue;
        const prev = best.get(i);
        if (!prev) continue;
        const d = prev.degree + (link(i, j) ? 1 : 0);
        if (d > b.degree) b = { degree: d, chain: [...prev.chain, comps[j]![0]!] };
      }
      best.set(j, b);
      if (b.degree > top.degree || top.chain.length === 0) top = b;
    }
    return top;
  };
  const main = longest(undefined);
  let degree = loops.length > 0 ? main.degree + 1 : 1;
  let chain = main.chain;
  // Work hanging off the chain of final states: each of up to n chain nodes may start a
  // failing exploration of the live states it leads to.
  const entered = new Set<number>();
  for (let f = 0; f < n; f++) {
    if (!reachable[f] || !a.final[f]) continue;
    for (const g of succ(f)) if (live(g)) entered.add(compOf[g]!);
  }
  if (entered.size > 0) {
    const within = new Set<number>(entered);
    for (const i of entered) for (const k of reach[i]!) within.add(k);
    if ([...within].some((i) => grows[i])) {
      const sub = longest(within);
      if (sub.degree + 2 > degree) {
        degree = sub.degree + 2;
        chain = sub.chain;
      }
    }
  }
  return { degree, chain };
}

/** Two different cycles on one word inside component `ci` (the product test). */
function exponentialIn(a: Automaton, comp: number[], compOf: Int32Array, ci: number, ov: Overlaps, spend: (k: number) => void): boolean {
  const size = comp.length;
  const local = new Map(comp.map((v, i) => [v, i]));
  const inside = (v: number): boolean => compOf[v] === ci;
  if (size === 1) return false;
  const id = (p: number, q: number): number => local.get(p)! * size + local.get(q)!;
  const nodes = size * size;
  spend(nodes);
  const succ = (x: number): number[] => {
    const p = comp[Math.floor(x / size)]!;
    const q = comp[x % size]!;
    const out: number[] = [];
    for (const p2 of a.edges[p]!.keys()) {
      if (!inside(p2)) continue;
      for (const q2 of a.edges[q]!.keys()) {
        if (!inside(q2) || !ov.two(p2, q2)) continue;
        out.push(id(p2, q2));
      }
    }
    spend(out.length + 1);
    return out;
  };
  const adjacency: number[][] = [];
  for (let x = 0; x < nodes; x++) adjacency.push(succ(x));
  const prod = components(nodes, (x) => adjacency[x]!, () => true);
  const prodComp = new Int32Array(nodes);
  prod.forEach((c, i) => c.forEach((x) => (prodComp[x] = i)));
  for (let i = 0; i < prod.length; i++) {
    const c = prod[i]!;
    // A diagonal pair whose product component holds any other pair: the two cycles part and meet again.
    if (c.some((x) => Math.floor(x / size) === x % size) && c.some((x) => Math.floor(x / size) !== x % size)) return true;
  }
  return false;
}

/** Loop at p, path p→q, loop at q, all on one word: BFS on triples from (p, p, q) to (p, q, q). */
function polynomialLink(
  a: Automaton,
  from: number[],
  to: number[],
  compOf: Int32Array,
  reach: Set<number>[],
  ov: Overlaps,
  spend: (k: number) => void,
  live: (v: number) => boolean,
): boolean {
  const ci = compOf[from[0]!]!;
  const cj = compOf[to[0]!]!;
  // The middle path may only pass components between the two.
  const between = (v: number): boolean => {
    if (!live(v)) return false;
    const c = compOf[v]!;
    return c === ci || c === cj || (reach[ci]!.has(c) && reach[c]!.has(cj));
  };
  for (const p of from) {
    for (const q of to) {
      const seen = new Set<string>();
      const queue: [number, number, number][] = [[p, p, q]];
      seen.add(`${p},${p},${q}`);
      for (let head = 0; head < queue.length; head++) {
        const [x, y, z] = queue[head]!;
        spend(1);
        for (const x2 of a.edges[x]!.keys()) {
          if (compOf[x2] !== ci || !live(x2)) continue;
          for (const y2 of a.edges[y]!.keys()) {
            if (!between(y2) || !ov.two(x2, y2)) continue;
            for (const z2 of a.edges[z]!.keys()) {
              if (compOf[z2] !== cj || !live(z2) || !ov.three(x2, y2, z2)) continue;
              if (x2 === p && y2 === q && z2 === q) return true;
              const k = `${x2},${y2},${z2}`;
              if (seen.has(k)) continue;
              seen.add(k);
              queue.push([x2, y2, z2]);
            }
          }
        }
      }
    }
  }
  return false;
}

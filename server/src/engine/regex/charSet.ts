/**
 * Sets of characters as sorted, disjoint, inclusive code-point ranges: what one
 * character-consuming step of a regular expression accepts. The ambiguity analysis only
 * asks whether two steps can read the same character, so sets may be larger than the
 * truth (that adds ambiguity, never hides it) but never smaller.
 */
export type Ranges = readonly (readonly [number, number])[];

export class CharSet {
  private constructor(readonly ranges: Ranges) {}

  static of(ranges: Iterable<readonly [number, number]>): CharSet {
    const sorted = [...ranges].filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
    const out: [number, number][] = [];
    for (const [lo, hi] of sorted) {
      const last = out[out.length - 1];
      if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
      else out.push([lo, hi]);
    }
    return new CharSet(out);
  }

  static char(c: number): CharSet {
    return new CharSet([[c, c]]);
  }

  static union(sets: readonly CharSet[]): CharSet {
    return CharSet.of(sets.flatMap((s) => s.ranges));
  }

  isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  negate(max: number): CharSet {
    const out: [number, number][] = [];
    let next = 0;
    for (const [lo, hi] of this.ranges) {
      if (lo > next) out.push([next, lo - 1]);
      next = hi + 1;
    }
    if (next <= max) out.push([next, max]);
    return new CharSet(out);
  }

  has(c: number): boolean {
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = this.ranges[mid]!;
      if (c < a) hi = mid - 1;
      else if (c > b) lo = mid + 1;
      else return true;
    }
    return false;
  }

  intersects(other: CharSet): boolean {
    let i = 0;
    let j = 0;
    while (i < this.ranges.length && j < other.ranges.length) {
      const [a1, b1] = this.ranges[i]!;
      const [a2, b2] = other.ranges[j]!;
      if (b1 < a2) i++;
      else if (b2 < a1) j++;
      else return true;
    }
    return false;
  }

  intersect(other: CharSet): CharSet {
    const out: [number, number][] = [];
    let i = 0;
    let j = 0;
    while (i < this.ranges.length && j < other.ranges.length) {
      const [a1, b1] = this.ranges[i]!;
      const [a2, b2] = other.ranges[j]!;
      const lo = Math.max(a1, a2);
      const hi = Math.min(b1, b2);
      if (lo <= hi) out.push([lo, hi]);
      if (b1 < b2) i++;
      else j++;
    }
    return new CharSet(out);
  }

  /** Adds every other case of the letters in the set (the `i` flag). */
  caseClosed(): CharSet {
    const key = this.key();
    let closed = closures.get(key);
    if (!closed) {
      const extra: [number, number][] = [];
      for (const [c, variants] of casedCharacters()) {
        if (!this.has(c)) continue;
        for (const v of variants) if (!this.has(v)) extra.push([v, v]);
      }
      closed = extra.length === 0 ? this : CharSet.of([...this.ranges, ...extra]);
      if (closures.size > 2000) closures.clear();
      closures.set(key, closed);
    }
    return closed;
  }

  key(): string {
    return this.ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',');
  }
}

let cased: [number, number[]][] | undefined;
const closures = new Map<string, CharSet>();

/** Characters whose upper or lower case differs, with those other cases (computed once). */
function casedCharacters(): [number, number[]][] {
  if (cased) return cased;
  cased = [];
  const ranges = [[0, 0xd7ff], [0xe000, 0xffff], ...ASTRAL_CASED];
  for (const [lo, hi] of ranges) for (let c = lo!; c <= hi!; c++) addCased(c, cased);

  // Close the relation: if a ~ b then b ~ a.
  const map = new Map<number, Set<number>>(cased.map(([c, v]) => [c, new Set(v)]));
  for (const [c, vs] of [...map]) {
    for (const v of vs) {
      let back = map.get(v);
      if (!back) map.set(v, (back = new Set()));
      back.add(c);
    }
  }
  cased = [...map].map(([c, vs]) => [c, [...vs]]);
  return cased;
}

/** Astral blocks with letter case (Deseret, Osage, Vithkuqi, Old Hungarian, Warang Citi, Medefaidrin, Adlam). */
const ASTRAL_CASED = [
  [0x10400, 0x104ff],
  [0x10570, 0x105bf],
  [0x10c80, 0x10cff],
  [0x118a0, 0x118df],
  [0x16e40, 0x16e9f],
  [0x1e900, 0x1e94f],
];

function addCased(c: number, out: [number, number[]][]): void {
  const s = String.fromCodePoint(c);
  const upper = s.toUpperCase();
  const lower = s.toLowerCase();
  if (upper === s && lower === s) return;
  const variants = new Set<number>();
  for (const t of [upper, lower]) {
    // Only single-character cases: `ß`.toUpperCase() is "SS", which a one-character step cannot match.
    if (t !== s && t.length === String.fromCodePoint(t.codePointAt(0)!).length) variants.add(t.codePointAt(0)!);
  }
  // Characters with the same upper case are the same under `i` (`k`, `K` and the Kelvin sign).
  for (const v of [...variants]) {
    const up = String.fromCodePoint(v).toUpperCase();
    if (up.length === String.fromCodePoint(up.codePointAt(0)!).length) variants.add(up.codePointAt(0)!);
  }
  variants.delete(c);
  if (variants.size > 0) out.push([c, [...variants]]);
}

const range = (a: number, b: number): [number, number] => [a, b];

export const DIGIT = CharSet.of([range(0x30, 0x39)]);
export const WORD = CharSet.of([range(0x30, 0x39), range(0x41, 0x5a), range(0x5f, 0x5f), range(0x61, 0x7a)]);
export const SPACE = CharSet.of([
  range(0x09, 0x0d),
  range(0x20, 0x20),
  range(0xa0, 0xa0),
  range(0x1680, 0x1680),
  range(0x2000, 0x200a),
  range(0x2028, 0x2029),
  range(0x202f, 0x202f),
  range(0x205f, 0x205f),
  range(0x3000, 0x3000),
  range(0xfeff, 0xfeff),
]);
export const LINE_TERMINATORS = CharSet.of([range(0x0a, 0x0a), range(0x0d, 0x0d), range(0x2028, 0x2029)]);

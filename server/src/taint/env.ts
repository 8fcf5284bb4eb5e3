/**
 * Taint of variables and access paths (`req.query.id`, `opts.cmd`) inside one function.
 * Reading `a` also sees taint written to `a.b`; reading `a.b.c` falls back to `a.b`, then `a`.
 * A list whose length the walk knows (written as a literal, then grown and shrunk by known
 * methods) keeps its elements by position (`names.0`, `names.1`); see listPositions.ts.
 */
import { CLEAN, Taint, union } from './facts';

/** Keys for facts that hold after a join only when every branch established them. */
export const MUST_PREFIX = '#must:';

export class Env {
  constructor(
    private readonly vars: Map<string, Taint> = new Map(),
    /** Lists whose length is known: path → length. */
    private readonly lengths: Map<string, number> = new Map(),
    /** Names the walked code binds (kept for a walk that tells them from outside values, outside.ts). */
    private readonly bound?: Set<string>,
  ) {}

  /** An Env that remembers which names the walked code binds. */
  static tracking(): Env {
    return new Env(new Map(), new Map(), new Set());
  }

  copy(): Env {
    return new Env(new Map(this.vars), new Map(this.lengths), this.bound && new Set(this.bound));
  }

  /** The walked code gave `name` a value (true for every name when binding is not tracked). */
  binds(name: string): boolean {
    return !this.bound || this.bound.has(name);
  }

  /** The known length of the list at `path`, if the walk has followed it since it was written. */
  lengthOf(path: string): number | undefined {
    return this.lengths.get(path);
  }

  /** Starts (or updates) following the list at `path` by position. */
  setLength(path: string, length: number): void {
    this.lengths.set(path, length);
  }

  /**
   * Stops following the list at `path` by position: what its elements hold becomes the whole
   * list's (after `sort()`, an index that is not a constant, branches that leave it different).
   */
  forgetPositions(path: string): void {
    if (!this.lengths.delete(path)) return;
    let whole = this.vars.get(path) ?? CLEAN;
    for (const [k, v] of [...this.vars]) {
      if (!k.startsWith(path + '.') || !/^\d+(?:\.|$)/.test(k.slice(path.length + 1))) continue;
      whole = union(whole, v);
      this.vars.delete(k);
    }
    if (whole.length > 0) this.vars.set(path, whole);
  }

  /** Moves the elements of the list at `path` from position `from` on by `delta` (an insertion, a removal). */
  shiftPositions(path: string, from: number, delta: number): void {
    const prefix = path + '.';
    const moved: [string, Taint][] = [];
    for (const [k, v] of [...this.vars]) {
      if (!k.startsWith(prefix)) continue;
      const m = /^(\d+)(.*)$/.exec(k.slice(prefix.length));
      if (!m || Number(m[1]) < from) continue;
      this.vars.delete(k);
      moved.push([`${prefix}${Number(m[1]) + delta}${m[2]}`, v]);
    }
    for (const [k, v] of moved) this.vars.set(k, v);
  }

  set(path: string, taint: Taint): void {
    if (this.bound && !path.includes('.')) this.bound.add(path);
    // A new value: whatever list was followed there is gone (a literal starts following it again).
    if (this.lengths.size > 0) for (const k of [...this.lengths.keys()]) if (k === path || k.startsWith(path + '.')) this.lengths.delete(k);
    if (taint.length === 0) {
      // A clean assignment also clears what was known about its members.
      if (this.vars.size === 0) return;
      this.vars.delete(path);
      for (const k of [...this.vars.keys()]) if (k.startsWith(path + '.')) this.vars.delete(k);
      return;
    }
    this.vars.set(path, taint);
  }

  get(path: string): Taint {
    let taint = this.vars.get(path) ?? CLEAN;
    for (let p = path; taint.length === 0; ) {
      const dot = p.lastIndexOf('.');
      if (dot < 0) break;
      p = p.slice(0, dot);
      taint = this.vars.get(p) ?? CLEAN;
    }
    if (this.vars.size > 0) {
      const prefix = path + '.';
      for (const [k, v] of this.vars) if (k.startsWith(prefix)) taint = union(taint, v);
    }
    return taint;
  }

  /**
   * Where `get(path)` finds its value when nothing was written at `path` itself: the longest
   * shorter key that holds taint (`a.b` for `a.b.c`) and what was written there.
   */
  fallback(path: string): { key: string; taint: Taint } | undefined {
    if ((this.vars.get(path)?.length ?? 0) > 0) return undefined;
    for (let p = path; ; ) {
      const dot = p.lastIndexOf('.');
      if (dot < 0) return undefined;
      p = p.slice(0, dot);
      const taint = this.vars.get(p);
      if (taint && taint.length > 0) return { key: p, taint };
    }
  }

  has(path: string): boolean {
    return this.vars.has(path);
  }

  /**
   * Join after branches: a variable is tainted if either branch tainted it. Keys starting
   * with `#must:` are facts that hold only if both branches established them (a response
   * type set on one branch only does not count after the join).
   */
  static join(a: Env, b: Env): Env {
    const out = new Map(a.vars);
    for (const [k, v] of b.vars) {
      if (k.startsWith(MUST_PREFIX) && !a.vars.has(k)) continue;
      out.set(k, union(out.get(k) ?? CLEAN, v));
    }
    for (const k of a.vars.keys()) if (k.startsWith(MUST_PREFIX) && !b.vars.has(k)) out.delete(k);
    const bound = a.bound && b.bound ? new Set([...a.bound, ...b.bound]) : undefined;
    if (a.lengths.size === 0 && b.lengths.size === 0) return new Env(out, new Map(), bound);
    // A list both branches leave at the same length keeps its positions; otherwise they blur.
    const lengths = new Map<string, number>();
    const blurred: string[] = [];
    for (const [k, n] of a.lengths) (b.lengths.get(k) === n ? lengths.set(k, n) : blurred.push(k));
    for (const k of b.lengths.keys()) if (!lengths.has(k)) blurred.push(k);
    const env = new Env(out, new Map([...lengths, ...blurred.map((k) => [k, 0] as [string, number])]), bound);
    for (const k of blurred) env.forgetPositions(k);
    return env;
  }

  /** The same keys with the same facts, each as clean as before (what a second walk would start from). */
  sameAs(other: Env): boolean {
    if (this === other) return true;
    if (this.vars.size !== other.vars.size || this.lengths.size !== other.lengths.size) return false;
    for (const [k, n] of this.lengths) if (other.lengths.get(k) !== n) return false;
    for (const [k, v] of this.vars) {
      const o = other.vars.get(k);
      if (o === v) continue;
      if (!o || o.length !== v.length) return false;
      for (let i = 0; i < v.length; i++) {
        const a = v[i]!;
        const b = o.find((f) => f.label === a.label && f.kind === a.kind && f.sourceText === a.sourceText);
        if (!b || b.cleanFor.size !== a.cleanFor.size) return false;
      }
    }
    return true;
  }
}

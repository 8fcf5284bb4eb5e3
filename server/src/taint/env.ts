/**
 * Taint of variables and access paths (`req.query.id`, `opts.cmd`) inside one function.
 * Reading `a` also sees taint written to `a.b`; reading `a.b.c` falls back to `a.b`, then `a`.
 */
import { CLEAN, Taint, union } from './facts';

/** Keys for facts that hold after a join only when every branch established them. */
export const MUST_PREFIX = '#must:';

export class Env {
  constructor(private readonly vars: Map<string, Taint> = new Map()) {}

  copy(): Env {
    return new Env(new Map(this.vars));
  }

  set(path: string, taint: Taint): void {
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
    return new Env(out);
  }

  /** The same keys with the same facts, each as clean as before (what a second walk would start from). */
  sameAs(other: Env): boolean {
    if (this === other) return true;
    if (this.vars.size !== other.vars.size) return false;
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

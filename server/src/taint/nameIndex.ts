/**
 * Finds the model rows whose names can match a qualified name, by the name's last
 * segment, so a call is tested against a handful of rows instead of all of them.
 */
import { compileNames } from '../engine/names';
import type { NameMatcher } from '../engine/rule';

const MAX_FOUND = 20_000;

export class NameIndex<T> {
  private readonly byLast = new Map<string, { row: T; match: NameMatcher }[]>();
  private readonly wild: { row: T; match: NameMatcher }[] = [];

  add(row: T, names: string[] | undefined): void {
    if (!names || names.length === 0) return;
    this.found.clear();
    const match = compileNames(names)!;
    const lasts = new Set(names.map((n) => n.slice(n.lastIndexOf('.') + 1)));
    if ([...lasts].some((l) => l.includes('*'))) {
      this.wild.push({ row, match });
      return;
    }
    for (const last of lasts) {
      let list = this.byLast.get(last);
      if (!list) this.byLast.set(last, (list = []));
      list.push({ row, match });
    }
  }

  /**
   * Answers by name: every call asks, the same names come back across a scan, and each
   * wildcard row is a regex test (a typed language's long qualified names ask many).
   */
  private readonly found = new Map<string, T[]>();

  /** Rows matching `qualified`, in the order they were added. */
  find(qualified: string): T[] {
    const known = this.found.get(qualified);
    if (known) return [...known];
    const last = qualified.slice(qualified.lastIndexOf('.') + 1);
    const exact = this.byLast.get(last);
    const out: T[] = [];
    for (const e of exact ?? []) if (e.match(qualified)) out.push(e.row);
    for (const e of this.wild) if (e.match(qualified)) out.push(e.row);
    if (this.found.size >= MAX_FOUND) this.found.clear();
    this.found.set(qualified, out);
    return [...out];
  }
}

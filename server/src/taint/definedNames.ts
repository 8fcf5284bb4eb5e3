/**
 * Which top-level statements of a file define which named functions, kept by
 * each statement's text across analyses: after an edit only the statements whose text is
 * new are looked into, and one cursor pass over the top level finds the rest. A region
 * analysis asks it where a called name is defined, without a search of the whole tree.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';

interface Defined {
  functions: string[];
}

const MAX_ENTRIES = 50000;

export class DefinedNamesCache {
  private readonly entries = new Map<string, Defined>();
  /** Statements looked into on the last pass (their text was new). */
  lastLookedInto = 0;

  /**
   * Fills the entries from a whole-file analysis's functions (`named`: standalone ones, with
   * their names), so that the first edit after it looks into no statement again.
   */
  fill(ctx: FileContext, named: readonly { node: SyntaxNode; name: string | null }[]): void {
    const sorted = [...named].sort((a, b) => a.node.startIndex - b.node.startIndex);
    const cursor = ctx.tree.walk();
    let i = 0;
    try {
      if (!cursor.gotoFirstChild()) return;
      do {
        const start = cursor.startIndex;
        const end = cursor.endIndex;
        while (i < sorted.length && sorted[i]!.node.startIndex < start) i++;
        const functions = new Set<string>();
        for (; i < sorted.length && sorted[i]!.node.startIndex < end; i++) if (sorted[i]!.name) functions.add(sorted[i]!.name!);
        this.store(`${ctx.language.family}\u0000${ctx.text.slice(start, end)}`, { functions: [...functions] });
      } while (cursor.gotoNextSibling());
    } finally {
      cursor.delete();
    }
  }

  private store(key: string, defined: Defined): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, defined);
  }

  /** Names defined at the top level of `ctx`'s file: by name, the indexes of the statements defining it. */
  read(ctx: FileContext): DefinedNames {
    const functions = new Map<string, number[]>();
    const root = ctx.tree.rootNode;
    const cursor = ctx.tree.walk();
    this.lastLookedInto = 0;
    try {
      if (cursor.gotoFirstChild()) {
        let index = 0;
        do {
          const key = `${ctx.language.family}\u0000${ctx.text.slice(cursor.startIndex, cursor.endIndex)}`;
          let defined = this.entries.get(key);
          if (!defined) {
            this.lastLookedInto++;
            defined = definedIn(ctx, cursor.currentNode);
            this.store(key, defined);
          }
          for (const name of defined.functions) {
            const list = functions.get(name);
            if (list) list.push(index);
            else functions.set(name, [index]);
          }
          index++;
        } while (cursor.gotoNextSibling());
      }
    } finally {
      cursor.delete();
    }
    return new DefinedNames(ctx, root, functions);
  }
}

function definedIn(ctx: FileContext, statement: SyntaxNode): Defined {
  const syn = ctx.syntax;
  const functions = new Set<string>();
  for (const fn of statement.descendantsOfType([...ctx.adapter.functionTypes])) {
    if (!fn || !syn.standalone(fn)) continue;
    const name = syn.functionName(fn);
    if (name) functions.add(name);
  }
  return { functions: [...functions] };
}

export class DefinedNames {
  constructor(
    private readonly ctx: FileContext,
    private readonly root: SyntaxNode,
    private readonly functions: Map<string, number[]>,
  ) {}

  has(name: string): boolean {
    return this.functions.has(name);
  }

  /** Standalone functions named `name`, in the order a whole-file analysis meets them (by kind, then position). */
  functionsNamed(name: string): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    const syn = this.ctx.syntax;
    const types = [...this.ctx.adapter.functionTypes];
    for (const index of this.functions.get(name) ?? []) {
      const statement = this.root.child(index);
      if (!statement) continue;
      for (const fn of statement.descendantsOfType(types)) if (fn && syn.standalone(fn) && syn.functionName(fn) === name) out.push(fn);
    }
    return out.sort((a, b) => types.indexOf(a.type) - types.indexOf(b.type) || a.startIndex - b.startIndex);
  }
}

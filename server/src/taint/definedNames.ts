/**
 * Which top-level statements (or class members, see statementsOf) of a file define which
 * named functions, kept by each statement's text across analyses: after an edit only the
 * statements whose text is new are looked into, and one cursor pass finds the rest. A region
 * analysis asks it where a called name is defined, without a search of the whole tree.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';

interface Defined {
  functions: string[];
}

const MAX_ENTRIES = 50000;

/**
 * The statements whose definitions are kept apart: the file's top-level statements, and where
 * the pack analyses a statement's members one by one (TaintSyntax.membersOf: a class's
 * methods), those members instead, so that an edit inside one method of a large class looks
 * into that method only.
 */
function statementsOf(ctx: FileContext): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const membersOf = ctx.syntax.membersOf?.bind(ctx.syntax);
  const visit = (parent: SyntaxNode, depth: number): void => {
    const cursor = parent.walk();
    try {
      if (!cursor.gotoFirstChild()) return;
      do {
        const node = cursor.currentNode;
        const body = membersOf && depth < MAX_MEMBER_DEPTH ? membersOf(node) : null;
        if (body) visit(body, depth + 1);
        else out.push(node);
      } while (cursor.gotoNextSibling());
    } finally {
      cursor.delete();
    }
  };
  visit(ctx.tree.rootNode, 0);
  return out;
}

const MAX_MEMBER_DEPTH = 8;

export class DefinedNamesCache {
  private readonly entries = new Map<string, Defined>();
  /** Statements looked into on the last pass (their text was new), and their lines. */
  lastLookedInto = 0;
  lastLookedIntoLines = 0;

  /**
   * Fills the entries from a whole-file analysis's functions (`named`: standalone ones, with
   * their names), so that the first edit after it looks into no statement again.
   */
  fill(ctx: FileContext, named: readonly { node: SyntaxNode; name: string | null }[]): void {
    const sorted = [...named].sort((a, b) => a.node.startIndex - b.node.startIndex);
    let i = 0;
    for (const statement of statementsOf(ctx)) {
      const start = statement.startIndex;
      const end = statement.endIndex;
      while (i < sorted.length && sorted[i]!.node.startIndex < start) i++;
      const functions = new Set<string>();
      for (; i < sorted.length && sorted[i]!.node.startIndex < end; i++) if (sorted[i]!.name) functions.add(sorted[i]!.name!);
      this.store(`${ctx.language.family}\u0000${ctx.text.slice(start, end)}`, { functions: [...functions] });
    }
  }

  private store(key: string, defined: Defined): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, defined);
  }

  /** Names defined in `ctx`'s file: by name, the statements defining it. */
  read(ctx: FileContext): DefinedNames {
    const functions = new Map<string, SyntaxNode[]>();
    this.lastLookedInto = 0;
    this.lastLookedIntoLines = 0;
    for (const statement of statementsOf(ctx)) {
      const key = `${ctx.language.family}\u0000${ctx.text.slice(statement.startIndex, statement.endIndex)}`;
      let defined = this.entries.get(key);
      if (!defined) {
        this.lastLookedInto++;
        this.lastLookedIntoLines += statement.endPosition.row - statement.startPosition.row + 1;
        defined = definedIn(ctx, statement);
        this.store(key, defined);
      }
      for (const name of defined.functions) {
        const list = functions.get(name);
        if (list) list.push(statement);
        else functions.set(name, [statement]);
      }
    }
    return new DefinedNames(ctx, functions);
  }
}

function definedIn(ctx: FileContext, statement: SyntaxNode): Defined {
  const syn = ctx.syntax;
  const functions = new Set<string>();
  // (A node is among its own descendants of its type: a member that is a method counts.)
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
    private readonly functions: Map<string, SyntaxNode[]>,
  ) {}

  has(name: string): boolean {
    return this.functions.has(name);
  }

  /** Standalone functions named `name`, in the order a whole-file analysis meets them (by kind, then position). */
  functionsNamed(name: string): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    const syn = this.ctx.syntax;
    const types = [...this.ctx.adapter.functionTypes];
    for (const statement of this.functions.get(name) ?? []) {
      for (const fn of statement.descendantsOfType(types)) if (fn && syn.standalone(fn) && syn.functionName(fn) === name) out.push(fn);
    }
    return out.sort((a, b) => types.indexOf(a.type) - types.indexOf(b.type) || a.startIndex - b.startIndex);
  }
}

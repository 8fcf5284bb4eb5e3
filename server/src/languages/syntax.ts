/**
 * What the engine needs to know about a language's syntax tree, so rule matching is written
 * once and each language family only maps its node types onto these questions.
 */
import type { SyntaxNode, Tree } from './parser';
import type { Family } from './registry';

export type ConstValue = string | number | boolean | null;

export interface ImportBinding {
  /** Dotted path the local name stands for, e.g. `child_process.exec`. */
  qualified: string;
  /** The node that declares the name (a specifier, a pattern entry), used by fixes that add a sibling. */
  node: SyntaxNode;
  /** True when the name came from a list that another name can be added to (`{ a, b }`, `from m import a, b`). */
  inList: boolean;
}

export class Bindings {
  readonly imports = new Map<string, ImportBinding>();
  /** Name → node of its only constant initialiser; `null` once the name is known to vary. */
  readonly constants = new Map<string, SyntaxNode | null>();

  /** Parameter names and the function ranges in which they hide a file-level constant. */
  private readonly shadows = new Map<string, [number, number][]>();

  addConstant(name: string, init: SyntaxNode | null): void {
    this.constants.set(name, this.constants.has(name) ? null : init);
  }

  addShadow(name: string, scope: SyntaxNode): void {
    let list = this.shadows.get(name);
    if (!list) this.shadows.set(name, (list = []));
    list.push([scope.startIndex, scope.endIndex]);
  }

  /** The constant initialiser `use` refers to, if the name is constant and not shadowed there. */
  constantFor(use: SyntaxNode): SyntaxNode | null | undefined {
    const init = this.constants.get(use.text);
    if (!init) return init;
    const at = use.startIndex;
    if (this.shadows.get(use.text)?.some(([s, e]) => at >= s && at < e)) return null;
    return init;
  }
}

/** A replacement in a file's text (0-based lines and UTF-16 columns). */
export interface TextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/**
 * The name a literal is given, through wrappers (`x = ("a")`, `x = "a" as string`): the child in
 * one of `fields` of the first construct above it that names (a table per language), else its
 * first named child that is not the literal.
 */
export function nameFromTable(literal: SyntaxNode, wrappers: ReadonlySet<string>, fields: Record<string, string[]>): SyntaxNode | undefined {
  let node: SyntaxNode = literal;
  let parent = node.parent;
  while (parent && wrappers.has(parent.type)) {
    node = parent;
    parent = node.parent;
  }
  if (!parent) return undefined;
  const names = fields[parent.type];
  if (!names) return undefined;
  for (const f of names) {
    const c = parent.childForFieldName(f);
    if (c && c.id !== node.id) return c;
  }
  const first = parent.namedChild(0);
  return first && first.id !== node.id ? first : undefined;
}

/** A piece of a command built in place: constant text, or a value (`formatted`: an f-string turned it into text). */
export type TextPiece = { text: string } | { expr: SyntaxNode; formatted?: boolean };

export interface KeywordArg {
  /** The whole `name=value` / `name: value` node. */
  node: SyntaxNode;
  value: SyntaxNode;
}

export interface AssignParts {
  target: SyntaxNode;
  value: SyntaxNode;
  operator: string;
}

export interface PairParts {
  key: string;
  keyNode: SyntaxNode;
  value: SyntaxNode;
}

/** Where a call's or `new`'s result is kept: the name it is stored under and where that name can be used. */
export interface StoredValue {
  /** The name node of the declaration or the assignment target (`c` in `Cookie c = new Cookie(…)`). */
  name: SyntaxNode;
  /** The part of the tree in which the name refers to this value (a block, a class body). */
  scope: SyntaxNode;
  /** Uses before this offset do not count (a local's uses come after its declaration; a field's anywhere). */
  from: number;
}

/** What the code around a value does with it. */
export type ValueUse =
  | { kind: 'receiver'; call: SyntaxNode }
  | { kind: 'argument'; call: SyntaxNode }
  /** Returned, or stored under another name, in a field, array or collection literal. */
  | { kind: 'escape' };

/** A piece of a command line built by concatenation: constant text or an expression. */
/** The pieces of a command, as `TextPiece`s. */
export type CommandPiece = TextPiece;

/** Where to insert an import and the line to insert (with its line end). */
export interface ImportInsertion {
  offset: number;
  text: string;
}

export interface SyntaxAdapter {
  readonly family: Family;
  readonly callTypes: ReadonlySet<string>;
  readonly newTypes: ReadonlySet<string>;
  readonly assignTypes: ReadonlySet<string>;
  readonly pairTypes: ReadonlySet<string>;
  readonly stringTypes: ReadonlySet<string>;
  readonly commentTypes: ReadonlySet<string>;
  readonly functionTypes: ReadonlySet<string>;
  /** Declarations and assignments that can bind a name to a value. */
  readonly declarationTypes: ReadonlySet<string>;
  /** Node types that can introduce imports or constants; visited before matching. */
  readonly bindingTypes: ReadonlySet<string>;
  collectBinding(node: SyntaxNode, bindings: Bindings): void;
  callee(call: SyntaxNode): SyntaxNode | null;
  positionalArgs(call: SyntaxNode): SyntaxNode[];
  /** Python keyword arguments; for JS, the properties of object literals passed as arguments. */
  keywordArgs(call: SyntaxNode): Map<string, KeywordArg>;
  /** The identifier at the end of a callee (`exec` in `cp.exec`), the part fixes rename. */
  lastSegment(callee: SyntaxNode): SyntaxNode;
  /** Dotted name of an identifier or member chain, with imports resolved; null when it has none. */
  /** `depth`: recursion so far (member chains); past NESTING_LIMIT the name is unknown. */
  qualify(node: SyntaxNode, bindings: Bindings, depth?: number): string | null;
  constantValue(node: SyntaxNode, bindings: Bindings, depth?: number): ConstValue | undefined;
  assignParts(node: SyntaxNode): AssignParts | null;
  pairParts(node: SyntaxNode): PairParts | null;
  /** The key of the object or attribute that holds this pair's object (`dangerouslySetInnerHTML`). */
  parentKey(pair: SyntaxNode): string | null;
  /** True for the argument-list node that `positionalArgs` children live in. */
  isArgumentList(node: SyntaxNode): boolean;
  isStatementBoundary(type: string): boolean;
  /** The name a value is given by its nearest naming construct, or null. */
  namingNode(node: SyntaxNode): SyntaxNode | null;
  /** Source text for a string literal holding `value`, in the quote style of `like` when given. */
  stringLiteral(value: string, like?: SyntaxNode): string;
  /** Nodes inside string literals (fragments, contents) that a secret can sit in. */
  readonly stringPartTypes: ReadonlySet<string>;
  /** A literal whose value is built at run time (a template with substitutions): not a secret's home. */
  interpolated(literal: SyntaxNode): boolean;
  /** The name a literal is given: the variable, key, attribute or keyword it is assigned to. */
  valueName(literal: SyntaxNode): SyntaxNode | undefined;
  /**
   * The pieces of a string template (`` `ls ${dir}` ``, `f"ls {d}"`) in order; undefined when
   * `node` is not one, false when its text cannot be read exactly (escapes, format specs).
   */
  templatePieces(node: SyntaxNode): TextPiece[] | false | undefined;
  /** Source text for one command argument made of text and values (a template when mixed); `like` gives the quote style. */
  wordLiteral(word: TextPiece[], like: SyntaxNode): string | undefined;
  /** Source text for a list of arguments, each already source text (`['ls', dir]`, `new String[] { "ls", dir }`). */
  listLiteral(items: string[]): string;
  /** Where a line comment would not be a comment (JSX children), the block comment's delimiters. */
  blockCommentAt?(tree: Tree, offset: number): { open: string; close: string } | undefined;
  /** Code that reads environment variable `name`, the title of the fix, and edits it needs first (an import). */
  envRead(text: string, lineStarts: number[], name: string): { expr: string; title: string; edits: TextEdit[] };
  /**
   * Nodes whose children are separated by commas (argument lists, array and object or dict
   * literals, destructuring patterns, import lists): a fix that removes a child removes one
   * neighbouring comma with it.
   */
  readonly listTypes: ReadonlySet<string>;
  /**
   * Fix renderer: the edit that imports `name` beside `binding` in the import list it comes
   * from (`{ exec }` → `{ exec, execFile }`, `from yaml import load` → `…, safe_load`); undefined
   * when the binding renames (`a as b`, `{ a: b }`: the new name cannot be derived from it) or
   * the language has no such lists. Only called for bindings that are `inList`.
   */
  addBinding?(binding: ImportBinding, name: string): TextEdit | undefined;
  /** Blocks whose children are statements that run, where a fix may insert one (not a class body). */
  readonly statementBlockTypes?: ReadonlySet<string>;
  /** The object a method is called on (`c` in `c.setSecure(true)`), or null. */
  receiver?(call: SyntaxNode): SyntaxNode | null;
  /** The value a variable is declared with (for a `made-by` test), or null. Java and Go. */
  declaredValue?(ref: SyntaxNode, bindings: Bindings): SyntaxNode | null;
  /**
   * Questions behind a matcher's `followed-by` / `not-followed-by` (what later happens to the
   * variable a result is stored in). Java only so far: without them such a matcher never matches.
   */
  storedIn?(value: SyntaxNode, bindings: Bindings): StoredValue | null;
  /** The uses of a stored value's name in its scope, from `stored.from` on (identifiers, `this.name`). */
  usesOf?(stored: StoredValue): SyntaxNode[];
  /** What the code around `ref` (a value, or a use of a stored value) does with it. */
  useOf?(ref: SyntaxNode): ValueUse | null;
  /**
   * Fix renderers. `importLine`: where and what to insert so `qualified` (a dotted class
   * name) can be named by its last segment; null when the file can already name it,
   * undefined when it cannot be done (the simple name means another class). Java only.
   */
  importLine?(qualified: string, root: SyntaxNode, bindings: Bindings, text: string): ImportInsertion | null | undefined;
  /** A program and its arguments as one array value (`new String[] { "ls", dir }`), or undefined. */
  argvLiteral?(words: CommandPiece[][], like: SyntaxNode, bindings: Bindings): string | undefined;
}

/** Walks up from a value to the construct that names it: `token = <value>` gives `token`. */
export function namingContext(adapter: SyntaxAdapter, node: SyntaxNode): string | null {
  let current: SyntaxNode | null = node;
  for (let depth = 0; current && depth < 14; depth++) {
    const named = adapter.namingNode(current);
    // A dict or object key is named by its content: `'token': …` has context `token`.
    if (named) return named.text.replace(/^(['"`])(.*)\1$/s, '$2');
    const parent: SyntaxNode | null = current.parent;
    if (!parent || adapter.isStatementBoundary(parent.type)) {
      const last = parent ? adapter.namingNode(parent) : null;
      return last ? last.text.replace(/^(['"`])(.*)\1$/s, '$2') : null;
    }
    current = parent;
  }
  return null;
}

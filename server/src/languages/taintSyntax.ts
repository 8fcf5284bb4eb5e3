/**
 * The taint walk's view of a syntax tree, in words no grammar uses: what a node is (its
 * kind) and which child plays which role. Each language pack maps its grammar's node types
 * and field names onto these in a table (`tableSyntax`), and answers the few questions a
 * table cannot (the pieces of a built string, a function's parameters). The generic walk
 * in server/src/taint asks only these questions, so it names no node type and no language.
 */
import type { SyntaxNode } from './parser';
import type { Bindings } from './syntax';

/**
 * Kinds of nodes. Values: `name` (a variable), `self` (`this`), `member` (`a.b`), `subscript`
 * (`a[k]`), `call`, `new`, `string` (a literal, a template or f-string, implicit concatenation),
 * `interpolation` (`${x}`, `{x}`), `binary` (`a + b`, `a and b`), `unary` (`!a`, `not a`,
 * `-a`, `typeof a`), `compare` (`a < b`, `a in b`, `instanceof`), `ternary` (`c ? a : b`,
 * guarded), `choice` (Python's `a if c else b`), `assign`, `update` (`a += b`), `sequence`
 * (`a, b` evaluated in order), `pair` (`k: v`), `comprehension` with its `for-clause` and
 * `if-clause`, `markup` (JSX), `paren`, `await`, `cast` (type assertions: `x as T`, `x!`),
 * `spread` (`...x`, `*x`, `**x`), `yield`, `array` (lists, tuples, sets, arrays), `object`
 * (objects, dicts), `group` (argument lists and other containers), `function`, `regex`,
 * `comment`, `error`.
 * Statements: `expression-statement`, `statement` (any other: its parts are walked as values), `declaration` with its `declarator`s, `return`, `throw`,
 * `jump` (break, continue), `if` with its `else` and `elif` clauses, `block`, `module` (a file's
 * top level), `class-body`, `loop`, `try`, `with` with its `with-item`s, `switch`, `wrapper`
 * (export, label), `label`, `class`, `import`, `definition` (decorated definitions: walked on their own).
 * Parameters: `parameter-list`. Patterns: `object-pattern` with its `shorthand-entry`, `pair-entry`, `default-entry` and
 * `rest-entry`, `array-pattern`, `alias` (`x as y`).
 */
export type Kind =
  | 'name' | 'self' | 'member' | 'subscript' | 'call' | 'new' | 'string' | 'interpolation' | 'binary' | 'unary' | 'compare'
  | 'ternary' | 'choice' | 'assign' | 'update' | 'sequence' | 'pair' | 'comprehension' | 'for-clause' | 'if-clause' | 'markup'
  | 'paren' | 'await' | 'cast' | 'spread' | 'yield' | 'array' | 'object' | 'group' | 'function' | 'regex' | 'comment' | 'error'
  | 'expression-statement' | 'statement' | 'declaration' | 'declarator' | 'return' | 'throw' | 'jump' | 'if' | 'else' | 'elif' | 'block'
  | 'module' | 'class-body' | 'loop' | 'try' | 'with' | 'with-item' | 'switch' | 'wrapper' | 'label' | 'class' | 'import' | 'definition'
  | 'parameter-list' | 'object-pattern' | 'shorthand-entry' | 'pair-entry' | 'default-entry' | 'rest-entry' | 'array-pattern' | 'alias';

/**
 * Roles of children, read through the grammar's field names: `object`, `property` (of a
 * member), `index` (of a subscript), `function` and `arguments` (of a call), `left`,
 * `operator`, `right`, `argument` (of a unary), `condition`, `consequence`, `alternative`,
 * `body`, `value`, `name`, `key`, `parameters`, `initializer`, `update`, `pattern`, `alias`,
 * `subject` (of a switch), `superclasses`, `flags` (of a regex literal).
 */
export type Role =
  | 'object' | 'property' | 'index' | 'function' | 'arguments' | 'left' | 'operator' | 'right' | 'argument' | 'condition'
  | 'consequence' | 'alternative' | 'body' | 'value' | 'name' | 'key' | 'parameters' | 'initializer' | 'update' | 'pattern'
  | 'alias' | 'subject' | 'superclasses' | 'flags';

/** One piece of a string built in place: constant text, or a value (`whole`: what to evaluate, when more than `node`). */
export type Piece = { text: string } | { node: SyntaxNode; whole?: SyntaxNode };

export interface Param {
  name: string;
  node: SyntaxNode;
  /** Type annotation text, when there is one. */
  type?: string;
  /** Text of a default value (`Depends(...)`). */
  defaultText?: string;
  decorators: string[];
}

/**
 * A name a module passes on from another of the project's modules (a re-export):
 * `Api.helpers = require('./helpers')`, `export * from './users'`, `export { find as lookup } from './db'`.
 */
export interface Reexport {
  /** The name importers read it by; `*` passes on every name of the other module under its own name. */
  name: string;
  /** The other module's specifier, as `resolve` takes it (relative to the re-exporting file). */
  spec: string;
  /** The export of the other module it is; absent when it is the whole module (a namespace) or `name` is `*`. */
  member?: string;
}

/** How a file names the project's own modules, for summaries that cross files. */
export interface ModuleResolution {
  /** Module specifiers a file imports from its own project (relative JS paths, Python modules). */
  projectImports(text: string): string[];
  /** The workspace file a specifier names, or undefined (a package, a missing file). */
  resolve(fromFile: string, spec: string, known: (path: string) => boolean): string | undefined;
  /** The specifier of the module a qualified name (`․/db.findUser`) comes from, when it is the project's own. */
  specifierOf(module: string): string | undefined;
  /**
   * Every workspace file a specifier names, where a module is several files (a Go package is
   * a folder of them). Optional: elsewhere `resolve`'s one file is the module.
   */
  resolveAll?(fromFile: string, spec: string, known: (path: string) => boolean): string[];
  /**
   * The other files whose top-level functions this file calls by their bare names, with no
   * import (Go: the other files of its package folder). Optional: elsewhere a file sees only
   * what it imports.
   */
  sameScope?(fromFile: string, known: (path: string) => boolean): string[];
  /**
   * What a module passes on from the project's other modules (see Reexport), so that a name
   * read through it (`activitypub.helpers.query`, `services.findUser` of a barrel file) finds
   * the summary in the file that defines it. Optional: without it a module exports only the
   * functions it defines.
   */
  reexports?(text: string): Reexport[];
  /**
   * Whether a module's text defines a function under `name` (`exports.find = function`,
   * `Posts.exists = async (…) =>`, `export function find`), read from the text alone: a call of
   * a project function whose summary is not at hand (inside a helper module) is then not taken
   * for a library method of the same name (`posts.exists` for Mongo's). Optional: without it
   * only summaries tell project functions apart.
   */
  definesFunction?(text: string, name: string): boolean;
  /**
   * Of `targets` (the files a file's imports and scope name), those that may define a
   * function `text` (the file's own text) calls: only they are summarised for it. Optional:
   * every target is summarised otherwise. Where one import names many files (a Go package is
   * a folder of them), summarising the files that define no called function was most of the
   * cost of a scan.
   */
  narrowTargets?(text: string, targets: readonly string[]): string[];
}

/** What a function's parameters, name and surroundings are, in a language's own syntax. */
export interface TaintSyntax {
  readonly modules: ModuleResolution;
  kind(node: SyntaxNode): Kind | undefined;
  /** The child playing `role`, read through the grammar's field names for it. */
  child(node: SyntaxNode, role: Role): SyntaxNode | null;
  /** Every child playing `role` (an `if` has several alternatives). */
  children(node: SyntaxNode, role: Role): SyntaxNode[];
  /** The node types of these kinds, for native searches (`descendantsOfType`). */
  typesOf(...kinds: Kind[]): string[];
  /** The operator of a binary, unary or compare node, as written. */
  operator(node: SyntaxNode): string;
  /** The pieces of a string built in place, in order, or null when `node` is not one. */
  stringPieces(node: SyntaxNode, bindings: Bindings): Piece[] | null;
  /** A function's parameters, with the method receiver (`self`) left out. */
  params(fn: SyntaxNode): Param[];
  /** The name a function is known by in its file (its own, or the variable or key it is stored under). */
  functionName(fn: SyntaxNode): string | null;
  /** The object pattern a destructured parameter binds, if it is one. */
  objectPatternOf(param: SyntaxNode): SyntaxNode | null;
  /** Function literals written inside expressions (arrow functions, lambdas): analysed where they appear. */
  readonly functionLiterals: ReadonlySet<string>;
  /** Names the receiver of a method goes by (`this`, `self`, `cls`). */
  readonly selfNames: ReadonlySet<string>;
  /**
   * A request parameter that cannot carry an object such as a Mongo operator: a string or a
   * number (a URL capture, a value the framework converted), or a value validated into a
   * declared model whose fields are typed.
   */
  scalarParam(p: Param): boolean;
  /** Calls name their arguments (`f(url=x)`), so keyword arguments can be sinks and carry taint. */
  readonly keywordArguments: boolean;
  /** The class a method is defined in (through decorators and the class body), if it is a method. */
  classOf(fn: SyntaxNode): SyntaxNode | null;
  /** A static or class method (called on the class, not on an instance). */
  isStaticMethod(fn: SyntaxNode): boolean;
  /** The callees of the decorators or annotations on a function (`app.route`, `GetMapping`), to qualify. */
  decorators(fn: SyntaxNode): SyntaxNode[];
  /** The function is exported from its module under its own name. */
  isExported(fn: SyntaxNode): boolean;
  /** Walked on its own (named, so its summary is looked up by name) rather than where it appears. */
  standalone(fn: SyntaxNode): boolean;
  /** `value` initialises a name declared constant (`const page = …`, `final String page = …`). */
  constDeclared(value: SyntaxNode): boolean;
  /** The shape a sink model's `arg-is`/`arg-not` rows name: the node type, or the literal a call builds (`dict(a=1)`). */
  shape(node: SyntaxNode): string;
  /** Parameters a route declaration converts to numbers or UUIDs (Flask's `<int:id>`). */
  convertedParams(fn: SyntaxNode): Set<string>;
  /**
   * The result of a call the analysis knows nothing about cannot carry its inputs' text, as
   * the variable it is stored in says: a number, or (in a typed language) an object looked up
   * or built from them (`User u = users.findByName(name)`). Optional: untyped languages
   * keep the default that a call's result carries its inputs.
   */
  opaqueResult?(call: SyntaxNode, bindings: Bindings): boolean;
  /**
   * Imports spell out a type's full name (Java's `import javax.servlet.http.HttpServletRequest;`),
   * so a file whose parameters can take a role from their type (the models' typed-params,
   * through an import) contains that full name: the text hint that picks files for the taint
   * pass (taint/sourceHints.ts) asks for it. Optional: elsewhere the type's last name suffices.
   */
  readonly typedParamsByFullName?: boolean;
  /**
   * One case of a switch (or match): the values it compares the subject with (none for the
   * default case), and whether control runs on into the next case when its statements end
   * (`case 1:` without `break`). Null for a case that is not a plain comparison (a capture
   * pattern, a guard). Lets a switch on a constant run only the case it selects; optional:
   * without it every case is walked and joined.
   */
  switchCase?(clause: SyntaxNode): SwitchCase | null;
  /**
   * `this.x` (a `member` on `self`) names the same variable as a bare `x` at that place: no
   * local or parameter `x` hides the field, so both are followed as `x`. Optional: where a bare
   * name never means a field (Python's `self.x`, JavaScript's `this.x`), leave it out.
   */
  receiverField?(member: SyntaxNode): boolean;
  /**
   * The parameter's declared type holds no text (`int port`, `boolean all`): whatever a caller
   * passes, it cannot carry a word into a command or a query. Optional (untyped languages).
   */
  holdsNoText?(p: Param): boolean;
  /**
   * For a statement whose members are analysed one by one (a class whose methods are the
   * units, in a language where all code lives in classes), the node holding those members
   * (the class body); null otherwise. Lets an edit inside one method of a large class
   * re-analyse that method rather than the whole class (engine/incremental.ts). Optional:
   * without it, a top-level statement is the smallest region.
   */
  membersOf?(statement: SyntaxNode): SyntaxNode | null;
  /**
   * A name that says whether a lookup found its key (Go's `_, ok := allowed[x]`, then
   * `if !ok { return }`): the lookup (a `subscript`) whose success the name stands for, so an
   * allow-list check written that way guards like `if allowed[x]`. Optional.
   */
  lookupFlag?(name: SyntaxNode): SyntaxNode | null;
  /**
   * The elements of a list literal the grammar does not write as an `array` node (Go's
   * `[]string{"a", b}`), so the list is followed by position (taint/listPositions.ts). Null for
   * any other node. Optional.
   */
  listItems?(node: SyntaxNode): SyntaxNode[] | null;
  /**
   * An assignment that changes a list by position in the language's own words rather than
   * through a method of the list (Go: `names = append(names, x)`, `names = names[1:]`,
   * `names = append([]string{x}, names...)`): the list and the operations it amounts to, in
   * order. Null for any other assignment. Optional: elsewhere lists change through methods,
   * which the models' `list-positions` rows describe.
   */
  listUpdate?(assign: SyntaxNode): ListUpdate | null;
  /**
   * The comparison builds a query rather than testing two values (an ORM's overloaded `==`:
   * SQLAlchemy's `User.token == token` passed to `filter`), so it compares nothing here and is
   * no timing leak (taint/comparisons.ts). Optional: where `==` always tests, leave it out.
   */
  queryExpression?(comparison: SyntaxNode): boolean;
}

/** What a `listUpdate` assignment does to a list: each operation with the value it adds, if any. */
export interface ListUpdate {
  list: SyntaxNode;
  ops: { op: 'append' | 'prepend' | 'remove-first' | 'pop'; value?: SyntaxNode }[];
}

export interface SwitchCase {
  values: SyntaxNode[];
  fallsThrough: boolean;
}

export interface SyntaxTable {
  kinds: Record<string, Kind>;
  /** Role → the field names that hold it, tried in order. */
  fields: Partial<Record<Role, string[]>>;
  /** Node type → role → field names, where one node type names a role differently (Java's `for (T x : xs)`: `name`, `value`). */
  fieldsByType?: Record<string, Partial<Record<Role, string[]>>>;
}

/** kind(), child(), children() and typesOf() from a pack's table. */
export function tableSyntax(table: SyntaxTable): Pick<TaintSyntax, 'kind' | 'child' | 'children' | 'typesOf'> {
  const kinds = new Map(Object.entries(table.kinds));
  const byKind = new Map<Kind, string[]>();
  for (const [type, kind] of kinds) {
    const list = byKind.get(kind);
    if (list) list.push(type);
    else byKind.set(kind, [type]);
  }
  const fields = table.fields;
  const byType = table.fieldsByType ?? {};
  const names = (node: SyntaxNode, role: Role): string[] => byType[node.type]?.[role] ?? fields[role] ?? [];
  return {
    kind: (node) => kinds.get(node.type),
    child: (node, role) => {
      for (const f of names(node, role)) {
        const c = node.childForFieldName(f);
        if (c) return c;
      }
      return null;
    },
    children: (node, role) => {
      for (const f of names(node, role)) {
        const list = node.childrenForFieldName(f).filter((c): c is SyntaxNode => !!c);
        if (list.length > 0) return list;
      }
      return [];
    },
    typesOf: (...wanted) => wanted.flatMap((k) => byKind.get(k) ?? []),
  };
}

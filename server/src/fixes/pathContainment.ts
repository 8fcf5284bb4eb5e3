/**
 * A file path built from a known root and a value (`path.join(UPLOADS, req.query.name)`,
 * `` `${ROOT}/${name}` ``, `os.path.join(settings.MEDIA_ROOT, name)`) goes through a helper
 * added to the file that resolves it under the root and refuses a result outside it
 * (`../`, an absolute path). The analysis knows the helper by its body (a resolved path
 * checked against its root), not by its name.
 *
 * The root must be known: a constant, a name the language gives a fixed folder
 * (`__dirname`), a module-level name, configuration read through an imported or
 * module-level object (`settings.MEDIA_ROOT`, `current_app.config["UPLOADS"]`), or a call
 * that returns a fixed folder (`os.tmpdir()`) — never request data. The pack names those
 * calls and names, finds a variable's only assignment, splits a template, and writes the
 * helper (languages/<lang>/fixes/paths.ts).
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import { nodeRange } from '../engine/fileContext';
import type { Fix, TextEdit } from '../engine/finding';
import type { FixEntry } from '../languages/packFixes';
import type { Summary } from '../taint/context';
import { isInsideFunction, mentionsName } from './placement';

export interface ContainmentSyntax {
  /** Calls that join path parts (import-resolved names). */
  joins: ReadonlySet<string>;
  /** Calls without arguments that return a fixed folder (`os.tmpdir`). */
  rootCalls: ReadonlySet<string>;
  /** Names that hold a fixed folder wherever they are read (`__dirname`). */
  rootNames: ReadonlySet<string>;
  /** The names the file assigns at its top level. */
  moduleNames(ctx: FileContext): Set<string>;
  /** The value a variable read at `use` was given by its only assignment in the function around it. */
  onlyAssignment(ctx: FileContext, use: SyntaxNode): SyntaxNode | undefined;
  /** A template (`` `${ROOT}/${name}` ``, `f"{ROOT}/{name}"`) as its root and the source text of the rest. */
  splitTemplate(ctx: FileContext, target: SyntaxNode): { root: SyntaxNode; relative: string } | undefined;
  /** A plain string literal (the `'/'` of `ROOT + '/' + name`). */
  plainString(node: SyntaxNode): boolean;
  /** `a + b` of two values would add numbers: a concatenation of values needs a string first. */
  concatNeedsString: boolean;
  /** A function defined at the end of the file can be called from module-level code above it. */
  hoistsFunctions: boolean;
  helperName: string;
  /** The edits that add the helper (at the end of the file) and what it imports; undefined when they cannot be made. */
  helper(ctx: FileContext): TextEdit[] | undefined;
}

const REQUEST_WORDS = /^(req|request|ctx|params|query|body|args|form|GET|POST|FILES|files|headers|cookies|json|data|input|event)$/;

const moduleNamesOf = new WeakMap<FileContext, Set<string>>();

/** A root folder that does not come from a request (see the file comment). */
function knownRoot(ctx: FileContext, syntax: ContainmentSyntax, node: SyntaxNode, depth = 0): boolean {
  const { adapter, bindings, syntax: syn } = ctx;
  if (depth > 8) return false;
  if (typeof adapter.constantValue(node, bindings) === 'string') return true;
  let names = moduleNamesOf.get(ctx);
  if (!names) moduleNamesOf.set(ctx, (names = syntax.moduleNames(ctx)));
  switch (syn.kind(node)) {
    case 'name':
      return syntax.rootNames.has(node.text) || bindings.imports.has(node.text) || names.has(node.text);
    case 'member': {
      const object = syn.child(node, 'object')!;
      const prop = syn.child(node, 'property');
      return !!prop && !REQUEST_WORDS.test(prop.text) && !REQUEST_WORDS.test(object.text) && knownRoot(ctx, syntax, object, depth + 1);
    }
    case 'subscript': {
      const object = syn.child(node, 'object')!;
      const index = syn.child(node, 'index');
      return !!index && adapter.constantValue(index, bindings) !== undefined && !REQUEST_WORDS.test(object.text.split('.').pop() ?? '') && knownRoot(ctx, syntax, object, depth + 1);
    }
    case 'call': {
      const callee = adapter.callee(node);
      const name = callee && adapter.qualify(callee, bindings);
      const args = adapter.positionalArgs(node);
      if (name && syntax.rootCalls.has(name) && args.length === 0) return true;
      // path.join(__dirname, 'uploads')
      return !!name && syntax.joins.has(name) && args.length > 0 && args.every((a) => knownRoot(ctx, syntax, a, depth + 1));
    }
    default:
      return false;
  }
}

/** `root` and the text of the path under it, from a join call or a string built on the root. */
function split(ctx: FileContext, syntax: ContainmentSyntax, target: SyntaxNode): { root: SyntaxNode; relative: string } | undefined {
  const { adapter, bindings, syntax: syn } = ctx;
  const kind = syn.kind(target);
  if (kind === 'call') {
    const callee = adapter.callee(target);
    const name = callee && adapter.qualify(callee, bindings);
    const args = adapter.positionalArgs(target);
    const written = syn.child(target, 'arguments')?.namedChildren.filter((c) => !!c && syn.kind(c) !== 'comment').length;
    if (!name || !syntax.joins.has(name) || args.length < 2 || args.length !== written) return undefined;
    const rest = args.slice(1);
    return { root: args[0]!, relative: rest.length === 1 ? rest[0]!.text : `${callee!.text}(${rest.map((a) => a.text).join(', ')})` };
  }
  // `${ROOT}/${name}`, f"{ROOT}/{name}": the root's substitution and the slash after it go.
  const template = syntax.splitTemplate(ctx, target);
  if (template) return template;
  // ROOT + '/' + name
  if (kind === 'binary' && syn.operator(target) === '+') {
    const operands: SyntaxNode[] = [];
    let n: SyntaxNode = target;
    while (syn.kind(n) === 'binary' && syn.operator(n) === '+') {
      operands.unshift(syn.child(n, 'right')!);
      n = syn.child(n, 'left')!;
    }
    operands.unshift(n);
    const [root, slash, ...rest] = operands;
    const value = slash && adapter.constantValue(slash, bindings);
    if (!root || !slash || !syntax.plainString(slash) || typeof value !== 'string' || !value.startsWith('/') || rest.length === 0) return undefined;
    const tail = value.slice(1);
    const head = tail ? [adapter.stringLiteral(tail, slash)] : syntax.concatNeedsString && rest.length > 1 ? [adapter.stringLiteral('', slash)] : [];
    return { root, relative: [...head, ...rest.map((r) => r.text)].join(' + ') };
  }
  return undefined;
}

/**
 * The containment fix for a path sink's argument `arg` (or, when it is a variable, for the
 * value it was given). `local`: the file's own functions' summaries, to reuse a helper of
 * that name only when it is known to contain paths.
 */
export function pathContainmentFix(ctx: FileContext, arg: SyntaxNode, syntax: ContainmentSyntax, entry: FixEntry, local?: ReadonlyMap<string, Summary>): Fix | undefined {
  const target = ctx.syntax.kind(arg) === 'name' ? syntax.onlyAssignment(ctx, arg) : arg;
  const parts = target && split(ctx, syntax, target);
  if (!target || !parts || !knownRoot(ctx, syntax, parts.root)) return undefined;
  // Module-level code may run before a helper defined at the end of the file exists.
  if (!syntax.hoistsFunctions && !isInsideFunction(ctx, target)) return undefined;
  const name = syntax.helperName;
  const taken = mentionsName(ctx, name);
  if (taken && !local?.get(name)?.returnCleanFor?.get(1)?.includes('path')) return undefined;
  const edits: TextEdit[] = [{ range: nodeRange(target), newText: `${name}(${parts.root.text}, ${parts.relative})` }];
  if (!taken) {
    const helper = syntax.helper(ctx);
    if (!helper) return undefined;
    edits.push(...helper);
  }
  return { title: entry.title, preferred: true, edits };
}

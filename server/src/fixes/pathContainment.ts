/**
 * A file path built from a known root and a value (`path.join(UPLOADS, req.query.name)`,
 * `` `${ROOT}/${name}` ``, `os.path.join(settings.MEDIA_ROOT, name)`) goes through a helper
 * added to the file that resolves it under the root and refuses a result outside it
 * (`../`, an absolute path): `path.resolve` + `startsWith(root + path.sep)` in JavaScript,
 * `Path.resolve()` + `is_relative_to` in Python (3.9+). The analysis knows the helper by
 * its body (a resolved path checked against its root), not by its name.
 *
 * The root must be known: a constant, `__dirname`, a module-level name, configuration read
 * through an imported or module-level object (`settings.MEDIA_ROOT`,
 * `current_app.config["UPLOADS"]`), or `os.tmpdir()`-like calls — never request data.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import { nodeRange } from '../engine/fileContext';
import type { Fix, TextEdit } from '../engine/finding';
import type { Summary } from '../taint/context';
import { appendToFile, isInsideFunction, jsImportDefault, mentionsName, pyImport } from './placement';
import { TAINT_FIXES } from '../taint/fixCatalog';

const JS_JOINS = new Set(['path.join', 'path.resolve', 'path.posix.join', 'path.posix.resolve']);
const PY_JOINS = new Set(['os.path.join', 'posixpath.join']);
const ROOT_CALLS = new Set(['os.tmpdir', 'process.cwd', 'os.homedir', 'os.getcwd', 'tempfile.gettempdir']);
const REQUEST_WORDS = /^(req|request|ctx|params|query|body|args|form|GET|POST|FILES|files|headers|cookies|json|data|input|event)$/;
const JS_FUNCTIONS = new Set(['function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function_declaration']);
const PY_FUNCTIONS = new Set(['function_definition', 'lambda']);

function topLevelNames(ctx: FileContext): Set<string> {
  const names = new Set<string>();
  for (const s of ctx.tree.rootNode.namedChildren) {
    if (!s) continue;
    if (s.type === 'lexical_declaration' || s.type === 'variable_declaration') {
      for (const d of s.namedChildren) if (d?.type === 'variable_declarator' && d.childForFieldName('name')?.type === 'identifier') names.add(d.childForFieldName('name')!.text);
    } else if (s.type === 'expression_statement' && s.namedChild(0)?.type === 'assignment') {
      const left = s.namedChild(0)!.childForFieldName('left');
      if (left?.type === 'identifier') names.add(left.text);
    }
  }
  return names;
}

const rootNames = new WeakMap<FileContext, Set<string>>();

/** A root folder that does not come from a request (see the file comment). */
function knownRoot(ctx: FileContext, node: SyntaxNode, depth = 0): boolean {
  if (depth > 8) return false;
  if (typeof ctx.adapter.constantValue(node, ctx.bindings) === 'string') return true;
  let names = rootNames.get(ctx);
  if (!names) rootNames.set(ctx, (names = topLevelNames(ctx)));
  switch (node.type) {
    case 'identifier':
      return node.text === '__dirname' || ctx.bindings.imports.has(node.text) || names.has(node.text);
    case 'member_expression':
    case 'attribute': {
      const object = node.childForFieldName('object')!;
      const prop = node.childForFieldName('property') ?? node.childForFieldName('attribute');
      return !!prop && !REQUEST_WORDS.test(prop.text) && !REQUEST_WORDS.test(object.text) && knownRoot(ctx, object, depth + 1);
    }
    case 'subscript_expression':
    case 'subscript': {
      const object = node.childForFieldName('object') ?? node.childForFieldName('value')!;
      const index = node.childForFieldName('index') ?? node.childForFieldName('subscript');
      return !!index && ctx.adapter.constantValue(index, ctx.bindings) !== undefined && !REQUEST_WORDS.test(object.text.split('.').pop() ?? '') && knownRoot(ctx, object, depth + 1);
    }
    case 'call_expression':
    case 'call': {
      const callee = ctx.adapter.callee(node);
      const name = callee && ctx.adapter.qualify(callee, ctx.bindings);
      const args = ctx.adapter.positionalArgs(node);
      if (name && ROOT_CALLS.has(name) && args.length === 0) return true;
      // path.join(__dirname, 'uploads')
      return !!name && (JS_JOINS.has(name) || PY_JOINS.has(name)) && args.length > 0 && args.every((a) => knownRoot(ctx, a, depth + 1));
    }
    default:
      return false;
  }
}

/** `root` and the text of the path under it, from a join call or a string built on the root. */
function split(ctx: FileContext, target: SyntaxNode): { root: SyntaxNode; relative: string } | undefined {
  const js = ctx.adapter.family === 'js';
  if (target.type === 'call_expression' || target.type === 'call') {
    const callee = ctx.adapter.callee(target);
    const name = callee && ctx.adapter.qualify(callee, ctx.bindings);
    const args = ctx.adapter.positionalArgs(target);
    if (!name || !(js ? JS_JOINS : PY_JOINS).has(name) || args.length < 2 || args.length !== target.childForFieldName('arguments')?.namedChildren.filter((c) => c?.type !== 'comment').length) return undefined;
    const rest = args.slice(1);
    return { root: args[0]!, relative: rest.length === 1 ? rest[0]!.text : `${callee!.text}(${rest.map((a) => a.text).join(', ')})` };
  }
  // `${ROOT}/${name}`, f"{ROOT}/{name}": the root's substitution and the slash after it go.
  if (target.type === 'template_string' || (target.type === 'string' && /^[rR]?[fF]/.test(target.text))) {
    const parts = target.namedChildren.filter((c): c is SyntaxNode => !!c && !['string_start', 'string_end'].includes(c.type));
    const first = parts[0];
    const next = parts[1];
    const rootExpr = first?.type === 'template_substitution' ? first.namedChild(0) : first?.type === 'interpolation' ? first.childForFieldName('expression') : null;
    if (!first || !next || !rootExpr || first.namedChildCount !== 1 || !/^(string_fragment|string_content)$/.test(next.type) || !next.text.startsWith('/')) return undefined;
    const text = ctx.text;
    const relative = text.slice(target.startIndex, first.startIndex) + text.slice(next.startIndex + 1, target.endIndex);
    return { root: rootExpr, relative };
  }
  // ROOT + '/' + name
  if ((target.type === 'binary_expression' || target.type === 'binary_operator') && target.childForFieldName('operator')?.text === '+') {
    const operands: SyntaxNode[] = [];
    let n: SyntaxNode = target;
    while ((n.type === 'binary_expression' || n.type === 'binary_operator') && n.childForFieldName('operator')?.text === '+') {
      operands.unshift(n.childForFieldName('right')!);
      n = n.childForFieldName('left')!;
    }
    operands.unshift(n);
    const [root, slash, ...rest] = operands;
    const value = slash && ctx.adapter.constantValue(slash, ctx.bindings);
    if (!root || !slash || slash.type !== 'string' || typeof value !== 'string' || !value.startsWith('/') || rest.length === 0) return undefined;
    const tail = value.slice(1);
    const head = tail ? [ctx.adapter.stringLiteral(tail, slash)] : js && rest.length > 1 ? [ctx.adapter.stringLiteral('', slash)] : [];
    return { root, relative: [...head, ...rest.map((r) => r.text)].join(' + ') };
  }
  return undefined;
}

/**
 * `const file = <init>` (or Python `file = <init>`): the only assignment of the variable
 * `use` reads, in the innermost function around it that assigns it (closures included).
 */
function onlyAssignment(ctx: FileContext, use: SyntaxNode): SyntaxNode | undefined {
  const js = ctx.adapter.family === 'js';
  const types = js ? JS_FUNCTIONS : PY_FUNCTIONS;
  for (let fn: SyntaxNode | null = use.parent; fn; fn = fn.parent) {
    if (!types.has(fn.type)) continue;
    const found = assignmentsIn(fn, use.text, js, types);
    if (found === undefined) continue; // not assigned here: look in the enclosing function
    if (found === null || found.length !== 1 || found[0]!.startIndex > use.startIndex) return undefined;
    return found[0];
  }
  return undefined;
}

/** The values `name` is given in `fn` (not in functions nested in it); null when one is not a plain assignment. */
function assignmentsIn(fn: SyntaxNode, name: string, js: boolean, types: ReadonlySet<string>): SyntaxNode[] | null | undefined {
  const found: SyntaxNode[] = [];
  let other = false;
  let declared = false;
  const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  if (params && (params.text === name || params.descendantsOfType('identifier').some((p) => p?.text === name))) return null;
  const stack: SyntaxNode[] = [fn.childForFieldName('body') ?? fn];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n !== fn && types.has(n.type)) continue; // a nested function's own names
    if (n.type === 'variable_declarator' && n.childForFieldName('name')?.text === name) {
      declared = true;
      const kind = n.parent?.firstChild?.text;
      if (kind === 'const' && n.childForFieldName('value')) found.push(n.childForFieldName('value')!);
      else other = true;
    } else if (['assignment', 'assignment_expression', 'augmented_assignment', 'augmented_assignment_expression'].includes(n.type) && n.childForFieldName('left')?.text === name) {
      declared = true;
      if (!js && n.type === 'assignment' && n.childForFieldName('right')) found.push(n.childForFieldName('right')!);
      else other = true;
    } else if ((['for_statement', 'for_in_statement', 'for_in_clause'].includes(n.type) && n.childForFieldName('left')?.text === name) || (n.type === 'as_pattern_target' && n.text === name)) {
      declared = true;
      other = true;
    }
    for (let i = 0; i < n.namedChildCount; i++) stack.push(n.namedChild(i)!);
  }
  if (!declared) return undefined;
  return other ? null : found;
}

function helperText(ctx: FileContext, module: string): string {
  if (ctx.adapter.family === 'python') {
    return `


def path_inside(root, relative):
    """Joins relative to root and refuses a result outside root ("../", an absolute path).

    Needs Python 3.9+ (Path.is_relative_to)."""
    base = ${module}(root).resolve()
    target = (base / relative).resolve()
    if not target.is_relative_to(base):
        raise ValueError(f"path outside {base}: {relative!r}")
    return str(target)
`;
  }
  const typed = ctx.language.id === 'typescript' || ctx.language.id === 'tsx';
  return `

// Resolves \`relative\` under \`root\` and refuses a result outside it ("../", an absolute path).
function pathInside(root${typed ? ': string' : ''}, relative${typed ? ': string' : ''})${typed ? ': string' : ''} {
  const base = ${module}.resolve(root);
  const target = ${module}.resolve(base, relative);
  if (!target.startsWith(base + ${module}.sep)) throw new Error(\`path outside \${base}: \${relative}\`);
  return target;
}
`;
}

/**
 * The containment fix for a path sink's argument `arg` (or, when it is a variable, for the
 * value it was given). `local`: the file's own functions' summaries, to reuse a helper of
 * that name only when it is known to contain paths.
 */
export function pathContainmentFix(ctx: FileContext, arg: SyntaxNode, local?: ReadonlyMap<string, Summary>): Fix | undefined {
  const js = ctx.adapter.family === 'js';
  const target = arg.type === 'identifier' ? onlyAssignment(ctx, arg) : arg;
  const parts = target && split(ctx, target);
  if (!target || !parts || !knownRoot(ctx, parts.root)) return undefined;
  // Module-level Python code runs before a helper defined at the end of the file exists.
  if (!js && !isInsideFunction(target, PY_FUNCTIONS)) return undefined;
  const name = js ? 'pathInside' : 'path_inside';
  const taken = mentionsName(ctx, name);
  if (taken && !local?.get(name)?.returnCleanFor?.get(1)?.includes('path')) return undefined;
  const edits: TextEdit[] = [{ range: nodeRange(target), newText: `${name}(${parts.root.text}, ${parts.relative})` }];
  if (!taken) {
    let module: string;
    let imports: TextEdit[];
    if (js) {
      const path = jsImportDefault(ctx, 'path', 'path', true);
      if (!path) return undefined;
      [module, imports] = [path.local, path.edits];
    } else {
      const existing = existingPath(ctx);
      const pathlib = existing ? undefined : pyImport(ctx, 'pathlib');
      if (!existing && !pathlib) return undefined;
      [module, imports] = existing ? [existing, []] : [`${pathlib!.local}.Path`, pathlib!.edits];
    }
    edits.push(appendToFile(ctx, helperText(ctx, module)), ...imports);
  }
  return { title: TAINT_FIXES.path.containment.title, preferred: true, edits };
}

/** `Path` already imported from pathlib (`from pathlib import Path`). */
function existingPath(ctx: FileContext): string | undefined {
  for (const [local, b] of ctx.bindings.imports) if (b.qualified === 'pathlib.Path') return local;
  return undefined;
}

/**
 * Paths in Python: `os.path.join` with `os.path.basename`, and the `path_inside` helper
 * (`Path.resolve()` + `is_relative_to`, Python 3.9+) for a path built on a known root.
 */
import type { SyntaxNode } from '../../parser';
import type { FileContext } from '../../../engine/fileContext';
import type { BasenameSyntax } from '../../../fixes/pathBasename';
import type { ContainmentSyntax } from '../../../fixes/pathContainment';
import { appendToFile } from '../../../fixes/placement';
import { pyImport } from './placement';

const FUNCTIONS = new Set(['function_definition', 'lambda']);

export const basenameSyntax: BasenameSyntax = {
  joins: new Set(['os.path.join']),
  basename: (module, value) => `${module}.basename(${value})`,
};

function moduleNames(ctx: FileContext): Set<string> {
  const names = new Set<string>();
  for (const s of ctx.tree.rootNode.namedChildren) {
    if (s?.type !== 'expression_statement' || s.namedChild(0)?.type !== 'assignment') continue;
    const left = s.namedChild(0)!.childForFieldName('left');
    if (left?.type === 'identifier') names.add(left.text);
  }
  return names;
}

/** The values `name` is given in `fn` (not in functions nested in it); null when one is not a plain assignment. */
function assignmentsIn(fn: SyntaxNode, name: string): SyntaxNode[] | null | undefined {
  const found: SyntaxNode[] = [];
  let other = false;
  let declared = false;
  const params = fn.childForFieldName('parameters');
  if (params && (params.text === name || params.descendantsOfType('identifier').some((p) => p?.text === name))) return null;
  const stack: SyntaxNode[] = [fn.childForFieldName('body') ?? fn];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n !== fn && FUNCTIONS.has(n.type)) continue; // a nested function's own names
    if ((n.type === 'assignment' || n.type === 'augmented_assignment') && n.childForFieldName('left')?.text === name) {
      declared = true;
      if (n.type === 'assignment' && n.childForFieldName('right')) found.push(n.childForFieldName('right')!);
      else other = true;
    } else if (((n.type === 'for_statement' || n.type === 'for_in_clause') && n.childForFieldName('left')?.text === name) || (n.type === 'as_pattern_target' && n.text === name)) {
      declared = true;
      other = true;
    }
    for (let i = 0; i < n.namedChildCount; i++) stack.push(n.namedChild(i)!);
  }
  if (!declared) return undefined;
  return other ? null : found;
}

/** `file = <init>`: the only assignment of the variable `use` reads, in the innermost function around it that assigns it (closures included). */
function onlyAssignment(_ctx: FileContext, use: SyntaxNode): SyntaxNode | undefined {
  for (let fn: SyntaxNode | null = use.parent; fn; fn = fn.parent) {
    if (!FUNCTIONS.has(fn.type)) continue;
    const found = assignmentsIn(fn, use.text);
    if (found === undefined) continue; // not assigned here: look in the enclosing function
    if (found === null || found.length !== 1 || found[0]!.startIndex > use.startIndex) return undefined;
    return found[0];
  }
  return undefined;
}

/** `f"{ROOT}/{name}"`: the root's interpolation and the slash after it go. */
function splitTemplate(ctx: FileContext, target: SyntaxNode): { root: SyntaxNode; relative: string } | undefined {
  if (target.type !== 'string' || !/^[rR]?[fF]/.test(target.text)) return undefined;
  const parts = target.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'string_start' && c.type !== 'string_end');
  const first = parts[0];
  const next = parts[1];
  const rootExpr = first?.type === 'interpolation' ? first.childForFieldName('expression') : null;
  if (!first || !next || !rootExpr || first.namedChildCount !== 1 || next.type !== 'string_content' || !next.text.startsWith('/')) return undefined;
  const text = ctx.text;
  const relative = text.slice(target.startIndex, first.startIndex) + text.slice(next.startIndex + 1, target.endIndex);
  return { root: rootExpr, relative };
}

function helperText(module: string): string {
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

/** `Path` already imported from pathlib (`from pathlib import Path`). */
function existingPath(ctx: FileContext): string | undefined {
  for (const [local, b] of ctx.bindings.imports) if (b.qualified === 'pathlib.Path') return local;
  return undefined;
}

export const containmentSyntax: ContainmentSyntax = {
  joins: new Set(['os.path.join', 'posixpath.join']),
  rootCalls: new Set(['os.getcwd', 'tempfile.gettempdir']),
  rootNames: new Set(),
  moduleNames,
  onlyAssignment,
  splitTemplate,
  plainString: (node) => node.type === 'string',
  concatNeedsString: false,
  hoistsFunctions: false,
  helperName: 'path_inside',
  helper(ctx) {
    const existing = existingPath(ctx);
    const pathlib = existing ? undefined : pyImport(ctx, 'pathlib');
    if (!existing && !pathlib) return undefined;
    const [module, imports] = existing ? [existing, []] : [`${pathlib!.local}.Path`, pathlib!.edits];
    return [appendToFile(ctx, helperText(module)), ...imports];
  },
};

/**
 * How fixes add code to a Python file: `import module` among the plain imports in
 * alphabetical place (as isort puts a standard-library module), module-level code after the
 * imports with PEP 8's blank lines. Once per file and module, since a file can have
 * thousands of findings.
 */
import type { SyntaxNode } from '../../parser';
import type { FileContext } from '../../../engine/fileContext';
import type { TextEdit } from '../../../engine/finding';
import { eol, insertAt, pos, topLevel, withEol } from '../../../fixes/placement';

/** The local name of `import module` in the file, if any. */
export function pyModuleBinding(ctx: FileContext, module: string): string | undefined {
  // `import urllib.parse` binds `urllib`; the dotted name is usable only when imported as such.
  if (module.includes('.')) return topLevel(ctx).some((s) => s.type === 'import_statement' && s.namedChildren.some((c) => c?.type === 'dotted_name' && c.text === module)) ? module : undefined;
  for (const [local, b] of ctx.bindings.imports) if (b.qualified === module && !b.inList) return local;
  return undefined;
}

function pyImportedModule(node: SyntaxNode): string | undefined {
  if (node.type !== 'import_statement') return undefined;
  const first = node.namedChildren[0];
  return first?.type === 'dotted_name' ? first.text : undefined;
}

const pyImports = new WeakMap<FileContext, Map<string, { local: string; edits: TextEdit[] } | undefined>>();

/**
 * The local name of `module`, adding `import module` among the file's plain imports (in
 * alphabetical place, as isort would put a standard-library module) when it has none.
 * Once per file and module.
 */
export function pyImport(ctx: FileContext, module: string): { local: string; edits: TextEdit[] } | undefined {
  let known = pyImports.get(ctx);
  if (!known) pyImports.set(ctx, (known = new Map()));
  if (!known.has(module)) known.set(module, readPyImport(ctx, module));
  return known.get(module);
}

function readPyImport(ctx: FileContext, module: string): { local: string; edits: TextEdit[] } | undefined {
  const existing = pyModuleBinding(ctx, module);
  if (existing) return { local: existing, edits: [] };
  if (new RegExp(`(?<![\\w.])${module.split('.')[0]}\\s*=`).test(ctx.text)) return undefined; // the name is taken
  const stmts = topLevel(ctx);
  const imports = stmts.filter((s) => s.type === 'import_statement' || s.type === 'import_from_statement' || s.type === 'future_import_statement');
  const nl = eol(ctx);
  const line = `import ${module}`;
  const plain = imports.filter((s) => pyImportedModule(s) !== undefined);
  const later = plain.find((s) => pyImportedModule(s)! > module);
  if (later) return { local: module, edits: [insertAt(pos(later, false), line + nl)] };
  const before = plain[plain.length - 1];
  if (before) return { local: module, edits: [insertAt(pos(before, true), nl + line)] };
  const firstReal = imports.find((s) => s.type !== 'future_import_statement');
  if (firstReal) return { local: module, edits: [insertAt(pos(firstReal, false), line + nl)] };
  const future = imports[imports.length - 1];
  if (future) return { local: module, edits: [insertAt(pos(future, true), nl + nl + line)] };
  // No imports: after the module docstring, else at the top.
  const doc = stmts[0] && stmts[0].type === 'expression_statement' && stmts[0].namedChild(0)?.type === 'string' ? stmts[0] : undefined;
  if (doc) return { local: module, edits: [insertAt(pos(doc, true), nl + nl + line)] };
  return { local: module, edits: [insertAt({ line: 0, character: 0 }, line + nl + nl)] };
}

/** The last top-level import statement of a Python file. */
export function pyLastImport(ctx: FileContext): SyntaxNode | undefined {
  let last: SyntaxNode | undefined;
  for (const s of topLevel(ctx)) {
    if (s.type === 'import_statement' || s.type === 'import_from_statement' || s.type === 'future_import_statement') last = s;
    else if (last) break;
  }
  return last;
}

const firstImports = new WeakMap<FileContext, { node: SyntaxNode | undefined }>();

/** The file's first top-level `import` or `from … import` statement, once per file. */
export function pyFirstImport(ctx: FileContext): SyntaxNode | undefined {
  let known = firstImports.get(ctx);
  if (!known) {
    known = { node: ctx.tree.rootNode.namedChildren.find((c) => c?.type === 'import_statement' || c?.type === 'import_from_statement') ?? undefined };
    firstImports.set(ctx, known);
  }
  return known.node;
}

/**
 * Inserts module-level code (`block`, without blank lines around it) after the file's
 * imports, with two blank lines before and after it as PEP 8 has them around functions.
 */
export function pyAfterImports(ctx: FileContext, block: string): TextEdit | undefined {
  const last = pyLastImport(ctx);
  if (!last) return undefined;
  const following = /^[ \t]*(?:\r?\n[ \t]*)*/.exec(ctx.text.slice(last.endIndex))![0];
  const blankAfter = Math.max(0, (following.match(/\n/g) ?? []).length - 1);
  return insertAt(pos(last, true), withEol(ctx, `\n\n\n${block}${'\n'.repeat(Math.max(0, 2 - blankAfter))}`));
}

/**
 * Where a fix puts the code it adds, in the file's own style: imports beside the file's
 * imports (ES `import`, CommonJS `require`, Python `import`), module-level helpers and
 * constants after them, or at the end of the file.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import type { Position, TextEdit } from '../engine/finding';

function top(ctx: FileContext): SyntaxNode[] {
  return ctx.tree.rootNode.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
}

function pos(node: SyntaxNode, end: boolean): Position {
  const p = end ? node.endPosition : node.startPosition;
  return { line: p.row, character: p.column };
}

function insertAt(at: Position, text: string): TextEdit {
  return { range: { start: at, end: at }, newText: text };
}

/** The line break the file uses. */
export function eol(ctx: FileContext): string {
  return ctx.text.includes('\r\n') ? '\r\n' : '\n';
}

/** `text` (written with \n) in the file's line breaks. */
export function withEol(ctx: FileContext, text: string): string {
  return eol(ctx) === '\n' ? text : text.replace(/\r?\n/g, '\r\n');
}

/** Appends `block` (which starts with its blank lines) after the last non-blank text of the file. */
export function appendToFile(ctx: FileContext, block: string): TextEdit {
  const end = ctx.tree.rootNode.endPosition;
  const trimmed = ctx.text.replace(/\s+$/, '');
  const lines = trimmed.split('\n');
  const after = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  return { range: { start: after, end: { line: end.row, character: end.column } }, newText: withEol(ctx, block.endsWith('\n') ? block : `${block}\n`) };
}

// --- JavaScript ----------------------------------------------------------------------

/** `const x = require('m')` (or `let`/`var`, or a destructuring of it) at the top level. */
function isRequire(node: SyntaxNode): boolean {
  if (node.type !== 'lexical_declaration' && node.type !== 'variable_declaration') return false;
  return node.namedChildren.some((d) => {
    let v = d?.childForFieldName('value');
    while (v && (v.type === 'member_expression' || v.type === 'call_expression') && !(v.type === 'call_expression' && v.childForFieldName('function')?.text === 'require')) {
      v = v.type === 'member_expression' ? v.childForFieldName('object') : v.childForFieldName('function');
    }
    return v?.type === 'call_expression' && v.childForFieldName('function')?.text === 'require';
  });
}

function isDirective(node: SyntaxNode): boolean {
  return node.type === 'expression_statement' && node.namedChild(0)?.type === 'string';
}

export interface JsModuleStyle {
  kind: 'esm' | 'cjs';
  quote: string;
  semicolon: boolean;
  /** `node:crypto` rather than `crypto` for built-in modules. */
  nodePrefix: boolean;
  /** The last statement of the leading import block, if any. */
  lastImport?: SyntaxNode;
}

const styles = new WeakMap<FileContext, { style: JsModuleStyle | undefined }>();

/**
 * How the file imports modules; undefined when it shows neither ES modules nor CommonJS.
 * Once per file: a bundle can have thousands of findings that each ask.
 */
export function jsModuleStyle(ctx: FileContext): JsModuleStyle | undefined {
  let known = styles.get(ctx);
  if (!known) styles.set(ctx, (known = { style: readModuleStyle(ctx) }));
  return known.style;
}

const mentions = new WeakMap<FileContext, Map<string, boolean>>();

/** Whether the file uses `name` as a word anywhere (cached per file and name). */
export function mentionsName(ctx: FileContext, name: string): boolean {
  let names = mentions.get(ctx);
  if (!names) mentions.set(ctx, (names = new Map()));
  let m = names.get(name);
  if (m === undefined) names.set(name, (m = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(ctx.text)));
  return m;
}

function readModuleStyle(ctx: FileContext): JsModuleStyle | undefined {
  const stmts = top(ctx);
  const esm = stmts.some((s) => s.type === 'import_statement' || s.type === 'export_statement');
  const cjs = !esm && (stmts.some(isRequire) || /\bmodule\.exports\b|^exports\.\w+\s*=/m.test(ctx.text));
  if (!esm && !cjs) {
    // A module without imports yet: TypeScript and JSX files are ES modules.
    if (!['typescript', 'tsx'].includes(ctx.language.id) && !/\.(?:mjs|jsx|mts)$/.test(ctx.path ?? '')) return undefined;
  }
  const kind = esm || !cjs ? 'esm' : 'cjs';
  let lastImport: SyntaxNode | undefined;
  for (const s of stmts) {
    if (kind === 'esm' ? s.type === 'import_statement' : isRequire(s)) lastImport = s;
    else if (!isDirective(s) && lastImport) break;
    else if (!isDirective(s) && kind === 'esm') break;
  }
  const sample = lastImport?.descendantsOfType('string')[0]?.text ?? "'";
  const quote = sample.startsWith('"') ? '"' : "'";
  const semicolon = lastImport ? lastImport.text.trimEnd().endsWith(';') : usesSemicolons(stmts);
  const nodePrefix = /(['"])node:[a-z_]+\1/.test(ctx.text);
  return { kind, quote, semicolon, nodePrefix, lastImport };
}

/** Whether most top-level statements end with `;` (yes when there are none to tell). */
function usesSemicolons(stmts: SyntaxNode[]): boolean {
  const simple = stmts.filter((s) => ['expression_statement', 'lexical_declaration', 'variable_declaration'].includes(s.type));
  const ended = simple.filter((s) => s.text.trimEnd().endsWith(';')).length;
  return simple.length === 0 || ended * 2 >= simple.length;
}

/** The local name a module (its default or namespace) is bound to in the file, if any. */
export function jsModuleBinding(ctx: FileContext, module: string): string | undefined {
  for (const [local, b] of ctx.bindings.imports) if (b.qualified === module) return local;
  return undefined;
}

/**
 * The local name for `module`'s default export, adding `import name from 'module'` (or
 * `const name = require('module')`) after the file's imports when it has none; undefined
 * when the file's module style is unknown or the name is taken by something else.
 */
export function jsImportDefault(ctx: FileContext, module: string, name: string, builtin = false): { local: string; edits: TextEdit[] } | undefined {
  const existing = jsModuleBinding(ctx, module);
  if (existing) return { local: existing, edits: [] };
  const style = jsModuleStyle(ctx);
  if (!style) return undefined;
  if (mentionsName(ctx, name)) return undefined;
  const spec = `${style.quote}${builtin && style.nodePrefix ? 'node:' : ''}${module}${style.quote}`;
  const semi = style.semicolon ? ';' : '';
  const line = style.kind === 'esm' ? `import ${name} from ${spec}${semi}` : `const ${name} = require(${spec})${semi}`;
  return { local: name, edits: [importLine(ctx, style.lastImport, line)] };
}

function importLine(ctx: FileContext, after: SyntaxNode | undefined, line: string): TextEdit {
  const nl = eol(ctx);
  if (after) return insertAt(pos(after, true), nl + line);
  // No import yet: after a shebang and directives ('use strict'), else at the top.
  const directives = top(ctx).filter((s, i, all) => isDirective(s) && all.slice(0, i).every(isDirective));
  const last = directives[directives.length - 1];
  if (last) return insertAt(pos(last, true), nl + line);
  const shebang = ctx.text.startsWith('#!') ? ctx.text.indexOf('\n') + 1 : 0;
  return insertAt({ line: shebang > 0 ? 1 : 0, character: 0 }, line + nl + nl);
}

/** Where module-level code added by a fix goes: after the imports (or requires), else at the top. */
export function jsAfterImports(ctx: FileContext, block: string): TextEdit | undefined {
  const style = jsModuleStyle(ctx);
  if (style?.lastImport) return insertAt(pos(style.lastImport, true), withEol(ctx, '\n' + block));
  return undefined;
}

// --- Python --------------------------------------------------------------------------

/** The local name of `import module` in the file, if any. */
export function pyModuleBinding(ctx: FileContext, module: string): string | undefined {
  // `import urllib.parse` binds `urllib`; the dotted name is usable only when imported as such.
  if (module.includes('.')) return top(ctx).some((s) => s.type === 'import_statement' && s.namedChildren.some((c) => c?.type === 'dotted_name' && c.text === module)) ? module : undefined;
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
  const stmts = top(ctx);
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
  for (const s of top(ctx)) {
    if (s.type === 'import_statement' || s.type === 'import_from_statement' || s.type === 'future_import_statement') last = s;
    else if (last) break;
  }
  return last;
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

export function isInsideFunction(node: SyntaxNode, types: ReadonlySet<string>): boolean {
  for (let n = node.parent; n; n = n.parent) if (types.has(n.type)) return true;
  return false;
}

/**
 * Inserts at one position become one edit, their texts in the order given: editors put
 * same-position inserts in array order, and one edit leaves no room for doubt.
 */
export function mergeInserts(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.range.start.line === e.range.start.line && o.range.start.character === e.range.start.character && o.range.end.line === e.range.end.line && o.range.end.character === e.range.end.character && o.range.start.line === o.range.end.line && o.range.start.character === o.range.end.character);
    if (same) same.newText = joinInserts(same.newText, e.newText);
    else out.push({ ...e });
  }
  return out;
}

/** Two inserted lines at one place: `\nimport a` + `\nimport b`, or `import a\n` + `import b\n`. */
function joinInserts(a: string, b: string): string {
  return a + b;
}

const identifiers = new WeakMap<FileContext, Set<string>>();

/** Whether `name` is an identifier anywhere in the file's code (strings and comments do not count). */
export function usesIdentifier(ctx: FileContext, name: string): boolean {
  let names = identifiers.get(ctx);
  if (!names) {
    names = new Set();
    const stack: SyntaxNode[] = [ctx.tree.rootNode];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.childCount === 0) {
        if (/identifier/.test(n.type)) names.add(n.text);
        continue;
      }
      for (let i = 0; i < n.childCount; i++) stack.push(n.child(i)!);
    }
    identifiers.set(ctx, names);
  }
  return names.has(name);
}

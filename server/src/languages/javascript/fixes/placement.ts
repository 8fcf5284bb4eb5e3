/**
 * How fixes add code to a JavaScript or TypeScript file in its own style: an ES `import` or a
 * CommonJS `require` beside the file's imports, in its quotes and semicolons; module-level
 * code after the imports. What it reads from the whole file is computed once per file,
 * since a file can have thousands of findings.
 */
import type { SyntaxNode } from '../../parser';
import type { FileContext } from '../../../engine/fileContext';
import type { TextEdit } from '../../../engine/finding';
import { eol, insertAt, mentionsName, pos, topLevel, withEol } from '../../../fixes/placement';

/** TypeScript (or TSX): the code a fix adds carries types. */
export function isTyped(ctx: FileContext): boolean {
  return ctx.language.id === 'typescript' || ctx.language.id === 'tsx';
}

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

function readModuleStyle(ctx: FileContext): JsModuleStyle | undefined {
  const stmts = topLevel(ctx);
  const esm = stmts.some((s) => s.type === 'import_statement' || s.type === 'export_statement');
  const cjs = !esm && (stmts.some(isRequire) || /\bmodule\.exports\b|^exports\.\w+\s*=/m.test(ctx.text));
  if (!esm && !cjs) {
    // A module without imports yet: TypeScript and JSX files are ES modules.
    if (!isTyped(ctx) && !/\.(?:mjs|jsx|mts)$/.test(ctx.path ?? '')) return undefined;
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

/** `;` where the file ends its statements with one (and where it cannot be told). */
export function semicolon(ctx: FileContext): string {
  return jsModuleStyle(ctx)?.semicolon === false ? '' : ';';
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
  const directives = topLevel(ctx).filter((s, i, all) => isDirective(s) && all.slice(0, i).every(isDirective));
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

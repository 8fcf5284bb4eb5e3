/**
 * Request data pasted into an HTML response: each value spliced into the markup is
 * escaped (`escapeHtml(x)` in JavaScript — the file's own function, the `escape-html`
 * package when the project has it, or a small helper added to the file; `html.escape(str(x))`
 * in Python). Offered where the markup is built in place (concatenation, template literal,
 * f-string, `%`, `.format`) or the response is the request value itself; a variable holding
 * a whole page is left alone, since escaping it would show the page's markup as text.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import { nodeRange } from '../engine/fileContext';
import type { Fix, TextEdit } from '../engine/finding';
import type { SinkHit } from '../taint/context';
import { npmDependency } from './projectDeps';
import { appendToFile, jsImportDefault, pyImport, usesIdentifier } from './placement';
import { flatten, Piece } from './pieces';
import { TAINT_FIXES } from '../taint/fixCatalog';

const ESCAPED = /^[\w$.]*(escape|sanitiz|purify|encode)[\w$]*\s*\(/i;

/** The values to escape in `arg`: the spliced-in expressions, or `arg` itself when it is the request value. */
function valuesIn(ctx: FileContext, hit: SinkHit, arg: SyntaxNode): SyntaxNode[] | undefined {
  if (ctx.adapter.family === 'python' && arg.type === 'binary_operator' && arg.childForFieldName('operator')?.text === '%') {
    const format = ctx.adapter.constantValue(arg.childForFieldName('left')!, ctx.bindings);
    const right = arg.childForFieldName('right')!;
    if (typeof format !== 'string' || /%\(/.test(format)) return undefined;
    const values = right.type === 'tuple' ? right.namedChildren.filter((c): c is SyntaxNode => !!c) : [right];
    return values.length === (format.replace(/%%/g, '').match(/%[sdir]/g) ?? []).length && /%[^sdir%]/.test(format.replace(/%%/g, '')) === false ? values : undefined;
  }
  if (ctx.adapter.family === 'python' && arg.type === 'call') {
    const callee = ctx.adapter.callee(arg);
    if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'format' && typeof ctx.adapter.constantValue(callee.childForFieldName('object')!, ctx.bindings) === 'string') {
      const list = arg.childForFieldName('arguments');
      const values = (list?.namedChildren ?? []).filter((c): c is SyntaxNode => !!c).map((c) => (c.type === 'keyword_argument' ? c.childForFieldName('value') : c));
      if (values.some((v) => !v || v.type === 'list_splat' || v.type === 'dictionary_splat')) return undefined;
      return values as SyntaxNode[];
    }
  }
  const pieces: Piece[] = [];
  if (!flatten(ctx, arg, pieces)) return undefined;
  const exprs = pieces.filter((p): p is { expr: SyntaxNode } => 'expr' in p).map((p) => p.expr);
  if (exprs.length === 0) return undefined;
  if (exprs.length < pieces.length) {
    // An f-string value with a format spec or conversion (`{x!r}`, `{x:>10}`) cannot be wrapped.
    if (exprs.some((e) => e.parent?.type === 'interpolation' && e.parent.namedChildCount > 1)) return undefined;
    return exprs;
  }
  // The whole response is one value: escape it only when it is the request value itself.
  const sources = hit.facts.map((f) => f.sourceText).filter(Boolean);
  return sources.some((s) => arg.text === s || arg.text.startsWith(`${s}.`) || arg.text.startsWith(`${s}[`)) ? [arg] : undefined;
}

function jsEscaper(ctx: FileContext): { call: string; edits: TextEdit[] } | undefined {
  for (const [local, b] of ctx.bindings.imports) if (b.qualified === 'escape-html') return { call: local, edits: [] };
  if (ctx.tree.rootNode.namedChildren.some((s) => s?.type === 'function_declaration' && s.childForFieldName('name')?.text === 'escapeHtml')) return { call: 'escapeHtml', edits: [] };
  if (usesIdentifier(ctx, 'escapeHtml')) return undefined;
  if (npmDependency(ctx.path, ['escape-html'])) {
    const imported = jsImportDefault(ctx, 'escape-html', 'escapeHtml');
    if (imported) return { call: imported.local, edits: imported.edits };
  }
  const typed = ctx.language.id === 'typescript' || ctx.language.id === 'tsx';
  const helper = `

// Escapes text for HTML element content and quoted attribute values.
function escapeHtml(value${typed ? ': unknown' : ''})${typed ? ': string' : ''} {
  const entities${typed ? ': Record<string, string>' : ''} = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return String(value).replace(/[&<>"']/g, (c) => entities[c]${typed ? '!' : ''});
}
`;
  return { call: 'escapeHtml', edits: [appendToFile(ctx, helper)] };
}

export function htmlEscapeFix(ctx: FileContext, hit: SinkHit): Fix | undefined {
  const arg = hit.arg;
  if (!arg) return undefined;
  const js = ctx.adapter.family === 'js';
  // DOM sinks (innerHTML, insertAdjacentHTML) have their own fixes (DOMPurify, textContent).
  if (js && !/response/i.test(hit.sinkText)) return undefined;
  const values = valuesIn(ctx, hit, arg)?.filter((v) => !ESCAPED.test(v.text) && ctx.adapter.constantValue(v, ctx.bindings) === undefined);
  if (!values || values.length === 0) return undefined;
  let call: string;
  let imports: TextEdit[];
  if (js) {
    const escaper = jsEscaper(ctx);
    if (!escaper) return undefined;
    [call, imports] = [escaper.call, escaper.edits];
  } else {
    // `html` is a common variable name; the module is added only where the name is free.
    const bound = [...ctx.bindings.imports].find(([, b]) => b.qualified === 'html' && !b.inList)?.[0];
    if (!bound && usesIdentifier(ctx, 'html')) return undefined;
    const imported = bound ? { local: bound, edits: [] } : pyImport(ctx, 'html');
    if (!imported) return undefined;
    [call, imports] = [`${imported.local}.escape`, imported.edits];
  }
  const wrap = (v: SyntaxNode): string => (js ? `${call}(${v.text})` : `${call}(str(${v.text}))`);
  return {
    title: TAINT_FIXES.html.escape.title,
    preferred: true,
    edits: [...values.map((v) => ({ range: nodeRange(v), newText: wrap(v) })), ...imports],
  };
}

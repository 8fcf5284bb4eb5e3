/**
 * Escaping HTML in JavaScript: `escapeHtml(x)` — the file's own function, the `escape-html`
 * package when the project has it, or a small helper added to the file. Only for HTML
 * responses: DOM sinks (`innerHTML`, `insertAdjacentHTML`) have their own fixes
 * (DOMPurify, `textContent`).
 */
import type { FileContext } from '../../../engine/fileContext';
import type { TextEdit } from '../../../engine/finding';
import type { HtmlEscaper } from '../../../fixes/htmlEscape';
import { appendToFile, usesIdentifier } from '../../../fixes/placement';
import { npmDependency } from './projectDeps';
import { isTyped, jsImportDefault } from './placement';

function escapeFunction(ctx: FileContext): { call: string; edits: TextEdit[] } | undefined {
  for (const [local, b] of ctx.bindings.imports) if (b.qualified === 'escape-html') return { call: local, edits: [] };
  if (ctx.tree.rootNode.namedChildren.some((s) => s?.type === 'function_declaration' && s.childForFieldName('name')?.text === 'escapeHtml')) return { call: 'escapeHtml', edits: [] };
  if (usesIdentifier(ctx, 'escapeHtml')) return undefined;
  if (npmDependency(ctx.path, ['escape-html'])) {
    const imported = jsImportDefault(ctx, 'escape-html', 'escapeHtml');
    if (imported) return { call: imported.local, edits: imported.edits };
  }
  const typed = isTyped(ctx);
  const helper = `

// Escapes text for HTML element content and quoted attribute values.
function escapeHtml(value${typed ? ': unknown' : ''})${typed ? ': string' : ''} {
  const entities${typed ? ': Record<string, string>' : ''} = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return String(value).replace(/[&<>"']/g, (c) => entities[c]${typed ? '!' : ''});
}
`;
  return { call: 'escapeHtml', edits: [appendToFile(ctx, helper)] };
}

export const htmlEscaper: HtmlEscaper = {
  applies: (hit) => /response/i.test(hit.sinkText),
  escaper(ctx) {
    const escape = escapeFunction(ctx);
    return escape && { wrap: (v) => `${escape.call}(${v.text})`, edits: escape.edits };
  },
};

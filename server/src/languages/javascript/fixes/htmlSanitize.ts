/**
 * HTML that is not a constant reaching `dangerouslySetInnerHTML` or `innerHTML`: wrapped in
 * `DOMPurify.sanitize(…)` when the project has DOMPurify (the file imports it, or the
 * nearest package.json lists `dompurify` or `isomorphic-dompurify`); otherwise shown as
 * text — `textContent` for the DOM, a child for React (which escapes it).
 */
import type { SyntaxNode } from '../../parser';
import type { Captures, FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import type { Fix, TextEdit } from '../../../engine/finding';
import type { FixEntry, Recipe } from '../../packFixes';
import { npmDependency } from './projectDeps';
import { jsImportDefault } from './placement';

const PURIFIERS = ['dompurify', 'isomorphic-dompurify'];

const PURIFY: FixEntry = {
  title: 'Sanitize the HTML with DOMPurify',
  when: 'the file imports DOMPurify, or the nearest package.json lists dompurify or isomorphic-dompurify',
};
const REACT_TEXT: FixEntry = { title: 'Render the value as text (React escapes it)', when: 'the element has no children and the object holds only `__html`' };
const TEXT_CONTENT: FixEntry = { title: 'Set textContent instead (the value is shown as text, not parsed as HTML)', when: 'the property is innerHTML' };

/** `DOMPurify.sanitize` as the file can call it, with the edits that import it; undefined without DOMPurify. */
const purifiers = new WeakMap<FileContext, { call: string; edits: TextEdit[] } | null>();

export function domPurify(ctx: FileContext): { call: string; edits: TextEdit[] } | undefined {
  let known = purifiers.get(ctx);
  if (known === undefined) purifiers.set(ctx, (known = findDomPurify(ctx) ?? null));
  return known ?? undefined;
}

function findDomPurify(ctx: FileContext): { call: string; edits: TextEdit[] } | undefined {
  for (const [local, b] of ctx.bindings.imports) {
    if (PURIFIERS.some((m) => b.qualified === m || b.qualified === `${m}.default`)) return { call: `${local}.sanitize`, edits: [] };
    if (PURIFIERS.some((m) => b.qualified === `${m}.sanitize`)) return { call: local, edits: [] };
  }
  const dep = npmDependency(ctx.path, PURIFIERS);
  if (!dep) return undefined;
  const imported = jsImportDefault(ctx, dep, 'DOMPurify');
  return imported && { call: `${imported.local}.sanitize`, edits: imported.edits };
}

function sanitizeFix(ctx: FileContext, value: SyntaxNode): Fix | undefined {
  const purify = domPurify(ctx);
  if (!purify) return undefined;
  return {
    title: PURIFY.title,
    preferred: true,
    edits: [{ range: nodeRange(value), newText: `${purify.call}(${value.text})` }, ...purify.edits],
  };
}

/** `<p dangerouslySetInnerHTML={{ __html: x }} />` → `<p>{x}</p>`. */
function childFix(ctx: FileContext, pair: SyntaxNode, value: SyntaxNode): Fix | undefined {
  const object = pair.parent;
  const container = object?.parent; // jsx_expression
  const attribute = container?.parent;
  const element = attribute?.parent;
  if (object?.type !== 'object' || object.namedChildren.filter((c) => c?.type !== 'comment').length !== 1) return undefined;
  if (container?.type !== 'jsx_expression' || attribute?.type !== 'jsx_attribute' || element?.type !== 'jsx_self_closing_element') return undefined;
  const name = element.childForFieldName('name');
  const slash = element.children.find((c) => c?.type === '/' || c?.type === '/>');
  const before = attribute.previousSibling;
  // A `//` comment among the attributes would swallow the `>` that closes the new tag.
  if (!name || !slash || !before || element.children.some((c) => c?.type === 'comment')) return undefined;
  const text = ctx.text;
  const start = element.startIndex;
  const kept = text.slice(start, before.endIndex) + text.slice(attribute.endIndex, slash.startIndex).trimEnd();
  const child = value.type === 'jsx_element' || value.type === 'jsx_self_closing_element' ? value.text : `{${value.text}}`;
  return {
    title: REACT_TEXT.title,
    preferred: false,
    edits: [{ range: nodeRange(element), newText: `${kept}>${child}</${name.text}>` }],
  };
}

/** Fixes for `dangerouslySetInnerHTML={{ __html: value }}` (captures `pair`, `value`). */
function reactHtmlFixes(ctx: FileContext, captures: Captures): Fix[] {
  const pair = captures.get('pair');
  const value = captures.get('value');
  if (!pair || !value) return [];
  return [sanitizeFix(ctx, value), childFix(ctx, pair, value)].filter((f): f is Fix => !!f);
}

/** Fixes for `el.innerHTML = value` (captures `property`, `value`). */
function innerHtmlFixes(ctx: FileContext, captures: Captures): Fix[] {
  const property = captures.get('property');
  const value = captures.get('value');
  if (!property || !value) return [];
  const text: Fix | undefined =
    property.text === 'innerHTML'
      ? { title: TEXT_CONTENT.title, preferred: false, edits: [{ range: nodeRange(property), newText: 'textContent' }] }
      : undefined;
  return [sanitizeFix(ctx, value), text].filter((f): f is Fix => !!f);
}

export const reactHtml: Recipe = { fixes: { purify: PURIFY, text: REACT_TEXT }, make: reactHtmlFixes };
export const innerHtml: Recipe = { fixes: { purify: PURIFY, text: TEXT_CONTENT }, make: innerHtmlFixes };

/**
 * Values written into HTML without escaping: Django/Jinja2 `|safe` and `{% autoescape off %}`
 * blocks, EJS `<%- x %>`, Handlebars `{{{ x }}}` and `{{& x }}`. Constants, layout slots
 * (`<%- body %>`, `{{{body}}}`, includes) and values named as already-made HTML are left out
 * (rule options), and so are files with no markup (text such as e-mails kept in `.html` files).
 */
import type { CheckHit, DocFix } from '../../documentPack';
import { isDjangoFamily } from '../dialect';
import { filterChain, filterName, isConstant } from '../filters';
import { clip, hit, inScript, isInert, optionRegExp, range, TemplateModel } from '../model';
import type { Tag } from '../tokens';

function textTemplate(model: TemplateModel, options: Readonly<Record<string, unknown>>): boolean {
  if (!model.markup) return true;
  const names = optionRegExp(options, 'text-templates');
  return !!model.path && !!names?.test(model.path.replace(/\\/g, '/'));
}

export function unescapedOutput(model: TemplateModel, options: Readonly<Record<string, unknown>>): CheckHit[] {
  if (textTemplate(model, options)) return [];
  const trusted = optionRegExp(options, 'trusted-values');
  const escaping = optionRegExp(options, 'escaping-filters');
  const slots = optionRegExp(options, 'layout-slots');
  const hits: CheckHit[] = [];
  for (const t of model.tags) {
    if (t.kind !== 'output' || isInert(model, t.start)) continue;
    if (isDjangoFamily(model.dialect)) {
      const { value, filters } = filterChain(t.inner, t.innerStart);
      const at = filters.findIndex((f) => filterName(f) === 'safe');
      if (at < 0 || isConstant(value.text) || trusted?.test(value.text)) continue;
      if (filters.slice(0, at).some((f) => escaping?.test(filterName(f)))) continue;
      const safe = filters[at]!;
      const before = at === 0 ? value : filters[at - 1]!;
      const removal = { start: before.start + before.text.length, end: safe.start + 4 };
      const fix: DocFix = { title: 'Escape the value (remove `|safe`)', edits: [{ range: range(model, removal.start, removal.end), newText: '' }], preferred: false };
      const tagText = model.text.slice(t.start, t.end);
      const fixed = tagText.slice(0, removal.start - t.start) + tagText.slice(removal.end - t.start);
      hits.push(hit(model, t.start, t.end, { value: clip(tagText, 30), escaped: clip(fixed, 30) }, inScript(model, t.start) ? [] : [fix]));
      continue;
    }
    if (!t.raw || isConstant(t.inner) || slots?.test(t.inner) || trusted?.test(t.inner)) continue;
    const fix = rawFix(model, t);
    hits.push(hit(model, t.start, t.end, rawCaptures(model, t), fix && !inScript(model, t.start) ? [fix] : []));
  }
  return hits;
}

function rawCaptures(model: TemplateModel, t: Tag): Record<string, string> {
  const tagText = model.text.slice(t.start, t.end);
  if (model.dialect === 'pug') return { value: clip(tagText, 30), escaped: clip(tagText.startsWith('!=') ? tagText.slice(1) : `#${tagText.slice(1)}`, 30) };
  if (model.dialect === 'ejs') return { value: clip(tagText, 30), escaped: clip(`<%=${tagText.slice(3)}`, 30) };
  return { value: clip(tagText, 30), escaped: clip(model.text.startsWith('{{{', t.start) ? tagText.slice(1, -1) : tagText.replace('&', ''), 30) };
}

/** The fix that writes the value escaped; none for Pug's `!{}` (it may sit in a `script.` block, which this reader does not follow). */
function rawFix(model: TemplateModel, t: Tag): DocFix | undefined {
  if (model.dialect === 'pug') {
    if (model.text.startsWith('!{', t.start)) return undefined;
    return { title: 'Escape the value (`=`)', edits: [{ range: range(model, t.start, t.start + 1), newText: '' }], preferred: false };
  }
  if (model.dialect === 'ejs') return { title: 'Escape the value (`<%=`)', edits: [{ range: range(model, t.start + 2, t.start + 3), newText: '=' }], preferred: false };
  if (model.text.startsWith('{{{', t.start)) {
    return { title: 'Escape the value (`{{ }}`)', edits: [{ range: range(model, t.start + 2, t.start + 3), newText: '' }, { range: range(model, t.end - 1, t.end), newText: '' }], preferred: false };
  }
  const amp = model.text.indexOf('&', t.start);
  return { title: 'Escape the value (`{{ }}`)', edits: [{ range: range(model, amp, amp + 1), newText: '' }], preferred: false };
}

/** `{% autoescape off %}` (Django) / `{% autoescape false %}` (Jinja2) around outputs of values. */
export function autoescapeOff(model: TemplateModel, options: Readonly<Record<string, unknown>>): CheckHit[] {
  if (!isDjangoFamily(model.dialect) || textTemplate(model, options)) return [];
  const hits: CheckHit[] = [];
  const tags = model.tags;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t.kind !== 'statement' || !/^autoescape\s+(?:off|false)$/i.test(t.inner) || isInert(model, t.start)) continue;
    let depth = 0;
    const values: string[] = [];
    for (let j = i + 1; j < tags.length; j++) {
      const u = tags[j]!;
      if (u.kind === 'statement' && /^autoescape\b/.test(u.inner)) depth++;
      if (u.kind === 'statement' && /^endautoescape\b/.test(u.inner) && depth-- === 0) break;
      if (u.kind !== 'output' || depth > 0) continue;
      const { value, filters } = filterChain(u.inner, u.innerStart);
      if (!isConstant(value.text) && !filters.some((f) => ['escape', 'e', 'force_escape'].includes(filterName(f)))) values.push(value.text);
    }
    if (values.length > 0) hits.push(hit(model, t.start, t.end, { value: clip(values[0]!) }));
  }
  return hits;
}

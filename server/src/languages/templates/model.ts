/**
 * A template file as the checks see it: its dialect, its tags, the spans nothing renders
 * (template and HTML comments), whether it is HTML at all, and positions for the findings.
 */
import type { CheckHit, DocFix } from '../documentPack';
import { Dialect, dialectOf } from './dialect';
import { Tag, tokenize, within } from './tokens';
import { LineIndex } from '../lineIndex';

export interface TemplateModel {
  text: string;
  dialect: Dialect;
  path?: string;
  tags: Tag[];
  /** Template comments and verbatim bodies (the engine does not run them). */
  inert: [number, number][];
  /** HTML comments (`<!-- -->`: the template engine still fills them, the browser ignores them). */
  htmlComments: [number, number][];
  /**
   * Whether the file writes HTML markup. One that has no element (an e-mail body, a
   * notification title kept in a `.html` file) renders text, where escaping is not wanted.
   */
  markup: boolean;
  lines: LineIndex;
}

export function readTemplate(text: string, path?: string): TemplateModel {
  const dialect = dialectOf(text, path);
  const { tags, inert } = tokenize(text, dialect);
  const htmlComments: [number, number][] = [];
  for (const m of text.matchAll(/<!--[\s\S]*?(?:-->|$)/g)) htmlComments.push([m.index!, m.index! + m[0].length]);
  // Pug writes its elements as words (`p= x`): its files are HTML.
  return { text, dialect, path, tags, inert, htmlComments, markup: dialect === 'pug' || hasMarkup(text), lines: new LineIndex(text) };
}

/** An HTML element that is not only a line break (`<b>` in a chat message counts). */
function hasMarkup(text: string): boolean {
  return /<(?:html|head|body|div|span|p|a|ul|ol|li|table|tr|td|th|form|input|button|section|article|nav|header|footer|main|h[1-6]|img|script|style|label|select|textarea|pre|code|strong|em|b|i|small|dl|dt|dd|meta|link|title|svg|iframe|option)\b/i.test(text);
}

/**
 * Whether `offset` is inside a `<script>` element, where HTML escaping is the wrong escaping
 * (a value there needs JSON/JS encoding): the fixes that escape for HTML are not offered there.
 */
export function inScript(model: TemplateModel, offset: number): boolean {
  const before = model.text.slice(0, offset);
  const open = before.search(/<script\b[^>]*>(?![\s\S]*<script\b)/i);
  if (open < 0) return false;
  return !/<\/script\s*>/i.test(before.slice(open));
}

/** Whether nothing at `offset` reaches the page (a template or HTML comment). */
export function isInert(model: TemplateModel, offset: number): boolean {
  return within(model.inert, offset) || within(model.htmlComments, offset);
}

export function range(model: TemplateModel, start: number, end: number): CheckHit['range'] {
  return model.lines.range(start, end);
}

export function hit(model: TemplateModel, start: number, end: number, captures: Record<string, string>, fixes: DocFix[] = []): CheckHit {
  return { range: range(model, start, end), captures, fixes };
}

/** A string option of a rule (a regular expression), compiled once per options object. */
const compiled = new WeakMap<object, Map<string, RegExp | undefined>>();
export function optionRegExp(options: Readonly<Record<string, unknown>>, key: string): RegExp | undefined {
  let byKey = compiled.get(options);
  if (!byKey) compiled.set(options, (byKey = new Map()));
  if (!byKey.has(key)) {
    const v = options[key];
    const source = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').join('|') : typeof v === 'string' ? v : '';
    byKey.set(key, source ? new RegExp(source, 'i') : undefined);
  }
  return byKey.get(key);
}

/** Text clipped for a message. */
export function clip(s: string, n = 40): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

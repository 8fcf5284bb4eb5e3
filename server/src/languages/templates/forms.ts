/**
 * HTML forms in a template: the start tag (read past template tags and quoted values inside
 * it), its `method` and `action`, and the body up to `</form>`.
 */
import { isInert, TemplateModel } from './model';

export interface Form {
  start: number;
  /** Offset just after the start tag's `>`. */
  tagEnd: number;
  /** The start tag's text. */
  tag: string;
  /** The body up to `</form>` (to the end of the file when the form closes in another template). */
  body: string;
  closed: boolean;
}

export function formsOf(model: TemplateModel): Form[] {
  const text = model.text;
  const forms: Form[] = [];
  for (const m of text.matchAll(/<form\b/gi)) {
    const start = m.index!;
    if (isInert(model, start)) continue;
    const tagEnd = startTagEnd(text, start + 5);
    if (tagEnd < 0) continue;
    const closeAt = text.slice(tagEnd).search(/<\/form\s*>/i);
    const body = closeAt < 0 ? text.slice(tagEnd) : text.slice(tagEnd, tagEnd + closeAt);
    forms.push({ start, tagEnd, tag: text.slice(start, tagEnd), body, closed: closeAt >= 0 });
  }
  return forms;
}

/** The offset after the `>` that ends a start tag begun before `from`, or -1. */
function startTagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '{' && (text[i + 1] === '%' || text[i + 1] === '{' || text[i + 1] === '#')) {
      const close = text[i + 1] === '%' ? '%}' : text[i + 1] === '#' ? '#}' : '}}';
      const end = text.indexOf(close, i + 2);
      if (end < 0) return -1;
      i = end + 1;
      continue;
    }
    if (c === '<' && text[i + 1] === '%') {
      const end = text.indexOf('%>', i + 2);
      if (end < 0) return -1;
      i = end + 1;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
    else if (c === '<') return -1; // not a tag after all
  }
  return -1;
}

/** An attribute's value in a start tag (quotes removed), undefined when absent. */
export function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? m[1] ?? m[2] ?? m[3] : undefined;
}

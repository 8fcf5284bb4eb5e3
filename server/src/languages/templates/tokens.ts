/**
 * The template tags of a file, found by scanning its text (no grammar covers every dialect, and
 * the HTML around the tags is read only where a check needs it: forms). A tag is a statement
 * (`{% if %}`, `<% code %>`), an output (`{{ x }}`, `<%= x %>`) or a comment; `raw` outputs are
 * the ones written without escaping (`<%- x %>`, `{{{ x }}}`, `{{& x }}`).
 */
import type { Dialect } from './dialect';

export interface Tag {
  kind: 'statement' | 'output' | 'comment';
  /** Written without HTML escaping by the dialect itself (before any filter). */
  raw: boolean;
  start: number;
  end: number;
  /** The text between the delimiters, whitespace-control marks and spaces trimmed. */
  inner: string;
  /** Offset of `inner` in the file. */
  innerStart: number;
}

export interface Tokens {
  tags: Tag[];
  /** Spans whose text the template engine does not run: comments, `{% verbatim %}`/`{% raw %}` bodies. */
  inert: [number, number][];
}

export function tokenize(text: string, dialect: Dialect): Tokens {
  if (dialect === 'ejs') return ejsTokens(text);
  if (dialect === 'handlebars') return handlebarsTokens(text);
  if (dialect === 'pug') return pugTokens(text);
  if (dialect === 'html') return { tags: [], inert: [] };
  return djangoTokens(text);
}

function tag(text: string, kind: Tag['kind'], raw: boolean, start: number, end: number, innerFrom: number, innerTo: number): Tag {
  let a = innerFrom;
  let b = innerTo;
  while (a < b && /[\s\-~]/.test(text[a]!)) a++;
  while (b > a && /[\s\-~_]/.test(text[b - 1]!)) b--;
  return { kind, raw, start, end, inner: text.slice(a, b), innerStart: a };
}

/** Django and Jinja2: `{% %}`, `{{ }}`, `{# #}`, with `{% comment %}` and verbatim/raw bodies inert. */
function djangoTokens(text: string): Tokens {
  const tags: Tag[] = [];
  const inert: [number, number][] = [];
  const open = /\{([%{#])/g;
  let m: RegExpExecArray | null;
  while ((m = open.exec(text))) {
    const start = m.index;
    const close = m[1] === '%' ? '%}' : m[1] === '{' ? '}}' : '#}';
    const end = text.indexOf(close, start + 2);
    if (end < 0) break;
    const t = tag(text, m[1] === '%' ? 'statement' : m[1] === '{' ? 'output' : 'comment', false, start, end + 2, start + 2, end);
    open.lastIndex = end + 2;
    if (t.kind === 'comment') {
      inert.push([t.start, t.end]);
      tags.push(t);
      continue;
    }
    const block = t.kind === 'statement' ? /^(comment|verbatim|raw)\b/.exec(t.inner) : null;
    if (block) {
      const endTag = new RegExp(`\\{%[-+]?\\s*end${block[1]}\\s*[-+]?%\\}`, 'g');
      endTag.lastIndex = t.end;
      const e = endTag.exec(text);
      const stop = e ? e.index + e[0].length : text.length;
      inert.push([block[1] === 'comment' ? t.start : t.end, block[1] === 'comment' ? stop : e ? e.index : stop]);
      open.lastIndex = stop;
      continue;
    }
    tags.push(t);
  }
  return { tags, inert };
}

/** EJS: `<% code %>`, `<%= escaped %>`, `<%- raw %>`, `<%# comment %>` (`<%_`, `-%>`, `_%>` trim whitespace; `<%%` is a literal). */
function ejsTokens(text: string): Tokens {
  const tags: Tag[] = [];
  const inert: [number, number][] = [];
  const open = /<%([%=\-#_]?)/g;
  let m: RegExpExecArray | null;
  while ((m = open.exec(text))) {
    if (m[1] === '%') continue;
    const start = m.index;
    const end = text.indexOf('%>', start + m[0].length);
    if (end < 0) break;
    const kind = m[1] === '=' || m[1] === '-' ? 'output' : m[1] === '#' ? 'comment' : 'statement';
    const t = tag(text, kind, m[1] === '-', start, end + 2, start + m[0].length, end);
    if (kind === 'comment') inert.push([t.start, t.end]);
    tags.push(t);
    open.lastIndex = end + 2;
  }
  return { tags, inert };
}

/** Handlebars: `{{x}}`, `{{{raw}}}`, `{{& raw}}`, `{{! comment}}`, `{{!-- comment --}}`, blocks `{{#if}}…{{/if}}`. */
function handlebarsTokens(text: string): Tokens {
  const tags: Tag[] = [];
  const inert: [number, number][] = [];
  const open = /\{\{(~?)(\{|!--|!|&|[#/^>]?)/g;
  let m: RegExpExecArray | null;
  while ((m = open.exec(text))) {
    const start = m.index;
    if (start > 0 && text[start - 1] === '\\') continue; // \{{ is a literal
    const sigil = m[2]!;
    const close = sigil === '{' ? '}}}' : sigil === '!--' ? '--}}' : '}}';
    const end = text.indexOf(close, start + m[0].length);
    if (end < 0) break;
    const stop = end + close.length;
    const kind = sigil.startsWith('!') ? 'comment' : sigil === '' || sigil === '{' || sigil === '&' ? 'output' : 'statement';
    const t = tag(text, kind, sigil === '{' || sigil === '&', start, stop, start + m[0].length, end);
    if (kind === 'comment') inert.push([t.start, t.end]);
    tags.push(t);
    open.lastIndex = stop;
  }
  return { tags, inert };
}

/**
 * Pug: outputs are lines: `p= x` escapes, `p!= x` and `!= x` do not, nor does `!{x}` inside
 * text (`#{x}` escapes). Comment lines (`//`, `//-`) and the lines indented under them are inert;
 * code lines (`- x`) and `script.`/`style.` text blocks hold no outputs.
 */
function pugTokens(text: string): Tokens {
  const tags: Tag[] = [];
  const inert: [number, number][] = [];
  let offset = 0;
  let blockIndent = -1;
  let textIndent = -1;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    if (blockIndent >= 0) {
      if (body === '' || indent > blockIndent) {
        inert.push([start, start + line.length]);
        continue;
      }
      blockIndent = -1;
    }
    if (textIndent >= 0 && (body === '' || indent > textIndent)) {
      interpolations(line, start, tags);
      continue;
    }
    textIndent = -1;
    if (body.startsWith('//')) {
      inert.push([start, start + line.length]);
      blockIndent = indent;
      continue;
    }
    // `script.`, `style.`, `p.`: a block of plain text (interpolation still applies)
    if (/^[\w:#.-]*(?:\((?:[^()'"]|'[^']*'|"[^"]*")*\))?\.$/.test(body)) {
      textIndent = indent;
      continue;
    }
    if (body.startsWith('-') || /^(?:if|else|unless|each|for|while|case|when|default|include|extends|block|mixin|append|prepend)\b/.test(body)) continue;
    // `tag(attrs)!= expr`, `tag.class#id!= expr`, `!= expr`
    const out = /^((?:[\w:#.-]+)?(?:\((?:[^()'"]|'[^']*'|"[^"]*")*\))?)(!?=)\s*(.*)$/.exec(body);
    if (out && out[3]) {
      const at = start + indent + out[1]!.length;
      const exprAt = at + out[2]!.length + (body.length - out[1]!.length - out[2]!.length - out[3]!.length);
      tags.push({ kind: 'output', raw: out[2] === '!=', start: at, end: start + line.length, inner: out[3]!.trim(), innerStart: exprAt });
      continue;
    }
    interpolations(line, start, tags);
  }
  return { tags, inert };
}

/** Pug's unescaped `!{x}` interpolations in a line of text. */
function interpolations(line: string, start: number, tags: Tag[]): void {
  for (const m of line.matchAll(/!\{([^}]*)\}/g)) {
    tags.push({ kind: 'output', raw: true, start: start + m.index!, end: start + m.index! + m[0].length, inner: m[1]!.trim(), innerStart: start + m.index! + 2 + (m[1]!.length - m[1]!.trimStart().length) });
  }
}

/** Whether `offset` is inside one of `spans` (sorted by start). */
export function within(spans: readonly [number, number][], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid]!;
    if (offset < s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Which template language a file is written in: by its extension where that says it (`.ejs`,
 * `.hbs`, `.j2`), else by its text. Django and Jinja2 share `{% %}`/`{{ }}`; the tags and names
 * only one of them has tell them apart, and a file that shows neither is `django-or-jinja`.
 */
export type Dialect = 'django' | 'jinja' | 'django-or-jinja' | 'ejs' | 'handlebars' | 'pug' | 'html';

const BY_EXTENSION: [RegExp, Dialect][] = [
  [/\.ejs$/i, 'ejs'],
  [/\.(?:hbs|handlebars)$/i, 'handlebars'],
  [/\.(?:pug|jade)$/i, 'pug'],
  [/\.(?:jinja2?|j2|njk)$/i, 'jinja'],
];

/** Tags and names only Django's template language has. */
const DJANGO_SIGNS = /\{%-?\s*(?:load|url|csrf_token|static|trans|blocktrans|translate|blocktranslate|comment|verbatim|now|cycle|firstof|spaceless|empty|ifequal|ifchanged|widthratio|templatetag|querystring)\b|\{\{[^}]*\b(?:block\.super|forloop\.)/;
/** Tags, calls and whitespace control only Jinja2 has. */
const JINJA_SIGNS = /\{%-|-%\}|\{\{-|-\}\}|\{%\s*(?:set|macro|call|import|from|raw|filter|do)\b|\b(?:url_for|get_flashed_messages|csrf_token|super|caller|range|loop\.index)\s*\(|\bloop\.(?:index|first|last)\b|\{\{[^}]*\|\s*(?:e|tojson)\s*\}\}/;
/** Go's html/template and text/template: `{{ .Field }}`, `{{ end }}`, `{{ define "x" }}`. */
const GO_SIGNS = /\{\{-?\s*(?:\.[A-Za-z]|end\b|define\b|template\b|range\s+\$|else\s+if\b)/;

const THYMELEAF = /\sth:[a-z-]+\s*=|xmlns:th=/;

export function dialectOf(text: string, path?: string): Dialect {
  if (path) for (const [re, dialect] of BY_EXTENSION) if (re.test(path)) return dialect;
  if (/<%[=\-_#]?[\s\S]*?%>/.test(text) && !/\{%/.test(text)) return 'ejs';
  if (/\{\{\{|\{\{[#/^>!]\s*[A-Za-z-]/.test(text) && !/\{%/.test(text)) return 'handlebars';
  // Thymeleaf (`th:action`, `${#fields…}`) and other `${…}` languages are HTML with attributes, no tags.
  if (THYMELEAF.test(text)) return 'html';
  const tags = /\{%|(?<![$#@*~])\{#/.test(text);
  if (!tags && (!/\{\{/.test(text) || GO_SIGNS.test(text))) return 'html';
  const django = DJANGO_SIGNS.test(text);
  const jinja = JINJA_SIGNS.test(text);
  if (django && !jinja) return 'django';
  if (jinja && !django) return 'jinja';
  return 'django-or-jinja';
}

/** Whether the dialect is Django's or Jinja2's (the `{% %}` family). */
export function isDjangoFamily(dialect: Dialect): boolean {
  return dialect === 'django' || dialect === 'jinja' || dialect === 'django-or-jinja';
}

/**
 * The templates pack: Django and Jinja2 templates (`.html` under a `templates/` folder,
 * `.jinja`, `.jinja2`, `.j2`, `.njk`), EJS (`.ejs`), Handlebars (`.hbs`, `.handlebars`) and Pug
 * (`.pug`, `.jade`: unescaped outputs only).
 * Their tags are found by scanning the text (no one grammar reads every dialect), and the
 * checks the `rules/templates/` rules name run on what was found.
 */
import type { DocumentPack, ReadText } from '../documentPack';
import { readTemplate, TemplateModel, isInert } from './model';
import { formWithoutCsrfToken } from './checks/csrf';
import { autoescapeOff, unescapedOutput } from './checks/unescaped';

/** Under a `templates/` folder (Django and Flask keep them there), or a template extension. */
const PATH = /(?:^|\/)templates\/(?:.*\/)?[^/]+\.html?$|\.(?:jinja2?|j2|njk|ejs|hbs|handlebars|pug|jade)$/i;

function readText(text: string, _parse: unknown, path?: string): ReadText<TemplateModel> {
  const model = readTemplate(text, path);
  return { model, notices: [], isComment: (offset) => isInert(model, offset) };
}

export const templatesPack: DocumentPack<TemplateModel> = {
  kind: 'templates',
  rulesFolder: 'templates',
  lineComment: '<!--',
  commentTypes: new Set(),
  recognises: (path) => PATH.test(path.replace(/\\/g, '/')),
  editorFiles: [
    { language: 'html', pattern: '**/templates/**/*.{html,htm}' },
    { language: 'django-html', pattern: '**/*.html' },
    { language: 'jinja', pattern: '**/*.{jinja,jinja2,j2,html}' },
    { language: 'jinja-html', pattern: '**/*.{jinja,jinja2,j2,html}' },
    { language: 'ejs', pattern: '**/*.ejs' },
    { language: 'html', pattern: '**/*.ejs' },
    { language: 'handlebars', pattern: '**/*.{hbs,handlebars}' },
    { language: 'nunjucks', pattern: '**/*.njk' },
    { language: 'jade', pattern: '**/*.{pug,jade}' },
    { language: 'pug', pattern: '**/*.{pug,jade}' },
  ],
  readText: (text, parse, path) => readText(text, parse, path),
  checks: {
    'form-without-csrf-token': formWithoutCsrfToken,
    'unescaped-output': unescapedOutput,
    'autoescape-off': autoescapeOff,
  },
  fixTitles: {
    'form-without-csrf-token': ['Add {% csrf_token %} to the form'],
    'unescaped-output': ['Escape the value (remove `|safe`)', 'Escape the value (`<%=`)', 'Escape the value (`{{ }}`)', 'Escape the value (`=`)'],
  },
};

// The templates pack end to end: which files it claims, which dialect a file is read as (by
// extension, else by its tags), and what the checks leave alone on real-world shapes:
// Thymeleaf and Go templates, text templates kept in .html files, Django's own admin
// patterns, ignore comments inside HTML comments.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const root = path.join(__dirname, '..', '..');
const { engine, errors } = W.loadEngine([path.join(root, 'rules')]);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-templates-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function scan(rel, text) {
  const abs = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  const r = await engine.scanFile(abs, { relativePath: rel });
  return { ...r, ids: r.findings.filter((f) => f.ruleId.startsWith('template-') && !f.suppressed).map((f) => `${f.ruleId}:${f.range.start.line}`) };
}

test('the rules load and need no grammar', () => {
  assert.deepEqual(errors, []);
  assert.equal(engine.rules.filter((r) => r.id.startsWith('template-')).length, 3);
  assert.equal(W.DOCUMENT_PACKS.find((p) => p.kind === 'templates').grammar, undefined);
});

test('template files are claimed by folder or extension, other HTML is not', () => {
  const kind = (p) => W.documentPackForPath(p)?.kind;
  for (const p of ['app/templates/index.html', 'blog/templates/blog/post.htm', 'templates/x.html', 'views/a.ejs', 'src/t/card.hbs', 'x.handlebars', 'roles/web/templates/nginx.conf.j2', 'mail.jinja2', 'page.njk']) assert.equal(kind(p), 'templates', p);
  for (const p of ['static/index.html', 'public/templates.html', 'docs/index.html', 'src/app.ts']) assert.notEqual(kind(p), 'templates', p);
});

const FORM = '<form method="post" action="/save">\n  <input name="title">\n</form>\n';

test('a Django template gets the {% csrf_token %} fix, a Jinja2 one the advice only', async () => {
  const django = await scan('shop/templates/shop/edit.html', `{% load static %}\n${FORM}`);
  assert.deepEqual(django.ids, ['template-form-without-csrf-token:1']);
  const fix = django.findings[0].fixes[0];
  assert.equal(fix.edits[0].newText, '{% csrf_token %}');
  assert.deepEqual(fix.edits[0].range.start, { line: 1, character: 35 });
  const jinja = await scan('app/templates/edit.html', `<a href="{{ url_for('index') }}">back</a>\n${FORM}`);
  assert.deepEqual(jinja.ids, ['template-form-without-csrf-token:1']);
  assert.deepEqual(jinja.findings[0].fixes, []);
  assert.match(jinja.findings[0].message, /form\.csrf_token/);
});

test('Thymeleaf, Go templates, EJS and plain HTML forms are not read as Django forms', async () => {
  assert.deepEqual((await scan('src/main/resources/templates/setup.html', `<form th:action="@{/setup}" method="post"><select th:selected="\${#locale.language}"></select></form>`)).ids, []);
  assert.deepEqual((await scan('web/templates/home.html', `{{ define "main" }}${FORM}{{ .Title }}{{ end }}`)).ids, []);
  assert.deepEqual((await scan('templates/static.html', FORM)).ids, []);
  assert.deepEqual((await scan('views/new.ejs', `<h1><%= title %></h1>\n${FORM}`)).ids, []);
});

test('unescaped output: dialect by extension, text templates and developer HTML left alone', async () => {
  assert.deepEqual((await scan('views/card.ejs', '<p><%- bio %></p>\n<%- include("footer") %>\n')).ids, ['template-unescaped-output:0']);
  assert.deepEqual((await scan('views/card.hbs', '<p>{{{bio}}}</p>\n{{{body}}}\n')).ids, ['template-unescaped-output:0']);
  // a notification title and an e-mail body: no markup, or named as e-mail
  assert.deepEqual((await scan('hc/templates/pushover_title.html', '{{ check.name|safe }} is DOWN\n')).ids, []);
  assert.deepEqual((await scan('registration/templates/registration/password_reset_email.html', '{% load i18n %}{% autoescape off %}<p>{{ user.get_username }}</p>{% endautoescape %}\n')).ids, []);
  // Django's own admin shapes
  assert.deepEqual((await scan('admin/templates/admin/includes/fieldset.html', '<div class="description">{{ fieldset.description|safe }}</div>\n<div class="help">{{ field.field.help_text|safe }}</div>\n<div>{{ adminform.form.username|safe }}</div>\n')).ids, []);
  assert.deepEqual((await scan('blog/templates/blog/post.html', '<h1>{{ post.title|safe }}</h1>\n<div>{{ post.body_html|safe }}</div>\n')).ids, ['template-unescaped-output:0']);
});

test('ward-ignore in an HTML comment suppresses, and tags inside comments are not read', async () => {
  const r = await scan('blog/templates/blog/list.html', '<ul>\n<!-- ward-ignore template-unescaped-output -- titles are cleaned on save -->\n<li>{{ post.title|safe }}</li>\n{# <li>{{ draft|safe }}</li> #}\n</ul>\n');
  assert.deepEqual(r.ids, []);
  assert.equal(r.findings.filter((f) => f.suppressed).length, 1);
});

test('Pug: != and !{} are unescaped outputs, code lines, comments and = are not; no fix inside script', async () => {
  const r = await scan('views/api/artist.pug', [
    'extends ../layout',
    'block content',
    '  - if (info != undefined && info.length)',
    '  p= artist.name',
    '  p!= artist.bio',
    '  //- old: p!= artist.summary',
    '  //',
    '    p!= artist.tags',
    '  p Hello #{name}, !{greeting}',
    '  script.',
    '    var dates = !{ dates };',
    '    if (a != b) run();',
    '',
  ].join('\n'));
  assert.deepEqual(r.ids, ['template-unescaped-output:4', 'template-unescaped-output:8', 'template-unescaped-output:10']);
  const fixes = r.findings.filter((f) => f.ruleId === 'template-unescaped-output').map((f) => f.fixes.map((x) => x.edits[0].newText));
  assert.deepEqual(fixes, [[''], [], []]);
});

test('no HTML-escaping fix for values inside <script>', async () => {
  const r = await scan('views/state.ejs', '<p><%- bio %></p>\n<script>window.state = <%- JSON.stringify(state) %>;</script>\n');
  assert.deepEqual(r.ids, ['template-unescaped-output:0', 'template-unescaped-output:1']);
  assert.deepEqual(r.findings.map((f) => f.fixes.length), [1, 0]);
});

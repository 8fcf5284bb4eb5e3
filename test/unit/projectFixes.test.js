// Fixes that depend on the project a file belongs to: DOMPurify is used only where the
// project has it (the file imports it, or the nearest package.json lists dompurify or
// isomorphic-dompurify), escape-html likewise; the manifest is read from disk (never the
// network), per folder, and read again when it changes. Every fix offered here must also
// fix (the same check as test/unit/quickFixes.test.js).
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const { engine } = W.loadEngine([path.join(__dirname, '..', '..', 'rules')]);
const temps = [];
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function project(files) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ward-deps-')));
  temps.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const manifest = (deps, field = 'dependencies') => JSON.stringify({ name: 'app', [field]: deps });
const VIEW = `import { marked } from 'marked';

export function Comment({ body }) {
  return <div className="comment" dangerouslySetInnerHTML={{ __html: marked.parse(body) }} />;
}
`;

async function fixesAt(file, ruleId, absolute = true) {
  const text = fs.readFileSync(file, 'utf8');
  const lang = W.languageForPath(file);
  const result = await engine.scanText(text, lang, absolute ? { absolutePath: file } : {});
  const found = result.findings.filter((f) => f.ruleId === ruleId);
  assert.equal(found.length, 1, `${ruleId} in ${path.basename(file)}: ${JSON.stringify(result.findings.map((f) => f.ruleId))}`);
  const failures = await W.checkFixes(engine, text, { scan: (t) => engine.scanText(t, lang, absolute ? { absolutePath: file } : {}), lang });
  assert.deepEqual(failures, []);
  return { text, fixes: found[0].fixes };
}

test('a project that depends on dompurify gets DOMPurify.sanitize, imported in the file', async () => {
  const dir = project({ 'web/package.json': manifest({ dompurify: '^3.0.0', react: '^18.0.0' }), 'web/src/components/Comment.jsx': VIEW });
  const { text, fixes } = await fixesAt(path.join(dir, 'web/src/components/Comment.jsx'), 'js-react-dangerously-set-inner-html');
  assert.deepEqual(fixes.map((f) => f.title), ['Sanitize the HTML with DOMPurify', 'Render the value as text (React escapes it)']);
  assert.equal(
    W.applyEdits(text, fixes[0].edits),
    VIEW.replace("from 'marked';", "from 'marked';\nimport DOMPurify from 'dompurify';").replace('__html: marked.parse(body)', '__html: DOMPurify.sanitize(marked.parse(body))'),
  );
  assert.equal(W.applyEdits(text, fixes[1].edits), VIEW.replace(' dangerouslySetInnerHTML={{ __html: marked.parse(body) }} />', '>{marked.parse(body)}</div>'));
});

test('isomorphic-dompurify in devDependencies, and a CommonJS file', async () => {
  const dir = project({
    'package.json': manifest({ 'isomorphic-dompurify': '^2.0.0' }, 'devDependencies'),
    'lib/toast.js': "const { format } = require('./format');\n\nfunction toast(el, message) {\n  el.innerHTML = format(message);\n}\n\nmodule.exports = { toast };\n",
  });
  const { text, fixes } = await fixesAt(path.join(dir, 'lib/toast.js'), 'js-innerhtml-assignment');
  assert.deepEqual(fixes.map((f) => f.title), ['Sanitize the HTML with DOMPurify', 'Set textContent instead (the value is shown as text, not parsed as HTML)']);
  assert.match(W.applyEdits(text, fixes[0].edits), /^const \{ format \} = require\('\.\/format'\);\nconst DOMPurify = require\('isomorphic-dompurify'\);\n[\s\S]*el\.innerHTML = DOMPurify\.sanitize\(format\(message\)\);/);
});

test('without the dependency (or without a path) the value is shown as text, and the manifest is read again when it changes', async () => {
  const dir = project({ 'package.json': manifest({ react: '^18.0.0' }), 'src/Comment.jsx': VIEW });
  const file = path.join(dir, 'src/Comment.jsx');
  assert.deepEqual((await fixesAt(file, 'js-react-dangerously-set-inner-html')).fixes.map((f) => f.title), ['Render the value as text (React escapes it)']);
  fs.writeFileSync(path.join(dir, 'package.json'), manifest({ react: '^18.0.0', dompurify: '^3.1.0' }));
  assert.equal((await fixesAt(file, 'js-react-dangerously-set-inner-html')).fixes[0].title, 'Sanitize the HTML with DOMPurify');
  // An unsaved buffer has no project to read.
  assert.deepEqual((await fixesAt(file, 'js-react-dangerously-set-inner-html', false)).fixes.map((f) => f.title), ['Render the value as text (React escapes it)']);
});

test('an unreadable manifest means no known dependency, not a failure', async () => {
  const dir = project({ 'package.json': '{ "dependencies": { "dompurify": ', 'src/Comment.jsx': VIEW });
  assert.deepEqual((await fixesAt(path.join(dir, 'src/Comment.jsx'), 'js-react-dangerously-set-inner-html')).fixes.map((f) => f.title), ['Render the value as text (React escapes it)']);
  const nested = project({ 'package.json': manifest({ dompurify: '3' }), 'packages/ui/package.json': manifest({ react: '18' }), 'packages/ui/Comment.jsx': VIEW });
  // The nearest manifest decides: the workspace root's dependency is not this package's.
  assert.deepEqual((await fixesAt(path.join(nested, 'packages/ui/Comment.jsx'), 'js-react-dangerously-set-inner-html')).fixes.map((f) => f.title), ['Render the value as text (React escapes it)']);
});

test('escape-html from the project for HTML responses, a helper of the file otherwise', async () => {
  const route = "const express = require('express');\n\nconst app = express();\n\napp.get('/hi', (req, res) => {\n  res.send('<p>Hello ' + req.query.name + '</p>');\n});\n";
  const withDep = project({ 'package.json': manifest({ express: '4', 'escape-html': '1' }), 'app.js': route });
  const a = await fixesAt(path.join(withDep, 'app.js'), 'js-xss');
  assert.equal(
    W.applyEdits(a.text, a.fixes[0].edits),
    route.replace("require('express');", "require('express');\nconst escapeHtml = require('escape-html');").replace('+ req.query.name +', '+ escapeHtml(req.query.name) +'),
  );
  const without = project({ 'package.json': manifest({ express: '4' }), 'app.js': route });
  const b = await fixesAt(path.join(without, 'app.js'), 'js-xss');
  assert.match(W.applyEdits(b.text, b.fixes[0].edits), /escapeHtml\(req\.query\.name\)[\s\S]*\nfunction escapeHtml\(value\) \{\n/);
});

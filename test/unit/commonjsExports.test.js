// CommonJS modules export functions by assignment (`exports.findUser = function …`,
// `Categories.exists = async function …`): such a function is followed from the file that
// calls it, and a project function Ward sees into is judged by what it does rather than by
// its method name (`categories.exists(id)` is not Mongo's, `helpers.query(h)` no database's).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const { engine } = W.loadEngine([path.join(__dirname, '..', '..', 'rules')]);

async function scan(files) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-cjs-'));
  const paths = Object.entries(files).map(([name, text]) => {
    const file = path.join(root, name);
    fs.writeFileSync(file, text);
    return file;
  });
  const { index } = await W.buildSummaryIndex(engine, paths, paths);
  const out = [];
  for (const file of paths) {
    const r = await engine.scanFile(file, { relativePath: path.basename(file), budgetMs: 20000, summaryIndex: index });
    for (const f of r.findings) out.push(`${path.basename(file)}:${f.range.start.line + 1} ${f.ruleId}`);
  }
  fs.rmSync(root, { recursive: true, force: true });
  return out.sort();
}

test('exports.f = function: a helper module that builds SQL is followed from the handler', async () => {
  const found = await scan({
    'db.js': [
      "const mysql = require('mysql');",
      'const conn = mysql.createConnection({});',
      'exports.findUser = function (name) {',
      "  return conn.query(\"SELECT * FROM users WHERE name = '\" + name + \"'\");",
      '};',
      'module.exports.byId = async (id) => conn.query(\'SELECT * FROM users WHERE id = ?\', [id]);',
      '',
    ].join('\n'),
    'app.js': [
      "const express = require('express');",
      "const db = require('./db');",
      'const app = express();',
      "app.get('/u', async (req, res) => {",
      '  await db.findUser(req.query.name);',
      '  await db.byId(req.query.id);',
      "  res.send('ok');",
      '});',
      '',
    ].join('\n'),
  });
  assert.deepEqual(found, ['app.js:5 js-sql-injection']);
});

test('a project function named like a database method is judged by its body', async () => {
  const found = await scan({
    'helpers.js': [
      'const Helpers = module.exports;',
      'Helpers.query = async (id) => {',
      "  const res = await fetch('https://example.com/.well-known/webfinger?resource=' + encodeURIComponent(id));",
      '  return res.json();',
      '};',
      '',
    ].join('\n'),
    'posts.js': [
      "const store = require('./store');",
      'const Posts = module.exports;',
      // A key built from the id is a string: no Mongo operator can ride in it.
      'Posts.exists = async function (pid) {',
      '  return store.exists(`post:${pid}`);',
      '};',
      '',
    ].join('\n'),
    'app.js': [
      "const express = require('express');",
      "const helpers = require('./helpers');",
      "const posts = require('./posts');",
      "const User = require('./user');",
      'const app = express();',
      "app.get('/x', async (req, res) => {",
      '  const w = await helpers.query(req.query.handle);',
      '  const e = await posts.exists(req.query.pid);',
      '  const u = await User.findOne({ name: req.query.name });',
      '  res.json({ w, e, u });',
      '});',
      '',
    ].join('\n'),
  });
  // The Mongoose-style model (not a project function Ward sees into) keeps its sink.
  assert.deepEqual(found, ['app.js:9 js-nosql-injection']);
});

test('an upload\'s temporary path is the server\'s; its client-given name is not', async () => {
  const found = await scan({
    'up.js': [
      "const express = require('express');",
      "const fs = require('fs');",
      "const path = require('path');",
      'const app = express();',
      "app.post('/up', (req, res) => {",
      '  const f = req.files[0];',
      "  const data = fs.readFileSync(f.path, 'utf8');",
      '  const same = fs.readFileSync(req.file.path);',
      "  const named = fs.readFileSync(path.join('/srv/up', f.name));",
      "  const original = fs.readFileSync(path.join('/srv/up', req.file.originalname));",
      '  res.json({ data, same, named, original });',
      '});',
      '',
    ].join('\n'),
  });
  assert.deepEqual(found, ['up.js:10 js-path-traversal', 'up.js:9 js-path-traversal']);
});

test('map() gives what its callback returns; a count of anything is no input', async () => {
  const found = await scan({
    'map.js': [
      "const express = require('express');",
      "const cp = require('child_process');",
      "const User = require('./user');",
      'const app = express();',
      "app.get('/m', async (req, res) => {",
      '  const ids = [].concat(req.query.ids);',
      '  const keys = ids.map((id) => `user:${id}`);',
      '  await User.exists(keys);',
      "  const cmds = ids.map((id) => 'ls ' + id);",
      '  cp.exec(cmds[0]);',
      '  const n = ids.filter((id) => id).length;',
      "  cp.exec('ls ' + n);",
      "  res.send('ok');",
      '});',
      '',
    ].join('\n'),
  });
  assert.deepEqual(found, ['map.js:10 js-command-injection']);
});

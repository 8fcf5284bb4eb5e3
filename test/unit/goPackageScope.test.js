// Go packages are folders: the files of one folder share one scope, so a handler calls a helper
// defined in another file of its package by its bare name, with no import; and an import of a
// project package names every file of its folder, not just the first.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const root = path.join(__dirname, '..', '..');
const { engine } = W.loadEngine([path.join(root, 'rules')]);

function project(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-gopkg-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function scan(dir, names) {
  const files = names.map((n) => path.join(dir, n));
  const { index } = await W.buildSummaryIndex(engine, files, files);
  const out = {};
  for (const f of files) {
    const r = await engine.scanFile(f, { relativePath: path.relative(dir, f), budgetMs: 20000, summaryIndex: index });
    out[path.relative(dir, f)] = r.findings.filter((x) => x.ruleId === 'go-sql-injection');
  }
  return out;
}

const GO_MOD = 'module example.com/shop\n\ngo 1.22\n';
const HANDLER = `package main

import "net/http"

func byName(w http.ResponseWriter, r *http.Request) {
	findUser(r.FormValue("name"))
	findUser("guest")
}
`;
const STORE = `package main

import "database/sql"

var db *sql.DB

func findUser(name string) {
	db.Query("SELECT * FROM users WHERE name = '" + name + "'")
}
`;

test('a helper in another file of the same package (no import) is followed, with the trace into its file', async () => {
  const dir = project({ 'go.mod': GO_MOD, 'handlers.go': HANDLER, 'store.go': STORE });
  try {
    const found = await scan(dir, ['handlers.go', 'store.go']);
    assert.deepEqual(found['handlers.go'].map((f) => f.range.start.line + 1), [6], JSON.stringify(found['handlers.go']));
    assert.ok(found['handlers.go'][0].trace.some((s) => s.file === path.join(dir, 'store.go')), 'the trace goes into store.go');
    assert.deepEqual(found['store.go'], []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a function of the same name in another package folder is not this package\'s', async () => {
  const dir = project({ 'go.mod': GO_MOD, 'handlers.go': HANDLER, 'store.go': STORE.replace('func findUser', 'func findUserByID'), 'admin/store.go': STORE.replace('package main', 'package admin') });
  try {
    const found = await scan(dir, ['handlers.go', 'store.go', 'admin/store.go']);
    assert.deepEqual(found['handlers.go'], []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an imported project package is every file of its folder: a function in its second file is found', async () => {
  const handler = `package main

import (
	"net/http"

	"example.com/shop/store"
)

func byName(w http.ResponseWriter, r *http.Request) {
	store.FindUser(r.FormValue("name"))
}
`;
  const first = 'package store\n\nimport "database/sql"\n\nvar db *sql.DB\n';
  const second = 'package store\n\n// FindUser looks a user up.\nfunc FindUser(name string) {\n\tdb.Query("SELECT * FROM users WHERE name = \'" + name + "\'")\n}\n';
  const dir = project({ 'go.mod': GO_MOD, 'main.go': handler, 'store/a_db.go': first, 'store/b_users.go': second });
  try {
    const found = await scan(dir, ['main.go', 'store/a_db.go', 'store/b_users.go']);
    assert.deepEqual(found['main.go'].map((f) => f.range.start.line + 1), [10], JSON.stringify(found['main.go']));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

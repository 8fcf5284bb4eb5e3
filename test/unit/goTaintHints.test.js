// The text hints that pick Go files for the taint pass and for summaries before a scan. A
// Go source or parameter type is named under its module path (`github.com/gorilla/mux.Vars`,
// `github.com/gin-gonic/gin.Context`), and a file reaches it only through an import that
// spells the path out: a hint of the path's first word (`github`) or of the type's last name
// alone (`ctx context.Context)`, `bufio.NewReader(`) picked nearly every Go file.
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dist = path.resolve(process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist'));
const ward = require(path.join(dist, 'engine.js'));
const GO = ward.languageForPath('a.go');

let engine;
before(() => {
  engine = ward.loadEngine([path.join(__dirname, '..', '..', 'rules')]).engine;
});

const hint = (text) => engine.taint.mayHaveSources(text, GO.family, engine.plan(GO).taint);
// A package of two files: what a.go's text makes of b.go (the same package's other file).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-go-hints-'));
const [a, b] = ['a.go', 'b.go'].map((n) => path.join(dir, n));
fs.writeFileSync(b, 'package p\n\nfunc helper(s string) string { return s }\n');
const helpers = (text) => {
  fs.writeFileSync(a, text);
  return engine.taint.helperModules(a, text, GO.family, (p) => p === a || p === b);
};

const library = `package store

import (
	"bufio"
	"context"
	"strings"

	"github.com/hashicorp/errwrap"
)

func Load(ctx context.Context, name string) error {
	r := bufio.NewReader(strings.NewReader(name))
	_, err := r.ReadString('\\n')
	return errwrap.Wrapf("load: {{err}}", err)
}
`;

const gin = `package api

import (
	"os/exec"

	"github.com/gin-gonic/gin"
)

func Run(c *gin.Context) {
	exec.Command(c.Query("cmd")).Run()
}
`;

const mux = `package api

import (
	"net/http"
	"os/exec"

	"github.com/gorilla/mux"
)

func run(name string) { exec.Command(name).Run() }

func Handle(w http.ResponseWriter, r *http.Request) {
	run(mux.Vars(r)["cmd"])
}
`;

test('library code that imports a github.com module and takes a context is not walked', () => {
  assert.equal(hint(library), false);
  assert.deepEqual(helpers(library), []);
});

test('handlers are still found through their imports', () => {
  assert.equal(hint(gin), true);
  assert.equal(hint(mux), true);
  // b.go declares no function the handler calls: nothing to summarise for it.
  assert.deepEqual(helpers(gin), []);
  assert.deepEqual(helpers(gin.replace('exec.Command(c.Query("cmd")).Run()', 'exec.Command(helper(c.Query("cmd"))).Run()')), [b]);
  // The same parameter shape without the framework's import gives no role.
  assert.equal(hint(gin.replace('"github.com/gin-gonic/gin"', '"github.com/other/gin"')), false);
});

test('the handlers keep their findings', async () => {
  for (const text of [gin, mux]) {
    const r = await engine.scanText(text, GO, { relativePath: 'api/a.go' });
    assert.ok(r.findings.some((f) => f.trace && f.ruleId === 'go-command-injection'), r.findings.map((f) => f.ruleId).join());
  }
});

test('of a package, only the files that declare a function the handler calls are summarised for it', () => {
  const pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-go-scope-'));
  const files = {
    'handler.go': gin.replace('exec.Command(c.Query("cmd")).Run()', 'exec.Command(clean(c.Query("cmd"))).Run()\n\tstore.Save(c.Query("k"))'),
    'clean.go': 'package api\n\nfunc clean(s string) string { return s }\n',
    // Declares `clean` only as a method: a call reaches another file's summary by a bare or a package name, never through a receiver.
    'method.go': 'package api\n\ntype T struct{}\n\nfunc (t T) clean(s string) string { return s }\n',
    'other.go': 'package api\n\nfunc unrelated() {}\n',
    // Generic functions and the ones on a line of their own count as declared.
    'generic.go': 'package api\n\nfunc Save[K comparable](k K) {}\n',
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(pkg, name), text);
  const all = new Set(Object.keys(files).map((n) => path.join(pkg, n)));
  const handler = path.join(pkg, 'handler.go');
  const found = engine.taint.helperModules(handler, files['handler.go'], GO.family, (p) => all.has(p));
  assert.deepEqual(found.map((f) => path.basename(f)).sort(), ['clean.go', 'generic.go']);
  // A file changed since is read again.
  fs.writeFileSync(path.join(pkg, 'other.go'), 'package api\n\nfunc unrelated() {}\n\nfunc clean2() {}\n\nfunc clean(s string) string { return s }\n');
  const again = engine.taint.helperModules(handler, files['handler.go'], GO.family, (p) => all.has(p));
  assert.deepEqual(again.map((f) => path.basename(f)).sort(), ['clean.go', 'generic.go', 'other.go']);
  // A file added to the package since is listed.
  const added = path.join(pkg, 'added.go');
  fs.writeFileSync(added, 'package api\n\nfunc Save2() {}\n\nfunc clean(s string) string { return s }\n');
  all.add(added);
  const more = engine.taint.helperModules(handler, files['handler.go'], GO.family, (p) => all.has(p));
  assert.deepEqual(more.map((f) => path.basename(f)).sort(), ['added.go', 'clean.go', 'generic.go', 'other.go']);
});

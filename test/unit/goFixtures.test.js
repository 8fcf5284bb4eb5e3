// Go rule fixtures are real code: every `.fixed.go` (what a quick fix leaves) is formatted
// as gofmt writes it and passes `go vet`, and every `.test.go` type-checks with `go vet`
// too. Each fixture is copied into its own package folder of a temporary module; third-party
// packages the fixtures import are minimal declarations under test/fixtures/go-stubs, wired
// in with `replace` directives, so nothing is downloaded.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..', '..');
const rulesDir = path.join(root, 'rules', 'go');
const { goMissing: skip, vetModule, filesUnder: files } = require('../goToolchain');

/** `go vet` over a module holding each file in its own package folder; returns the spawn result. */
function vet(sources) {
  const result = vetModule('ward.test/fixtures', (dir) => {
    sources.forEach((f, i) => {
      const pkg = path.join(dir, `f${i}`);
      fs.mkdirSync(pkg);
      fs.copyFileSync(f, path.join(pkg, path.basename(f).replace(/\.(test|fixed)\.go$/, '_$1.go').replace(/_test\.go$/, '_case.go')));
    });
  });
  // Name the fixtures in errors rather than the temporary folders.
  return { status: result.status, output: sources.reduce((s, f, i) => s.split(`f${i}/`).join(`${path.relative(root, f)} @ `), result.output) };
}

test('every .fixed.go fixture is formatted as gofmt writes it', { skip }, () => {
  const fixed = files(rulesDir, '.fixed.go');
  assert.ok(fixed.length >= 8, `found ${fixed.length} .fixed.go files`);
  const result = spawnSync('gofmt', ['-l', ...fixed], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), '', `gofmt would change:\n${result.stdout}`);
});

for (const [kind, suffix] of [['fixed', '.fixed.go'], ['test', '.test.go']]) {
  test(`every ${suffix} fixture passes go vet`, { skip }, () => {
    const sources = files(rulesDir, suffix);
    assert.ok(sources.length >= (kind === "fixed" ? 8 : 20), `found ${sources.length} ${suffix} files`);
    const result = vet(sources);
    assert.equal(result.status, 0, `go vet failed:\n${result.output.slice(0, 6000)}`);
  });
}

test('the checks fail on a fixture that go vet or gofmt rejects', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-govet-bad-'));
  try {
    const bad = path.join(dir, 'bad.fixed.go');
    fs.writeFileSync(bad, 'package bad\n\nimport "fmt"\n\nfunc f() {  fmt.Printf("%d", "x") }\n');
    assert.notEqual(vet([bad]).status, 0);
    assert.notEqual(spawnSync('gofmt', ['-l', bad], { encoding: 'utf8' }).stdout.trim(), '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the crypto/rand fix drops the math/rand import with its last use, and the result is gofmt-clean and vets', { skip }, async () => {
  const dist = process.env.WARD_DIST || path.join(root, 'dist');
  const W = require(path.join(dist, 'engine.js'));
  const { engine } = W.loadEngine([path.join(root, 'rules')]);
  const text = ['package token', '', 'import (', '\t"fmt"', '\t"math/rand"', ')', '', 'func newToken() string {', '\ttoken := rand.Int63()', '\treturn fmt.Sprint(token)', '}', ''].join('\n');
  const go = W.LANGUAGES.find((l) => l.id === 'go');
  const found = (await engine.scanText(text, go, { relativePath: 'token.go' })).findings.filter((f) => f.ruleId === 'go-insecure-random');
  assert.equal(found.length, 1);
  const fixed = W.applyEdits(text, found[0].fixes[0].edits);
  assert.doesNotMatch(fixed, /"math\/rand"/);
  assert.match(fixed, /crand "crypto\/rand"/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-cryptorand-'));
  try {
    const file = path.join(dir, 'token.fixed.go');
    fs.writeFileSync(file, fixed);
    assert.equal(spawnSync('gofmt', ['-l', file], { encoding: 'utf8' }).stdout.trim(), '', fixed);
    const result = vet([file]);
    assert.equal(result.status, 0, `${result.output}\n${fixed}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

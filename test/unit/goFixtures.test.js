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

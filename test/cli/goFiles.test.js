// `.go` files in `ward scan`: a Go module's files are scanned with the Go rules, and the
// text, JSON and SARIF outputs carry them (relative URIs, the rule in the driver's list).
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const CLI = path.join(dist, 'cli.js');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-cli-go-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const MAIN = [
  'package main',
  '',
  'import (',
  '\t"crypto/tls"',
  '\t"net/http"',
  ')',
  '',
  'func client() *http.Client {',
  '\treturn &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}',
  '}',
  '',
  'func main() {',
  '\t_ = client()',
  '}',
  '',
].join('\n');

fs.writeFileSync(path.join(dir, 'go.mod'), 'module example.com/app\n\ngo 1.22\n');
fs.mkdirSync(path.join(dir, 'cmd', 'app'), { recursive: true });
fs.writeFileSync(path.join(dir, 'cmd', 'app', 'main.go'), MAIN);

const ward = (...args) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60000, maxBuffer: 64 * 1024 * 1024 });

test('ward scan reports a Go rule in a .go file (JSON) and fails on it', () => {
  const r = ward('scan', '--format', 'json', '--fail-on', 'error');
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout);
  const f = report.findings.filter((x) => x.ruleId === 'go-tls-insecure-skip-verify');
  assert.equal(f.length, 1, r.stdout);
  assert.equal(f[0].path, 'cmd/app/main.go');
  assert.equal(f[0].start.line, 9);
  assert.ok(f[0].fixes?.length >= 1, 'the finding carries its fix');
});

test('SARIF output names the .go file by its relative URI', () => {
  const r = ward('scan', '--format', 'sarif');
  const sarif = JSON.parse(r.stdout);
  const results = sarif.runs[0].results.filter((x) => x.ruleId === 'go-tls-insecure-skip-verify');
  assert.equal(results.length, 1);
  assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'cmd/app/main.go');
  assert.ok(sarif.runs[0].tool.driver.rules.some((rule) => rule.id === 'go-tls-insecure-skip-verify'));
});

// `ward stats`: findings per category and rule with how many carry a quick fix, as text or
// JSON, over the same files and options as `ward scan`.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const CLI = path.join(dist, 'cli.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-stats-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(
  path.join(dir, 'tokens.js'),
  [
    "const crypto = require('crypto');",
    '',
    'function resetToken() {',
    '  return Math.random().toString(36).slice(2);',
    '}',
    '',
    'function run(code) {',
    '  return eval(code);',
    '}',
    '',
    'function apiToken() {',
    '  // ward-ignore js-insecure-random-secret -- test data',
    '  return Math.random().toString(36).slice(2);',
    '}',
    '',
    'module.exports = { resetToken, run, apiToken, crypto };',
    '',
  ].join('\n'),
);

const ward = (...args) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

test('text: a row per category and rule, and the overall share (suppressed findings left out)', () => {
  const run = ward('stats', '.');
  assert.equal(run.status, 0, run.stderr);
  const rows = run.stdout.trim().split('\n').map((l) => l.trim().split(/\s{2,}/));
  assert.deepEqual(rows.slice(0, 6), [
    ['category / rule', 'findings', 'with a fix', 'share'],
    ['crypto', '1', '1', '100%'],
    ['js-insecure-random-secret', '1', '1', '100%'],
    ['injection', '1', '0', '0%'],
    ['js-eval-nonconstant', '1', '0', '0%'],
    ['total', '2', '1', '50%'],
  ]);
  assert.match(run.stdout, /: 1 of 2 findings in 1 file carry a fix \(50%\)\n$/);
});

test('json, --severity, and formats it cannot write', () => {
  const json = JSON.parse(ward('stats', '--format', 'json').stdout);
  assert.deepEqual(json.total, { findings: 2, fixed: 1 });
  assert.deepEqual(json.categories.map((c) => [c.category, c.rules.map((r) => r.ruleId)]), [['crypto', ['js-insecure-random-secret']], ['injection', ['js-eval-nonconstant']]]);
  const errorsOnly = JSON.parse(ward('stats', '--format', 'json', '--severity', 'error').stdout);
  assert.deepEqual(errorsOnly.total, { findings: 0, fixed: 0 });
  const sarif = ward('stats', '--format', 'sarif');
  assert.equal(sarif.status, 2);
  assert.match(sarif.stderr, /text or json/);
});

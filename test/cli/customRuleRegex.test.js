// Issue 12, item 3: `ward scan` with a custom rule whose regex backtracks catastrophically
// (`^(a+)+$` against 40 "a"s and a "!") used to run for minutes. Now the rule is a rule
// error naming its file and line, the rest of the scan runs, and it ends.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-cli-regex-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const rule = (id, regex) => `id: ${id}
title: A string rule of the team's own
message: "Do not write this string."
severity: error
confidence: high
languages: [javascript]
category: config
cwe: [CWE-20]
owasp: [A05:2021]
docs: "A custom rule for the regex safety test; it has no meaning beyond it."
mode: pattern
match:
  string: '${regex}'
`;

test('ward scan with a hostile custom rule: a rule error at its line, and the scan finishes', { timeout: 120_000 }, () => {
  fs.mkdirSync(path.join(dir, 'rules'));
  fs.writeFileSync(path.join(dir, 'rules', 'js-hostile.yaml'), rule('js-hostile', '^(a+)+$'));
  fs.writeFileSync(path.join(dir, 'rules', 'js-marker.yaml'), rule('js-marker', '^marker-[0-9]+$'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'app.js'), `const s = "${'a'.repeat(40)}!";\nconst m = "marker-42";\n`);
  const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', 'src', '--rules', 'rules', '--time-budget', '2000', '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 110_000,
  });
  assert.equal(r.error, undefined, 'the scan must end');
  const line = rule('js-hostile', '^(a+)+$').split('\n').findIndex((l) => l.startsWith('  string:')) + 1;
  assert.match(r.stderr, new RegExp(`rule error: .*js-hostile\\.yaml:${line}: regex "\\^\\(a\\+\\)\\+\\$": can backtrack catastrophically: nested quantifier`));
  const report = JSON.parse(r.stdout);
  const ids = report.findings.map((x) => x.ruleId);
  assert.ok(ids.includes('js-marker'), JSON.stringify(report));
  assert.ok(!ids.includes('js-hostile'));
  assert.equal(r.status, 1, r.stderr);
});

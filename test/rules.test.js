// Runs every rule's fixtures: each `ruleid:` line must be reported, each `ok:` line must
// not, nothing unannotated may be reported, and fixes must produce the `.fixed` file.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { Engine, loadRuleDirs, testRule } = require('../dist/engine.js');

const rulesDir = path.join(__dirname, '..', 'rules');
const { rules, errors } = loadRuleDirs([rulesDir]);
const engine = new Engine(rules);
const knownIds = new Set(rules.map((r) => r.id));

test('every rule file loads against rule.schema.json', () => {
  assert.deepEqual(errors.map((e) => `${path.relative(rulesDir, e.file)}:${e.line}: ${e.message}`), []);
});

for (const rule of rules) {
  test(`rule ${rule.id}`, async () => {
    const result = await testRule(engine, rule, knownIds);
    const report = result.failures.map((f) => `${path.relative(rulesDir, f.file)}:${f.line}: ${f.message}`).join('\n');
    assert.equal(result.failures.length, 0, `\n${report}`);
  });
}

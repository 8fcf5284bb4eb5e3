// Runs every rule's fixtures: each `ruleid:` line must be reported, each `ok:` line must
// not, nothing unannotated may be reported, and fixes must produce the `.fixed` file.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', 'dist');
const { loadEngine, testRule } = require(path.join(dist, 'engine.js'));

const rulesDir = path.join(__dirname, '..', 'rules');
const { engine, errors } = loadEngine([rulesDir]);
const rules = engine.rules;
const knownIds = new Set(rules.map((r) => r.id));

test('every rule file loads against rule.schema.json', () => {
  assert.deepEqual(errors.map((e) => `${path.relative(rulesDir, e.file)}:${e.line}: ${e.message}`), []);
});

// WARD_RULE_FILTER=regex runs only the rules whose id matches (handy while writing one).
const only = process.env.WARD_RULE_FILTER ? new RegExp(process.env.WARD_RULE_FILTER) : undefined;

for (const rule of rules.filter((r) => !only || only.test(r.id))) {
  test(`rule ${rule.id}`, async () => {
    const result = await testRule(engine, rule, knownIds);
    const report = result.failures.map((f) => `${path.relative(rulesDir, f.file)}:${f.line}: ${f.message}`).join('\n');
    assert.equal(result.failures.length, 0, `\n${report}`);
  });
}

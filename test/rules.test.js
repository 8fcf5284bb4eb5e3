// Runs every rule's fixtures: each `ruleid:` line must be reported, each `ok:` line must
// not, nothing unannotated may be reported, and fixes must produce the `.fixed` file.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', 'dist');
const { loadEngine, testRule } = require(path.join(dist, 'engine.js'));
const { firstSentence } = require('./messageText');

const rulesDir = path.join(__dirname, '..', 'rules');
// Dependency rules' fixtures bring their own advisories; the folder is never read.
const { engine, errors } = loadEngine([rulesDir], undefined, { folder: path.join(require('node:os').tmpdir(), 'ward-no-advisories'), maxAgeDays: 7, ignore: [] });
const rules = engine.rules;
const knownIds = new Set(rules.map((r) => r.id));

test('every rule file loads against rule.schema.json', () => {
  assert.deepEqual(errors.map((e) => `${path.relative(rulesDir, e.file)}:${e.line}: ${e.message}`), []);
});

// WARD_RULE_FILTER=regex runs only the rules whose id matches (handy while writing one).
const only = process.env.WARD_RULE_FILTER ? new RegExp(process.env.WARD_RULE_FILTER) : undefined;

const reported = [];
for (const rule of rules.filter((r) => !only || only.test(r.id))) {
  test(`rule ${rule.id}`, async () => {
    const result = await testRule(engine, rule, knownIds);
    reported.push(...result.findings);
    const report = result.failures.map((f) => `${path.relative(rulesDir, f.file)}:${f.line}: ${f.message}`).join('\n');
    assert.equal(result.failures.length, 0, `\n${report}`);
  });
}

// The Problems panel cuts a line at about 110 characters: what is wrong must fit before that,
// and the advice goes to the hover. Measured on what the fixtures really report, with the
// code, sources, sinks and masked secrets filled in.
test('messages on the fixtures are short: first sentence at most 110 characters, under 120 on average', { skip: !!only }, () => {
  assert.ok(reported.length > 500, `the fixtures report ${reported.length} findings`);
  const long = reported.filter((f) => firstSentence(f.message).length > 110).map((f) => `${f.ruleId}: ${f.message}`);
  assert.deepEqual([...new Set(long)], []);
  // A placeholder of the rule's own message left as written (template rules quote `{{ x }}` as code).
  const messageOf = new Map(rules.map((r) => [r.id, r.message]));
  const placeholders = (id) => (messageOf.get(id) ?? '').match(/\{\{\s*[\w:.-]+\s*\}\}/g) ?? [];
  const unfilled = reported.filter((f) => placeholders(f.ruleId).some((p) => f.message.includes(p))).map((f) => `${f.ruleId}: ${f.message}`);
  assert.deepEqual([...new Set(unfilled)], [], 'a placeholder the rule does not capture stays in the message');
  const average = reported.reduce((n, f) => n + f.message.length, 0) / reported.length;
  assert.ok(average < 120, `average message length ${average.toFixed(1)}`);
});

// `defers-to` names a taint rule of the same language whose sinks cover the call, and a capture
// the rule's match has (engine/deferral.ts): a misspelt id would silently never defer.
test('every defers-to names a taint rule of the same language', () => {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const deferring = rules.filter((r) => r.defersTo);
  assert.ok(deferring.length >= 5, `${deferring.length} rules defer to a taint rule`);
  for (const r of deferring) {
    const target = byId.get(r.defersTo.rule);
    assert.equal(target?.mode, 'taint', `${r.id}: defers-to ${r.defersTo.rule} is no taint rule`);
    assert.equal(r.mode, 'pattern', `${r.id}: only pattern rules defer`);
    assert.ok([...r.languages].every((l) => target.languages.has(l)), `${r.id}: ${target.id} does not cover its languages`);
    assert.ok(r.defersTo.kinds?.length > 0, `${r.id}: the sink kinds of ${target.id} were not resolved`);
    assert.ok(r.defersTo.value.every((v) => /^arg\d+$/.test(v)), `${r.id}: defers-to value ${r.defersTo.value} names no argument capture`);
  }
});

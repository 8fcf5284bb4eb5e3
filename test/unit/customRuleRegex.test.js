// Users' rule and model regexes (issue 12, item 3): a pattern that can backtrack
// catastrophically is a rule error at its line and does not run; the others run in linear
// time, so a hostile string cannot stall a scan.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const JS = W.LANGUAGES.find((l) => l.id === 'javascript');
const T = { timeout: 120_000 };

function ruleText(id, body, mode = 'pattern') {
  return `id: ${id}
title: A custom rule of the user's own
message: "Do not write this string."
severity: error
confidence: high
languages: [${mode === 'secret' ? 'generic' : 'javascript'}]
category: ${mode === 'secret' ? 'secrets' : 'config'}
cwe: [CWE-20]
owasp: [A05:2021]
docs: "A rule written for the regex safety tests; it has no meaning beyond them."
mode: ${mode}
${body}`;
}

const HOSTILE = ruleText('js-hostile', "match:\n  string: '^(a+)+$'\n");
const lineOf = (text, needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const HOSTILE_SOURCE = `const s = "${'a'.repeat(40)}!";\nconst t = "aaaa";\n`;

test('a catastrophic regex in a user rule is an error at its line, and the rule does not load', () => {
  const { rule, errors } = W.loadRuleText(HOSTILE, '/home/me/rules/js-hostile.yaml');
  assert.equal(rule, undefined);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].file, '/home/me/rules/js-hostile.yaml');
  assert.equal(errors[0].line, lineOf(HOSTILE, 'string:'));
  assert.match(errors[0].message, /\^\(a\+\)\+\$.*catastrophically.*nested quantifier `\(a\+\)\+` at offset 1/);
});

test('the hostile rule through the engine: reported, not run, and the scan ends', T, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-regex-'));
  fs.writeFileSync(path.join(dir, 'js-hostile.yaml'), HOSTILE);
  // Quadratic in JavaScript's engine on a long run of "a"s: allowed, and run on RE2.
  fs.writeFileSync(path.join(dir, 'js-quadratic.yaml'), ruleText('js-quadratic', "match:\n  string: 'a+b+'\n"));
  const { engine, errors } = W.loadEngine([dir]);
  assert.deepEqual(errors.map((e) => [path.basename(e.file), e.line]), [['js-hostile.yaml', lineOf(HOSTILE, 'string:')]]);
  assert.deepEqual(engine.rules.map((r) => r.id), ['js-quadratic']);
  assert.ok(engine.rules[0].matches[0].stringPattern instanceof W.LinearRegExp);
  // 200 KB of "a" in one template literal (lines under the minified-file limit).
  const long = Array.from({ length: 400 }, () => 'a'.repeat(500)).join('\n');
  const result = await engine.scanText(`${HOSTILE_SOURCE}const u = \`${long}\`;\nconst v = "xaab";\n`, JS);
  assert.deepEqual(result.notices, []);
  assert.deepEqual(result.findings.map((f) => [f.ruleId, f.range.start.line]), [['js-quadratic', 402]]);
});

test('#match? predicates in a user query are checked, and applied by Ward', T, async () => {
  const query = (regex) => `match:\n  query: |\n    ((identifier) @id\n      (#match? @id "${regex}"))\n  report: id\n`;
  const bad = ruleText('js-query-hostile', query('^(\\\\w+)+$'));
  const loaded = W.loadRuleText(bad, '/r/js-query-hostile.yaml');
  assert.equal(loaded.rule, undefined);
  assert.equal(loaded.errors[0].line, lineOf(bad, 'query:'));
  assert.match(loaded.errors[0].message, /\^\(\\w\+\)\+\$.*nested quantifier/);
  const good = W.loadRuleText(ruleText('js-query-ok', query('^danger[A-Z]\\\\w*$')), '/r/js-query-ok.yaml');
  assert.deepEqual(good.errors, []);
  const engine = new W.Engine([good.rule]);
  const result = await engine.scanText('const dangerZone = 1; const safe = dangerous;\n', JS);
  assert.deepEqual(result.findings.map((f) => f.range.start.character), [6]);
});

test('value tests, contexts and secret regexes of user rules are checked too', () => {
  const cases = [
    ['js-where', "match:\n  call: foo\n  args:\n    0: { matches: '(x|x)*y' }\n", 'matches:'],
    ['js-context', "match:\n  string: 'abc'\n  context: '^(\\w+\\s?)+$'\n", 'context:'],
  ];
  for (const [id, body, key] of cases) {
    const text = ruleText(id, body);
    const { rule, errors } = W.loadRuleText(text, `/r/${id}.yaml`);
    assert.equal(rule, undefined, id);
    assert.equal(errors[0]?.line, lineOf(text, key), `${id}: ${JSON.stringify(errors)}`);
  }
  const secret = ruleText('secret-hostile', "secret:\n  regex: 'tok_(\\d+)*$'\n  keywords: [tok_]\n", 'secret');
  const { rule, errors } = W.loadRuleText(secret, '/r/secret-hostile.yaml');
  assert.equal(rule, undefined);
  assert.equal(errors[0].line, lineOf(secret, 'regex:'));
});

test('a user model row with a catastrophic regex is left out, with its file and line', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-models-'));
  const models = path.join(dir, 'javascript', '_models');
  fs.mkdirSync(models, { recursive: true });
  const text = `handlers:\n  - register: ['**.onRoute']\n    first-arg: '^(/|\\w+)+$'\n    params: [request, response]\n  - register: ['**.onSafe']\n    first-arg: '^/'\n    params: [request, response]\n`;
  fs.writeFileSync(path.join(models, 'sources.yaml'), text);
  const errors = [];
  const loaded = W.loadTaintModels([dir], errors);
  assert.deepEqual(errors.map((e) => [e.file, e.line]), [[path.join(models, 'sources.yaml'), lineOf(text, 'first-arg')]]);
  assert.match(errors[0].message, /catastrophically.*this row is left out/);
  assert.deepEqual(loaded.get('js').handlers.map((h) => h.registerNames), [['**.onSafe']]);
});

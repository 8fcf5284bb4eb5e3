// The taint models (rules/<pack>/_models/*.yaml) are checked against a schema when they load
// (server/src/taint/modelSchema.ts): a misspelled or misplaced key, a value of the wrong
// type or a missing key is an error naming the file and line, and the row it is in is left
// out; it used to be ignored without a word (or, for a wrong type, to take all taint down).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { parse } = require('yaml');

const root = path.join(__dirname, '..', '..');
const dist = process.env.WARD_DIST || path.join(root, 'dist');
const W = require(path.join(dist, 'engine.js'));

/** A user's rules folder with one model file for the JavaScript pack. */
function userModels(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-models-'));
  const models = path.join(dir, 'javascript', '_models');
  fs.mkdirSync(models, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(models, name), text);
  return { dir, models };
}

const lineOf = (text, needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const SINKS = [
  '# a user model',
  'sinks:',
  '  - { kind: command, call: [shell.run], args: [0] }',
  '  - kind: sql',
  '    call: [db.raw]',
  '    reciever-role: db',
  '  - kind: html',
  '    call: [page.show]',
  '    content-types: [text/html]',
  '  - { kind: path, call: 5 }',
  '  - { kind: log, args: [0] }',
  '  - { kind: ssrf, call: [net.fetchUrl], args: first }',
  '  - { kind: code, call: [user.eval], when: { shell: { constnt: true } } }',
  'sanitisers:',
  '  - { call: [clean.it], kinds: [sql] }',
  'storing:',
  '  - { from: 1 }',
  '',
].join('\n');

test('each problem of a user model names its file and line, and leaves its row out', () => {
  const { dir, models } = userModels({ 'sinks.yaml': SINKS });
  const file = path.join(models, 'sinks.yaml');
  const errors = [];
  const loaded = W.loadTaintModels([dir], errors);
  const got = errors.map((e) => [e.file, e.line, e.message]);
  const expect = [
    [lineOf(SINKS, 'reciever-role'), /unknown key "reciever-role" in a sinks row; did you mean "receiver-role"\?; this row is left out/],
    [lineOf(SINKS, 'content-types:'), /"content-types" is not a key of a sinks row: it belongs in a model file \(top level\)/],
    [lineOf(SINKS, 'call: 5'), /"sinks\[3\]\.call" must be a dotted name or a list of them, not number 5/],
    [lineOf(SINKS, 'kind: log'), /a sinks row needs one of "call", "new", "assign"/],
    [lineOf(SINKS, 'args: first'), /"sinks\[5\]\.args" must be an argument position, a list of them, or "any"/],
    [lineOf(SINKS, 'constnt'), /unknown key "constnt" in a value test; did you mean "constant"\?/],
    [lineOf(SINKS, 'sanitisers:'), /unknown key "sanitisers" in a model file \(top level\); did you mean "sanitizers"\?; this key is ignored/],
    [lineOf(SINKS, 'from: 1'), /a storing row needs "method"/],
  ];
  assert.equal(got.length, expect.length, JSON.stringify(got, null, 1));
  for (const [i, [line, message]] of expect.entries()) {
    assert.equal(got[i][0], file);
    assert.equal(got[i][1], line, `${got[i][2]} (expected line ${line})`);
    assert.match(got[i][2], message);
  }
  // The good row loads; the others are left out (a wrong type used to throw and take all taint down).
  const sinks = loaded.get('js').sinks;
  assert.deepEqual(sinks.map((s) => s.kind), ['command']);
  assert.equal(loaded.get('js').sanitizers.length, 0);
  assert.equal(loaded.get('js').storing.size, 0);
});

test('a model file that is not YAML is reported at its line; the pack\'s other files still load', () => {
  const bad = 'sinks:\n  - { kind: sql, call: [db.q]\n  - { kind: sql }\n';
  const { dir, models } = userModels({ 'a.yaml': bad, 'b.yaml': 'sinks:\n  - { kind: command, call: [shell.run] }\n' });
  const errors = [];
  const loaded = W.loadTaintModels([dir], errors);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.equal(errors[0].file, path.join(models, 'a.yaml'));
  assert.ok(errors[0].line >= 2, `line ${errors[0].line}`);
  assert.match(errors[0].message, /^YAML: .*; the file is left out$/);
  assert.deepEqual(loaded.get('js').sinks.map((s) => s.kind), ['command']);
});

test('a broken user model is a rule error with file:line, and the built-in taint rules still run', () => {
  const { dir, models } = userModels({ 'sinks.yaml': SINKS });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-models-scan-'));
  fs.writeFileSync(path.join(work, 'app.js'), "const cp = require('child_process');\nrequire('express')().get('/x', (req, res) => cp.exec(req.query.cmd));\n");
  const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', '.', '--rules', dir, '--format', 'json'], { cwd: work, encoding: 'utf8' });
  const file = path.join(models, 'sinks.yaml');
  assert.ok(r.stderr.includes(`${file}:${lineOf(SINKS, 'reciever-role')}: unknown key "reciever-role"`), r.stderr);
  const ids = JSON.parse(r.stdout).findings.map((f) => f.ruleId);
  assert.ok(ids.includes('js-command-injection'), `taint still runs: ${ids}`);
});

test('the shipped models validate clean (from the repository and from the build)', () => {
  for (const rulesDir of [path.join(root, 'rules'), path.join(dist, 'rules')]) {
    const errors = [];
    W.loadTaintModels([rulesDir], errors);
    assert.deepEqual(errors.map((e) => `${path.relative(root, e.file)}:${e.line}: ${e.message}`), [], rulesDir);
  }
  // and directly against the schema, file by file
  for (const pack of fs.readdirSync(path.join(root, 'rules'))) {
    const models = path.join(root, 'rules', pack, '_models');
    if (!fs.existsSync(models)) continue;
    for (const f of fs.readdirSync(models)) {
      const problems = W.checkData(parse(fs.readFileSync(path.join(models, f), 'utf8')), W.MODEL_FILE);
      assert.deepEqual(problems, [], `${pack}/_models/${f}`);
    }
  }
});

test('a built-in model with a problem is reported like a user\'s (trusted models are checked too)', () => {
  const { dir, models } = userModels({ 'sinks.yaml': 'sinks:\n  - { kind: sql, call: [db.q], recevier: true }\n' });
  const errors = [];
  W.loadTaintModels([dir], errors, 'builtin');
  assert.deepEqual(errors.map((e) => [e.file, e.line]), [[path.join(models, 'sinks.yaml'), 2]]);
});

test('value tests in models have the keys of the rules\' value tests (rules/rule.schema.json)', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'rules', 'rule.schema.json'), 'utf8'));
  assert.deepEqual(Object.keys(W.VALUE_TEST.fields).sort(), Object.keys(schema.definitions.value.properties).sort());
});

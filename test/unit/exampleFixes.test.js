// The project's own realistic examples (examples/: an Express + React app, a Flask app, a
// Django app, the demo app): every quick fix offered there fixes its finding without adding
// one or breaking the syntax, and most findings (at least 60 %) carry one — the goal the
// fixes were written for (`ward stats examples` prints the share per category).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const root = path.join(__dirname, '..', '..');
const examples = path.join(root, 'examples');

function codeFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...codeFiles(p));
    else if (W.languageForPath(p)) out.push(p);
  }
  return out.sort();
}

test('every fix on the examples fixes, and at least 60 % of their findings have one', { timeout: 600000 }, async () => {
  const { engine, errors } = W.loadEngine([path.join(root, 'rules')]);
  assert.deepEqual(errors, []);
  const files = codeFiles(examples);
  assert.ok(files.length >= 30, `only ${files.length} example files`);
  const { index } = await W.buildSummaryIndex(engine, files, files);
  const problems = [];
  let findings = 0;
  let fixed = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const lang = W.languageForPath(file);
    const scan = (t) => engine.scanText(t, lang, { budgetMs: 20000, absolutePath: file, summaryIndex: index });
    const result = await scan(text);
    for (const n of result.notices) problems.push(`${path.relative(root, file)}: notice ${n.message}`);
    const live = result.findings.filter((f) => !f.suppressed);
    findings += live.length;
    fixed += live.filter((f) => f.fixes.length > 0).length;
    for (const f of await W.checkFixes(engine, text, { scan, lang })) problems.push(`${path.relative(root, file)}:${f.line} ${f.ruleId} "${f.fix}" ${f.problem}: ${f.detail}`);
  }
  assert.deepEqual(problems, []);
  assert.ok(findings >= 50, `the examples report only ${findings} findings`);
  assert.ok(fixed / findings >= 0.6, `${fixed} of ${findings} findings on the examples carry a fix`);
});

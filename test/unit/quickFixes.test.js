// Every quick fix fixes: each fix of each finding in every rule fixture (with all rules
// loaded, as a user's scan has them) is applied on its own to a fresh copy of the file,
// and the result is scanned again. The finding must be gone, no other finding may appear
// (a pattern rule that the taint finding hid, a rule the inserted code trips), and the
// fixed file must not gain syntax errors. "Ignore" actions are editor code actions, not
// fixes, and are not part of a finding's fixes.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const root = path.join(__dirname, '..', '..');
const rulesDir = path.join(root, 'rules');
const fixtureRules = path.join(root, 'test', 'fixtures', 'rules');
const T = { timeout: 600000 };

/** Fixture files of a rule folder tree: `<id>.test.<ext>` and the `_helpers` modules beside them. */
function fixtureFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(e.name === '_helpers' ? fs.readdirSync(p).map((f) => path.join(p, f)) : fixtureFiles(p)));
    else if (/\.test\./.test(e.name)) out.push(p);
  }
  return out.sort();
}

function helpersBeside(file) {
  const dir = path.join(path.dirname(file), path.basename(path.dirname(file)) === '_helpers' ? '' : '_helpers');
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
}

function table(rows) {
  const head = ['fixture:line', 'rule', 'fix', 'problem', 'detail'];
  const cells = [head, ...rows.map((r) => [r.where, r.ruleId, r.fix, r.problem, r.detail])];
  const widths = head.map((_, i) => Math.min(60, Math.max(...cells.map((c) => c[i].length))));
  return cells.map((c) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]))).join('  ')).join('\n');
}

async function checkFolder(engine, dir, filenameFixtures) {
  const rows = [];
  let fixes = 0;
  for (const file of fixtureFiles(dir)) {
    if (filenameFixtures.has(file)) continue;
    const text = W.expandFixture(fs.readFileSync(file, 'utf8'));
    const lang = W.languageForPath(file);
    const { index } = lang ? await W.buildSummaryIndex(engine, [file], [file, ...helpersBeside(file)]) : { index: undefined };
    const scans = [(t) => (lang ? engine.scanText(t, lang, { budgetMs: 20000, absolutePath: file, summaryIndex: index }) : Promise.resolve(engine.scanGenericText(t)))];
    // YAML fixtures once more as a compose file, whose secrets get a `${VAR}` fix.
    if (!lang && /\.ya?ml$/.test(file)) scans.push((t) => Promise.resolve(engine.scanGenericText(t, { relativePath: 'docker-compose.yml' })));
    for (const scan of scans) {
      const first = await scan(text);
      // A notice (a taint pass that could not run, a budget hit) would make the check vacuous.
      for (const n of first.notices) rows.push({ where: path.relative(root, file), ruleId: '-', fix: '-', problem: 'notice', detail: n.message });
      fixes += first.findings.reduce((n, f) => n + (f.suppressed ? 0 : f.fixes.length), 0);
      for (const f of await W.checkFixes(engine, text, { scan, lang })) {
        rows.push({ ...f, where: `${path.relative(root, file)}:${f.line}` });
      }
    }
  }
  return { rows, fixes };
}

test('every fix of every rule fixture removes its finding and adds none', T, async () => {
  // The shipped rules over their fixtures; the test-only rules over theirs, with the shipped ones.
  const shipped = W.loadEngine([rulesDir]);
  const withTestRules = W.loadEngine([rulesDir, fixtureRules]);
  assert.deepEqual([...shipped.errors, ...withTestRules.errors], []);
  // A `filename` rule's fixture lists paths, not file contents; its findings are about the
  // file's existence and no such rule may carry a fix (checked here, so skipping is safe).
  const byName = withTestRules.engine.rules.filter((r) => r.mode === 'filename');
  assert.deepEqual(byName.filter((r) => r.fix).map((r) => r.id), []);
  const filenameFixtures = new Set(byName.flatMap((r) => W.fixturesFor(r)));
  const a = await checkFolder(shipped.engine, rulesDir, filenameFixtures);
  const b = await checkFolder(withTestRules.engine, fixtureRules, filenameFixtures);
  const rows = [...a.rows, ...b.rows];
  assert.ok(a.fixes >= 200, `only ${a.fixes} fixes offered in the rule fixtures: is the fixture walk broken?`);
  assert.equal(rows.length, 0, `\n${rows.length} of ${a.fixes + b.fixes} fixes do not fix:\n${table(rows)}`);
});

test('the check reports a fix that keeps its finding, adds one, or breaks the syntax', async () => {
  const { engine } = W.loadEngine([rulesDir]);
  const lang = W.languageForPath('a.py');
  const text = 'import os\n\n\ndef f(name):\n    os.system("ls " + name)\n';
  const at = (line, character) => ({ line, character });
  const fakes = [
    // Inserted above the call: the call keeps its finding (moved along) and eval is new.
    { title: 'adds eval', preferred: true, edits: [{ range: { start: at(4, 4), end: at(4, 4) }, newText: 'eval(name)\n    ' }] },
    { title: 'unbalanced', preferred: false, edits: [{ range: { start: at(4, 4), end: at(4, 4) }, newText: '(' }] },
    { title: 'real', preferred: false, edits: [{ range: { start: at(4, 4), end: at(4, 35) }, newText: 'subprocess.run(["ls", name])' }] },
  ];
  const scan = async (t) => {
    const r = await engine.scanText(t, lang);
    return { ...r, findings: r.findings.map((f) => (t === text ? { ...f, fixes: fakes } : f)) };
  };
  const failures = await W.checkFixes(engine, text, { scan, lang });
  const got = failures.map((f) => `${f.ruleId}:${f.line} ${f.fix} ${f.problem} ${f.detail.replace(/ — .*/, '')}`);
  assert.deepEqual(got.filter((g) => !g.includes('unbalanced ')), [
    'py-os-command-shell:5 adds eval kept still reported: py-os-command-shell at 6:15',
    'py-os-command-shell:5 adds eval added new finding: py-eval-exec at 5:10',
  ]);
  assert.ok(got.some((g) => g.includes('unbalanced parse')), got.join('\n'));
});

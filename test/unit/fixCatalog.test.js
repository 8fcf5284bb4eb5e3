// The catalog of quick fixes (server/src/fixes/catalog.ts, built from what the language packs write) is what the
// rule pages promise and what the engine offers: every entry is seen on the rule fixtures, no
// taint fix is offered outside it, and the generated pages say so (js-sql-injection said
// "Quick fix: none" although the editor offered the parameterised query).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const { loadEngine, languageForPath, TAINT_FIXES, RECIPE_FIXES, quickFixesOf, fixDonors, fixTitlesOf } = require(path.join(dist, 'engine.js'));

const rulesDir = path.join(__dirname, '..', '..', 'rules');
const { engine } = loadEngine([rulesDir]);
const familyOf = (file) => languageForPath(file)?.family;
const kindsOf = (rule) => (rule.taint?.sinks ?? []).map((s) => (typeof s === 'string' ? s : s.kind));

/** Every finding of each taint rule on its own fixtures: [{ rule, family, fixes: titles }]. */
async function taintFixtureFindings() {
  const out = [];
  for (const rule of engine.rules.filter((r) => r.mode === 'taint')) {
    const dir = path.dirname(rule.file);
    const fixtures = fs.readdirSync(dir).filter((f) => f.startsWith(`${rule.id}.test.`) && languageForPath(f));
    for (const f of fixtures) {
      const file = path.join(dir, f);
      const result = await engine.scanFile(file, { relativePath: path.relative(rulesDir, file) });
      for (const finding of result.findings.filter((x) => x.ruleId === rule.id)) out.push({ rule, family: familyOf(f), fixes: finding.fixes.map((x) => x.title) });
    }
  }
  return out;
}

test('every (sink kind, language family) in the table gets its fix on some rule fixture, and no other taint fix exists', { timeout: 120000 }, async () => {
  const findings = await taintFixtureFindings();
  assert.ok(findings.length > 50, `taint fixtures scanned: ${findings.length}`);
  for (const [kind, entries] of Object.entries(TAINT_FIXES)) {
    for (const entry of Object.values(entries)) {
      for (const family of entry.families) {
        const seen = findings.some((f) => f.family === family && kindsOf(f.rule).includes(kind) && f.fixes.includes(entry.title));
        assert.ok(seen, `the table promises "${entry.title}" for ${kind} sinks in ${family}, but no fixture finding carries it`);
      }
    }
  }
  for (const f of findings) {
    for (const title of f.fixes) {
      const fromTable = kindsOf(f.rule).some((k) => Object.values(TAINT_FIXES[k] ?? {}).some((e) => e.title === title && e.families.includes(f.family)));
      // Or the fix of a pattern rule for the same weakness on the same call, which the taint finding takes over.
      const donated = fixDonors(f.rule, engine.rules).some((p) => fixTitlesOf(p).includes(title));
      assert.ok(fromTable || donated, `${f.rule.id} (${f.family}) offers "${title}", which neither the table nor a pattern rule for the same weakness explains`);
    }
  }
});

test('the rule pages take their Quick fix line from the rule and the table', async () => {
  const { writeRuleDocs } = await import(path.join(__dirname, '..', '..', 'scripts', 'ruleDocs.mjs'));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-docs-'));
  try {
    writeRuleDocs(rulesDir, out);
    const quickFix = (id) => /^\| Quick fix \| (.*) \|$/m.exec(fs.readFileSync(path.join(out, `${id}.md`), 'utf8'))?.[1];
    assert.match(quickFix('js-sql-injection'), /^Pass the values as query parameters \(offered when/);
    assert.match(quickFix('py-command-injection'), /; Quote the values with shlex\.quote \(offered when/);
    assert.equal(quickFix('js-command-injection'), 'Run the program with execFile and an argument array (where js-child-process-exec reports the same call)', 'shlex.quote is Python only; the pattern rule\'s execFile fix is taken over');
    assert.equal(quickFix('js-child-process-exec'), 'Run the program with execFile and an argument array', 'a pattern rule: its fix title');
    assert.match(quickFix('secret-stripe-secret-key'), /^Read the value from an environment variable/);
    assert.match(quickFix('js-xss'), /set textContent instead \(where js-innerhtml-assignment reports the same call\)/);
    assert.match(quickFix('js-xss'), /Escape the values inserted into the HTML \(offered when/);
    // Flask debug mode lists CWE-94 on the side; it never reports an eval call, so it lends no fix.
    assert.equal(
      quickFix('py-code-injection'),
      'Parse the value as a Python literal (ast.literal_eval) where it is data, not code (where py-eval-exec reports the same call); Parse the value as a Python literal (ast.literal_eval) instead of running it (offered when eval gets a value read from somewhere, its result is used as a value, and nothing names it as code)',
    );
    // A recipe several packs write (data-eval) lists, on a rule's page, the fix of the rule's own language.
    assert.match(quickFix('js-eval-nonconstant'), /^Parse the value as JSON \(JSON\.parse\) instead of running it \(offered when [^;]*\)$/);
    assert.match(quickFix('py-eval-exec'), /^Parse the value as a Python literal \(ast\.literal_eval\) instead of running it \(offered when [^;]*\)$/);
    // A pattern rule with a recipe lists the recipe's fixes.
    assert.equal(quickFix('js-react-dangerously-set-inner-html').split('; ').length, 2);
    assert.match(quickFix('js-react-dangerously-set-inner-html'), /^Sanitize the HTML with DOMPurify \(offered when the file imports DOMPurify, or the nearest package\.json lists/);
    assert.match(fs.readFileSync(path.join(out, 'js-sql-injection.md'), 'utf8'), /\| OWASP Top 10 \| \[OWASP A03:2021 Injection\]\(https:\/\/owasp\.org\/Top10\/A03_2021-Injection\/\) \|/);
    // Every taint rule's page agrees with the table.
    for (const rule of engine.rules.filter((r) => r.mode === 'taint')) {
      const expected = quickFixesOf(rule, engine.rules);
      assert.equal(quickFix(rule.id), expected.length ? expected.join('; ') : 'none', rule.id);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('every recipe fix a pattern finding offers on the fixtures is one the catalog lists for its rule', { timeout: 120000 }, async () => {
  const offered = new Map(Object.keys(RECIPE_FIXES).map((r) => [r, new Set()]));
  for (const rule of engine.rules.filter((r) => r.fix?.recipe)) {
    const allowed = fixTitlesOf(rule);
    const dir = path.dirname(rule.file);
    for (const f of fs.readdirSync(dir).filter((n) => n.startsWith(`${rule.id}.test.`) && languageForPath(n))) {
      const result = await engine.scanFile(path.join(dir, f));
      for (const finding of result.findings.filter((x) => x.ruleId === rule.id)) {
        for (const fix of finding.fixes) {
          assert.ok(allowed.includes(fix.title), `${rule.id} offers "${fix.title}", not in RECIPE_FIXES['${rule.fix.recipe}']`);
          offered.get(rule.fix.recipe).add(fix.title);
        }
      }
    }
  }
  // Each recipe is used by a rule and shows a fix on its fixtures.
  for (const [recipe, titles] of offered) assert.ok(titles.size > 0, `recipe ${recipe}: no fixture finding offers one of its fixes`);
});

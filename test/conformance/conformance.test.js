// The conformance suite: every language pack runs the same scenarios (scenarios.js), each
// written in its language under packs/<pack>/<scenario>/. A pack missing a scenario fails;
// a scenario's findings must be exactly its annotations, and some scenarios check the shape
// of the trace, the trace into another file, or that the quick fix leaves code that parses.
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const dist = path.resolve(process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist'));
const W = require(path.join(dist, 'engine.js'));
const SCENARIOS = require('./scenarios');
const { PENDING } = SCENARIOS;
const { goMissing, vetModule } = require('../goToolchain');

const root = path.join(__dirname, '..', '..');
const packsDir = path.join(__dirname, 'packs');
const stubs = path.join(root, 'test', 'fixtures', 'java-stubs');
const { engine } = W.loadEngine([path.join(root, 'rules')]);
const parsers = new W.ParserPool(dist);
const PACKS = [...new Set(W.LANGUAGES.map((l) => l.family))];
const T = { timeout: 120000 };

/** The source files of a scenario folder, at any depth (Java keeps packages in folders). */
function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (W.languageForPath(entry.name)) out.push(full);
  }
  return out.sort();
}

async function scanFolder(files) {
  const { index } = await W.buildSummaryIndex(engine, files, files);
  const out = new Map();
  for (const file of files) {
    const result = await engine.scanFile(file, { relativePath: path.relative(root, file), budgetMs: 20000, summaryIndex: index });
    out.set(file, result.findings.filter((f) => !f.suppressed));
  }
  return out;
}

const lineOf = (f) => (f.anchor ?? f.range).start.line;

/** Lines ending in a `trace-line` comment, in order. */
function traceLines(text) {
  return text.split(/\r?\n/).flatMap((l, i) => (/(?:\/\/|#)\s*trace-line\s*$/.test(l) ? [i] : []));
}

/** javac over the files (and the stubs); null when no JDK is installed. */
function javac(files) {
  const probe = spawnSync('javac', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return null;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-conformance-javac-'));
  try {
    return spawnSync('javac', ['-proc:none', '-nowarn', '-Xlint:none', '-encoding', 'UTF-8', '-d', out, '-sourcepath', stubs, ...files], { encoding: 'utf8' });
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/**
 * `go vet` over a scenario's files (the fixed text in place of a file where `replaced` has it),
 * as one module: the folder's own go.mod path, else one named after the folder. Null without Go.
 */
function goVet(dir, files, replaced = new Map()) {
  if (goMissing) return null;
  const own = path.join(dir, 'go.mod');
  const module = fs.existsSync(own) ? /^module\s+(\S+)/m.exec(fs.readFileSync(own, 'utf8'))[1] : `ward.test/conformance/${path.basename(dir)}`;
  return vetModule(module, (tmp) => {
    for (const f of files) {
      const to = path.join(tmp, path.relative(dir, f));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.writeFileSync(to, replaced.get(f) ?? fs.readFileSync(f, 'utf8'));
    }
  });
}

const checks = {
  trace(file, text, f) {
    const want = traceLines(text);
    assert.ok(want.length >= 3, `${path.basename(file)} marks ${want.length} trace-line lines (source, a step, the sink)`);
    const trace = (f.trace ?? []).filter((s) => !s.file || s.file === file);
    assert.match(trace[0]?.message ?? '', /^source/, 'the trace starts at the source');
    assert.equal(trace[trace.length - 1].range.start.line, lineOf(f), 'the trace ends at the sink');
    const lines = trace.map((s) => s.range.start.line).filter((l, i, all) => i === 0 || all[i - 1] !== l);
    assert.deepEqual(lines.map((l) => l + 1), want.map((l) => l + 1), 'the trace steps are on the marked lines, in order');
  },
  otherFile(file, text, f, files) {
    const others = files.filter((x) => x !== file);
    const into = (f.trace ?? []).filter((s) => s.file && others.includes(s.file));
    assert.ok(into.length > 0, `the trace goes into the helper's file: ${JSON.stringify(f.trace)}`);
  },
  async fix(file, text, f, files, dir) {
    assert.ok(f.fixes.length > 0, `${f.ruleId} on line ${lineOf(f) + 1} offers a fix`);
    const fixed = W.applyEdits(text, f.fixes[0].edits);
    assert.notEqual(fixed, text);
    const lang = W.languageForPath(file);
    const tree = (await parsers.parser(lang.id)).parse(fixed);
    try {
      assert.ok(!tree.rootNode.hasError, `the fixed file parses without errors:\n${fixed}`);
    } finally {
      tree.delete();
    }
    const again = await engine.scanText(fixed, lang, { relativePath: path.basename(file), budgetMs: 20000 });
    assert.deepEqual(again.findings.filter((g) => g.ruleId === f.ruleId).map((g) => lineOf(g) + 1), [], `${f.ruleId} no longer reports after the fix`);
    if (lang.family === 'go') {
      const result = goVet(dir, files, new Map([[file, fixed]]));
      if (result) assert.equal(result.status, 0, `the fixed file passes go vet:\n${result.output}`);
    }
    if (lang.family === 'java') {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-conformance-fixed-'));
      try {
        const copies = files.map((x) => {
          const to = path.join(tmp, path.relative(dir, x));
          fs.mkdirSync(path.dirname(to), { recursive: true });
          fs.writeFileSync(to, x === file ? fixed : fs.readFileSync(x, 'utf8'));
          return to;
        });
        const result = javac(copies);
        if (result) assert.equal(result.status, 0, `the fixed file compiles:\n${result.stderr}`);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    }
  },
};

test('every pack has a folder of conformance scenarios, and nothing else is in it', () => {
  assert.ok(PACKS.length >= 3, PACKS.join(', '));
  assert.deepEqual(fs.readdirSync(packsDir).sort(), PACKS.filter((p) => !PENDING[p] || fs.existsSync(path.join(packsDir, p))).sort());
  for (const p of Object.keys(PENDING)) assert.ok(PACKS.includes(p), `PENDING names ${p}, which is no pack`);
  const ids = SCENARIOS.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length, 'scenario ids are unique');
  for (const pack of PACKS.filter((p) => fs.existsSync(path.join(packsDir, p)))) assert.deepEqual(fs.readdirSync(path.join(packsDir, pack)).filter((n) => !ids.includes(n)), [], `${pack}: folders that are no scenario`);
});

for (const pack of PACKS) {
  describe(`conformance: ${pack}`, () => {
    for (const scenario of SCENARIOS) {
      const dir = path.join(packsDir, pack, scenario.id);
      const todo = PENDING[pack] && !fs.existsSync(dir) ? PENDING[pack] : false;
      test(`${scenario.id}: ${scenario.about}`, { ...T, todo }, async () => {
        assert.ok(fs.existsSync(dir), `the ${pack} pack has no ${path.relative(root, dir)} (every pack supplies every scenario)`);
        const files = sourceFiles(dir);
        assert.ok(files.length > 0, `${path.relative(root, dir)} holds no ${pack} source file`);
        for (const file of files) assert.equal(W.languageForPath(file).family, pack, `${path.basename(file)} is not a ${pack} file`);
        const found = await scanFolder(files);
        let ruleids = 0;
        let oks = 0;
        for (const file of files) {
          const text = fs.readFileSync(file, 'utf8');
          const expectations = W.parseExpectations(text);
          const rel = path.relative(root, file);
          const named = new Set(expectations.map((e) => e.ruleId));
          for (const id of named) assert.ok(engine.rules.some((r) => r.id === id), `${rel} names an unknown rule ${id}`);
          const findings = found.get(file).filter((f) => named.has(f.ruleId));
          const got = [...new Set(findings.map((f) => `${f.ruleId}:${lineOf(f) + 1}`))].sort();
          const want = expectations.filter((e) => e.kind === 'ruleid').map((e) => `${e.ruleId}:${e.line + 1}`).sort();
          assert.deepEqual(got, want, `${rel}: findings (left) against the ruleid annotations (right)`);
          ruleids += want.length;
          oks += expectations.filter((e) => e.kind === 'ok').length;
          for (const name of scenario.checks ?? []) {
            const expected = expectations.filter((e) => e.kind === 'ruleid');
            for (const e of expected) {
              const f = findings.find((x) => x.ruleId === e.ruleId && lineOf(x) === e.line);
              await checks[name](file, text, f, files, dir);
            }
          }
        }
        assert.ok(ruleids > 0, `${path.relative(root, dir)} has no case that must be reported`);
        if (scenario.cases === 'both') assert.ok(oks > 0, `${path.relative(root, dir)} has no decoy (\`ok:\`) case`);
        if (pack === 'java') {
          const result = javac(files);
          if (result) assert.equal(result.status, 0, `the ${scenario.id} fixtures compile:\n${result.stderr}`);
        }
        if (pack === 'go') {
          const result = goVet(dir, files);
          if (result) assert.equal(result.status, 0, `the ${scenario.id} fixtures pass go vet:\n${result.output}`);
        }
      });
    }
  });
}

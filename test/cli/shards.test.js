// `ward scan --shard i/n`: n jobs cover every file exactly once, their findings together are
// the unsharded scan's (cross-file taint included, with helpers in other shards), the split
// does not depend on the order files were created, and bad values are usage errors.
const { describe, test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { project, ward, cleanup, assertNoCrash } = require('./wardProcess');

const T = { timeout: 180000 };
after(cleanup);

const examples = path.join(__dirname, '..', '..', 'examples');

/** A pattern finding (an unsafe API, no source) in every file, so each file's shard shows in the report. */
const MARK = (name) => `const cp = require('child_process');\nfunction ${name}(dir) {\n  cp.exec('ls ' + dir);\n}\n`;

/** Handler i imports helper i; helper i builds SQL from its parameter: request data reaches it only across files. */
function crossFileProject(n) {
  const files = {};
  for (let i = 0; i < n; i++) {
    files[`lib/helper${i}.js`] = [
      "const mysql = require('mysql');",
      'const db = mysql.createConnection({});',
      `function find${i}(name) {`,
      "  return db.query(\"SELECT * FROM t WHERE name = '\" + name + \"'\");",
      '}',
      MARK(`mark${i}`),
      `module.exports = { find${i}, mark${i} };`,
      '',
    ].join('\n');
    files[`routes/route${i}.js`] = [
      "const express = require('express');",
      `const { find${i} } = require('../lib/helper${i}');`,
      'const app = express();',
      `app.get('/r${i}', (req, res) => {`,
      `  find${i}(req.query.name);`,
      '});',
      MARK(`local${i}`),
      '',
    ].join('\n');
    // Files of different sizes, so the balance by size has something to do.
    files[`other/file${i}.js`] = MARK(`other${i}`) + '// padding\n'.repeat(i * 40);
  }
  return files;
}

const keyOf = (f) => JSON.stringify([f.path, f.start.line, f.start.column, f.ruleId, f.message, f.trace ?? null]);

async function scanJson(dir, extra = [], paths = ['.']) {
  const r = await ward(['scan', '-f', 'json', '--no-config', '--fail-on', 'none', ...extra, ...paths], dir, { env: { WARD_STATS: '1' } });
  assertNoCrash(assert, r, `ward scan ${extra.join(' ')}`);
  assert.equal(r.status, 0, r.stderr);
  return { ...JSON.parse(r.stdout), stderr: r.stderr, stats: JSON.parse(/ward: stats: (.*)/.exec(r.stderr)[1]) };
}

describe('ward scan --shard', { concurrency: 2 }, () => {
  test('n shards: every file in exactly one, findings together equal the unsharded scan, cross-file flows across shards kept', T, async () => {
    const files = crossFileProject(8);
    const dir = project(files);
    const whole = await scanJson(dir);
    const sql = whole.findings.filter((f) => f.ruleId === 'js-sql-injection');
    assert.equal(whole.stats.summarised, 8, 'the whole scan summarises the 8 helpers');
    assert.equal(sql.length, 8, `every handler's flow into its helper is found unsharded: ${JSON.stringify(whole.findings.map((f) => f.path + ' ' + f.ruleId))}`);
    const wholeKeys = whole.findings.map(keyOf).sort();
    let crossShard = 0;
    for (const n of [2, 4]) {
      const shards = [];
      for (let i = 1; i <= n; i++) shards.push(await scanJson(dir, ['--shard', `${i}/${n}`]));
      // Every file carries a finding, so the paths show which shard scanned it.
      const owner = new Map();
      shards.forEach((s, i) => {
        assert.deepEqual(s.shard, { index: i + 1, count: n });
        assert.match(s.stderr, new RegExp(`shard ${i + 1}/${n}: ${s.filesScanned} of ${Object.keys(files).length} files`));
        for (const p of new Set(s.findings.map((f) => f.path))) {
          assert.ok(!owner.has(p), `${p} is in shard ${owner.get(p)} and in shard ${i + 1} of ${n}`);
          owner.set(p, i + 1);
        }
      });
      assert.deepEqual([...owner.keys()].sort(), Object.keys(files).sort(), `${n} shards cover every file`);
      assert.equal(shards.reduce((t, s) => t + s.filesScanned, 0), whole.filesScanned, `${n} shards: file counts add up`);
      assert.ok(shards.every((s) => s.filesScanned > 0), `${n} shards: none is empty`);
      assert.deepEqual(shards.flatMap((s) => s.findings.map(keyOf)).sort(), wholeKeys, `${n} shards: the same findings as one scan`);
      // Each shard summarises the helpers its own routes import, wherever they are: each helper once here (one importer each).
      assert.equal(shards.reduce((t, s) => t + s.stats.summarised, 0), 8, `${n} shards: helpers summarised ${shards.map((s) => s.stats.summarised)}`);
      for (const f of sql) {
        const helper = f.trace.find((t) => t.path !== f.path)?.path;
        assert.ok(helper, `the trace of ${f.path} reaches its helper`);
        if (owner.get(helper) !== owner.get(f.path)) crossShard++;
      }
    }
    // Not an accident of the split: most flows cross a shard boundary, and those are still found.
    assert.ok(crossShard >= 6, `flows whose helper was in another shard: ${crossShard}`);
  });

  test('the split depends on paths and sizes only: the same in a copy made in another order', T, async () => {
    const files = crossFileProject(6);
    const a = project(files);
    const b = project(Object.fromEntries(Object.entries(files).reverse()));
    for (let i = 1; i <= 3; i++) {
      const [x, y] = await Promise.all([scanJson(a, ['--shard', `${i}/3`]), scanJson(b, ['--shard', `${i}/3`])]);
      assert.deepEqual(y.findings.map(keyOf).sort(), x.findings.map(keyOf).sort(), `shard ${i}/3`);
    }
  });

  test('the examples (cross-file SQL flows in notes-app and demo-app) sharded 4 ways equal one scan', T, async () => {
    const paths = ['notes-app', 'demo-app', 'flask-shop', 'django-blog'];
    const whole = await scanJson(examples, [], paths);
    assert.ok(whole.findings.some((f) => f.trace?.some((t) => t.path !== f.path)), 'the examples hold a cross-file flow');
    const shards = await Promise.all([1, 2, 3, 4].map((i) => scanJson(examples, ['--shard', `${i}/4`], paths)));
    assert.deepEqual(shards.flatMap((s) => s.findings.map(keyOf)).sort(), whole.findings.map(keyOf).sort());
    assert.equal(shards.reduce((t, s) => t + s.filesScanned, 0), whole.filesScanned);
  });

  test('a manifest and its lockfile share a shard (the lockfile copy of a finding stays dropped)', T, async () => {
    const files = { 'app/package.json': '{"name":"a","dependencies":{}}\n', 'app/package-lock.json': '{"name":"a","lockfileVersion":3,"packages":{}}\n' };
    for (let i = 0; i < 12; i++) files[`src/f${i}.js`] = MARK(`f${i}`);
    const dir = project(files);
    const shards = [];
    for (let i = 1; i <= 4; i++) shards.push(await scanJson(dir, ['--shard', `${i}/4`]));
    assert.equal(shards.reduce((t, s) => t + s.filesScanned, 0), 14);
    // Each marked file has one finding; the shard scanning more files than it reports holds the two manifest files.
    const extra = shards.map((s) => s.filesScanned - new Set(s.findings.map((f) => f.path)).size);
    assert.deepEqual(extra.filter((e) => e !== 0), [2], `manifest files per shard: ${extra}`);
  });

  test('a large file only the text rules read weighs less than parsed code: the parsed files are shared out', T, async () => {
    // By bytes alone the 30 KB text file would outweigh the six code files together: one shard would get it, the other all the code.
    const files = { 'docs/guide.md': '# Guide\n\nSome words about the project, again and again.\n'.repeat(600) };
    for (let i = 0; i < 6; i++) files[`src/f${i}.js`] = MARK(`f${i}`) + '// padding\n'.repeat(150);
    const dir = project(files);
    const shards = [];
    for (let i = 1; i <= 2; i++) shards.push(await scanJson(dir, ['--shard', `${i}/2`]));
    assert.equal(shards.reduce((t, s) => t + s.filesScanned, 0), 7);
    const code = shards.map((s) => new Set(s.findings.map((f) => f.path)).size);
    assert.deepEqual(code, [3, 3], `parsed files per shard: ${code}`);
  });

  test('many small files only the text rules read weigh next to nothing: the parsed files are shared out', T, async () => {
    // Counted as a parsed file's per-file cost (1 KB each), the 40 notes would fill one shard's share and the code would all go to the other.
    const files = {};
    for (let i = 0; i < 40; i++) files[`notes/n${String(i).padStart(2, '0')}.md`] = `# Note ${i}\n\nA line of text.\n`;
    for (let i = 0; i < 6; i++) files[`src/f${i}.js`] = MARK(`f${i}`) + '// padding\n'.repeat(450);
    const dir = project(files);
    const shards = [];
    for (let i = 1; i <= 2; i++) shards.push(await scanJson(dir, ['--shard', `${i}/2`]));
    assert.equal(shards.reduce((t, s) => t + s.filesScanned, 0), 46);
    const code = shards.map((s) => new Set(s.findings.map((f) => f.path)).size);
    assert.deepEqual(code, [3, 3], `parsed files per shard: ${code}`);
  });

  test("a report written into the tree by an earlier job (a text file) moves no other file between the jobs' splits", T, async () => {
    const files = {};
    for (let i = 0; i < 12; i++) files[`src/f${i}.js`] = MARK(`f${i}`) + '// padding\n'.repeat(20 + 30 * i);
    const dir = project(files);
    const first = await scanJson(dir, ['--shard', '1/3']);
    fs.writeFileSync(path.join(dir, 'ward-shard-1-of-3.sarif'), JSON.stringify({ version: '2.1.0', runs: [] }) + ' '.repeat(20000));
    const rest = [await scanJson(dir, ['--shard', '2/3']), await scanJson(dir, ['--shard', '3/3'])];
    const seen = [first, ...rest].flatMap((s) => [...new Set(s.findings.map((f) => f.path))]).sort();
    assert.deepEqual(seen, Object.keys(files).sort(), 'each code file reported by exactly one job');
  });

  test("the files of one scope (a Go package's folder) share a shard: each needs the others' summaries", T, async () => {
    const GO_MARK = (name) => `package api\n\nimport "crypto/tls"\n\nfunc ${name}() *tls.Config {\n\treturn &tls.Config{InsecureSkipVerify: true}\n}\n`;
    const files = { 'go.mod': 'module example.com/app\n\ngo 1.22\n' };
    for (let i = 0; i < 4; i++) files[`api/f${i}.go`] = GO_MARK(`F${i}`);
    // Enough other code that the package is well under half a shard's share (a bigger scope is split, see shard.ts).
    for (let i = 0; i < 16; i++) files[`src/g${i}.js`] = MARK(`g${i}`) + '// padding\n'.repeat(250);
    const dir = project(files);
    const shards = [];
    for (let i = 1; i <= 4; i++) shards.push(await scanJson(dir, ['--shard', `${i}/4`]));
    const holding = shards.map((s) => new Set(s.findings.filter((f) => f.path.startsWith('api/')).map((f) => f.path)).size);
    assert.deepEqual(holding.filter((n) => n > 0), [4], `package files per shard: ${holding}`);
    assert.equal(shards.reduce((t, s) => t + s.filesScanned, 0), Object.keys(files).length);
  });

  test('files of one kind stay together where the balance allows: each job prepares fewer grammars', T, async () => {
    const files = {};
    for (let i = 0; i < 8; i++) {
      files[`web/m${i}.js`] = MARK(`m${i}`) + '// padding\n'.repeat(40);
      files[`jobs/p${i}.py`] = `import subprocess\n\ndef p${i}(cmd):\n    subprocess.call(cmd, shell=True)\n` + '# padding\n'.repeat(48);
    }
    const dir = project(files);
    const shards = [];
    for (let i = 1; i <= 2; i++) shards.push(await scanJson(dir, ['--shard', `${i}/2`]));
    const kinds = shards.map((s) => [...new Set(s.findings.map((f) => path.extname(f.path)))].sort().join(' '));
    assert.deepEqual(kinds.sort(), ['.js', '.py'], `kinds per shard: ${kinds.join(' | ')}`);
    assert.deepEqual(shards.map((s) => s.filesScanned), [8, 8]);
  });

  test('bad values exit 2 with a message', T, async () => {
    const dir = project({ 'a.js': MARK('a') });
    for (const bad of ['0/2', '3/2', 'a/b', '1/0', '2', '1/2/3', '', '-1/2']) {
      const r = await ward(['scan', `--shard=${bad}`], dir);
      assertNoCrash(assert, r, bad);
      assert.equal(r.status, 2, `--shard ${bad}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`ward: --shard must be i/n .*not "${bad.replace(/[/]/g, '\\/')}"`));
    }
    const r = await ward(['baseline', 'create', '--shard', '1/2'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--shard is an option of "ward scan"/);
  });
});

// `ward merge-sarif`: the shards' SARIF merged is the unsharded scan's SARIF except for the
// invocation's `properties.shards`; it validates against the SARIF 2.1.0 schema; rules are
// de-duplicated with every ruleIndex pointing at its rule; a missing or repeated shard, a
// file that is not SARIF, another tool's run and no inputs are errors (exit 2).
const { describe, test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { project, ward, cleanup, assertNoCrash } = require('./wardProcess');
const { sarifValidator } = require('./sarifSchema');

const T = { timeout: 180000 };
after(cleanup);

const HELPER = ["const mysql = require('mysql');", 'const db = mysql.createConnection({});', 'function findUser(name) {', "  return db.query(\"SELECT * FROM users WHERE name = '\" + name + \"'\");", '}', 'module.exports = { findUser };', ''].join('\n');
const ROUTE = (i) =>
  ["const express = require('express');", "const { findUser } = require('../lib/users');", "const cp = require('child_process');", 'const app = express();', `app.get('/u${i}', (req, res) => {`, '  findUser(req.query.name);', '  // ward-ignore -- checked by the caller', "  cp.exec('ls ' + req.query.dir);", `  res.send(eval(req.query.e${i}));`, '});', ''].join('\n');

/** Cross-file flows, suppressions, notices (a manifest without an advisory database, a file over the size limit) and Python. */
function files() {
  const f = { 'lib/users.js': HELPER, 'package.json': '{"dependencies":{"lodash":"4.17.4"}}\n', 'big/huge.js': '// x\n'.repeat(4000), 'tool.py': 'import os\n\n\ndef run(name):\n    os.system("ls " + name)\n' };
  for (let i = 0; i < 9; i++) f[`routes/r${i}.js`] = ROUTE(i);
  for (let i = 0; i < 6; i++) f[`src/#odd name ${i}.js`] = `document.body.innerHTML = location.hash + ${i};\n`;
  return f;
}

const env = (dir) => ({ env: { WARD_ADVISORIES_DIR: path.join(dir, 'no-db') } });
// The reports go to out/, which the scans leave out (they would be scanned as generic files).
const SCAN = ['scan', '--no-config', '-f', 'sarif', '--fail-on', 'none', '--max-file-size', '0.01', '--exclude', 'out/**'];

async function run(args, cwd, options) {
  const r = await ward(args, cwd, options);
  assertNoCrash(assert, r, args.join(' '));
  return r;
}

describe('ward merge-sarif', { concurrency: 2 }, () => {
  test('merged shards equal the unsharded SARIF but for invocations[0].properties.shards, and validate', T, async () => {
    const dir = project(files());
    const validate = sarifValidator();
    const whole = await run([...SCAN, '-o', 'out/whole.sarif'], dir, env(dir));
    assert.equal(whole.status, 0, whole.stderr);
    for (let i = 1; i <= 4; i++) assert.equal((await run([...SCAN, '--shard', `${i}/4`, '-o', `out/s${i}.sarif`], dir, env(dir))).status, 0);
    // Any order of the inputs gives the same merge.
    const m = await run(['merge-sarif', 'out/s3.sarif', 'out/s1.sarif', 'out/s4.sarif', 'out/s2.sarif', '-o', 'out/merged.sarif'], dir);
    assert.equal(m.status, 0, m.stderr);
    assert.match(m.stderr, /merged 4 files into out\/merged\.sarif: \d+ results/);
    const merged = JSON.parse(fs.readFileSync(path.join(dir, 'out/merged.sarif'), 'utf8'));
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'out/whole.sarif'), 'utf8'));
    assert.ok(validate(merged), JSON.stringify(validate.errors?.slice(0, 5)));
    const runOf = merged.runs[0];
    assert.equal(merged.runs.length, 1);
    assert.deepEqual(runOf.invocations[0].properties, { shards: ['1/4', '2/4', '3/4', '4/4'] });
    // The facts the test is about are there to compare.
    const results = expected.runs[0].results;
    assert.ok(results.some((r) => r.codeFlows?.[0].threadFlows[0].locations.some((l) => l.location.physicalLocation.artifactLocation.uri === 'lib/users.js')), 'a cross-file flow');
    assert.ok(results.some((r) => r.suppressions), 'a suppressed result');
    assert.ok(results.some((r) => r.locations[0].physicalLocation.artifactLocation.uri.includes('%23odd%20name')), 'an encoded path');
    const notes = expected.runs[0].invocations[0].toolExecutionNotifications.map((n) => n.message.text);
    assert.ok(notes.some((t) => t.startsWith('package.json: no npm advisory database')) && notes.some((t) => t.startsWith('big/huge.js:')), notes.join('\n'));
    delete runOf.invocations[0].properties;
    assert.deepEqual(merged, expected);
    // The text too: a merge is as diffable as a scan.
    fs.writeFileSync(path.join(dir, 'out/stripped.sarif'), JSON.stringify(merged, null, 2) + '\n');
    assert.equal(fs.readFileSync(path.join(dir, 'out/stripped.sarif'), 'utf8'), fs.readFileSync(path.join(dir, 'out/whole.sarif'), 'utf8'));
    // With a summaries file (ward summaries, then each shard with --summaries): the same merge.
    const made = await run(['summaries', '--no-config', '--max-file-size', '0.01', '--exclude', 'out/**', '-o', 'out/summaries.json'], dir, env(dir));
    assert.equal(made.status, 0, made.stderr);
    for (let i = 1; i <= 4; i++) assert.equal((await run([...SCAN, '--shard', `${i}/4`, '--summaries', 'out/summaries.json', '-o', `out/f${i}.sarif`], dir, env(dir))).status, 0);
    assert.equal((await run(['merge-sarif', 'out/f1.sarif', 'out/f2.sarif', 'out/f3.sarif', 'out/f4.sarif', '-o', 'out/merged-f.sarif'], dir)).status, 0);
    const mergedF = JSON.parse(fs.readFileSync(path.join(dir, 'out/merged-f.sarif'), 'utf8'));
    delete mergedF.runs[0].invocations[0].properties;
    assert.deepEqual(mergedF, expected, 'shards reading the summaries file merge to the unsharded SARIF');
  });

  test('rules de-duplicated and sorted, each ruleIndex re-pointed; results of two scans kept once', T, async () => {
    const dir = project(files());
    // Other rule lists: the first run lacks rules that sort before the ones it reports, so its indices shift in the merge.
    assert.equal((await run([...SCAN, '--disable', 'dep-vulnerable-go,dep-vulnerable-maven,js-child-process-exec', '-o', 'out/a.sarif', 'routes', 'lib'], dir, env(dir))).status, 0);
    assert.equal((await run([...SCAN, '--disable', 'py-sql-injection', '-o', 'out/b.sarif', 'tool.py', 'src', 'routes/r0.js'], dir, env(dir))).status, 0);
    const m = await run(['merge-sarif', 'out/a.sarif', 'out/b.sarif'], dir);
    assert.equal(m.status, 0, m.stderr);
    assert.ok(sarifValidator()(JSON.parse(m.stdout)));
    const merged = JSON.parse(m.stdout).runs[0];
    const a = JSON.parse(fs.readFileSync(path.join(dir, 'out/a.sarif'), 'utf8')).runs[0];
    const b = JSON.parse(fs.readFileSync(path.join(dir, 'out/b.sarif'), 'utf8')).runs[0];
    const ids = merged.tool.driver.rules.map((r) => r.id);
    assert.deepEqual(ids, [...new Set([...a.tool.driver.rules, ...b.tool.driver.rules].map((r) => r.id))].sort((x, y) => x.localeCompare(y)));
    assert.ok(ids.includes('dep-vulnerable-go') && ids.includes('py-sql-injection'));
    for (const r of merged.results) assert.equal(ids[r.ruleIndex], r.ruleId, `${r.ruleId} at index ${r.ruleIndex}`);
    // routes/r0.js was in both scans: its results once; every other result of each input is there.
    const key = (r) => JSON.stringify([r.ruleId, r.locations, r.message, r.partialFingerprints]);
    const want = new Set([...a.results, ...b.results].map(key));
    assert.equal(merged.results.length, want.size);
    assert.deepEqual(new Set(merged.results.map(key)), want);
    assert.match(m.stderr, /\d+ results? appeared in more than one input and (is|are) kept once/);
    const uris = merged.results.map((r) => decodeURIComponent(r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual(uris, [...uris].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)), 'results in path order');
  });

  test('errors: a missing or repeated shard, not SARIF, another tool, no inputs (exit 2, no partial output)', T, async () => {
    const dir = project({ 'a.js': ROUTE(1), 'b.js': ROUTE(2), 'c.js': ROUTE(3) });
    for (let i = 1; i <= 3; i++) await run([...SCAN, '--shard', `${i}/3`, '-o', `out/s${i}.sarif`], dir);
    await run([...SCAN, '--shard', '1/2', '-o', 'out/other.sarif'], dir);
    const codeql = JSON.parse(fs.readFileSync(path.join(dir, 'out/s1.sarif'), 'utf8'));
    codeql.runs[0].tool.driver.name = 'CodeQL';
    fs.writeFileSync(path.join(dir, 'out/codeql.sarif'), JSON.stringify(codeql));
    fs.writeFileSync(path.join(dir, 'out/notes.txt'), 'not json');
    fs.writeFileSync(path.join(dir, 'out/v1.sarif'), '{"version":"1.0.0","runs":[]}');
    const cases = [
      [['out/s1.sarif', 'out/s3.sarif'], /shard 2\/3 is missing[\s\S]*code scanning would close the alerts/],
      [['out/s1.sarif', 'out/s2.sarif', 'out/s3.sarif', 'out/s2.sarif'], /shard 2\/3 is given 2 times/],
      [['out/s1.sarif', 'out/s2.sarif', 'out/other.sarif'], /different numbers of shards/],
      [['out/s1.sarif', 'out/codeql.sarif'], /codeql\.sarif is from CodeQL 0\.1\.0, not Ward 0\.1\.0/],
      [['out/notes.txt'], /notes\.txt is not JSON/],
      [['out/v1.sarif'], /v1\.sarif is not a SARIF 2\.1\.0 log/],
      [['nope.sarif'], /cannot read nope\.sarif: no such file/],
      [[], /needs the SARIF files to merge/],
      [['out/s1.sarif', '--bogus'], /unknown option "--bogus"/],
    ];
    for (const [inputs, message] of cases) {
      const r = await run(['merge-sarif', ...inputs, '-o', 'out/out.sarif'], dir);
      assert.equal(r.status, 2, `${inputs.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.ok(!fs.existsSync(path.join(dir, 'out/out.sarif')), `${inputs.join(' ')}: nothing written`);
    }
    const ok = await run(['merge-sarif', 'out/s2.sarif', 'out/s1.sarif', 'out/s3.sarif', '-o', 'out/out.sarif'], dir);
    assert.equal(ok.status, 0, ok.stderr);
  });
});

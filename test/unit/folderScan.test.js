// The engine's folder scan (engine/folderScan.ts), which `ward scan` and the editor's Scan
// Workspace both run: an outcome per file as it comes (scanned, cached, skipped, gone), the
// one result cache (by size and mtime, then content, then the helper modules a file's
// handlers import), workers or this thread, workers that cannot start, cancellation.
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dist = path.resolve(process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist'));
const W = require(path.join(dist, 'engine.js'));
const T = { timeout: 120000 };
const rules = path.join(dist, 'rules');
const { engine } = W.loadEngine([rules]);

const VULN = "const cp = require('child_process');\nfunction run(dir) {\n  cp.exec('ls -l ' + dir);\n}\nmodule.exports = run;\n";
const SAFE = 'module.exports = (a, b) => a + b;\n';
const HELPER_SQL = ["const mysql = require('mysql');", 'const db = mysql.createConnection({});', 'function findUser(name) {', "  return db.query(\"SELECT * FROM users WHERE name = '\" + name + \"'\");", '}', 'module.exports = { findUser };', ''].join('\n');
const HELPER_SAFE = ["const mysql = require('mysql');", 'const db = mysql.createConnection({});', 'function findUser(name) {', "  return db.query('SELECT * FROM users WHERE name = ?', [name]);", '}', 'module.exports = { findUser };', ''].join('\n');
const APP = ["const express = require('express');", "const { findUser } = require('./lib/users');", 'const app = express();', "app.get('/u', (req, res) => {", '  findUser(req.query.name);', '});', ''].join('\n');

const settings = { ruleDirs: [rules], exclude: [], gitignore: true, maxBytes: 4096, budgetMs: 20000 };

let root;
before(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ward-fscan-')));
  const files = { 'a.js': VULN, 'b.js': SAFE, 'lib/users.js': HELPER_SQL, 'app.js': APP, 'big.js': VULN + '// padding\n'.repeat(600), 'ignored/x.js': VULN, '.gitignore': 'ignored/\n' };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** Runs a scan of `root`; returns rel → outcome, and the tally. */
async function run(scan, options = {}) {
  const outcomes = new Map();
  const files = options.files ?? scan.collect(['.'], root).files;
  const tally = await scan.scan({ root, files, ...options, onFile: (file, rel, outcome) => outcomes.set(rel, outcome), onWorkersUnavailable: options.onWorkersUnavailable });
  return { outcomes, tally };
}

const kinds = (outcomes) => Object.fromEntries([...outcomes].map(([rel, o]) => [rel, o.kind]).sort());
const sqlIn = (outcome) => (outcome.result?.findings ?? []).filter((f) => f.ruleId === 'js-sql-injection');

describe('folder scan', () => {
  test('collects with .gitignore, then gives every file its outcome; too large is skipped', T, async () => {
    const scan = new W.FolderScan(engine, settings, W.IN_THIS_THREAD);
    const collected = scan.collect(['.'], root);
    assert.deepEqual(collected.files.map((f) => path.relative(root, f)).sort(), ['a.js', 'app.js', 'b.js', 'big.js', 'lib/users.js']);
    const { outcomes, tally } = await run(scan);
    assert.deepEqual(kinds(outcomes), { 'a.js': 'scanned', 'app.js': 'scanned', 'b.js': 'scanned', 'big.js': 'skipped', 'lib/users.js': 'scanned' });
    assert.match(outcomes.get('big.js').message, /over the 0\.0 MB limit/);
    assert.deepEqual(outcomes.get('a.js').result, await engine.scanFile(path.join(root, 'a.js'), { relativePath: 'a.js', budgetMs: 20000, limits: scan.limits }));
    // The handler's call into the helper in another file is followed (summaries of lib/users.js).
    assert.equal(sqlIn(outcomes.get('app.js')).length, 1, JSON.stringify(outcomes.get('app.js')));
    assert.equal(tally.scanned, 4);
    assert.equal(tally.cached, 0);
  });

  test('a file deleted after the walk is gone, with the reason', T, async () => {
    const scan = new W.FolderScan(engine, settings, W.IN_THIS_THREAD);
    const { outcomes } = await run(scan, { files: [path.join(root, 'a.js'), path.join(root, 'no-longer-here.js')] });
    assert.deepEqual(outcomes.get('no-longer-here.js'), { kind: 'gone', message: 'cannot read: ENOENT' });
    assert.equal(outcomes.get('a.js').kind, 'scanned');
  });

  test('the cache: unchanged files come from it, by mtime or by content; a changed helper re-scans the file that imports it', T, async () => {
    const storeFile = path.join(root, '..', `${path.basename(root)}-cache.json`);
    const open = () => new W.ResultCache(W.fileStore(storeFile), W.scanFingerprint(settings, 'test'));
    const scan = new W.FolderScan(engine, settings, W.IN_THIS_THREAD);
    try {
      const first = await run(scan, { cache: open() });
      assert.equal(first.tally.cached, 0);
      const second = await run(scan, { cache: open() });
      assert.deepEqual(kinds(second.outcomes), { 'a.js': 'cached', 'app.js': 'cached', 'b.js': 'cached', 'big.js': 'skipped', 'lib/users.js': 'cached' });
      for (const rel of ['a.js', 'app.js']) assert.deepEqual(second.outcomes.get(rel).result, first.outcomes.get(rel).result, rel);
      // Touched, same content: still from the cache (by hash). Changed: scanned.
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(path.join(root, 'b.js'), later, later);
      fs.writeFileSync(path.join(root, 'a.js'), SAFE);
      const third = await run(scan, { cache: open() });
      assert.equal(third.outcomes.get('b.js').kind, 'cached');
      assert.equal(third.outcomes.get('a.js').kind, 'scanned');
      assert.equal(third.outcomes.get('a.js').result.findings.length, 0);
      // The helper is made safe: the importing handler is scanned again, though it did not change.
      fs.writeFileSync(path.join(root, 'lib/users.js'), HELPER_SAFE);
      const fourth = await run(scan, { cache: open() });
      assert.deepEqual(kinds(fourth.outcomes), { 'a.js': 'cached', 'app.js': 'scanned', 'b.js': 'cached', 'big.js': 'skipped', 'lib/users.js': 'scanned' });
      assert.equal(sqlIn(fourth.outcomes.get('app.js')).length, 0);
      // Other settings, other fingerprint: nothing from the old entries.
      const other = await run(new W.FolderScan(engine, { ...settings, budgetMs: 19000 }, W.IN_THIS_THREAD), { cache: new W.ResultCache(W.fileStore(storeFile), W.scanFingerprint({ ...settings, budgetMs: 19000 }, 'test')) });
      assert.equal(other.tally.cached, 0);
    } finally {
      fs.writeFileSync(path.join(root, 'a.js'), VULN);
      fs.writeFileSync(path.join(root, 'lib/users.js'), HELPER_SQL);
      fs.rmSync(storeFile, { force: true });
    }
  });

  test('the cache fingerprint reads each rule folder once: a link back up does not make it walk forever', T, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-fp-'));
    try {
      fs.mkdirSync(path.join(dir, 'python'));
      fs.writeFileSync(path.join(dir, 'python', 'r.yaml'), 'id: r\n');
      const plain = W.scanFingerprint({ ...settings, ruleDirs: [dir] }, 'test');
      fs.symlinkSync('..', path.join(dir, 'python', 'up'));
      fs.symlinkSync('../python', path.join(dir, 'python', 'again'));
      assert.equal(W.scanFingerprint({ ...settings, ruleDirs: [dir] }, 'test'), plain);
      fs.writeFileSync(path.join(dir, 'python', 'r.yaml'), 'id: r2\n');
      assert.notEqual(W.scanFingerprint({ ...settings, ruleDirs: [dir] }, 'test'), plain, 'a rule edit changes it');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('workers give the same outcomes as this thread; workers that cannot start leave the scan to this thread', T, async () => {
    const inThread = await run(new W.FolderScan(engine, settings, W.IN_THIS_THREAD));
    const released = [];
    const pooled = (workerScript) => ({
      acquire: (count) => new W.ScanPool({ jobs: 2, ruleDirs: [rules], budgetMs: settings.budgetMs, limits: { ...W.DEFAULT_LIMITS, maxBytes: settings.maxBytes }, workerScript }).start(),
      release: async (pool, broken) => {
        released.push(broken);
        await pool.close();
      },
    });
    const onWorkers = await run(new W.FolderScan(engine, settings, pooled(path.join(dist, 'scanWorker.js'))));
    assert.deepEqual(onWorkers.outcomes, inThread.outcomes);
    const warnings = [];
    const broken = await run(new W.FolderScan(engine, settings, pooled(path.join(root, 'no-such-worker.js'))), { onWorkersUnavailable: (m) => warnings.push(m) });
    assert.equal(warnings.length, 1);
    assert.deepEqual(broken.outcomes, inThread.outcomes);
    assert.deepEqual(released, [false, true], 'each pool released once, the broken one as broken');
  });

  test('cancelled: the files not reached get no outcome', T, async () => {
    const token = { cancelled: false };
    const scan = new W.FolderScan(engine, settings, W.IN_THIS_THREAD);
    const outcomes = new Map();
    const files = scan.collect(['.'], root).files;
    await scan.scan({
      root,
      files,
      token,
      onFile: (file, rel, outcome) => {
        outcomes.set(rel, outcome);
        token.cancelled = true;
      },
    });
    assert.equal(outcomes.size, 1, [...outcomes.keys()].join(', '));
  });
});

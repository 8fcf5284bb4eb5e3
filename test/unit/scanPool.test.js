// The worker pool keeps every file's result when a worker is recycled for its memory or
// dies mid-scan, with several requests queued on each worker.
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dist = path.resolve(process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist'));
const { ScanPool } = require(path.join(dist, 'engine.js'));
const T = { timeout: 60000 };

const VULNERABLE = "const cp = require('child_process');\nfunction run(dir) {\n  cp.exec('ls -l ' + dir);\n}\nmodule.exports = run;\n";

let dir;
let files;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-pool-'));
  files = Array.from({ length: 12 }, (_, i) => {
    const file = path.join(dir, `file${i}.js`);
    fs.writeFileSync(file, `// file ${i}\n${VULNERABLE}`);
    return { path: file, relativePath: `file${i}.js` };
  });
  // Dies (exits its thread) when it opens a file named crash-*.js, as a worker that crashes
  // while scanning one file would; otherwise the real worker.
  fs.writeFileSync(
    path.join(dir, 'crashingWorker.js'),
    `const fs = require('node:fs');
const open = fs.openSync;
fs.openSync = (file, ...rest) => (/crash-[^/\\\\]*$/.test(String(file)) ? process.exit(3) : open(file, ...rest));
require(${JSON.stringify(path.join(dist, 'scanWorker.js'))});
`,
  );
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function scanAll(pool, list) {
  const results = new Map();
  await pool.scan(list, (file, result) => results.set(file.relativePath, result));
  await pool.close();
  return results;
}

const ruleIds = (result) => result.findings.map((f) => f.ruleId).filter((id) => id === 'js-child-process-exec');

describe('scan pool', () => {
  test('a worker recycled after every file still returns every result, and nothing twice', T, async () => {
    const pool = new ScanPool({ jobs: 2, ruleDirs: [path.join(dist, 'rules')], maxWorkerRssMB: 1 });
    const seen = [];
    await pool.scan(files, (file) => seen.push(file.relativePath));
    const recycled = pool.recycled;
    await pool.close();
    assert.ok(recycled >= 2, `workers were recycled (${recycled})`);
    assert.deepEqual([...seen].sort(), files.map((f) => f.relativePath).sort());
  });

  test('the editor\'s scan workers run below normal priority (Linux), so the thread checking open files goes first', { ...T, skip: process.platform !== 'linux' }, async () => {
    const nices = () =>
      fs.readdirSync('/proc/self/task').map((tid) => {
        try {
          // Field 19 (nice), counted after the parenthesised command name.
          return Number(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
        } catch {
          return 0; // the thread ended meanwhile
        }
      });
    for (const lowPriority of [true, false]) {
      const pool = new ScanPool({ jobs: 2, ruleDirs: [path.join(dist, 'rules')], lowPriority });
      await pool.scan(files.slice(0, 2), () => undefined);
      const seen = nices();
      await pool.close();
      assert.equal(seen.filter((n) => n === 10).length, lowPriority ? 2 : 0, `lowPriority ${lowPriority}: thread nice values ${seen.join(' ')}`);
    }
    assert.equal(nices().filter((n) => n !== 0).length, 0, 'this thread keeps its priority');
  });

  test('a worker that dies mid-scan costs only the file it died on; the queued files are scanned on its replacement', T, async () => {
    const crash = path.join(dir, 'crash-here.js');
    fs.writeFileSync(crash, VULNERABLE);
    const list = [...files.slice(0, 3), { path: crash, relativePath: 'crash-here.js' }, ...files.slice(3)];
    const pool = new ScanPool({ jobs: 1, ruleDirs: [path.join(dist, 'rules')], workerScript: path.join(dir, 'crashingWorker.js') });
    const results = await scanAll(pool, list);
    assert.equal(results.size, list.length, 'every file has a result');
    const failed = results.get('crash-here.js');
    assert.equal(failed.findings.length, 0);
    assert.match(failed.notices[0]?.message ?? '', /scan worker failed: scan worker exited \(3\)/);
    for (const f of files) assert.deepEqual(ruleIds(results.get(f.relativePath)), ['js-child-process-exec'], f.relativePath);
  });

  test('helpers are summarised on whichever worker is free; a worker that dies fails its helpers instead of leaving them waiting', T, async () => {
    const pool = new ScanPool({ jobs: 2, ruleDirs: [path.join(dist, 'rules')] });
    const summaries = await Promise.all(files.map((f) => pool.summarise(f.path)));
    await pool.close();
    for (const s of summaries) assert.deepEqual([...s.keys()], ['run']);

    const crash = path.join(dir, 'crash-helper.js');
    fs.writeFileSync(crash, VULNERABLE);
    const dying = new ScanPool({ jobs: 1, ruleDirs: [path.join(dist, 'rules')], workerScript: path.join(dir, 'crashingWorker.js') });
    const settled = await Promise.allSettled([files[0].path, crash, ...files.slice(1, 6).map((f) => f.path)].map((p) => dying.summarise(p)));
    await dying.close();
    assert.equal(settled[0].status, 'fulfilled');
    assert.ok(settled.slice(1).every((r) => r.status === 'rejected'), settled.map((r) => r.status).join());

    // Closing the pool fails what is still queued.
    const closing = new ScanPool({ jobs: 1, ruleDirs: [path.join(dist, 'rules')] });
    const queued = files.map((f) => closing.summarise(f.path).then(() => 'done', () => 'failed'));
    await closing.close();
    const outcomes = await Promise.all(queued);
    assert.ok(outcomes.includes('failed'), outcomes.join());
  });
});

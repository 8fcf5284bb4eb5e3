// "Ward: Scan Workspace" over the real server (`node dist/server.js --stdio`): which files a
// scan covers (.gitignore at two levels, ward.exclude, the size cap, .env with generic secret
// rules), `$/progress` on the client's work-done token, diagnostics for files never opened,
// the disk cache (second scan, and a new server process), re-scan of changed files from
// watched-file events, the open buffer winning, Clear, and cancellation.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { execFileSync } = require('node:child_process');
const rpc = require('vscode-jsonrpc/node');
const { dist, startServer } = require('./client');
const WAIT_MS = 60000; // the machines running this are often loaded
const RULE = 'js-child-process-exec';
const EXCLUDE = ['**/node_modules/**', '**/.git/**', 'vendor/**'];

const JS = (arg) => ["const cp = require('child_process');", '', 'function list(dir) {', `  cp.exec('ls ' + ${arg});`, '}', '', 'module.exports = { list };', ''].join('\n');
const PY = ['import subprocess', '', '', 'def run(d):', '    subprocess.run("ls " + d, shell=True)', ''].join('\n');
/** A Stripe-shaped key made up at test time (never committed as a real-looking value). */
const fakeKey = () => 'sk_live_' + Array.from({ length: 24 }, () => 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'[Math.floor(Math.random() * 56)]).join('');

class Client {
  constructor(workspace, { storagePath, settings } = {}) {
    this.workspace = workspace;
    this.storagePath = storagePath;
    this.settings = settings ?? {};
    this.diagnostics = new Map(); // uri → [diagnostics, …] in order of publication
    this.progress = new Map(); // token → [values]
    this.logs = [];
    this.registrations = [];
    this.waiters = new Set();
    const c = startServer(this);
    c.onRequest('workspace/configuration', (params) => params.items.map((item) => (item.section === 'ward' ? JSON.parse(JSON.stringify(this.settings)) : null)));
    c.onRequest('client/registerCapability', (p) => {
      this.registrations.push(...p.registrations);
      this.poke();
      return null;
    });
    c.onRequest('client/unregisterCapability', () => null);
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('window/showMessageRequest', () => null);
    c.onNotification('window/showMessage', () => undefined);
    c.onNotification('window/logMessage', (p) => {
      this.logs.push(p.message);
      this.poke();
    });
    this.statuses = [];
    c.onNotification('ward/status', (p) => {
      this.statuses.push(p);
      this.poke();
    });
    c.onNotification('textDocument/publishDiagnostics', (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p.diagnostics);
      this.diagnostics.set(p.uri, list);
      this.poke();
    });
    c.listen();
  }

  poke() {
    for (const w of [...this.waiters]) w();
  }

  waitFor(what, probe, ms = WAIT_MS) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value !== undefined) {
          finish();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${ms} ms waiting for ${what}\nserver stderr:\n${this.stderr.slice(-2000)}\nlog:\n${this.logs.slice(-10).join('\n')}`));
      }, ms);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  async initialize() {
    const folder = pathToFileURL(this.workspace).href;
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      initializationOptions: this.storagePath ? { storagePath: this.storagePath } : {},
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } },
        window: { workDoneProgress: true },
      },
      workspaceFolders: [{ uri: folder, name: 'ws' }],
    });
    await this.conn.sendNotification('initialized', {});
  }

  /** Sends ward/scanWorkspace with a work-done token whose `$/progress` values are recorded. */
  scan(token, cancellation) {
    const values = [];
    this.progress.set(token, values);
    const sub = this.conn.onProgress(new rpc.ProgressType(), token, (v) => {
      values.push(v);
      this.poke();
    });
    const params = { workDoneToken: token };
    const request = cancellation ? this.conn.sendRequest('ward/scanWorkspace', params, cancellation) : this.conn.sendRequest('ward/scanWorkspace', params);
    return request.finally(() => setTimeout(() => sub.dispose(), 1000));
  }

  uri(rel) {
    return pathToFileURL(path.join(this.workspace, rel)).href;
  }

  /** The latest diagnostics published for `rel` (undefined when never published). */
  latest(rel) {
    const list = this.diagnostics.get(this.uri(rel));
    return list ? list[list.length - 1] : undefined;
  }

  /**
   * What the Problems panel would list from Ward right now, computed from the publications
   * themselves: per file its latest diagnostics, by severity.
   */
  problems() {
    const c = { errors: 0, warnings: 0, infos: 0, files: 0 };
    for (const list of this.diagnostics.values()) {
      const ds = list[list.length - 1];
      if (ds.length === 0) continue;
      c.files++;
      for (const d of ds) {
        if (d.severity === 1) c.errors++;
        else if (d.severity === 2) c.warnings++;
        else if (d.severity === 3) c.infos++;
      }
    }
    return c;
  }

  /** Waits for a ward/status (after the `after`-th) whose counts are what is published. */
  statusMatching(after, what = 'a status with the published counts') {
    return this.waitFor(what, () => {
      const want = this.problems();
      const s = this.statuses.slice(after).findLast((p) => p.errors === want.errors && p.warnings === want.warnings && p.infos === want.infos && p.files === want.files);
      return s;
    }).catch((e) => {
      throw new Error(`${e.message}
published: ${JSON.stringify(this.problems())}; last status: ${JSON.stringify(this.statuses[this.statuses.length - 1])}`);
    });
  }

  count(rel) {
    return (this.diagnostics.get(this.uri(rel)) ?? []).length;
  }

  /** Waits for a publication for `rel` after the `after`-th one whose diagnostics satisfy `pred`. */
  next(rel, after, pred = () => true, what = rel) {
    return this.waitFor(`diagnostics for ${what}`, () => {
      const list = this.diagnostics.get(this.uri(rel)) ?? [];
      for (let i = after; i < list.length; i++) if (pred(list[i])) return list[i];
      return undefined;
    });
  }

  watched(changes) {
    return this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([rel, type]) => ({ uri: this.uri(rel), type })) });
  }

  async stop() {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 10000))]);
    await this.conn.sendNotification('exit');
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 5000))]);
    if (this.proc.exitCode === null) this.proc.kill();
    this.conn.dispose();
  }
}

const wardCodes = (ds) => (ds ?? []).filter((d) => d.source === 'Ward').map((d) => d.code);
const write = (root, rel, text) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};

let tmp;
let ws;
let storage;
let client;
let first;
const hasGenericRules = fs.existsSync(path.join(dist, 'rules', 'generic'));

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-wscan-'));
  ws = path.join(tmp, 'ws');
  storage = path.join(tmp, 'storage');
  write(ws, 'src/a.js', JS('dir'));
  write(ws, 'src/b.py', PY);
  write(ws, 'src/clean.js', 'module.exports = 1;\n');
  // Root .gitignore: a folder anchored at the root; a nested one: all .js but keep.js.
  write(ws, '.gitignore', '/out/\n*.log\n');
  write(ws, 'out/gen.js', JS('x'));
  write(ws, 'src/gen/.gitignore', '*.js\n!keep.js\n');
  write(ws, 'src/gen/dropped.js', JS('y'));
  write(ws, 'src/gen/keep.js', JS('z'));
  write(ws, 'vendor/lib.js', JS('v')); // excluded by ward.exclude
  write(ws, 'node_modules/pkg/index.js', JS('n'));
  // Over the 0.01 MB cap (10 KB): skipped, never read by the workers.
  write(ws, 'src/big.js', JS('big') + '// padding\n'.repeat(2000));
  write(ws, '.env', `DB_HOST=localhost\nSTRIPE_SECRET_KEY=${fakeKey()}\n`);
  // A FIFO named like a source file: never opened (that would block), named in the log.
  execFileSync('mkfifo', [path.join(ws, 'src', 'pipe.js')]);
  client = new Client(ws, { storagePath: storage, settings: { debounceMs: 0, exclude: EXCLUDE, maxFileSizeMB: 0.01 } });
  await client.initialize();
});

after(async () => {
  await client?.stop().catch(() => undefined);
  await c2?.stop().catch(() => undefined);
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('scan: progress, findings in unopened files, .gitignore (nested), ward.exclude, size cap', { timeout: 120000 }, async () => {
  first = await client.scan('scan-1');
  assert.equal(first.cancelled, false);
  assert.equal(first.done, first.total);
  assert.equal(first.fromCache, 0, 'nothing cached before the first scan');
  assert.ok(first.skipped >= 1, 'the oversize file is skipped');
  assert.match(first.message, /files/);
  for (const rel of ['src/a.js', 'src/gen/keep.js']) assert.deepEqual(wardCodes(client.latest(rel)), [RULE], rel);
  assert.ok(wardCodes(client.latest('src/b.py')).includes('py-subprocess-shell-true'));
  for (const rel of ['out/gen.js', 'src/gen/dropped.js', 'vendor/lib.js', 'node_modules/pkg/index.js', 'src/big.js', 'src/clean.js']) {
    assert.equal(client.latest(rel), undefined, `${rel} must not get diagnostics`);
  }
  if (hasGenericRules) assert.ok(wardCodes(client.latest('.env')).some((c) => /stripe/.test(c)), `.env secret: ${JSON.stringify(client.latest('.env'))}`);
  assert.ok(client.logs.some((l) => /skipped src\/big\.js: .*MB/.test(l)), 'the skipped file is named in the log');
  assert.ok(client.logs.some((l) => /skipped src\/pipe\.js: not a regular file/.test(l)), 'the FIFO is named in the log');

  const values = client.progress.get('scan-1');
  assert.equal(values[0].kind, 'begin');
  assert.equal(values[0].cancellable, true);
  const reports = values.filter((v) => v.kind === 'report');
  assert.ok(reports.length >= 1, 'at least one report');
  assert.match(reports[0].message, /^\d+\/\d+ files$/);
  await client.waitFor('the end of progress', () => (values.some((v) => v.kind === 'end') ? true : undefined));
  assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'watches files after a scan');
  // One count everywhere: the summary and the status bar say what is published.
  const published = client.problems();
  assert.ok(published.files >= 3, JSON.stringify(published));
  assert.deepEqual(first.problems, published, 'the scan result counts what is published');
  const total = published.errors + published.warnings + published.infos;
  assert.match(first.message, new RegExp(`: ${total} problems in ${published.files} files \\(`), first.message);
  const status = await client.statusMatching(0);
  assert.equal(status.workspaceScan, true);
});

test('counts: a scanned file opened with a different buffer is counted once, with the buffer\'s diagnostics', { timeout: 120000 }, async () => {
  const before = client.problems();
  const uri = client.uri('src/a.js');
  const statuses = client.statuses.length;
  const mark = client.count('src/a.js');
  // Two findings in the buffer where the file on disk has one.
  const buffer = JS('dir') + "function rm(d) {\n  cp.exec('rm -rf ' + d);\n}\n";
  await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: buffer } });
  await client.next('src/a.js', mark, (ds) => wardCodes(ds).length === 2, 'the buffer\'s two findings');
  const open = client.problems();
  assert.equal(open.files, before.files, 'the file is counted once');
  const sum = (c) => c.errors + c.warnings + c.infos;
  assert.equal(sum(open), sum(before) + 1, 'its buffer replaces its scan result');
  await client.statusMatching(statuses, 'a status counting the buffer instead of the file');
  // Closed: back to the file's result from disk, and to the first counts.
  const closed = client.statuses.length;
  await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await client.next('src/a.js', client.count('src/a.js'), (ds) => wardCodes(ds).length === 1, 'the file result after close');
  assert.deepEqual(client.problems(), before);
  await client.statusMatching(closed, 'a status with the scan counts again');
});

test('second scan of an unchanged workspace comes from the cache', { timeout: 120000 }, async () => {
  const mark = client.count('src/a.js');
  const second = await client.scan('scan-2');
  assert.equal(second.scanned, 0, 'no file scanned again');
  assert.equal(second.fromCache, first.total - first.skipped);
  assert.equal(second.total, first.total);
  assert.deepEqual(wardCodes((await client.next('src/a.js', mark))), [RULE], 'cached findings are published again');
  console.log(`workspace scan: first ${first.durationMs} ms (${first.scanned} files scanned), second ${second.durationMs} ms (all ${second.fromCache} from the cache), ratio ${(second.durationMs / Math.max(1, first.durationMs)).toFixed(3)}`);
});

test('watched-file events re-scan changed, created and deleted files', { timeout: 120000 }, async () => {
  // Changed: the finding goes away.
  let mark = client.count('src/a.js');
  write(ws, 'src/a.js', "const cp = require('child_process');\ncp.execFile('ls', ['-la']);\n");
  await client.watched([['src/a.js', 2]]);
  await client.next('src/a.js', mark, (ds) => ds.length === 0, 'src/a.js cleared after the edit');
  await client.waitFor('the re-scan log', () => (client.logs.some((l) => /re-scanned 1 changed file/.test(l)) ? true : undefined));
  // Created (and not ignored) → scanned; created under an ignored folder → not.
  write(ws, 'src/new.js', JS('n'));
  write(ws, 'out/also-ignored.js', JS('n'));
  await client.watched([['src/new.js', 1], ['out/also-ignored.js', 1]]);
  await client.next('src/new.js', 0, (ds) => wardCodes(ds).includes(RULE));
  // Deleted → its diagnostics go.
  mark = client.count('src/b.py');
  fs.rmSync(path.join(ws, 'src/b.py'));
  await client.watched([['src/b.py', 3]]);
  await client.next('src/b.py', mark, (ds) => ds.length === 0, 'src/b.py cleared after deletion');
  assert.equal(client.latest('out/also-ignored.js'), undefined);
});

test('an open file keeps its buffer diagnostics; on close it gets the file result back', { timeout: 120000 }, async () => {
  const uri = client.uri('src/gen/keep.js');
  let mark = client.count('src/gen/keep.js');
  await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: 'module.exports = 2;\n' } });
  await client.next('src/gen/keep.js', mark, (ds) => ds.length === 0, 'the buffer (no finding)');
  // The file on disk changes while it is open: the scan must not publish over the buffer.
  mark = client.count('src/gen/keep.js');
  write(ws, 'src/gen/keep.js', JS('zz'));
  await client.watched([['src/gen/keep.js', 2]]);
  await client.waitFor('the re-scan of keep.js', () => (client.logs.filter((l) => /re-scanned 1 changed file/.test(l)).length >= 2 ? true : undefined));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(client.count('src/gen/keep.js'), mark, 'nothing published for the open file');
  await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await client.next('src/gen/keep.js', mark, (ds) => wardCodes(ds).includes(RULE), 'the file result after close');
});

test('a new server process starts from the disk cache', { timeout: 120000 }, async () => {
  const other = new Client(ws, { storagePath: storage, settings: client.settings });
  try {
    await other.initialize();
    const r = await other.scan('scan-disk');
    assert.equal(r.scanned, 0, `everything from the disk cache: ${JSON.stringify(r)}`);
    assert.equal(r.fromCache, r.total - r.skipped);
  } finally {
    await other.stop();
  }
});

test('Clear Workspace Problems withdraws what the scan published', { timeout: 60000 }, async () => {
  const marks = ['src/new.js', 'src/gen/keep.js', '.env'].map((rel) => [rel, client.count(rel)]);
  const statuses = client.statuses.length;
  const { cleared } = await client.conn.sendRequest('ward/clearWorkspaceProblems', {});
  assert.ok(cleared >= 2, `cleared ${cleared}`);
  await client.waitFor('a status without the workspace scan', () => client.statuses.slice(statuses).find((p) => p.workspaceScan === false));
  for (const [rel, mark] of marks) {
    if (mark === 0) continue;
    await client.next(rel, mark, (ds) => ds.length === 0, `${rel} cleared`);
  }
  await client.statusMatching(statuses, 'a status with the counts after Clear');
  // After Clear, file changes no longer publish anything.
  const mark = client.count('src/new.js');
  write(ws, 'src/new.js', JS('again'));
  await client.watched([['src/new.js', 2]]);
  await new Promise((r) => setTimeout(r, 800));
  assert.equal(client.count('src/new.js'), mark);
});

test('the baseline file the CLI writes hides its findings in the scan and in open files', { timeout: 120000 }, async () => {
  execFileSync(process.execPath, [path.join(dist, 'cli.js'), 'baseline', 'create', '.'], { cwd: ws, stdio: 'pipe' });
  assert.ok(fs.existsSync(path.join(ws, '.ward-baseline.json')), 'ward baseline create wrote .ward-baseline.json');
  write(ws, 'src/fresh.js', JS('fresh'));
  const mark = client.count('src/gen/keep.js');
  const r = await client.scan('scan-baseline');
  assert.equal(r.cancelled, false);
  assert.deepEqual(wardCodes(client.latest('src/fresh.js')), [RULE], 'a finding made after the baseline is shown');
  // Clear emptied keep.js; without the baseline this scan would publish its finding again.
  const since = (client.diagnostics.get(client.uri('src/gen/keep.js')) ?? []).slice(mark);
  assert.ok(since.every((ds) => ds.length === 0), `a baselined finding is not shown: ${JSON.stringify(since)}`);
  // An open file: the buffer's findings go through the same baseline.
  const uri = client.uri('src/gen/keep.js');
  const before = client.count('src/gen/keep.js');
  await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: fs.readFileSync(path.join(ws, 'src/gen/keep.js'), 'utf8') + JS('other') } });
  const pub = await client.next('src/gen/keep.js', before, () => true, 'the open baselined file');
  assert.equal(wardCodes(pub).length, 1, `only the new finding shows: ${JSON.stringify(pub.map((d) => d.range.start.line))}`);
  await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

/** Resident memory of a process in MiB (Linux), or undefined elsewhere. */
function rssMiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

let many;
let c2;

test('cancelling after the first progress report stops the scan early and says so', { timeout: 180000 }, async () => {
  many = path.join(tmp, 'many');
  for (let i = 0; i < 400; i++) {
    // About 300 lines each, one finding per file (a workspace, not a vulnerability zoo).
    const body = Array.from({ length: 60 }, (_, k) => `function f${i}_${k}(items) {\n  const v = items.map((x) => x * ${k});\n  return { v, n: v.length + ${k} };\n}\n`).join('');
    write(many, `pkg${i % 20}/file${i}.js`, `const cp = require('child_process');\n${body}cp.exec('ls ' + process.argv[2]);\n`);
  }
  // No storage folder: the scan runs without a disk cache (in memory only).
  c2 = new Client(many, { settings: { debounceMs: 0 } });
  await c2.initialize();
  const source = new rpc.CancellationTokenSource();
  const pending = c2.scan('scan-cancel', source.token);
  // The first report that counts files done (the one before it says 0/400).
  await c2.waitFor('the first progress report with files done', () =>
    c2.progress.get('scan-cancel')?.some((v) => v.kind === 'report' && !/^0\//.test(v.message)) ? true : undefined,
  );
  source.cancel();
  const r = await pending;
  assert.equal(r.cancelled, true);
  assert.equal(r.total, 400);
  assert.ok(r.done > 0 && r.done < r.total, `stopped early: ${r.done} of ${r.total}`);
  assert.match(r.message, /cancelled after \d+ of 400 files/);
  console.log(`cancelled scan: ${r.done} of ${r.total} files done when it stopped`);
  await c2.waitFor('the end of progress', () => (c2.progress.get('scan-cancel').some((v) => v.kind === 'end') ? true : undefined));
});

test('400 files: open-file latency during a scan, second scan from the cache, memory at rest (printed)', { timeout: 300000 }, async () => {
  const uri = pathToFileURL(path.join(many, 'open.js')).href;
  let version = 1;
  let text = JS('dir');
  await c2.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version, text } });
  await c2.waitFor('open.js diagnostics', () => (c2.diagnostics.get(uri)?.length ? true : undefined));
  const edit = async () => {
    const mark = c2.diagnostics.get(uri).length;
    const started = performance.now();
    version++;
    text = `// edit ${version}\n` + text;
    await c2.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    await c2.waitFor('diagnostics after the edit', () => (c2.diagnostics.get(uri).length > mark ? true : undefined));
    return performance.now() - started;
  };
  const idle = [];
  for (let i = 0; i < 5; i++) idle.push(await edit());
  const full = c2.scan('scan-full');
  let finished = false;
  full.finally(() => (finished = true));
  const busy = [];
  while (!finished && busy.length < 20) busy.push(await edit());
  const r = await full;
  assert.equal(r.cancelled, false);
  const second = await c2.scan('scan-again');
  assert.equal(second.scanned, 0);
  assert.equal(second.fromCache, 400);
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  console.log(`open-file edit → diagnostics: median ${med(idle).toFixed(0)} ms at rest, ${med(busy).toFixed(0)} ms during the workspace scan (${busy.length} edits)`);
  console.log(`400 files: scan ${r.durationMs} ms (${r.scanned} scanned, ${r.fromCache} cached by the cancelled run), second scan ${second.durationMs} ms, ratio ${(second.durationMs / Math.max(1, r.durationMs)).toFixed(3)}`);
  // Workers go 5 s after their last file; then the server is back to one parser set.
  await new Promise((res) => setTimeout(res, 7000));
  // On a loaded machine the workers' exit and the heap's shrinking lag: give them up to 30 s
  // in all before judging the memory at rest (the bound itself stays).
  // The bound: 128–160 MiB measured with eight packs' grammars and rules loaded (JS/TS,
  // Python, Java, Go, and the YAML, HCL and bash grammars of the document packs); 150 MiB held
  // with five. A leak of the scanned files' trees or results would be far past it.
  const BOUND = 192;
  let rss = rssMiB(c2.proc.pid);
  for (let waited = 7000; rss !== undefined && rss > BOUND && waited < 30000; waited += 1000) {
    await new Promise((res) => setTimeout(res, 1000));
    rss = rssMiB(c2.proc.pid);
  }
  if (rss !== undefined) {
    console.log(`server RSS at rest after the scans: ${rss.toFixed(0)} MiB`);
    assert.ok(rss <= BOUND, `server RSS at rest ${rss.toFixed(0)} MiB > ${BOUND} MiB`);
  }
  await c2.stop();
});

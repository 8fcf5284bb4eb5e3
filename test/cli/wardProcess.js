// Helpers for the CLI tests that feed `ward` hostile input: temp projects, the command run
// with a hang guard, and a way to run it as a user without root's permission bypass.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const CLI = path.join(dist, 'cli.js');
/** Past this a run counts as hung (a FIFO read, /dev/zero); no test measures time below it. */
const HANG_MS = 60000;

const temps = [];
function cleanup() {
  for (const d of temps) {
    chmodAll(d);
    fs.rmSync(d, { recursive: true, force: true });
  }
}

/** Makes everything under `dir` writable again (tests take permissions away). */
function chmodAll(dir) {
  try {
    fs.chmodSync(dir, 0o755);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) chmodAll(path.join(dir, e.name));
    }
  } catch {
    // Gone already.
  }
}

/** Writes { 'rel/path': text } into a new temp dir (readable by every user) and returns its real path. */
function project(files = {}) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ward-hostile-')));
  fs.chmodSync(dir, 0o755);
  temps.push(dir);
  write(dir, files);
  return dir;
}

function write(dir, files) {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

/**
 * Root reads and writes anything whatever the mode bits say, so permission tests run the
 * command as `nobody` when the tests run as root (CI does); otherwise as the current user.
 */
const unprivileged = process.getuid && process.getuid() === 0 ? { uid: 65534, gid: 65534 } : {};

/**
 * Runs `node cli.js ...args` in `cwd`; resolves with { status, signal, stdout, stderr }.
 * `options.spawn` is passed to spawn (uid/gid, env); `options.onStdout(chunk, child)` sees the output as it comes.
 */
function ward(args, cwd, options = {}) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NO_COLOR: '1', ...(options.env ?? {}) };
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...(options.spawn ?? {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      options.onStdout?.(d, child);
    });
    child.stdout.on('error', () => {});
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ward ${args.join(' ')} did not finish in ${HANG_MS} ms (hung)`));
    }, HANG_MS);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

/** No stack trace, no V8 abort, no "internal error": what a user must never see. */
function assertNoCrash(assert, r, what) {
  const all = r.stdout + r.stderr;
  assert.doesNotMatch(all, /ward: internal error|\n\s+at .*:\d+:\d+\)?\n|node:internal|Unhandled 'error'|std::bad_alloc|FATAL ERROR/, `${what}: no stack trace or crash\n${all.slice(0, 2000)}`);
  assert.notEqual(r.signal, 'SIGABRT', `${what}: not aborted`);
}

/** Request data reaching a shell: an error (docs/severity.md), so a scan of it exits 1 at the default --fail-on. */
const VULN_JS = ["const cp = require('child_process');", "const app = require('express')();", "app.get('/ls', (req, res) => {", "  cp.exec('ls ' + req.query.dir);", '});', ''].join('\n');

module.exports = { CLI, HANG_MS, project, write, ward, cleanup, unprivileged, assertNoCrash, VULN_JS };

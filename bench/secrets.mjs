// Secrets pass vs secretlint (preset-recommend) on the same files: files/s, MB/s, findings.
// `node bench/secrets.mjs [folder…]` or `import { benchSecrets } from './secrets.mjs'`.
// secretlint is installed on first use into ~/.cache/ward-bench (never into the repo) and
// fed 250 files per call, as its CLI would be in a pre-commit hook or CI job.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, lstatSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const CACHE = process.env.WARD_BENCH_CACHE || join(homedir(), '.cache', 'ward-bench');
const BATCH = 250;

function ensureSecretlint() {
  const bin = join(CACHE, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  if (!existsSync(bin) || !existsSync(join(CACHE, 'node_modules', '@secretlint', 'secretlint-rule-preset-recommend'))) {
    mkdirSync(CACHE, { recursive: true });
    if (!existsSync(join(CACHE, 'package.json'))) writeFileSync(join(CACHE, 'package.json'), '{"name":"ward-bench-tools","private":true}\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', 'secretlint@10', '@secretlint/secretlint-rule-preset-recommend@10'], { cwd: CACHE, stdio: 'inherit' });
  }
  const rc = join(CACHE, '.secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  return { bin, rc };
}

const SKIP_DIRS = new Set(['.git', '__pycache__']);
const BINARY = /\.(?:png|jpe?g|gif|ico|woff2?|ttf|eot|zip|gz|tgz|bz2|xz|wasm|node|so|dylib|dll|exe|pyc|pyd|whl|jar|class|pdf|mp[34]|webm|db|sqlite)$/i;

/** Text files under the folders, breadth-limited so the corpus stays about `maxBytes`. */
export function collectCorpus(folders, maxBytes = 64 * 1024 * 1024) {
  const files = [];
  let bytes = 0;
  const walk = (dir) => {
    let names;
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (bytes >= maxBytes) return;
      const full = join(dir, name);
      let st;
      try {
        st = lstatSync(full);
      } catch {
        continue;
      }
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(full);
      } else if (st.isFile() && st.size > 0 && st.size <= 2 * 1024 * 1024 && !BINARY.test(name)) {
        files.push(full);
        bytes += st.size;
      }
    }
  };
  const share = maxBytes / folders.length;
  for (const f of folders) {
    const before = bytes;
    const limit = Math.min(maxBytes, before + share);
    const saved = maxBytes;
    maxBytes = limit;
    walk(f);
    maxBytes = saved;
  }
  return { files, bytes };
}

async function runWard(files) {
  const require = createRequire(import.meta.url);
  const W = require(resolve(root, process.env.WARD_DIST || 'dist', 'engine.js'));
  const { rules } = W.loadRuleDirs([join(root, 'rules')]);
  const engine = new W.Engine(rules.filter((r) => r.mode === 'secret'));
  const started = performance.now();
  let findings = 0;
  for (const file of files) {
    // The secrets pass: parsed files get the secret rules with tree context, others the text pass.
    findings += (await engine.scanFile(file, { budgetMs: 10000 })).findings.filter((f) => !f.suppressed).length;
  }
  return { ms: performance.now() - started, findings };
}

function runSecretlint(files) {
  const { bin, rc } = ensureSecretlint();
  const started = performance.now();
  let findings = 0;
  for (let i = 0; i < files.length; i += BATCH) {
    // --output: secretlint exits before a large piped stdout is flushed.
    const out = join(CACHE, `out-${process.pid}.json`);
    rmSync(out, { force: true });
    const r = spawnSync(process.execPath, [bin, '--secretlintrc', rc, '--format', 'json', '--no-color', '--maskSecrets', '--output', out, ...files.slice(i, i + BATCH)], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      cwd: '/', // secretlint refuses files outside its working folder
    });
    if (!existsSync(out) && r.stderr) throw new Error(`secretlint failed: ${r.stderr.slice(0, 300)}`);
    try {
      for (const result of JSON.parse(existsSync(out) ? readFileSync(out, 'utf8') || '[]' : '[]')) findings += result.messages.length;
    } catch (err) {
      // A batch whose output is not JSON counts no findings; say so.
      console.error(`secretlint batch ${i / BATCH + 1}: unreadable output (${err.message.slice(0, 120)}): ${(r.stderr || r.stdout).slice(0, 200)}`);
    }
  }
  return { ms: performance.now() - started, findings };
}

export async function benchSecrets(folders = [join(root, 'node_modules'), '/root/.pyenv/versions/3.11.7/lib/python3.11'], maxBytes = 64 * 1024 * 1024) {
  const { files, bytes } = collectCorpus(folders.filter(existsSync), maxBytes);
  const ward = await runWard(files);
  const lint = runSecretlint(files);
  const mb = bytes / 1024 / 1024;
  const row = (r) => ({ seconds: r.ms / 1000, filesPerSec: files.length / (r.ms / 1000), mbPerSec: mb / (r.ms / 1000), findings: r.findings });
  return { files: files.length, megabytes: mb, ward: row(ward), secretlint: row(lint), speedup: lint.ms / ward.ms };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folders = process.argv.slice(2);
  const r = await benchSecrets(folders.length ? folders : undefined);
  const line = (name, x) => `${name.padEnd(11)} ${x.seconds.toFixed(1).padStart(6)} s  ${x.filesPerSec.toFixed(0).padStart(6)} files/s  ${x.mbPerSec.toFixed(2).padStart(6)} MB/s  ${String(x.findings).padStart(5)} findings`;
  console.log(`secrets over ${r.files} files, ${r.megabytes.toFixed(1)} MB`);
  console.log(line('ward', r.ward));
  console.log(line('secretlint', r.secretlint));
  console.log(`ward is ${r.speedup.toFixed(1)}× secretlint's throughput`);
}

// `npm run bench`: Ward's performance numbers for the README, in one run.
//
// Corpus (reproducible): pinned npm packages installed into ~/.cache/ward-bench/install
// (never into the repo; WARD_BENCH_CACHE moves it), their JavaScript/TypeScript copied
// into corpus/js and corpus/ts, plus the machine's Python standard library (tests left
// out) into corpus/py, each part capped at a line budget (WARD_BENCH_LINES, default
// 300k JS, 150k TS, 150k Python) in sorted path order; the Java part's sources come from
// Maven Central through mvn (bench/java.mjs, 300k lines), the Go part's from the Go module
// proxy through `go mod download` (bench/go.mjs, 300k lines). bench/README.md says more.
//
// Measured: Ward's full scan through the CLI with 1 and 2 workers (lines/s, files/s, peak
// RSS, peak per-worker memory), a cold and a warm --cache run, a bare web-tree-sitter
// parse of the same files (the floor), ESLint 9 + eslint-plugin-security (recommended) on
// the JS part against Ward on the same part, secretlint vs Ward's secret rules
// (bench/secrets.mjs), and edit→diagnostics latency through the real server
// (bench/latency.mjs), the client bundle and VSIX sizes (bench/size.mjs), and the Java part
// (bench/java.mjs: real Java sources from Maven Central, Java lines/s per core against the
// JavaScript part's in the same run, editor latency on a 20k-line .java file), and the Go part
// (bench/go.mjs: pinned modules fetched by `go mod download`, measured the same way). Prints a table
// and the ratios; `--json FILE` also writes them. `--only size,latency` runs only those parts
// (scan, eslint, secrets, shards, shards-scale, latency, java, go, size, sca); `--only size` and
// `--only sca` need no corpus. `shards` (bench/shards.mjs): the corpus split into 4 and 8 shards
// run one after another against the whole scan, and their merged SARIF against the unsharded
// one; then the same at scale (also `--only shards-scale`): the corpus with the Java and Go
// parts, twice over (WARD_BENCH_SCALE_COPIES), ~2.4 million lines.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, lstatSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, homedir, loadavg } from 'node:os';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureLatency, measureOpenLatency } from './latency.mjs';
import { measureSizes, sizeLines } from './size.mjs';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const dist = process.env.WARD_DIST || join(root, 'dist');
const CACHE = process.env.WARD_BENCH_CACHE || join(homedir(), '.cache', 'ward-bench');
const INSTALL = join(CACHE, 'install');
const CORPUS = join(CACHE, 'corpus');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const only = (name) => !args.includes('--only') || args[args.indexOf('--only') + 1].split(',').includes(name);

const PACKAGES = ['typescript@5.6.3', 'webpack@5.95.0', 'lodash@4.17.21', 'express@4.21.1', 'eslint@9.13.0', 'eslint-plugin-security@3.0.1'];
const LIMITS = { js: 300_000, ts: 150_000, py: 150_000, java: 300_000, go: 300_000 };
if (process.env.WARD_BENCH_LINES) {
  const n = Number(process.env.WARD_BENCH_LINES);
  Object.assign(LIMITS, { js: n, ts: n / 2, py: n / 2, java: n, go: n });
}
const MAX_FILE = 2 * 1024 * 1024;

function log(msg) {
  process.stderr.write(`[bench] ${msg}\n`);
}

function npmInstall() {
  const stamp = join(INSTALL, '.packages');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === PACKAGES.join('\n')) return;
  log(`installing ${PACKAGES.join(' ')} into ${INSTALL}`);
  mkdirSync(INSTALL, { recursive: true });
  writeFileSync(join(INSTALL, 'package.json'), '{"name":"ward-bench-corpus","private":true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', ...PACKAGES], { cwd: INSTALL, stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(stamp, PACKAGES.join('\n'));
}

function pythonStdlib() {
  try {
    return execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function lineCount(text) {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Copies files matching `re` under `from` into `to` (sorted, first `budget` lines); returns the list. */
function assemble(from, to, re, budget, skipDir) {
  const files = [];
  let lines = 0;
  const walk = (dir) => {
    let names;
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (lines >= budget) return;
      const full = join(dir, name);
      const st = lstatSync(full);
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) {
        if (!skipDir(name)) walk(full);
      } else if (re.test(name) && !/\.min\.js$/.test(name) && st.size > 0 && st.size <= MAX_FILE) {
        const text = readFileSync(full, 'utf8');
        const target = join(to, relative(from, full));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
        const n = lineCount(text);
        files.push({ path: target, lines: n, bytes: st.size });
        lines += n;
      }
    }
  };
  walk(from);
  return files;
}

function buildCorpus() {
  npmInstall();
  const stdlib = pythonStdlib();
  const key = JSON.stringify({ PACKAGES, LIMITS: { js: LIMITS.js, ts: LIMITS.ts, py: LIMITS.py }, stdlib, v: 1 });
  const manifest = join(CORPUS, 'manifest.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    if (m.key === key) return m;
  }
  log('assembling the corpus');
  rmSync(CORPUS, { recursive: true, force: true });
  const nm = join(INSTALL, 'node_modules');
  const skipJs = (name) => name === '.bin' || name === 'test' || name === 'tests' || name === '__tests__';
  const parts = {
    js: assemble(nm, join(CORPUS, 'js'), /\.(?:js|cjs|mjs)$/, LIMITS.js, skipJs),
    ts: assemble(nm, join(CORPUS, 'ts'), /\.(?:ts|tsx|mts|cts)$/, LIMITS.ts, skipJs),
    py: stdlib ? assemble(stdlib, join(CORPUS, 'py'), /\.py$/, LIMITS.py, (n) => /^(?:test|tests|idle_test|site-packages|__pycache__|lib2to3)$/.test(n)) : [],
  };
  const m = { key, stdlib, parts };
  writeFileSync(manifest, JSON.stringify(m));
  return m;
}

/** Runs a command, sampling its peak RSS (VmHWM) from /proc; resolves with time, peak and output. */
function timed(cmd, cmdArgs, opts = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, cmdArgs, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKB = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKB = Math.max(peakKB, Number(m[1]));
      } catch {
        // exited
      }
    };
    const timer = setInterval(sample, 25);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', () => sample());
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - t0, peakMB: peakKB / 1024, status, stdout, stderr });
    });
  });
}

async function wardScan(dirs, extra = [], cwd = CORPUS) {
  const config = join(CACHE, 'bench.ward.yaml');
  writeFileSync(config, 'exclude: []\nmaxFileSizeMB: 2\n');
  const out = join(CACHE, 'ward-out.json');
  const r = await timed(process.execPath, [join(dist, 'cli.js'), 'scan', ...dirs, '--config', config, '--no-gitignore', '--fail-on', 'none', '-f', 'json', '-o', out, ...extra], {
    cwd,
    env: { ...process.env, WARD_STATS: '1' },
  });
  if (r.status !== 0) throw new Error(`ward failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const stats = JSON.parse(/ward: stats: (.*)/.exec(r.stderr)?.[1] ?? '{}');
  return { ...r, findings: report.findings.length, filesScanned: report.filesScanned, stats };
}

async function bareParse(files) {
  const TS = require(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs'));
  await TS.Parser.init({ locateFile: (f) => join(dist, f) });
  const grammar = { js: 'tree-sitter-javascript.wasm', ts: 'tree-sitter-typescript.wasm', tsx: 'tree-sitter-tsx.wasm', py: 'tree-sitter-python.wasm', java: 'tree-sitter-java.wasm', go: 'tree-sitter-go.wasm' };
  const parsers = {};
  for (const [k, wasm] of Object.entries(grammar)) {
    const p = new TS.Parser();
    p.setLanguage(await TS.Language.load(join(dist, wasm)));
    parsers[k] = p;
  }
  const texts = files.map((f) => [f.path, readFileSync(f.path, 'utf8')]);
  const t0 = performance.now();
  for (const [path, text] of texts) {
    const ext = extname(path);
    const p = ext === '.py' ? parsers.py : ext === '.java' ? parsers.java : ext === '.go' ? parsers.go : ext === '.tsx' ? parsers.tsx : /\.[mc]?ts$/.test(ext) ? parsers.ts : parsers.js;
    p.parse(text)?.delete();
  }
  return { ms: performance.now() - t0 };
}

async function eslint(dir) {
  const config = join(INSTALL, 'eslint.config.mjs');
  writeFileSync(
    config,
    [
      "import security from 'eslint-plugin-security';",
      'export default [',
      '  security.configs.recommended,',
      "  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' }, linterOptions: { reportUnusedDisableDirectives: 'off' } },",
      '];',
      '',
    ].join('\n'),
  );
  const bin = join(INSTALL, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const out = join(CACHE, 'eslint-out.json');
  const r = await timed(process.execPath, [bin, '-c', config, '--no-inline-config', '-f', 'json', '-o', out, dir], { cwd: CORPUS });
  let findings = 0;
  let parseErrors = 0;
  try {
    for (const f of JSON.parse(readFileSync(out, 'utf8'))) {
      for (const m of f.messages) m.fatal ? parseErrors++ : findings++;
    }
  } catch {
    throw new Error(`eslint gave no report (exit ${r.status}): ${r.stderr.slice(0, 400)}`);
  }
  return { ...r, findings, parseErrors };
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main() {
  if (!existsSync(join(dist, 'cli.js'))) throw new Error(`no build in ${dist}: run npm run build`);
  if (only('sca')) {
    log('dependency checks: synthetic 100k-advisory database, 1,500-package lockfile');
    const { benchSca, scaLines } = await import('./sca.mjs');
    const sca = await benchSca(dist);
    for (const line of scaLines(sca)) console.log(line);
    if (args.includes('--only') && !['size', 'scan', 'eslint', 'secrets', 'shards', 'shards-scale', 'latency', 'java', 'go'].some(only)) {
      if (args.includes('--json')) writeFileSync(args[args.indexOf('--json') + 1], JSON.stringify({ sca }, null, 2) + '\n');
      return;
    }
    console.log('');
  }
  let sizes;
  if (only('size')) {
    log('client bundle and VSIX sizes (vsce package)');
    sizes = measureSizes(root, dist);
    for (const line of sizeLines(sizes)) console.log(line);
    if (!['scan', 'eslint', 'secrets', 'shards', 'shards-scale', 'latency', 'java', 'go'].some(only)) {
      if (args.includes('--json')) writeFileSync(args[args.indexOf('--json') + 1], JSON.stringify({ size: sizes }, null, 2) + '\n');
      return;
    }
    console.log('');
  }
  const corpus = buildCorpus();
  const all = [...corpus.parts.js, ...corpus.parts.ts, ...corpus.parts.py];
  const sum = (fs, k) => fs.reduce((a, f) => a + f[k], 0);
  const lines = sum(all, 'lines');
  const jsLines = sum(corpus.parts.js, 'lines');
  const dirs = ['js', 'ts', 'py'].filter((d) => corpus.parts[d].length);
  const results = { machine: { cpus: cpus().length, model: cpus()[0]?.model, load: loadavg().map((x) => +x.toFixed(1)), node: process.version }, corpus: {}, size: sizes };
  for (const k of dirs) results.corpus[k] = { files: corpus.parts[k].length, lines: sum(corpus.parts[k], 'lines'), megabytes: +(sum(corpus.parts[k], 'bytes') / 1048576).toFixed(1) };
  console.log(`Corpus: ${fmt(all.length)} files, ${fmt(lines)} lines (${dirs.map((k) => `${k} ${fmt(results.corpus[k].lines)}`).join(', ')}); Python from ${corpus.stdlib}`);
  console.log(`Machine: ${results.machine.cpus} CPUs (${results.machine.model}), load average ${results.machine.load.join(' ')}, Node ${process.version}\n`);

  const rows = [];
  const row = (name, ms, files, lns, extra = '') => {
    rows.push([name, `${(ms / 1000).toFixed(2)} s`, `${fmt(lns / (ms / 1000))} lines/s`, `${fmt(files / (ms / 1000))} files/s`, extra]);
  };
  // The machine is shared and noisy: runs compared in a ratio are interleaved (A, B, A, B,
  // …) and their medians compared, so a burst of load hits both or neither.
  const ROUNDS = Math.max(1, Number(process.env.WARD_BENCH_ROUNDS) || 3);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const medianRun = (runs) => runs.find((r) => r.ms === median(runs.map((x) => x.ms)));
  const spread = (runs) => runs.map((r) => (r.ms / 1000).toFixed(1)).join('/');
  if (only('scan')) {
    const r1 = [];
    const r2 = [];
    for (let i = 0; i < ROUNDS; i++) {
      log(`ward scan, 1 worker (round ${i + 1} of ${ROUNDS})`);
      r1.push(await wardScan(dirs, ['--jobs', '1']));
      log(`ward scan, 2 workers (round ${i + 1} of ${ROUNDS})`);
      r2.push(await wardScan(dirs, ['--jobs', '2']));
    }
    const w1 = medianRun(r1);
    const w2 = medianRun(r2);
    log('bare web-tree-sitter parse');
    const parse = await bareParse(all);
    const cacheDir = join(CACHE, 'ward-cache');
    rmSync(cacheDir, { recursive: true, force: true });
    log('ward scan --cache (cold, then warm)');
    const cold = await wardScan(dirs, ['--jobs', '2', '--cache', cacheDir]);
    const warm = await wardScan(dirs, ['--jobs', '2', '--cache', cacheDir]);
    const cpu = (r) => `CPU ${(r.stats.cpuMs / 1000).toFixed(1)} s`;
    row('ward scan --jobs 1', w1.ms, all.length, lines, `median of ${spread(r1)} s; ${cpu(w1)}, peak RSS ${fmt(w1.peakMB)} MiB, scan worker ${fmt(w1.stats.peakWorkerMB)} MiB, ${w1.findings} findings`);
    row('ward scan --jobs 2', w2.ms, all.length, lines, `median of ${spread(r2)} s; ${cpu(w2)}, peak RSS ${fmt(w2.peakMB)} MiB, per worker ≤ ${fmt(w2.stats.peakWorkerMB)} MiB, ${w2.stats.recycledWorkers} recycled, ${w2.findings} findings`);
    row('ward --cache, cold', cold.ms, all.length, lines, `peak RSS ${fmt(cold.peakMB)} MiB`);
    row('ward --cache, warm', warm.ms, all.length, lines, `peak RSS ${fmt(warm.peakMB)} MiB, ${warm.findings} findings`);
    row('bare tree-sitter parse', parse.ms, all.length, lines, 'parse only, 1 thread, in-process (the floor)');
    results.scan = {
      rounds: ROUNDS,
      jobs1: { seconds: w1.ms / 1000, runs: r1.map((r) => r.ms / 1000), cpuSeconds: w1.stats.cpuMs / 1000, linesPerSec: lines / (w1.ms / 1000), linesPerCpuSec: lines / (w1.stats.cpuMs / 1000), filesPerSec: all.length / (w1.ms / 1000), peakRssMB: w1.peakMB, peakThreadMB: w1.stats.peakWorkerMB, findings: w1.findings },
      jobs2: { seconds: w2.ms / 1000, runs: r2.map((r) => r.ms / 1000), cpuSeconds: w2.stats.cpuMs / 1000, linesPerSec: lines / (w2.ms / 1000), filesPerSec: all.length / (w2.ms / 1000), peakRssMB: w2.peakMB, peakWorkerMB: w2.stats.peakWorkerMB, recycled: w2.stats.recycledWorkers, findings: w2.findings },
      speedup2: w1.ms / w2.ms,
      speedup2PerRound: r1.map((r, i) => r.ms / r2[i].ms),
      // The pool's part alone (from the first file sent to the workers to the last result),
      // without start-up (walking and reading the tree, loading rules), which one worker pays too.
      speedup2ScanPhase: median(r1.map((r) => r.stats.scanMs)) / median(r2.map((r) => r.stats.scanMs)),
      startupSeconds: [w1.stats.scanStartMs / 1000, w2.stats.scanStartMs / 1000],
      // Cores kept busy (process CPU / wall, medians over the rounds). One worker already keeps
      // more than one core busy (V8's compiler and GC threads, the main thread), so with equal
      // CPU two workers could be at most 2 / coresBusy1 times faster: the ceiling printed below.
      coresBusy1: median(r1.map((r) => r.stats.cpuMs / r.ms)),
      coresBusy2: median(r2.map((r) => r.stats.cpuMs / r.ms)),
      cpu2OverCpu1: median(r2.map((r) => r.stats.cpuMs)) / median(r1.map((r) => r.stats.cpuMs)),
      cacheCold: cold.ms / 1000,
      cacheWarm: warm.ms / 1000,
      warmOverCold: warm.ms / cold.ms,
      bareParse: { seconds: parse.ms / 1000, linesPerSec: lines / (parse.ms / 1000) },
      wardOverParse: w1.ms / parse.ms,
      sameFindings: r1.every((r) => r.findings === w1.findings) && r2.every((r) => r.findings === w1.findings),
    };
  }
  if (only('eslint')) {
    // ESLint 9.13 lints on one thread (no --concurrency before 9.34); Ward by default uses
    // a worker per core. Both as a user runs them ("on the machine"), and Ward on one worker.
    const re = [];
    const rw = [];
    const ra = [];
    for (let i = 0; i < ROUNDS; i++) {
      log(`eslint 9 + eslint-plugin-security on the JS part (round ${i + 1} of ${ROUNDS})`);
      re.push(await eslint('js'));
      log(`ward on the JS part, 1 worker (round ${i + 1} of ${ROUNDS})`);
      rw.push(await wardScan(['js'], ['--jobs', '1']));
      log(`ward on the JS part, default jobs (round ${i + 1} of ${ROUNDS})`);
      ra.push(await wardScan(['js']));
    }
    const es = medianRun(re);
    const wj = medianRun(rw);
    const wa = medianRun(ra);
    row('ward, JS part, --jobs 1', wj.ms, corpus.parts.js.length, jsLines, `median of ${spread(rw)} s; peak RSS ${fmt(wj.peakMB)} MiB, ${wj.findings} findings`);
    row('ward, JS part, default', wa.ms, corpus.parts.js.length, jsLines, `median of ${spread(ra)} s; ${wa.stats.workers} workers, peak RSS ${fmt(wa.peakMB)} MiB, ${wa.findings} findings`);
    row('eslint-plugin-security', es.ms, corpus.parts.js.length, jsLines, `median of ${spread(re)} s; peak RSS ${fmt(es.peakMB)} MiB, ${es.findings} findings, ${es.parseErrors} parse errors`);
    results.eslint = { seconds: es.ms / 1000, ward: wj.ms / 1000, wardDefault: wa.ms / 1000, wardDefaultWorkers: wa.stats.workers, speedup: es.ms / wj.ms, speedupDefault: es.ms / wa.ms, eslintFindings: es.findings, wardFindings: wj.findings, parseErrors: es.parseErrors };
  }
  if (only('secrets')) {
    log('secretlint vs Ward secret rules (bench/secrets.mjs)');
    const { benchSecrets } = await import('./secrets.mjs');
    const s = await benchSecrets([CORPUS], 1024 * 1024 * 1024);
    rows.push(['ward secret rules', `${s.ward.seconds.toFixed(2)} s`, '', `${fmt(s.ward.filesPerSec)} files/s`, `${s.ward.mbPerSec.toFixed(2)} MB/s, ${s.ward.findings} findings (${s.files} files)`]);
    rows.push(['secretlint (recommend)', `${s.secretlint.seconds.toFixed(2)} s`, '', `${fmt(s.secretlint.filesPerSec)} files/s`, `${s.secretlint.mbPerSec.toFixed(2)} MB/s, ${s.secretlint.findings} findings`]);
    results.secrets = s;
  }
  if (only('shards') || only('shards-scale')) {
    const { benchShards, shardLines } = await import('./shards.mjs');
    const config = join(CACHE, 'bench.ward.yaml');
    writeFileSync(config, 'exclude: []\nmaxFileSizeMB: 2\n');
    if (only('shards')) {
      results.shards = await benchShards({ dist, corpus: CORPUS, dirs, lines, config, out: join(CACHE, 'shards-out'), rounds: ROUNDS, log });
      for (const line of shardLines(results.shards)) console.log(line);
      console.log('');
    }
    // At scale: a monorepo of millions of lines in five languages, where a job's fixed cost
    // (start-up, rules, grammars, warming up) is small beside its share of the work. The Java
    // and Go parts are those of `--only java` and `--only go` (fetched once, then cached).
    const { buildJavaCorpus } = await import('./java.mjs');
    const { buildGoCorpus } = await import('./go.mjs');
    const extra = [['java', buildJavaCorpus(CACHE, LIMITS.java, assemble, log)], ['go', buildGoCorpus(CACHE, LIMITS.go, assemble, log)]].filter(([, c]) => c);
    const extraParts = extra.map(([name, c]) => ({ from: join(c.dir, name), name }));
    const scaleLines = lines + extra.reduce((t, [name, c]) => t + sum(c.parts[name], 'lines'), 0);
    const copies = Number(process.env.WARD_BENCH_SCALE_COPIES) || 2;
    results.shardsAtScale = await benchShards({ dist, corpus: CORPUS, dirs, extraParts, lines: scaleLines, copies, config, out: join(CACHE, 'shards-scale-out'), rounds: ROUNDS, label: `at scale (${[...dirs, ...extra.map(([n]) => n)].join(', ')})`, log });
    for (const line of shardLines(results.shardsAtScale)) console.log(line);
    console.log('');
  }
  if (only('java')) {
    const { benchJava } = await import('./java.mjs');
    const java = await benchJava({ cache: CACHE, budget: LIMITS.java, assemble, log, rounds: ROUNDS, jsFiles: corpus.parts.js, wardScan, bareParse, measureLatency, serverJs: join(dist, 'server.js') });
    if (java) results.java = java;
  }
  if (only('go')) {
    const { benchGo } = await import('./go.mjs');
    const go = await benchGo({ cache: CACHE, budget: LIMITS.go, assemble, log, rounds: ROUNDS, jsFiles: corpus.parts.js, wardScan, bareParse, measureLatency, serverJs: join(dist, 'server.js') });
    if (go) results.go = go;
  }
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(`${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2].padStart(widths[2])}  ${r[3].padStart(widths[3])}  ${r[4]}`);
  console.log('');
  if (results.scan) {
    const s = results.scan;
    console.log(`Ward, 1 worker: ${fmt(s.jobs1.linesPerSec)} lines/s wall, ${fmt(s.jobs1.linesPerCpuSec)} lines per CPU second (target ≥ 50,000 per core) — ${s.wardOverParse.toFixed(1)}× the bare parse time`);
    console.log(`2 workers vs 1: ${s.speedup2.toFixed(2)}× on the medians (per round ${s.speedup2PerRound.map((x) => x.toFixed(2)).join(', ')}; target ≥ 1.7×); same findings: ${s.sameFindings}`);
    console.log(`  of which the scan phase (workers running): ${s.speedup2ScanPhase.toFixed(2)}×; start-up before it (walk, reads, rules): ${s.startupSeconds.map((x) => x.toFixed(2)).join(' / ')} s`);
    console.log(`  cores busy: ${s.coresBusy1.toFixed(2)} with 1 worker, ${s.coresBusy2.toFixed(2)} with 2; CPU of 2 workers / 1: ${s.cpu2OverCpu1.toFixed(2)} — at equal CPU the ceiling is ${(Math.min(2, results.machine.cpus) / s.coresBusy1).toFixed(2)}×`);
    console.log(`Warm cache vs cold: ${(s.warmOverCold * 100).toFixed(1)} % of the time (target ≤ 10 %)`);
    console.log(`Peak memory per scan worker: ${fmt(s.jobs2.peakWorkerMB)} MiB (bound 300 MiB, recycled past it)`);
  }
  if (results.eslint) {
    const e = results.eslint;
    console.log(`ESLint + eslint-plugin-security / Ward on the JS part: ${e.speedupDefault.toFixed(1)}× with Ward's default ${e.wardDefaultWorkers} workers (target ≥ 3× on the machine), ${e.speedup.toFixed(1)}× on one worker`);
  }
  if (results.secrets) console.log(`secretlint / Ward secret rules: ${results.secrets.speedup.toFixed(1)}×`);
  if (results.java) {
    const { javaLines } = await import('./java.mjs');
    for (const line of javaLines(results.java, fmt)) console.log(line);
  }
  if (results.go) {
    const { goLines } = await import('./go.mjs');
    for (const line of goLines(results.go, fmt)) console.log(line);
  }
  if (only('latency')) {
    results.latency = [];
    for (const n of [2000, 20000]) {
      log(`latency, ${n} lines`);
      const r = await measureLatency(join(dist, 'server.js'), n);
      results.latency.push(r);
      console.log(`edit→diagnostics, ${r.lines} lines (${r.findings} findings): p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms (shipped settings: adaptive debounce, at most 150 ms, included)`);
    }
    // Thousands of small request handlers (Express, Flask), edited inside one of them.
    for (const shape of ['handlers', 'py-handlers']) {
      log(`latency, 20000 lines of ${shape}`);
      const r = await measureLatency(join(dist, 'server.js'), 20000, 30, { shape });
      results.latency.push(r);
      console.log(`edit→diagnostics, ${r.lines} lines of ${shape === 'handlers' ? 'Express' : 'Flask'} handlers (${r.findings} findings): p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms`);
    }
    log('open→diagnostics');
    const open = await measureOpenLatency(join(dist, 'server.js'));
    results.openLatency = open;
    console.log(`open→first diagnostics: first file at once ${open.coldMs.toFixed(0)} ms (server start ${open.startMs.toFixed(0)} ms before it), first file 2 s after start ${open.settledMs.toFixed(0)} ms; warm p50 ${open.p50.toFixed(0)} ms, p95 ${open.p95.toFixed(0)} ms over ${open.opens} small files (target ≤ 300 ms)`);
    const openBusy = await measureOpenLatency(join(dist, 'server.js'), 30, { busyFolder: CORPUS });
    results.openLatencyBusy = openBusy;
    console.log(`  … during Scan Workspace: warm p50 ${openBusy.p50.toFixed(0)} ms, p95 ${openBusy.p95.toFixed(0)} ms`);
    // The same edits while "Ward: Scan Workspace" scans the corpus as a second workspace folder.
    for (const n of [2000, 20000]) {
      log(`latency, ${n} lines, during a workspace scan`);
      const r = await measureLatency(join(dist, 'server.js'), n, 30, { busyFolder: CORPUS });
      results.latency.push(r);
      console.log(`  … during Scan Workspace (${fmt(r.busy.files)} files${r.busy.wholeTime ? '' : ', ended before the last edit'}): p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms at ${r.lines} lines`);
    }
  }
  if (args.includes('--json')) writeFileSync(args[args.indexOf('--json') + 1], JSON.stringify(results, null, 2) + '\n');
}

await main();

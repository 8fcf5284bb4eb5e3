/** `ward`: the engine as a command for CI and pre-commit hooks. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { join, resolve, sep } from 'node:path';
import { projectPath } from '../engine/paths';
import { Baseline, BaselineEntry, BaselineError, DEFAULT_BASELINE_FILE, fingerprintFindings, serializeBaseline } from '../engine/baseline';
import { ConfigError, LoadedConfig } from '../engine/config';
import { loadEngine } from '../engine/engineLoader';
import { FileResult, SEVERITY_RANK } from '../engine/finding';
import { applyPolicy, Policy } from '../engine/policy';
import { decodeBytes, DEFAULT_LIMITS, InputLimits } from '../engine/inputGuards';
import { contentHash, ResultCache, rulesKey } from '../engine/resultCache';
import { ScanPool } from '../engine/workerPool';
import { scanWithSummaries } from '../engine/poolScan';
import { SummaryTargets, summariseTargets } from '../engine/summaryIndex';
import { languageForPath } from '../languages/registry';
import { parseArgs, ScanArgs, USAGE, UsageError } from './args';
import { advisoriesCommand, databaseDates, databaseStamp, dependencyOptions } from './advisoriesCommand';
import { preferManifests } from '../deps/reportMerge';
import { checkBeforeScan, CliError, readConfig, ruleDirs, say } from './commandSetup';
import { collectFiles } from './files';
import { jsonReport } from './jsonReport';
import { OutputError, writeWhole } from './outputFile';
import { listRules, runTests } from './ruleCommands';
import type { FileReport, ScanReport } from './report';
import { sarifReport } from './sarif';
import { statsReport } from './stats';
import { terminalSafe } from './terminalText';
import { textReport } from './textReport';

const VERSION = '0.1.0';
/**
 * Below this many files to analyse the scan runs in this thread (starting a worker costs
 * more); from it on, `--jobs N` means N scan workers, while this thread walks, reads,
 * hashes and collects.
 */
const POOL_THRESHOLD = 48;

function git(cwd: string, gitArgs: string[]): string {
  return execFileSync('git', gitArgs, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** Absolute paths changed since `ref`'s merge base with HEAD: committed, staged, unstaged and untracked. */
function changedSince(ref: string, cwd: string): Set<string> {
  let top: string;
  try {
    top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    throw new CliError(['--changed-since needs a git repository']);
  }
  let base: string;
  try {
    base = git(cwd, ['merge-base', ref, 'HEAD']).trim();
  } catch {
    try {
      base = git(cwd, ['rev-parse', '--verify', `${ref}^{commit}`]).trim();
    } catch {
      throw new CliError([`--changed-since: unknown git revision "${ref}"`]);
    }
  }
  const diff = git(top, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRT', base, '--']);
  const untracked = git(top, ['ls-files', '--others', '--exclude-standard', '-z']);
  return new Set([...diff.split('\0'), ...untracked.split('\0')].filter(Boolean).map((p) => resolve(top, p)));
}

interface ScanRun {
  report: ScanReport;
  /** Per scanned file with findings. */
  files: FileReport[];
}

async function runScan(args: ScanArgs, config: LoadedConfig, baseline: Baseline | undefined, ownFiles: string[] = []): Promise<ScanRun> {
  const started = performance.now();
  const settings = config.settings;
  const dirs = ruleDirs(args, config);
  const dependencies = dependencyOptions(config);
  const { engine, errors } = loadEngine(dirs, undefined, dependencies);
  for (const e of errors) say(`rule error: ${e.file}:${e.line}: ${e.message}`);
  const policy: Policy = {
    disabledRules: [...settings.disabledRules, ...args.disable],
    severityOverrides: settings.severityOverrides,
    minimumSeverity: args.minimumSeverity ?? settings.minimumSeverity,
  };
  const disabled = new Set(policy.disabledRules);
  const enabled = engine.rules.filter((r) => !disabled.has(r.id) && policy.severityOverrides[r.id] !== 'off');
  const maxBytes = Math.round((args.maxFileSizeMB ?? settings.maxFileSizeMB) * 1024 * 1024);
  const limits: InputLimits = { ...DEFAULT_LIMITS, maxBytes };
  const budgetMs = args.budgetMs ?? settings.fileTimeBudgetMs;
  const cwd = process.cwd();
  const walked = collectFiles(args.paths, {
    exclude: [...settings.exclude, ...args.exclude],
    includeGeneric: engine.hasGenericRules,
    maxBytes,
    gitignore: !args.noGitignore,
  }, cwd);
  // A mistyped path must not pass a gate by scanning less than was asked.
  for (const m of walked.missing) say(`no such file or folder: ${m}`);
  if (walked.missing.length > 0) throw new CliError([walked.files.length === 0 ? 'nothing to scan' : 'not scanning: a path above does not exist']);
  // Ward's own outputs (baseline, cache, report) are not sources to scan.
  const own = [...ownFiles, ...(args.output ? [resolve(args.output)] : [])];
  const cacheDir = args.cache ? resolve(args.cache) + sep : undefined;
  const isOwn = (f: string): boolean => own.includes(f) || (!!cacheDir && f.startsWith(cacheDir));
  let files = walked.files.filter((f) => !isOwn(f));
  let skipped = walked.skipped.filter((s) => !isOwn(s.path));
  if (args.changedSince) {
    const changed = changedSince(args.changedSince, cwd);
    files = files.filter((f) => changed.has(f));
    skipped = skipped.filter((s) => changed.has(s.path));
  }
  const rel = (file: string): string => projectPath(walked.root, file);

  // WARD_STATS=1 prints these (for the benchmark): memory is per scanning thread (V8 heap + external, wasm included).
  const stats = { workers: 0, peakWorkerMB: 0, recycledWorkers: 0, scanStartMs: 0, scanMs: 0 };
  let analysed = 0;
  const results: (FileResult | undefined)[] = new Array(files.length);
  const jobs = args.jobs || Math.max(1, Math.min(availableParallelism(), 8));
  const poolFor = (count: number): boolean => count > 0 && (args.jobs > 1 || count >= POOL_THRESHOLD);
  const makePool = (count: number): ScanPool =>
    new ScanPool({ ruleDirs: dirs, dependencies, jobs: Math.min(jobs, count), budgetMs, limits, workerScript: join(__dirname, 'scanWorker.js') }).start();
  // Without a cache every file is scanned: the workers start now and load their rules
  // while this thread reads the tree.
  let pool = !args.cache && poolFor(files.length) ? makePool(files.length) : undefined;
  try {
    // One read per file here: its content hash (for the cache) and, for files with request
    // handlers, the project modules they import (summarised for cross-file flows).
    const targets = new SummaryTargets(engine, walked.files);
    const hashes: (string | undefined)[] = new Array(files.length);
    const sizes = new Array<number>(files.length).fill(0);
    const importers = new Set<number>();
    files.forEach((file, i) => {
      const code = !!languageForPath(file);
      if (!code && !args.cache) return;
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        return;
      }
      sizes[i] = bytes.length;
      if (args.cache) hashes[i] = contentHash(bytes);
      if (targets.addBytes(file, bytes)) importers.add(i);
    });
    // A helper module's change can change what files that import it report.
    const cache = args.cache ? new ResultCache(resolve(args.cache), rulesKey(dirs, { VERSION, budgetMs, limits, helpers: targets.key(), advisories: databaseStamp(dependencies), ignore: config.ignore })) : undefined;
    const keys: string[] = [];
    const pending: number[] = [];
    files.forEach((file, i) => {
      const hash = hashes[i];
      if (cache && hash) {
        keys[i] = cache.key(rel(file), hash);
        const hit = cache.get(keys[i]!);
        if (hit) {
          results[i] = hit;
          return;
        }
      }
      pending.push(i);
    });
    if (!pool && cache && poolFor(pending.length)) pool = makePool(pending.length);
    const store = (i: number, result: FileResult): void => {
      results[i] = result;
      if (cache && keys[i]) cache.set(keys[i]!, result);
    };
    // Helpers that request handlers call: summarised once (on the workers, while they scan
    // the files that do not import them; see poolScan.ts), shared by the files that do.
    if (pool) {
      const index = new Map(pending.map((i) => [files[i]!, i]));
      const toScan = pending.map((i) => ({ path: files[i]!, relativePath: rel(files[i]!), importer: importers.has(i), size: sizes[i] }));
      stats.scanStartMs = Math.round(performance.now());
      await scanWithSummaries(pool, toScan, targets.paths, (file, result) => store(index.get(file.path)!, result));
      stats.scanMs = Math.round(performance.now()) - stats.scanStartMs;
      stats.workers = Math.min(jobs, pending.length);
      stats.peakWorkerMB = pool.peakWorkerBytes / 1048576;
      stats.recycledWorkers = pool.recycled;
    } else {
      const needIndex = pending.some((i) => importers.has(i)) && targets.paths.length > 0;
      const summaryIndex = needIndex ? await summariseTargets(targets.paths, (path) => engine.exportedSummaries(path, budgetMs)) : undefined;
      for (const i of pending) {
        try {
          store(i, await engine.scanFile(files[i]!, { relativePath: rel(files[i]!), budgetMs, limits, summaryIndex }));
        } catch (err) {
          // One file's analysis failing (a bug, a stack overflow on deep code) must not lose the others.
          store(i, { findings: [], notices: [{ kind: 'skipped', message: `internal error: ${(err as Error).message}` }] });
        }
        const h = getHeapStatistics();
        stats.peakWorkerMB = Math.max(stats.peakWorkerMB, (h.total_heap_size + h.external_memory) / 1048576);
      }
    }
    analysed = pending.length;
    if (cache) {
      try {
        cache.save();
      } catch (err) {
        say(`cannot write the cache in ${cache.dir}: ${(err as Error).message}`);
      }
      process.stderr.write(`ward: cache: ${cache.hits} of ${files.length} file${files.length === 1 ? '' : 's'} unchanged\n`);
    }
  } finally {
    await pool?.close();
  }
  if (process.env.WARD_STATS) {
    // CPU of the whole process, every thread included (user + system).
    const cpu = process.cpuUsage();
    process.stderr.write(`ward: stats: ${JSON.stringify({ ...stats, files: files.length, analysed, cpuMs: Math.round((cpu.user + cpu.system) / 1000), totalMs: Math.round(performance.now()) })}\n`);
  }

  const reports: FileReport[] = [];
  for (const s of skipped) reports.push({ path: rel(s.path), findings: [], notices: [{ kind: 'skipped', message: s.message }] });
  files.forEach((file, i) => {
    const result = results[i] ?? { findings: [], notices: [{ kind: 'skipped', message: 'not scanned' }] };
    // Trace steps in other files (helpers) are reported relative to the root, like findings.
    const findings = applyPolicy(result.findings, policy).map((f) =>
      f.trace?.some((t) => t.file) ? { ...f, trace: f.trace.map((t) => (t.file ? { ...t, file: rel(t.file) } : t)) } : f,
    );
    if (findings.length === 0 && result.notices.length === 0) return;
    const path = rel(file);
    let fingerprints: string[] = [];
    if (findings.length > 0) {
      let text = '';
      try {
        const decoded = decodeBytes(readFileSync(file));
        if ('text' in decoded) text = decoded.text;
      } catch {
        // Gone since the scan: fingerprints fall back to rule + path.
      }
      fingerprints = fingerprintFindings(path, findings, text);
      baseline?.apply(findings, fingerprints);
    }
    reports.push({ path, findings, notices: result.notices, fingerprints });
  });
  reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifests = files.filter((f) => engine.isManifest(f));
  const kept = preferManifests(reports);
  const report: ScanReport = {
    version: VERSION,
    root: walked.root,
    rules: enabled,
    files: kept,
    filesScanned: files.length + skipped.length,
    durationMs: performance.now() - started,
    ...(manifests.length > 0 ? { advisories: databaseDates(dependencies) } : {}),
  };
  return { report, files: kept };
}

async function scan(args: ScanArgs): Promise<number> {
  checkBeforeScan(args, args.output);
  const config = readConfig(args);
  const baselineFile = args.baseline ? resolve(args.baseline) : config.baseline;
  const baseline = baselineFile ? Baseline.read(baselineFile, projectPath(process.cwd(), baselineFile)) : undefined;
  const { report, files: reports } = await runScan(args, config, baseline, baselineFile ? [baselineFile] : []);
  const out =
    args.format === 'json' ? jsonReport(report)
    : args.format === 'sarif' ? sarifReport(report)
    : textReport(report, args.color && !args.output);
  if (args.output) {
    writeWhole(args.output, out);
    // The report went to the file; the terminal gets its summary line (counts included).
    if (args.format !== 'text') process.stderr.write(`${textReport(report, false).trimEnd().split('\n').pop()}\n`);
  } else process.stdout.write(out);
  if (args.failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[args.failOn];
  const failing = reports.some((r) => r.findings.some((f) => !f.suppressed && SEVERITY_RANK[f.severity] >= threshold));
  return failing ? 1 : 0;
}

async function stats(args: ScanArgs): Promise<number> {
  if (args.format === 'sarif') throw new CliError(['ward stats writes text or json, not sarif']);
  checkBeforeScan(args, args.output);
  const { report } = await runScan(args, readConfig(args), undefined);
  const out = statsReport(report, args.format);
  if (args.output) writeWhole(args.output, out);
  else process.stdout.write(out);
  return 0;
}

async function createBaseline(args: ScanArgs): Promise<number> {
  const config = readConfig(args);
  const target = args.output ?? config.baseline ?? DEFAULT_BASELINE_FILE;
  checkBeforeScan(args, target);
  const { files } = await runScan(args, config, undefined, [resolve(target)]);
  const entries: BaselineEntry[] = [];
  for (const file of files) {
    file.findings.forEach((f, i) => {
      if (!f.suppressed) entries.push({ fingerprint: file.fingerprints![i]!, ruleId: f.ruleId, path: file.path, message: f.message });
    });
  }
  writeWhole(target, serializeBaseline(entries));
  process.stdout.write(`Ward ${VERSION}: wrote ${entries.length} finding${entries.length === 1 ? '' : 's'} to ${terminalSafe(target)}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'advisories') return advisoriesCommand(argv.slice(1));
  let args: ScanArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`ward: ${terminalSafe(err.message)}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  switch (args.command) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'rules':
      return listRules(args);
    case 'test':
      return runTests(args);
    case 'scan':
      return scan(args);
    case 'stats':
      return stats(args);
    case 'baseline-create':
      return createBaseline(args);
  }
}

// `ward scan | head -1`: the reader went away. Not an error of the scan: stop writing, no
// stack trace, and exit with the code the run computes (1 when it found something).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') process.exitCode = 2;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    if (err instanceof CliError || err instanceof ConfigError || err instanceof BaselineError || err instanceof OutputError) {
      for (const line of err instanceof CliError ? err.lines : [err.message]) say(line);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`ward: internal error: ${err.stack ?? err.message}\n`);
    process.exitCode = 2;
  },
);

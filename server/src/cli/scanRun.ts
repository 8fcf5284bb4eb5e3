/**
 * One `ward scan` / `ward baseline create` / `ward stats` run over the engine's folder scan:
 * the settings from options and `.ward.yaml`, workers for the run (`--jobs`; in this thread
 * below POOL_THRESHOLD files), the `--cache` folder, `--changed-since`; then each file's
 * result with policy, baseline and fingerprints applied, as the report formats read it.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { Baseline, fingerprintFindings } from '../engine/baseline';
import type { LoadedConfig } from '../engine/config';
import type { FileResult } from '../engine/finding';
import { FolderScan, FolderScanSettings, scanFingerprint } from '../engine/folderScan';
import { decodeBytes } from '../engine/inputGuards';
import { projectPath } from '../engine/paths';
import { applyPolicy, Policy } from '../engine/policy';
import { fileStore, ResultCache } from '../engine/resultCache';
import { ScanPool } from '../engine/workerPool';
import { preferManifests } from '../deps/reportMerge';
import { loadEngine } from '../wiring/engineLoader';
import { databaseDates, dependencyOptions } from './advisoriesCommand';
import { databaseStamp } from '../deps/advisoryStore';
import type { ScanArgs } from './args';
import { CliError, ruleDirs, say } from './commandSetup';
import { changedSince } from './gitChanges';
import { filesOfShard, inShardByHash, sizeOf } from './shard';
import { readSummariesFile, summariesFingerprint } from './summariesFile';
import type { CollectedFiles, SkippedFile } from '../engine/fileCollection';
import type { FileReport, ScanReport } from './report';

export const VERSION = '0.1.0';
/**
 * Below this many files to analyse the scan runs in this thread (starting a worker costs
 * more); from it on, `--jobs N` means N scan workers, while this thread walks, reads,
 * hashes and collects.
 */
const POOL_THRESHOLD = 48;
/** The cache's file in the `--cache` folder. */
const CACHE_FILE = 'ward-results-v2.json';

export interface ScanRun {
  report: ScanReport;
  /** Per scanned file with findings. */
  files: FileReport[];
}

/** The folder scan's settings from the command line over `.ward.yaml`. */
export function folderScanSettings(args: ScanArgs, config: LoadedConfig, dirs: string[]): FolderScanSettings {
  const settings = config.settings;
  return {
    ruleDirs: dirs,
    exclude: [...settings.exclude, ...args.exclude],
    gitignore: !args.noGitignore,
    maxBytes: Math.round((args.maxFileSizeMB ?? settings.maxFileSizeMB) * 1024 * 1024),
    budgetMs: args.budgetMs ?? settings.fileTimeBudgetMs,
  };
}

/**
 * The files a run covers: the walk of `args.paths` (without Ward's own files), then
 * `--changed-since`; `walked` is the whole walk (imports resolve to any of its files).
 */
export function filesOfRun(folderScan: FolderScan, args: ScanArgs, isOwn: (path: string) => boolean): { walked: CollectedFiles; files: string[]; skipped: SkippedFile[] } {
  const cwd = process.cwd();
  const walked = folderScan.collect(args.paths, cwd, { isOwn });
  // A mistyped path must not pass a gate by scanning less than was asked.
  for (const m of walked.missing) say(`no such file or folder: ${m}`);
  if (walked.missing.length > 0) throw new CliError([walked.files.length === 0 ? 'nothing to scan' : 'not scanning: a path above does not exist']);
  let { files, skipped } = walked;
  if (args.changedSince) {
    const changed = changedSince(args.changedSince, cwd);
    files = files.filter((f) => changed.has(f));
    skipped = skipped.filter((s) => changed.has(s.path));
  }
  return { walked, files, skipped };
}

export async function runScan(args: ScanArgs, config: LoadedConfig, baseline: Baseline | undefined, ownFiles: string[] = []): Promise<ScanRun> {
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
  const scanSettings = folderScanSettings(args, config, dirs);
  // WARD_STATS=1 prints these (for the benchmark): memory is per scanning thread (V8 heap + external, wasm included).
  const stats = { workers: 0, peakWorkerMB: 0, recycledWorkers: 0, kindsPrepared: 0, summarised: 0, summariesRead: 0, scanStartMs: 0, scanMs: 0 };
  const jobs = args.jobs || Math.max(1, Math.min(availableParallelism(), 8));
  const folderScan: FolderScan = new FolderScan(engine, scanSettings, {
    acquire: (count) => {
      if (count === 0 || (args.jobs <= 1 && count < POOL_THRESHOLD)) return undefined;
      stats.workers = Math.min(jobs, count);
      return new ScanPool({ ruleDirs: dirs, dependencies, jobs: stats.workers, budgetMs: scanSettings.budgetMs, limits: folderScan.limits, workerScript: join(__dirname, 'scanWorker.js') }).start();
    },
    release: (pool) => pool.close(),
  });

  // Ward's own files (baseline, cache, report, summaries) are not sources to scan.
  const own = [...ownFiles, ...(args.output ? [resolve(args.output)] : []), ...(args.summaries ? [resolve(args.summaries)] : [])];
  const cacheDir = args.cache ? resolve(args.cache) : undefined;
  const isOwn = (f: string): boolean => own.includes(f) || (!!cacheDir && f.startsWith(cacheDir + sep));
  const run = filesOfRun(folderScan, args, isOwn);
  const walked = run.walked;
  let { files, skipped } = run;
  const shard = args.shard;
  if (shard) {
    // After --changed-since: the jobs share out the files the run covers.
    const all = files.length;
    // The sizes the walk saw: stat'ing every file of the tree again cost each job as much as the walk.
    files = filesOfShard(files, walked.root, shard, (f) => walked.sizes.get(f) ?? sizeOf(f), !!args.summaries);
    skipped = skipped.filter((s) => inShardByHash(s.path, walked.root, shard));
    process.stderr.write(`ward: shard ${shard.index}/${shard.count}: ${files.length} of ${all} file${all === 1 ? '' : 's'}\n`);
  }
  const rel = (file: string): string => projectPath(walked.root, file);

  // A newer advisory database or another ignore list changes the manifests' results.
  const cache = cacheDir ? new ResultCache(fileStore(join(cacheDir, CACHE_FILE)), scanFingerprint(scanSettings, VERSION, { advisories: databaseStamp(dependencies.folder), ignore: config.ignore })) : undefined;
  const results = new Map<string, FileResult>();
  // Imports resolve to the files of the walk (a changed file's helper, or one in another
  // shard, is summarised here all the same: a shard computes what its own files import).
  const project = new Set(walked.files);
  const tally = await folderScan.scan({
    root: walked.root,
    files,
    cache,
    isProjectFile: (p) => project.has(p),
    knownSummaries: args.summaries ? readSummariesFile(args.summaries, walked.root, summariesFingerprint(scanSettings)) : undefined,
    onFile: (path, _rel, outcome) => results.set(path, 'result' in outcome ? outcome.result : { findings: [], notices: [{ kind: 'skipped', message: outcome.message }] }),
    onWorkersUnavailable: (message) => say(`scan workers unavailable (${message}); scanning in this process`),
  });
  // Files over the size limit are not counted: the cache never holds them.
  const sized = files.length - tally.tooLarge;
  if (cache) {
    if (tally.cacheError) say(`cannot write the cache in ${cacheDir}: ${tally.cacheError}`);
    process.stderr.write(`ward: cache: ${tally.cached} of ${sized} file${sized === 1 ? '' : 's'} unchanged\n`);
  }
  if (process.env.WARD_STATS) {
    Object.assign(stats, { peakWorkerMB: tally.peakThreadBytes / 1048576, recycledWorkers: tally.recycledWorkers, kindsPrepared: tally.kindsPrepared, summarised: tally.summarised, summariesRead: tally.summariesRead, scanStartMs: tally.scanStartMs, scanMs: tally.scanMs });
    // CPU of the whole process, every thread included (user + system).
    const cpu = process.cpuUsage();
    process.stderr.write(`ward: stats: ${JSON.stringify({ ...stats, files: sized, analysed: tally.scanned, cpuMs: Math.round((cpu.user + cpu.system) / 1000), totalMs: Math.round(performance.now()) })}\n`);
  }

  const reports: FileReport[] = [];
  for (const s of skipped) reports.push({ path: rel(s.path), findings: [], notices: [{ kind: 'skipped', message: s.message }] });
  for (const file of files) {
    const report = fileReport(rel(file), file, results.get(file) ?? { findings: [], notices: [{ kind: 'skipped', message: 'not scanned' }] }, policy, baseline, rel);
    if (report) reports.push(report);
  }
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
    ...(shard ? { shard } : {}),
  };
  return { report, files: kept };
}

/** A file's report: policy applied, trace paths made relative, fingerprints for the baseline; undefined when there is nothing to say. */
function fileReport(path: string, file: string, result: FileResult, policy: Policy, baseline: Baseline | undefined, rel: (file: string) => string): FileReport | undefined {
  // Trace steps in other files (helpers) are reported relative to the root, like findings.
  const findings = applyPolicy(result.findings, policy).map((f) =>
    f.trace?.some((t) => t.file) ? { ...f, trace: f.trace.map((t) => (t.file ? { ...t, file: rel(t.file) } : t)) } : f,
  );
  if (findings.length === 0 && result.notices.length === 0) return undefined;
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
  return { path, findings, notices: result.notices, fingerprints };
}

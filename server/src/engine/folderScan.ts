/**
 * The folder scan behind `ward scan` and the editor's "Scan Workspace": collects the files
 * (fileCollection.ts), then for each one answers from the result cache or scans it, and
 * hands every file's outcome to the caller as soon as it is known. The shells differ only in
 * what they pass in: where the cache lives, which workers to use (a WorkerSource: the CLI's
 * pool for the run, the server's shared low-priority pool, or none), a cancellation token,
 * and what they do with each outcome (a report; published diagnostics and progress).
 *
 * Per run: each file is prepared in this thread (filePreparation.ts: a stat, a cache check,
 * one read that also notes the helper modules its request handlers import); the files to
 * scan then go to the workers, which summarise those helpers first (poolScan.ts), or are
 * scanned here when there are no workers or they cannot start.
 */
import { getHeapStatistics } from 'node:v8';
import type { Engine } from './scan';
import { collectFiles, CollectedFiles } from './fileCollection';
import type { FileResult } from './finding';
import { FilePreparer, ScanJob } from './filePreparation';
import { decodeBytes, DEFAULT_LIMITS, InputLimits } from './inputGuards';
import { isFile, projectPath } from './paths';
import { scanWithSummaries } from './poolScan';
import { ResultCache, rulesKey } from './resultCache';
import { SummaryTargets, summariseTargets } from './summaryIndex';
import type { ModuleSummaries, SummaryIndex } from './summaryTypes';
import type { CancelToken, ScanPool } from './workerPool';
import { fileKindOf } from '../languages/registry';

/** The settings that decide which files a scan covers and what their raw results are. */
export interface FolderScanSettings {
  ruleDirs: readonly string[];
  /** `ward.exclude` globs, relative to the root. */
  exclude: readonly string[];
  /** Apply `.gitignore` files. */
  gitignore: boolean;
  /** Larger files are skipped with a notice. */
  maxBytes: number;
  /** Time budget per file (parse and analysis). */
  budgetMs: number;
}

/** Where a scan's workers come from. */
export interface WorkerSource {
  /** A started pool for `count` files, or undefined to scan them in this thread. */
  acquire(count: number): ScanPool | undefined;
  /** The run is done with `pool`; `broken` when its workers could not start. */
  release(pool: ScanPool, broken: boolean): Promise<void>;
}

/** No workers: every file is scanned in this thread. */
export const IN_THIS_THREAD: WorkerSource = { acquire: () => undefined, release: async () => undefined };

export type FileOutcome =
  | { kind: 'cached' | 'scanned'; result: FileResult }
  /** Too large or unreadable (`message` says which); not scanned. */
  | { kind: 'skipped'; message: string }
  /** Deleted since the walk listed it. */
  | { kind: 'gone'; message: string };

export interface ScanRun {
  /** Results and cache entries are keyed by paths relative to it. */
  root: string;
  /** Absolute paths, usually from `collect`. */
  files: readonly string[];
  cache?: ResultCache;
  token?: CancelToken;
  /** Which paths an import may resolve to (cross-file summaries); any existing file by default. */
  isProjectFile?: (path: string) => boolean;
  /**
   * Summaries computed before this run (a summaries file made by `ward summaries`): a helper
   * module it answers for is not summarised again. Undefined for a module it does not hold or
   * holds for other contents; that one is summarised here.
   */
  knownSummaries?: (path: string) => ModuleSummaries | undefined;
  /** Each file's outcome, as soon as it is known (in no particular order). */
  onFile(path: string, rel: string, outcome: FileOutcome): void;
  /** The workers could not start: the scan goes on in this thread. */
  onWorkersUnavailable?(message: string): void;
}

export interface ScanTally {
  cached: number;
  scanned: number;
  /** Skipped for their size (over `maxBytes`). */
  tooLarge: number;
  /** Largest memory of a scanning thread (V8 heap + external, wasm included), bytes. */
  peakThreadBytes: number;
  /** Workers replaced because they passed their memory bound. */
  recycledWorkers: number;
  /** (worker, file kind) pairs: how many times some worker prepared a grammar (ScanPool.kindsPrepared). */
  kindsPrepared: number;
  /** Helper modules summarised for the cross-file analysis of the files scanned (0 when none imports one). */
  summarised: number;
  /** Helper modules whose summaries came from `knownSummaries` instead. */
  summariesRead: number;
  /** When the workers got their first file (ms on the performance clock), and for how long they scanned. */
  scanStartMs: number;
  scanMs: number;
  /** Why the cache could not be saved. */
  cacheError?: string;
}

/**
 * What a cache of a scan's results is valid for: Ward's version, the rule folders' files, the
 * options that change results, and `extra` (the advisory database's date, the ignore list).
 */
export function scanFingerprint(settings: FolderScanSettings, version: string, extra?: unknown): string {
  return rulesKey(settings.ruleDirs, { version, budgetMs: settings.budgetMs, limits: { ...DEFAULT_LIMITS, maxBytes: settings.maxBytes }, extra });
}

/** Lets other work (an open file's check in the editor) in while files are prepared. */
const YIELD_EVERY_MS = 10;

const yieldToEvents = (): Promise<void> => new Promise((r) => setImmediate(r));

export class FolderScan {
  readonly limits: InputLimits;

  constructor(
    readonly engine: Engine,
    readonly settings: FolderScanSettings,
    private readonly workers: WorkerSource,
  ) {
    this.limits = { ...DEFAULT_LIMITS, maxBytes: settings.maxBytes };
  }

  /**
   * The files under `paths` (resolved against `root`) that the scan covers, without Ward's
   * own files (`isOwn`); size is checked when each file is scanned.
   */
  collect(paths: readonly string[], root: string, options: { token?: CancelToken; isOwn?: (path: string) => boolean } = {}): CollectedFiles {
    const walked = collectFiles([...paths], { exclude: [...this.settings.exclude], includeGeneric: this.engine.hasGenericRules, gitignore: this.settings.gitignore, token: options.token }, root);
    const isOwn = options.isOwn;
    if (!isOwn) return walked;
    return { ...walked, files: walked.files.filter((f) => !isOwn(f)), skipped: walked.skipped.filter((s) => !isOwn(s.path)) };
  }

  async scan(run: ScanRun): Promise<ScanTally> {
    const tally: ScanTally = { cached: 0, scanned: 0, tooLarge: 0, peakThreadBytes: 0, recycledWorkers: 0, kindsPrepared: 0, summarised: 0, summariesRead: 0, scanStartMs: 0, scanMs: 0 };
    const { cache, token } = run;
    const targets = new SummaryTargets(this.engine, run.isProjectFile ?? isFile);
    const preparer = new FilePreparer(run.root, this.limits, cache, targets, (path, bytes) => this.manifestSiblings(path, bytes));
    // Without a cache every file is scanned: the workers start now and load their rules
    // while this thread reads the files.
    let pool = cache ? undefined : this.workers.acquire(run.files.length);
    let broken = false;
    try {
      const jobs: ScanJob[] = [];
      let lastYield = Date.now();
      for (const path of run.files) {
        if (token?.cancelled) break;
        const p = preparer.prepare(path);
        if (p.kind === 'scan') jobs.push(p.job);
        else if (p.kind === 'hit') {
          tally.cached++;
          run.onFile(path, projectPath(run.root, path), { kind: 'cached', result: p.result });
        } else {
          if (p.kind === 'skip' && p.tooLarge) tally.tooLarge++;
          run.onFile(path, projectPath(run.root, path), { kind: p.kind === 'skip' ? 'skipped' : 'gone', message: p.message });
        }
        if (Date.now() - lastYield >= YIELD_EVERY_MS) {
          await yieldToEvents();
          lastYield = Date.now();
        }
      }
      const finished = new Set<string>();
      const store = (job: ScanJob, result: FileResult): void => {
        finished.add(job.path);
        if (cache && job.hash) cache.set(job.rel, job.size, job.mtimeMs, job.hash, result, preparer.helperHashesOf(job));
        tally.scanned++;
        run.onFile(job.path, job.rel, { kind: 'scanned', result });
      };
      if (jobs.length > 0 && !token?.cancelled) {
        const helpers = jobs.some((j) => j.helpers.length > 0) ? splitKnown(targets.paths, run.knownSummaries) : { known: new Map(), todo: [] };
        tally.summariesRead = helpers.known.size;
        pool ??= this.workers.acquire(jobs.length);
        if (pool) {
          try {
            if (helpers.known.size > 0) pool.setSummaryIndex(helpers.known);
            await this.onWorkers(pool, jobs, helpers.todo, store, tally, token);
          } catch (err) {
            // Workers could not start (a broken install): scan here instead, slower but complete.
            broken = true;
            run.onWorkersUnavailable?.((err as Error).message);
            await this.workers.release(pool, true);
            pool = undefined;
          }
        }
        if (!pool) await this.inThisThread(jobs.filter((j) => !finished.has(j.path)), helpers, store, tally, token);
      }
      if (cache) {
        try {
          cache.save();
        } catch (err) {
          tally.cacheError = (err as Error).message;
        }
      }
    } finally {
      if (pool) await this.workers.release(pool, broken);
    }
    return tally;
  }

  /** The files beside a manifest that its findings depend on (its lockfile, its includes). */
  private manifestSiblings(path: string, bytes: Uint8Array): string[] {
    if (!this.engine.deps || !this.engine.isManifest(path)) return [];
    const decoded = decodeBytes(bytes);
    return 'text' in decoded ? this.engine.deps.companions(path, decoded.text) : [];
  }

  /** `todo`: the helper modules to summarise on the workers (the known ones are on them already). */
  private async onWorkers(pool: ScanPool, jobs: ScanJob[], todo: string[], store: (job: ScanJob, result: FileResult) => void, tally: ScanTally, token?: CancelToken): Promise<void> {
    const byPath = new Map(jobs.map((j) => [j.path, j]));
    const files = jobs.map((j) => ({ path: j.path, relativePath: j.rel, importer: j.helpers.length > 0, size: j.size, kind: fileKindOf(j.path) }));
    tally.scanStartMs = Math.round(performance.now());
    if (files.some((f) => f.importer)) tally.summarised = todo.length;
    await scanWithSummaries(pool, files, todo, (file, result) => store(byPath.get(file.path)!, result), token);
    tally.scanMs = Math.round(performance.now()) - tally.scanStartMs;
    tally.peakThreadBytes = pool.peakWorkerBytes;
    tally.recycledWorkers = pool.recycled;
    tally.kindsPrepared = pool.kindsPrepared;
  }

  private async inThisThread(jobs: ScanJob[], helpers: { known: SummaryIndex; todo: string[] }, store: (job: ScanJob, result: FileResult) => void, tally: ScanTally, token?: CancelToken): Promise<void> {
    const { engine } = this;
    const { budgetMs } = this.settings;
    const needIndex = jobs.some((j) => j.helpers.length > 0) && helpers.todo.length + helpers.known.size > 0;
    if (needIndex) tally.summarised = helpers.todo.length;
    const summaryIndex = needIndex ? new Map([...helpers.known, ...(await summariseTargets(helpers.todo, (path) => engine.exportedSummaries(path, budgetMs)))]) : undefined;
    for (const job of jobs) {
      if (token?.cancelled) break;
      let result: FileResult;
      try {
        result = await engine.scanFile(job.path, { relativePath: job.rel, budgetMs, limits: this.limits, summaryIndex });
      } catch (err) {
        // One file's analysis failing (a bug, a stack overflow on deep code) must not lose the others.
        result = { findings: [], notices: [{ kind: 'skipped', message: `internal error: ${(err as Error).message}` }] };
      }
      store(job, result);
      const h = getHeapStatistics();
      tally.peakThreadBytes = Math.max(tally.peakThreadBytes, h.total_heap_size + h.external_memory);
      await yieldToEvents();
    }
  }
}

/** The helper modules `paths` split into those `known` answers for and those still to summarise. */
function splitKnown(paths: readonly string[], known: ((path: string) => ModuleSummaries | undefined) | undefined): { known: SummaryIndex; todo: string[] } {
  const index: SummaryIndex = new Map();
  const todo: string[] = [];
  for (const p of paths) {
    const s = known?.(p);
    if (s) index.set(p, s);
    else todo.push(p);
  }
  return { known: index, todo };
}


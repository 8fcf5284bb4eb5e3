/**
 * Scans a list of one folder's files for the workspace scan: cache hits are published at
 * once, the rest are scanned on worker threads (one parser set per worker, so the server's
 * own thread stays free for open files) and cached by content; if the workers cannot start,
 * the server's own engine scans them instead.
 */
import { join } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import type { FileResult } from '../engine/finding';
import { DEFAULT_LIMITS } from '../engine/inputGuards';
import { isFile } from '../engine/paths';
import { scanWithSummaries } from '../engine/poolScan';
import { SummaryTargets, summariseTargets } from '../engine/summaryIndex';
import type { EngineCache } from './engines';
import type { FolderState } from './folderStates';
import { Job, prepare } from './prepareFile';
import { ScanPools } from './scanPools';
import { PublishedDiagnostics, uriOf } from './workspaceDiagnostics';

export interface CancelFlag {
  cancelled: boolean;
}

export interface Counters {
  total: number;
  done: number;
  fromCache: number;
  scanned: number;
  skipped: number;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>, flag?: CancelFlag): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && !flag?.cancelled) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export class FolderFileScanner {
  private readonly pools = new ScanPools();
  /** Files scanned on workers (not from the cache) since start; for tests and the log. */
  filesScanned = 0;

  constructor(
    private readonly connection: Connection,
    private readonly engines: EngineCache,
    private readonly out: PublishedDiagnostics,
  ) {}

  /** Cache hits are published at once; the rest go to the workers. */
  async scanFiles(state: FolderState, rels: readonly string[], counters: Counters, flag: CancelFlag, onProgress: () => void): Promise<void> {
    const jobs: Job[] = [];
    // Helper modules that the scanned files' request handlers import (noted as each file is
    // read for its hash): summarised on the workers while they scan the files that do not need them.
    const { engine: main } = this.engines.get(state.settings.extraRuleFolders, state.root, state.settings.advisories);
    const targets = new SummaryTargets(main, isFile);
    await eachLimited(
      rels,
      32,
      async (rel) => {
        const p = await prepare(state, rel, targets);
        if (p.kind === 'scan') {
          jobs.push(p.job);
          return;
        }
        counters.done++;
        if (p.kind === 'hit') {
          counters.fromCache++;
          this.publish(state, rel, p.result);
        } else if (p.kind === 'skip') {
          this.out.unpublish(uriOf(state.root, rel));
          this.logSkip(counters, rel, p.reason);
        }
        onProgress();
      },
      flag,
    );
    if (jobs.length === 0 || flag.cancelled) return;
    const byPath = new Map(jobs.map((j) => [join(state.root, j.rel), j]));
    const finished = new Set<string>();
    const onResult = (path: string, result: FileResult): void => {
      const job = byPath.get(path)!;
      finished.add(path);
      counters.done++;
      counters.scanned++;
      this.filesScanned++;
      if (result.findings.length === 0 && result.notices.some((n) => n.kind === 'skipped')) {
        this.logSkip(counters, job.rel, result.notices.map((n) => n.message).join('; '));
      }
      state.cache.set(job.rel, job.size, job.mtimeMs, job.hash, result);
      this.publish(state, job.rel, result);
      onProgress();
    };
    // Summaries are computed on the workers: this thread keeps serving the open files.
    const toScan = jobs.map((j) => ({ path: join(state.root, j.rel), relativePath: j.rel, size: j.size, importer: j.importer }));
    const pool = this.pools.acquire(`${state.fingerprint}\0${state.ruleDirs.join('\0')}`, state.ruleDirs, state.settings);
    try {
      await scanWithSummaries(pool, toScan, targets.paths, (file, result) => onResult(file.path, result), flag);
    } catch (err) {
      // Workers could not start (a broken install): scan here instead, slower but complete.
      this.connection.console.warn(`Ward: scan workers unavailable (${(err as Error).message}); scanning in the server process`);
      await this.pools.closeAll();
      const { engine } = this.engines.get(state.settings.extraRuleFolders, state.root, state.settings.advisories);
      const limits = { ...DEFAULT_LIMITS, maxBytes: state.settings.maxFileSizeMB * 1024 * 1024 };
      const summaryIndex = await summariseTargets(targets.paths, (p) => engine.exportedSummaries(p));
      for (const path of byPath.keys()) {
        if (flag.cancelled) break;
        if (finished.has(path)) continue;
        const rel = byPath.get(path)!.rel;
        const result = await engine.scanFile(path, { relativePath: rel, budgetMs: state.settings.fileTimeBudgetMs, limits, summaryIndex }).catch((e: Error) => ({ findings: [], notices: [{ kind: 'skipped' as const, message: `internal error: ${e.message}` }] }));
        onResult(path, result);
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.pools.release();
    }
  }

  private publish(state: FolderState, rel: string, result: FileResult): void {
    this.out.publish(state.root, rel, result, state.settings);
  }

  private logSkip(counters: Counters, rel: string, reason: string): void {
    counters.skipped++;
    if (counters.skipped <= 20) this.connection.console.info(`Ward: skipped ${rel}: ${reason}`);
    else if (counters.skipped === 21) this.connection.console.info('Ward: more files skipped (not listed)');
  }

  async closePools(): Promise<void> {
    await this.pools.closeAll();
  }
}

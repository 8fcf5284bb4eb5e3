/**
 * The workspace scan's worker pools: one per rule set, kept while scans use them and
 * closed after a quiet spell (idle workers hold a wasm heap each). Each folder's scan gets
 * its pool through a WorkerSource (engine/folderScan.ts).
 */
import { availableParallelism } from 'node:os';
import type { WorkerSource } from '../engine/folderScan';
import { DEFAULT_LIMITS } from '../engine/inputGuards';
import { ScanPool } from '../engine/workerPool';
import type { DependencyCheckOptions } from '../deps/scanner';
import type { WardSettings } from '../settings';

const POOL_IDLE_MS = 5000;

export class ScanPools {
  private readonly pools = new Map<string, ScanPool>();
  private timer: NodeJS.Timeout | undefined;
  private users = 0;

  /** The pool for these rules and settings; `release` it when the scan ends. */
  acquire(key: string, ruleDirs: string[], settings: WardSettings, dependencies: DependencyCheckOptions): ScanPool {
    this.users++;
    clearTimeout(this.timer);
    let pool = this.pools.get(key);
    if (!pool) {
      // One worker per core (up to 4): the workers parse; the server's own thread only
      // walks, stats, hashes and publishes, so open files keep their latency. The workers run
      // at a lower OS priority, so the thread checking the file being typed in goes first
      // (on a 2-core machine, p95 at 20,000 lines during a scan: 471 ms without, see bench).
      const jobs = Math.max(1, Math.min(4, availableParallelism()));
      const maxBytes = settings.maxFileSizeMB * 1024 * 1024;
      pool = new ScanPool({ jobs, ruleDirs, dependencies, budgetMs: settings.fileTimeBudgetMs, limits: { ...DEFAULT_LIMITS, maxBytes }, maxWorkerRssMB: 250, lowPriority: true });
      this.pools.set(key, pool);
    }
    return pool;
  }

  release(): void {
    this.users--;
    this.scheduleClose();
  }

  /** Workers for a folder's scans with these rules and settings (`key` names them); all are closed when they cannot start. */
  sourceFor(key: string, ruleDirs: string[], settings: WardSettings, dependencies: DependencyCheckOptions): WorkerSource {
    return {
      acquire: () => this.acquire(key, ruleDirs, settings, dependencies),
      release: async (_pool, broken) => {
        this.release();
        if (broken) await this.closeAll();
      },
    };
  }

  private scheduleClose(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.users > 0 ? this.scheduleClose() : void this.closeAll()), POOL_IDLE_MS);
    this.timer.unref?.();
  }

  async closeAll(): Promise<void> {
    clearTimeout(this.timer);
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.close()));
  }
}

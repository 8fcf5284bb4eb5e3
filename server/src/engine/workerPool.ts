/**
 * Spreads file scans over worker threads (one parser set each), keeps every worker busy,
 * stops on cancellation, and replaces a worker whose memory passed `maxWorkerRssMB`.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { FileResult } from './finding';
import type { InputLimits } from './inputGuards';
import type { RuleLoadError } from './rule';
import type { WorkerInit, WorkerReady, WorkerRequest, WorkerResponse } from './workerProtocol';

export interface PoolFile {
  path: string;
  relativePath?: string;
}

export interface PoolOptions extends WorkerInit {
  jobs: number;
  budgetMs?: number;
  limits?: InputLimits;
  /** Worker script; defaults to scanWorker.js next to the running bundle. */
  workerScript?: string;
  maxWorkerRssMB?: number;
}

export interface CancelToken {
  readonly cancelled: boolean;
}

interface Slot {
  worker: Worker;
  ready: Promise<WorkerReady>;
  busy: boolean;
}

export class ScanPool {
  private slots: Slot[] = [];
  private nextId = 1;
  ruleErrors: RuleLoadError[] = [];
  /** Largest per-worker memory seen (bytes; see WorkerResponse.workerBytes). */
  peakWorkerBytes = 0;
  /** Workers replaced because they passed `maxWorkerRssMB`. */
  recycled = 0;

  constructor(private readonly options: PoolOptions) {}

  private spawn(): Slot {
    const worker = new Worker(this.options.workerScript ?? join(__dirname, 'scanWorker.js'), {
      workerData: { ruleDirs: this.options.ruleDirs, disabledRules: this.options.disabledRules, summaryIndex: this.options.summaryIndex } satisfies WorkerInit,
    });
    const ready = new Promise<WorkerReady>((resolve, reject) => {
      const onMessage = (m: WorkerReady): void => {
        if (m && m.ready) {
          worker.off('message', onMessage);
          resolve(m);
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return { worker, ready, busy: false };
  }

  private ensureSlots(): void {
    while (this.slots.length < Math.max(1, this.options.jobs)) this.slots.push(this.spawn());
  }

  private run(slot: Slot, file: PoolFile): Promise<WorkerResponse> {
    const req: WorkerRequest = { id: this.nextId++, path: file.path, relativePath: file.relativePath, budgetMs: this.options.budgetMs, limits: this.options.limits };
    return new Promise((resolve, reject) => {
      const onMessage = (m: WorkerResponse): void => {
        if (m.id !== req.id) return;
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onError);
        resolve(m);
      };
      const onError = (err: Error): void => {
        slot.worker.off('message', onMessage);
        reject(err);
      };
      slot.worker.on('message', onMessage);
      slot.worker.once('error', onError);
      slot.worker.postMessage(req);
    });
  }

  /** Scans `files`; `onResult` gets each file's result as soon as it is ready. */
  async scan(files: PoolFile[], onResult: (file: PoolFile, result: FileResult) => void, token?: CancelToken): Promise<void> {
    this.ensureSlots();
    const first = await Promise.all(this.slots.map((s) => s.ready));
    this.ruleErrors = first[0]?.ruleErrors ?? [];
    let next = 0;
    const maxRss = (this.options.maxWorkerRssMB ?? 300) * 1024 * 1024;
    const loop = async (index: number): Promise<void> => {
      while (next < files.length && !token?.cancelled) {
        const file = files[next++]!;
        let slot = this.slots[index]!;
        let response: WorkerResponse;
        try {
          await slot.ready;
          response = await this.run(slot, file);
        } catch (err) {
          // A worker that died is replaced; the file is reported, not lost.
          await slot.worker.terminate().catch(() => undefined);
          this.slots[index] = slot = this.spawn();
          onResult(file, { findings: [], notices: [{ kind: 'skipped', message: `scan worker failed: ${(err as Error).message}` }] });
          continue;
        }
        onResult(file, response.result);
        const used = response.workerBytes ?? response.rss;
        if (used > this.peakWorkerBytes) this.peakWorkerBytes = used;
        if (used > maxRss) {
          this.recycled++;
          await slot.worker.terminate().catch(() => undefined);
          this.slots[index] = this.spawn();
        }
      }
    };
    await Promise.all(this.slots.map((_, i) => loop(i)));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate().catch(() => undefined)));
    this.slots = [];
  }
}

/**
 * Spreads file scans over worker threads (one parser set each), keeps every worker busy,
 * stops on cancellation, and replaces a worker whose memory passed `maxWorkerRssMB`.
 *
 * Each worker has a few requests queued (IN_FLIGHT), so it starts the next file while its
 * last result travels back; workers are started as soon as the pool is made, so their engines
 * load while the caller walks and reads the tree.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { FileResult } from './finding';
import type { InputLimits } from './inputGuards';
import type { RuleLoadError } from './rule';
import type { ModuleSummaries, SummaryIndex } from './summaryTypes';
import type { WorkerInit, WorkerMessage, WorkerReady, WorkerReply, WorkerResponse, WorkerSummaryResponse } from './workerProtocol';

export interface PoolFile {
  path: string;
  relativePath?: string;
  /**
   * What a worker prepares once before it scans such a file (its grammar: the tree-sitter
   * queries of its rules are compiled per worker and grammar, about a second per worker for
   * the JavaScript, TypeScript, TSX and Python rules together). The pool keeps each worker on
   * the kinds it has prepared while there are such files left (see FileQueue).
   */
  kind?: string;
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

interface Pending {
  resolve: (reply: WorkerReply) => void;
  reject: (err: Error) => void;
}

class Slot {
  readonly worker: Worker;
  readonly ready: Promise<WorkerReady>;
  readonly pending = new Map<number, Pending>();
  /** Set when the worker is to be replaced: it finishes what it has, then stops. */
  retiring = false;
  /** Set when the worker has stopped. */
  private exited: Error | undefined;
  /** Helpers it has been asked to summarise and has not answered yet (ScanPool.nextSummaries). */
  summarising = 0;
  /** The file kinds this worker has scanned (PoolFile.kind): it prefers more of them. */
  readonly kinds = new Set<string>();

  constructor(script: string, init: WorkerInit) {
    this.worker = new Worker(script, { workerData: init });
    this.ready = new Promise<WorkerReady>((resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`scan worker exited (${code}) before it was ready`)));
      this.worker.on('message', (m: WorkerReady | WorkerReply) => {
        if ('ready' in m) {
          resolve(m);
          return;
        }
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        p.resolve(m);
        if (this.retiring && this.pending.size === 0) void this.worker.terminate();
      });
    });
    // A worker that dies fails what it was doing; the pool reports those files, not loses them.
    const failAll = (err: Error): void => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', failAll);
    this.worker.on('exit', (code) => {
      this.exited = new Error(`scan worker exited (${code})`);
      failAll(this.exited);
    });
    this.ready.catch(() => undefined);
  }

  request(message: WorkerMessage & { id: number }): Promise<WorkerReply> {
    // Nothing would ever answer a request posted to a worker that has stopped.
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      this.worker.postMessage(message);
    });
  }

  retire(): void {
    this.retiring = true;
    if (this.pending.size === 0) void this.worker.terminate();
  }
}

/** Requests each worker keeps queued: one running, the rest waiting (small files finish faster than a round trip to the main thread). */
const IN_FLIGHT = 4;
/** The same for helpers to summarise: one running, one waiting. */
const SUMMARIES_IN_FLIGHT = 2;

export class ScanPool {
  private slots: Slot[] = [];
  private nextId = 1;
  private readonly summaryQueue: { path: string; resolve: (s: ModuleSummaries) => void; reject: (err: Error) => void }[] = [];
  ruleErrors: RuleLoadError[] = [];
  /** Largest per-worker memory seen (bytes; see WorkerResponse.workerBytes). */
  peakWorkerBytes = 0;
  /** Workers replaced because they passed `maxWorkerRssMB`. */
  recycled = 0;
  /** (worker, file kind) pairs started: how often a grammar's queries were compiled on some worker (PoolFile.kind). */
  kindsPrepared = 0;

  constructor(private readonly options: PoolOptions) {}

  private spawn(): Slot {
    const { ruleDirs, dependencies, disabledRules, summaryIndex, lowPriority } = this.options;
    const init: WorkerInit = { ruleDirs, dependencies, disabledRules, summaryIndex, lowPriority };
    return new Slot(this.options.workerScript ?? join(__dirname, 'scanWorker.js'), init);
  }

  /** Starts the workers (scan and summarise start them too); they load their rules meanwhile. */
  start(): this {
    while (this.slots.length < Math.max(1, this.options.jobs)) this.slots.push(this.spawn());
    return this;
  }

  /** Summaries of the project's helper modules that importing files use from now on (merged into what workers have). */
  setSummaryIndex(index: SummaryIndex): void {
    if (index.size === 0) return;
    const merged: SummaryIndex = new Map(this.options.summaryIndex ?? []);
    for (const [path, summaries] of index) merged.set(path, summaries);
    this.options.summaryIndex = merged;
    for (const slot of this.slots) slot.worker.postMessage({ type: 'index', index } satisfies WorkerMessage);
  }

  /** Exported summaries of `path`, computed on a worker. */
  summarise(path: string): Promise<ModuleSummaries> {
    this.start();
    return new Promise((resolve, reject) => {
      this.summaryQueue.push({ path, resolve, reject });
      this.nextSummaries();
    });
  }

  /**
   * Hands queued helpers to the workers, SUMMARIES_IN_FLIGHT each: a worker that is done
   * early takes more. (Dealt out in turn when asked, one worker could be left with the
   * large helpers long after the other had finished its half.)
   */
  private nextSummaries(): void {
    for (const slot of this.slots) {
      while (this.summaryQueue.length > 0 && slot.summarising < SUMMARIES_IN_FLIGHT) {
        const job = this.summaryQueue.shift()!;
        slot.summarising++;
        slot.ready
          .then(() => slot.request({ type: 'summarise', id: this.nextId++, path: job.path, budgetMs: this.options.budgetMs }))
          .then((reply) => job.resolve((reply as WorkerSummaryResponse).summaries), job.reject)
          .finally(() => {
            slot.summarising--;
            this.nextSummaries();
          });
      }
    }
  }

  /** Scans `files`; `onResult` gets each file's result as soon as it is ready. */
  async scan(files: PoolFile[], onResult: (file: PoolFile, result: FileResult) => void, token?: CancelToken): Promise<void> {
    this.start();
    const first = await Promise.all(this.slots.map((s) => s.ready));
    this.ruleErrors = first[0]?.ruleErrors ?? [];
    const queue = new FileQueue(files);
    const maxRss = (this.options.maxWorkerRssMB ?? 300) * 1024 * 1024;
    const lane = async (index: number): Promise<void> => {
      while (!token?.cancelled) {
        const kinds = this.slots[index]!.kinds;
        const before = kinds.size;
        const file = queue.take(kinds, this.slots);
        if (!file) break;
        this.kindsPrepared += kinds.size - before;
        let slot = this.slots[index]!;
        let response: WorkerResponse | undefined;
        let failure: Error | undefined;
        // Two tries: a file queued behind one that killed the worker is not at fault.
        for (let attempt = 0; attempt < 2 && !response; attempt++) {
          slot = this.slots[index]!;
          try {
            await slot.ready;
            response = (await slot.request({ type: 'scan', id: this.nextId++, path: file.path, relativePath: file.relativePath, budgetMs: this.options.budgetMs, limits: this.options.limits })) as WorkerResponse;
          } catch (err) {
            failure = err as Error;
            if (this.slots[index] !== slot) continue; // a sibling request already replaced the worker
            void slot.worker.terminate().catch(() => undefined);
            this.slots[index] = this.spawn();
            break;
          }
        }
        if (!response) {
          // A worker that died is replaced; the file is reported, not lost.
          onResult(file, { findings: [], notices: [{ kind: 'skipped', message: `scan worker failed: ${failure?.message ?? 'no reply'}` }] });
          continue;
        }
        onResult(file, response.result);
        const used = response.workerBytes;
        if (used > this.peakWorkerBytes) this.peakWorkerBytes = used;
        if (used > maxRss && this.slots[index] === slot) {
          // The wasm heap never shrinks: a new worker takes the next files; this one
          // finishes the request still queued on it and stops.
          this.recycled++;
          this.slots[index] = this.spawn();
          slot.retire();
        }
      }
    };
    await Promise.all(this.slots.flatMap((_, i) => Array.from({ length: IN_FLIGHT }, () => lane(i))));
  }

  async close(): Promise<void> {
    // Helpers still queued are not summarised: their callers get an error, not a wait without end.
    for (const job of this.summaryQueue.splice(0)) job.reject(new Error('scan workers closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate().catch(() => undefined)));
    this.slots = [];
  }
}

/**
 * A worker helps with a kind another worker has prepared only while this many files of it are
 * left: preparing a kind (compiling a grammar's queries, ~0.3 s) costs about as much as
 * scanning 50 typical files, so sharing a shorter tail would lengthen the scan, not shorten it.
 */
const HELP_AFTER = 64;

/**
 * The files of one `scan` call, handed out in their given order (callers put the largest
 * first, so no big file is left running alone at the end), except that a worker takes the
 * next file of a kind it has prepared when there is one: with two workers and four grammars,
 * each grammar's queries are compiled by one worker instead of by every worker (on one shard
 * of a sharded scan, a few hundred files, that compiling was a fifth of the CPU). A worker with
 * nothing of its kinds left claims the kind with the most files that no other worker has, then
 * helps with a kind another worker has while enough of it is left (HELP_AFTER).
 */
export class FileQueue<F extends PoolFile = PoolFile> {
  /** Per kind, positions into `files`, in order; `next` is how far each has been taken. */
  private readonly byKind = new Map<string, { at: number[]; next: number }>();

  constructor(private readonly files: readonly F[]) {
    files.forEach((f, i) => {
      const key = f.kind ?? '';
      let q = this.byKind.get(key);
      if (!q) this.byKind.set(key, (q = { at: [], next: 0 }));
      q.at.push(i);
    });
  }

  /** The next file for the worker whose prepared kinds are `mine`; undefined when it has nothing more to do. */
  take(mine: Set<string>, others: readonly { kinds: ReadonlySet<string> }[]): F | undefined {
    let best: { at: number[]; next: number } | undefined;
    let bestKey = '';
    // Files of no kind need no preparing: any worker takes them, in order with its own kinds.
    for (const [key, q] of this.byKind) {
      if (q.next >= q.at.length || (key !== '' && !mine.has(key))) continue;
      if (!best || q.at[q.next]! < best.at[best.next]!) (best = q), (bestKey = key);
    }
    if (!best) {
      const claimed = (key: string): boolean => others.some((o) => o.kinds !== mine && o.kinds.has(key));
      let bestScore = -1;
      for (const [key, q] of this.byKind) {
        const left = q.at.length - q.next;
        const taken = claimed(key);
        if (left === 0 || (taken && left < HELP_AFTER)) continue;
        // Unclaimed kinds first (left + files.length outranks any claimed kind), then the most files left.
        const score = taken ? left : left + this.files.length;
        if (score > bestScore) (best = q), (bestKey = key), (bestScore = score);
      }
    }
    if (!best) return undefined;
    if (bestKey !== '') mine.add(bestKey);
    return this.files[best.at[best.next++]!];
  }
}

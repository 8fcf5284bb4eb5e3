/**
 * What a scan worker thread does: loads its engine (one parser set per worker), then scans
 * files and summarises helper modules as the pool asks. The pool recycles a worker whose
 * memory grows past its bound, because the wasm heap never shrinks. The thread's entry
 * point (wiring/scanWorker.ts, dist/scanWorker.js) supplies the engine loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import type { RuleLoadError } from './rule';
import type { Engine } from './scan';
import type { SummaryIndex } from './summaryTypes';
import { lowerThreadPriority } from './threadPriority';
import type { WorkerInit, WorkerMessage, WorkerRequest, WorkerResponse, WorkerSummaryResponse } from './workerProtocol';

/** Builds the worker's engine from what the pool sends (rule folders, the dependency checker's options). */
export type EngineLoader = (init: WorkerInit) => { engine: Engine; errors: RuleLoadError[] };

/** This isolate's memory: V8 heap + external (ArrayBuffers, including the wasm heap). */
function workerBytes(): number {
  const h = getHeapStatistics();
  return h.total_heap_size + h.external_memory;
}

export function serveScanRequests(load: EngineLoader): void {
  const init = workerData as WorkerInit;
  if (init.lowPriority) lowerThreadPriority();
  const { engine, errors } = load(init);
  const disabled = new Set(init.disabledRules ?? []);
  let summaryIndex: SummaryIndex | undefined = init.summaryIndex;

  const scan = async (req: WorkerRequest): Promise<WorkerResponse> => {
    try {
      const result = await engine.scanFile(req.path, { relativePath: req.relativePath, budgetMs: req.budgetMs, limits: req.limits, summaryIndex });
      const findings = disabled.size ? result.findings.filter((f) => !disabled.has(f.ruleId)) : result.findings;
      return { id: req.id, result: { findings, notices: result.notices }, workerBytes: workerBytes() };
    } catch (err) {
      return { id: req.id, result: { findings: [], notices: [{ kind: 'skipped', message: `internal error: ${(err as Error).message}` }] }, workerBytes: workerBytes() };
    }
  };

  parentPort!.postMessage({ ready: true, ruleErrors: errors, rules: engine.rules.length });
  // One request at a time, in arrival order: a scan that awaits (the first parse loads its
  // grammar) must not let the next request start, so that when the worker dies the oldest
  // request still pending on it is the one it died on, and the pool retries the others.
  // A request that fails to answer (a reply that cannot be posted) must not stop the ones after it.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<unknown>): void => {
    queue = queue.then(work).then(
      () => undefined,
      () => undefined,
    );
  };
  parentPort!.on('message', (m: WorkerMessage) => {
    // Merged: scans of two folders may share the workers; a module summarised again replaces its entry.
    if (m.type === 'index') for (const [path, summaries] of m.index) (summaryIndex ??= new Map()).set(path, summaries);
    else if (m.type === 'summarise') {
      enqueue(() =>
        engine
          .exportedSummaries(m.path, m.budgetMs)
          .catch(() => new Map())
          .then((summaries) => parentPort!.postMessage({ id: m.id, summaries } satisfies WorkerSummaryResponse)),
      );
    } else enqueue(() => scan(m).then((res) => parentPort!.postMessage(res)));
  });
}

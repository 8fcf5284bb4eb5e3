/**
 * Worker-thread entry (dist/scanWorker.js): one parser set per worker, files scanned on
 * request. The pool recycles a worker whose memory grows past its bound, because the
 * wasm heap never shrinks.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { loadEngine } from './engineLoader';
import type { WorkerRequest, WorkerResponse, WorkerInit } from './workerProtocol';

const init = workerData as WorkerInit;
const { engine, errors } = loadEngine(init.ruleDirs);
const disabled = new Set(init.disabledRules ?? []);

/** This isolate's memory: V8 heap + external (ArrayBuffers, including the wasm heap). */
function workerBytes(): number {
  const h = getHeapStatistics();
  return h.total_heap_size + h.external_memory;
}

async function handle(req: WorkerRequest): Promise<WorkerResponse> {
  try {
    const result = await engine.scanFile(req.path, { relativePath: req.relativePath, budgetMs: req.budgetMs, limits: req.limits, summaryIndex: init.summaryIndex });
    const findings = disabled.size ? result.findings.filter((f) => !disabled.has(f.ruleId)) : result.findings;
    return { id: req.id, result: { findings, notices: result.notices }, rss: process.memoryUsage().rss, workerBytes: workerBytes() };
  } catch (err) {
    return { id: req.id, result: { findings: [], notices: [{ kind: 'skipped', message: `internal error: ${(err as Error).message}` }] }, rss: process.memoryUsage().rss, workerBytes: workerBytes() };
  }
}

parentPort!.postMessage({ ready: true, ruleErrors: errors, rules: engine.rules.length });
parentPort!.on('message', (req: WorkerRequest) => {
  void handle(req).then((res) => parentPort!.postMessage(res));
});

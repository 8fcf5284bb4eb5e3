/** Messages between the scan pool and its worker threads. */
import type { FileResult } from './finding';
import type { InputLimits } from './inputGuards';
import type { RuleLoadError } from './rule';
import type { SummaryIndex } from '../taint/crossFile';

export interface WorkerInit {
  ruleDirs: string[];
  disabledRules?: string[];
  /** Summaries of the project's helper modules (structured-cloned to each worker). */
  summaryIndex?: SummaryIndex;
}

export interface WorkerRequest {
  id: number;
  path: string;
  relativePath?: string;
  budgetMs?: number;
  limits?: InputLimits;
}

export interface WorkerResponse {
  id: number;
  result: FileResult;
  /** Process-wide RSS (all threads); kept for reference, not a per-worker measure. */
  rss: number;
  /**
   * This worker's own memory: its V8 heap plus its external memory, which holds the
   * tree-sitter wasm heap (a WebAssembly.Memory buffer). Process RSS would count every thread.
   */
  workerBytes?: number;
}

export interface WorkerReady {
  ready: true;
  ruleErrors: RuleLoadError[];
  rules: number;
}

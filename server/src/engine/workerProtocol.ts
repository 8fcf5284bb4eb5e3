/** Messages between the scan pool and its worker threads. */
import type { DependencyCheckOptions } from './dependencyHook';
import type { FileResult } from './finding';
import type { InputLimits } from './inputGuards';
import type { RuleLoadError } from './rule';
import type { ModuleSummaries, SummaryIndex } from './summaryTypes';

export interface WorkerInit {
  ruleDirs: string[];
  /** The advisory database and ignore list for the dependency rules (plain data, cloned to each worker). */
  dependencies?: DependencyCheckOptions;
  disabledRules?: string[];
  /** Summaries of the project's helper modules (structured-cloned to each worker). */
  summaryIndex?: SummaryIndex;
  /**
   * Run below normal OS priority (the editor's workspace scan), so that the language
   * server's own thread, which checks the file being typed in, is scheduled first.
   */
  lowPriority?: boolean;
}

/** Pool → worker. */
export type WorkerMessage =
  | { type: 'scan'; id: number; path: string; relativePath?: string; budgetMs?: number; limits?: InputLimits }
  | { type: 'summarise'; id: number; path: string; budgetMs?: number }
  | { type: 'index'; index: SummaryIndex };

export type WorkerRequest = Extract<WorkerMessage, { type: 'scan' }>;

export interface WorkerResponse {
  id: number;
  result: FileResult;
  /**
   * This worker's own memory: its V8 heap plus its external memory, which holds the
   * tree-sitter wasm heap (a WebAssembly.Memory buffer). Process RSS would count every thread
   * (and reading it costs ~0.1 ms per file).
   */
  workerBytes: number;
}

export interface WorkerSummaryResponse {
  id: number;
  summaries: ModuleSummaries;
}

export type WorkerReply = WorkerResponse | WorkerSummaryResponse;

export interface WorkerReady {
  ready: true;
  ruleErrors: RuleLoadError[];
  rules: number;
}

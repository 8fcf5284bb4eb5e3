/** Messages between the scan pool and its worker threads. */
import type { FileResult } from './finding';
import type { InputLimits } from './inputGuards';
import type { RuleLoadError } from './rule';

export interface WorkerInit {
  ruleDirs: string[];
  disabledRules?: string[];
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
  rss: number;
}

export interface WorkerReady {
  ready: true;
  ruleErrors: RuleLoadError[];
  rules: number;
}

/** What a caller can tell the engine about one scan (Engine.scanFile, scanText, analyzeTree). */
import type { InputLimits } from './inputGuards';
import type { SummaryIndex } from './summaryTypes';
import type { Region } from './treeWalk';

export interface ScanOptions {
  /** Path relative to the project root, for rules' `paths` filters. */
  relativePath?: string;
  /** Analyse only these rows (the top-level statements an edit touched); see analyzeRegion. */
  region?: Region;
  /** The file's absolute path, to resolve its imports of the project's own modules. */
  absolutePath?: string;
  /** Summaries of the project's modules, for flows through imported helpers. */
  summaryIndex?: SummaryIndex;
  /** Keep function summaries for later region analyses of the same document (the editor). */
  incremental?: boolean;
  budgetMs?: number;
  /** When the budget ends (ms since the epoch), when parsing already spent part of it. */
  deadlineAt?: number;
  /** process.cpuUsage() when that budget began (see treeWalk.pastDeadline). */
  deadlineCpu?: NodeJS.CpuUsage;
  limits?: InputLimits;
}

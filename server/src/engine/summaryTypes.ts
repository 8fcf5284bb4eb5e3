/** Function summaries as the engine carries them: made and read by the taint engine only (see taintHook.ts). */

/**
 * What the taint engine records about one exported function (which parameters reach its
 * return value or a sink). Plain data, so it can be structured-cloned to scan workers.
 */
export type FunctionSummary = object;

/** Exported function name → its summary. */
export type ModuleSummaries = Map<string, FunctionSummary>;

/** Absolute file path → the summaries of the functions that module exports. */
export type SummaryIndex = Map<string, ModuleSummaries>;

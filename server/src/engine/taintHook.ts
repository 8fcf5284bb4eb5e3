/**
 * How the engine knows the taint engine: this interface, which server/src/taint fills in
 * (taint/taintMatcher.ts; the two are put together in wiring/engineLoader.ts). The engine
 * imports nothing from server/src/taint. Summaries (summaryTypes.ts) are the taint engine's
 * own data: the engine only carries them between files, threads and caches.
 */
import type { SyntaxNode } from '../languages/parser';
import type { Family } from '../languages/registry';
import type { FileContext } from './fileContext';
import type { Finding } from './finding';
import type { Rule } from './rule';
import type { ScanOptions } from './scanOptions';
import type { ModuleSummaries } from './summaryTypes';
import type { Deadline } from './treeWalk';

/** Filled in by the taint engine; until one is registered, taint rules report that they cannot run. */
export interface TaintAnalyzer {
  mayHaveSources(text: string, family: Family, rules: readonly Rule[]): boolean;
  /**
   * The project modules (absolute paths for which `isProjectFile` holds) that `text`, the
   * content of `path`, imports when it has request handlers: the helpers whose summaries
   * its analysis uses. Empty for a file without handlers.
   */
  helperModules(path: string, text: string, family: Family, isProjectFile: (path: string) => boolean): string[];
  /**
   * The project modules that `text`, the content of the helper module `path`, passes on to
   * its importers (re-exports: `Api.helpers = require('./helpers')`, `export * from './db'`):
   * their summaries are needed as much as its own.
   */
  passedOnModules(path: string, text: string, family: Family, isProjectFile: (path: string) => boolean): string[];
  analyze(ctx: FileContext, rules: readonly Rule[], deadline: Deadline, options: ScanOptions): Finding[];
  /** Summaries of the functions a file defines, for other files that import them. */
  exportedSummaries(ctx: FileContext, deadline: Deadline, absolutePath: string): ModuleSummaries;
  /**
   * Whether `call` returns its input made safe for `kind` (see FileContext.sanitizes).
   * `wholeFile` gives a context with the file's functions, for their summaries.
   */
  sanitizes(ctx: FileContext, call: SyntaxNode, kind: string, wholeFile: () => FileContext, deadline: Deadline): boolean;
  /**
   * Whether `value` is proven safe for `kinds` (see FileContext.provenSafe). `targets`: every
   * value the file's pass will ask about, so that one proving walk answers them all and walks
   * only the code they depend on.
   */
  provenSafe(ctx: FileContext, value: SyntaxNode, kinds: readonly string[], wholeFile: () => FileContext, deadline: Deadline, targets?: () => readonly SyntaxNode[]): boolean;
}

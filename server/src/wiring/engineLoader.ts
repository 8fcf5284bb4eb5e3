/**
 * Builds an Engine from rule folders: its rules, the taint analysis plugged into its
 * TaintAnalyzer hook with the folders' taint models, the fixes written in code, the
 * dependency checker when there is an advisory database, and the shared parsers. The one
 * place where the engine, the taint engine, the fixes and the dependency checker meet; the
 * CLI, the language server and the scan workers all load engines here.
 */
import type { ParserPool } from '../languages/parser';
import type { RuleLoadError } from '../engine/rule';
import { loadRuleDirs } from '../engine/ruleLoader';
import { Engine } from '../engine/scan';
import { DependencyCheckOptions, OsvDependencyScanner } from '../deps/scanner';
import { recipeFixes } from '../fixes/recipes';
import { loadTaintModels } from '../taint/modelLoader';
import { TaintMatcher } from '../taint/taintMatcher';

export interface LoadedEngine {
  engine: Engine;
  errors: RuleLoadError[];
}

/** `dependencies`: where the advisory database is, for the dependency rules (without it they do not run). */
export function loadEngine(dirs: string[], parsers?: ParserPool, dependencies?: DependencyCheckOptions): LoadedEngine {
  const { rules, errors } = loadRuleDirs(dirs);
  const engine = new Engine(rules, parsers);
  try {
    engine.taint = new TaintMatcher(loadTaintModels(dirs, errors));
  } catch (err) {
    errors.push({ file: dirs.join(', '), line: 1, message: (err as Error).message });
  }
  engine.recipes = recipeFixes;
  if (dependencies) engine.deps = new OsvDependencyScanner(dependencies);
  return { engine, errors };
}

/** The taint engine's summaries as JSON data and back (the summaries file of a sharded scan, cli/summariesFile.ts). */
export { summariesToData, summariesFromData } from '../taint/summaryFile';

/** Builds an Engine from rule folders: rules, their taint models, and the shared parsers. */
import { ParserPool } from '../languages/parser';
import { loadTaintModels } from '../taint/models';
import type { RuleLoadError } from './rule';
import { loadRuleDirs } from './ruleLoader';
import { Engine } from './scan';
import { TaintMatcher } from './taintMatcher';
import { DependencyCheckOptions, OsvDependencyScanner } from '../deps/scanner';

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
  if (dependencies) engine.deps = new OsvDependencyScanner(dependencies);
  return { engine, errors };
}

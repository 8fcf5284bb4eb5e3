/** Builds an Engine from rule folders: rules, their taint models, and the shared parsers. */
import { ParserPool } from '../languages/parser';
import { loadTaintModels } from '../taint/models';
import type { RuleLoadError } from './rule';
import { loadRuleDirs } from './ruleLoader';
import { Engine } from './scan';
import { TaintMatcher } from './taintMatcher';

export interface LoadedEngine {
  engine: Engine;
  errors: RuleLoadError[];
}

export function loadEngine(dirs: string[], parsers?: ParserPool): LoadedEngine {
  const { rules, errors } = loadRuleDirs(dirs);
  const engine = new Engine(rules, parsers);
  try {
    engine.taint = new TaintMatcher(loadTaintModels(dirs, errors));
  } catch (err) {
    errors.push({ file: dirs.join(', '), line: 1, message: (err as Error).message });
  }
  return { engine, errors };
}

/** Connects the taint analysis (server/src/taint) to the engine's rule modes. */
import { analyzeFile, hitsToFindings } from '../taint/analyzer';
import type { ModelsByFamily } from '../taint/analyzer';
import type { FileContext } from './fileContext';
import type { Finding } from './finding';
import type { Rule } from './rule';
import type { TaintAnalyzer } from './scan';
import type { Deadline } from './treeWalk';

export class TaintMatcher implements TaintAnalyzer {
  constructor(private readonly models: ModelsByFamily) {}

  analyze(ctx: FileContext, rules: readonly Rule[], deadline: Deadline, relativePath?: string): Finding[] {
    const models = this.models.get(ctx.language.family);
    if (!models) return [];
    const { hits } = analyzeFile(ctx, models, deadline, relativePath);
    return hitsToFindings(hits, rules);
  }
}

/** Connects the taint analysis (server/src/taint) to the engine's rule modes. */
import { analyzeFile, hitsToFindings } from '../taint/analyzer';
import type { ModelsByFamily } from '../taint/analyzer';
import type { FileContext } from './fileContext';
import type { Finding } from './finding';
import type { Rule } from './rule';
import type { TaintAnalyzer } from './scan';
import type { Deadline, Region } from './treeWalk';
import { SummaryCache } from '../taint/summaryCache';
import { sourceHints } from '../taint/sourceHints';

/** A region analysis found that an edited function's summary changed: analyse the whole file. */
export class RegionInvalidated extends Error {
  constructor() {
    super('a function summary changed; the whole file needs analysis');
  }
}

export class TaintMatcher implements TaintAnalyzer {
  constructor(private readonly models: ModelsByFamily) {}

  /** Summaries of functions by their text, reused when an edit did not touch them. */
  readonly summaries = new SummaryCache();

  private readonly hints = new Map<string, RegExp>();

  analyze(ctx: FileContext, rules: readonly Rule[], deadline: Deadline, relativePath?: string, region?: Region): Finding[] {
    const models = this.models.get(ctx.language.family);
    if (!models) return [];
    const kinds = new Set(rules.flatMap((r) => (Array.isArray(r.taint?.sources) ? (r.taint!.sources as unknown[]).map(String) : ['remote', 'dom'])));
    const hintKey = `${ctx.language.family}:${[...kinds].sort().join(',')}`;
    let hint = this.hints.get(hintKey);
    if (!hint) this.hints.set(hintKey, (hint = sourceHints(models, kinds)));
    if (!hint.test(ctx.text)) return [];
    const { hits, summaryChanged } = analyzeFile(ctx, models, deadline, relativePath, undefined, region, this.summaries);
    if (region && summaryChanged) throw new RegionInvalidated();
    return hitsToFindings(hits, rules, ctx);
  }
}

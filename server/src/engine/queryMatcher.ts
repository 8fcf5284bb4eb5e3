/** Runs rules written as raw tree-sitter queries, with `where` tests on their captures. */
import { Query } from 'web-tree-sitter';
import type { Language } from 'web-tree-sitter';
import type { Captures, FileContext } from './fileContext';
import type { Candidate } from './patternMatcher';
import type { MatchSpec, Rule } from './rule';
import { pastDeadline, type Deadline, type Region } from './treeWalk';
import { testValue } from './valueTests';
import { NESTING_LIMIT } from '../languages/nesting';
import { mayMatch, queryPrefilter } from './queryPrefilter';
import { passesMatchPredicates } from './queryPredicates';

/** A predicate regex the loader did not see (tree-sitter read the string differently): it matches nothing. */
const UNSEEN = /(?!)/;

export class QueryCache {
  private readonly compiled = new Map<string, Query | Error>();
  private readonly prefilters = new Map<string, string[][] | null>();

  prefilter(source: string): string[][] | null {
    let p = this.prefilters.get(source);
    if (p === undefined) {
      p = queryPrefilter(source);
      this.prefilters.set(source, p);
    }
    return p;
  }

  get(language: Language, languageId: string, rule: Rule, index: number, source: string): Query | Error {
    const key = `${languageId}\0${rule.id}\0${index}`;
    let q = this.compiled.get(key);
    if (!q) {
      try {
        q = new Query(language, source);
      } catch (err) {
        q = new Error(`${rule.id}: tree-sitter query does not compile for ${languageId}: ${(err as Error).message}`);
      }
      this.compiled.set(key, q);
    }
    return q;
  }
}

/**
 * A `where: { x: { resolves: [a.b.hash] } }` capture names `hash` somewhere in the file
 * (the call, or the import that renamed it), so a file without it cannot match.
 */
function resolvesPrefilter(spec: MatchSpec): string[][] | null {
  const groups: string[][] = [];
  for (const test of spec.where.values()) {
    if (!test.resolvesList || test.resolvesList.some((n) => n.endsWith('*'))) continue;
    groups.push(test.resolvesList.map((n) => n.slice(n.lastIndexOf('.') + 1)));
  }
  // Every resolves test must hold, so each group needs one of its words; keep the first.
  return groups.length > 0 ? [groups[0]!] : null;
}

/**
 * Query matches start no deeper than this in the tree: tree-sitter's query cursor keeps work
 * for every open ancestor, so a file of thousands of nested callbacks made each query
 * quadratic (4.5 s of a 9 s scan at 4,000 levels). Real code is a few dozen nodes deep; this is
 * five nodes for each of the NESTING_LIMIT levels the analyses follow in full.
 */
const QUERY_START_DEPTH = NESTING_LIMIT * 5;

export function matchQueryRules(
  ctx: FileContext,
  language: Language,
  rules: readonly Rule[],
  cache: QueryCache,
  deadline: Deadline,
  onError: (message: string) => void,
  region?: Region,
): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of rules) {
    rule.matches.forEach((spec: MatchSpec, index) => {
      if (spec.kind !== 'query') return;
      if (!mayMatch(cache.prefilter(spec.query!), ctx.text) || !mayMatch(resolvesPrefilter(spec), ctx.text)) return;
      const query = cache.get(language, ctx.language.id, rule, index, spec.preparedQuery ?? spec.query!);
      if (query instanceof Error) {
        onError(query.message);
        return;
      }
      const matches = query.matches(ctx.tree.rootNode, {
        ...(region ? { startPosition: region.start, endPosition: region.end } : {}),
        maxStartDepth: QUERY_START_DEPTH,
        progressCallback: (() => pastDeadline(deadline)) as unknown as () => void,
      });
      for (const m of matches) {
        const predicates = query.predicatesForPattern(m.patternIndex);
        if (predicates.length > 0 && !passesMatchPredicates(predicates, m.captures, (r) => spec.queryRegexes?.get(r) ?? UNSEEN)) continue;
        const captures: Captures = new Map();
        for (const c of m.captures) if (!captures.has(c.name)) captures.set(c.name, c.node);
        let ok = true;
        for (const [name, test] of spec.where) if (!testValue(ctx, captures.get(name), test)) ok = false;
        const report = captures.get(spec.report!);
        if (ok && report) out.push({ rule, spec, captures, report, anchor: report });
      }
    });
  }
  return out;
}

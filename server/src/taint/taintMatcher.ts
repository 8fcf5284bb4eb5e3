/** The taint analysis as the engine sees it: fills the engine's TaintAnalyzer hook (engine/taintHook.ts). */
import type { SyntaxNode } from '../languages/parser';
import { Family, taintSyntaxFor } from '../languages/registry';
import type { FileContext } from '../engine/fileContext';
import type { Finding } from '../engine/finding';
import { RegionInvalidated } from '../engine/incremental';
import type { Rule } from '../engine/rule';
import type { ScanOptions } from '../engine/scanOptions';
import type { TaintAnalyzer } from '../engine/taintHook';
import type { Deadline } from '../engine/treeWalk';
import { analyzeFile, hitsToFindings } from './analyzer';
import type { RegionWork } from './regionSummaries';
import type { ModelsByFamily } from './analyzer';
import type { Summary } from './context';
import { liveFor, Taint } from './facts';
import { importResolver, ModuleEntry, moduleEntries, projectNames, SummaryIndex } from './crossFile';
import { SummaryCache } from './summaryCache';
import { handlerHints, sourceHints, TextHint } from './sourceHints';
import { sanitizerRowFor } from './sanitizerRow';

/** Does this file's text show any input source the rules' kinds could use? */
function kindsOf(rules: readonly Rule[]): Set<string> {
  return new Set(rules.flatMap((r) => (Array.isArray(r.taint?.sources) ? (r.taint!.sources as unknown[]).map(String) : ['remote', 'dom'])));
}


export class TaintMatcher implements TaintAnalyzer {
  constructor(private readonly models: ModelsByFamily) {}

  /** Summaries of functions by their text, reused when an edit did not touch them. */
  readonly summaries = new SummaryCache();

  private readonly hints = new Map<string, TextHint>();

  /** What the last region analysis read (functions walked, summaries from the cache): tests check that it stays bounded. */
  lastRegionWork: RegionWork | undefined;
  /** Whether the last proving walk (defers-to) walked the pass's own context (a region while typing) rather than a whole-file one: for tests. */
  lastProofOnPass: boolean | undefined;
  /** How many function walks the last proving walk's summaries took: for tests. */
  lastProofWalks: number | undefined;

  exportedSummaries(ctx: FileContext, deadline: Deadline, absolutePath: string): Map<string, ModuleEntry> {
    const models = this.models.get(ctx.language.family);
    if (!models) return new Map();
    const { summaries } = analyzeFile(ctx, models, deadline, undefined, { fromProject: projectNames(absolutePath, ctx.syntax.modules) });
    return moduleEntries(summaries, ctx.syntax.modules.reexports?.(ctx.text) ?? [], absolutePath);
  }

  /** Summaries of a file's own functions by name, for `sanitizes`, once per file context. */
  private readonly localSummaries = new WeakMap<FileContext, ReadonlyMap<string, Summary>>();

  sanitizes(ctx: FileContext, call: SyntaxNode, kind: string, wholeFile: () => FileContext, deadline: Deadline): boolean {
    const models = this.models.get(ctx.language.family);
    const callee = ctx.adapter.callee(call);
    if (!models || !callee) return false;
    const qualified = ctx.adapter.qualify(callee, ctx.bindings);
    const row = qualified ? sanitizerRowFor(ctx, models, qualified, call) : undefined;
    if (row) return !row.revives && !row.method && (row.kinds.includes(kind) || row.kinds.includes('*'));
    // A function of this file, known by its body: it returns only its first argument, made
    // safe for `kind` on every way out (a guard, a sanitizer), or constants.
    if (ctx.syntax.kind(callee) !== 'name' || ctx.bindings.imports.has(callee.text) || ctx.adapter.positionalArgs(call).length === 0) return false;
    let local = this.localSummaries.get(ctx);
    if (!local) this.localSummaries.set(ctx, (local = analyzeFile(wholeFile(), models, deadline).summaries));
    const s = local.get(callee.text);
    if (!s || s.returnsSources.length > 0 || s.toReturn.size !== 1 || !s.toReturn.has(0) || s.returnMember?.has(0)) return false;
    return (s.returnCleanFor?.get(0) ?? []).some((k) => k === kind || k === '*');
  }

  private readonly handlers = new Map<Family, TextHint>();

  /** Per file context: each call argument's taint in a proving walk (outside.ts), made on the first question. */
  private readonly proofs = new WeakMap<FileContext, Map<number, Taint> | null>();

  provenSafe(ctx: FileContext, value: SyntaxNode, kinds: readonly string[], wholeFile: () => FileContext, deadline: Deadline, targets?: () => readonly SyntaxNode[]): boolean {
    const models = this.models.get(ctx.language.family);
    if (!models) return false;
    let probes = this.proofs.get(ctx);
    if (probes === undefined) {
      probes = new Map();
      try {
        const proofCtx = wholeFile();
        this.lastProofOnPass = proofCtx === ctx;
        const asked = targets?.();
        this.lastProofWalks = analyzeFile(proofCtx, models, deadline, undefined, undefined, undefined, undefined, probes, asked && asked.includes(value) ? asked : [value]).walks;
      } catch {
        probes = null; // out of time or a walk that failed: nothing is proven
      }
      this.proofs.set(ctx, probes);
    }
    const taint = probes?.get(value.id);
    // Not reached (dead code, a walk cut short): not proven either. A value escaped for one kind
    // (`shlex.quote`) is not proof: where it sits in a command decides (the pattern rule's own
    // `sanitized` test reads that); constants, numbers and allow-listed values are.
    return !!taint && kinds.every((k) => liveFor(taint, k).length === 0) && taint.every((f) => f.cleanFor.has('*'));
  }

  /** The project modules a file with request handlers imports (one import deep). */
  helperModules(path: string, text: string, family: Family, isProjectFile: (path: string) => boolean): string[] {
    if (!this.mayHaveHandlers(text, family)) return [];
    const modules = taintSyntaxFor(family).modules;
    const targets = new Set<string>();
    for (const spec of modules.projectImports(text)) {
      const found = modules.resolveAll ? modules.resolveAll(path, spec, isProjectFile) : [modules.resolve(path, spec, isProjectFile)];
      for (const target of found) if (target && target !== path) targets.add(target);
    }
    // Files whose functions this one calls without importing them (a Go package's other files).
    for (const target of modules.sameScope?.(path, isProjectFile) ?? []) if (target !== path) targets.add(target);
    return modules.narrowTargets ? modules.narrowTargets(text, [...targets]) : [...targets];
  }

  passedOnModules(path: string, text: string, family: Family, isProjectFile: (path: string) => boolean): string[] {
    const modules = taintSyntaxFor(family).modules;
    const targets = new Set<string>();
    for (const r of modules.reexports?.(text) ?? []) {
      const target = modules.resolve(path, r.spec, isProjectFile);
      if (target && target !== path) targets.add(target);
    }
    return [...targets];
  }

  /** Whether `text` shows a request handler (see handlerHints). */
  private mayHaveHandlers(text: string, family: Family): boolean {
    const models = this.models.get(family);
    if (!models) return false;
    let hint = this.handlers.get(family);
    if (!hint) this.handlers.set(family, (hint = handlerHints(models, !!taintSyntaxFor(family).typedParamsByFullName)));
    return hint.test(text);
  }

  private lastHint: { text: string; key: string; result: boolean } | undefined;

  /** Whether `text` could hold a source for `rules` (see sourceHints). */
  mayHaveSources(text: string, family: Family, rules: readonly Rule[]): boolean {
    const models = this.models.get(family);
    if (!models) return false;
    const kinds = kindsOf(rules);
    const key = `${family}:${[...kinds].sort().join(',')}`;
    // The engine asks before collecting nodes and analyze asks again: one regex pass per text.
    if (this.lastHint && this.lastHint.text === text && this.lastHint.key === key) return this.lastHint.result;
    let hint = this.hints.get(key);
    if (!hint) this.hints.set(key, (hint = sourceHints(models, kinds, !!taintSyntaxFor(family).typedParamsByFullName)));
    const result = hint.test(text);
    this.lastHint = { text, key, result };
    return result;
  }

  analyze(ctx: FileContext, rules: readonly Rule[], deadline: Deadline, options: ScanOptions): Finding[] {
    const { relativePath, region } = options;
    const models = this.models.get(ctx.language.family);
    if (!models) return [];
    if (!this.mayHaveSources(ctx.text, ctx.language.family, rules)) return [];
    // The engine carries the index without reading it; its summaries are the ones exportedSummaries made.
    const index = options.summaryIndex as SummaryIndex | undefined;
    const from = options.absolutePath;
    const project = from ? { imported: index ? importResolver(index, from, ctx.syntax.modules) : undefined, fromProject: projectNames(from, ctx.syntax.modules) } : undefined;
    const cache = region || options.incremental ? this.summaries : undefined;
    const { hits, summaryChanged, summaries, regionWork } = analyzeFile(ctx, models, deadline, relativePath, project, region, cache);
    this.lastRegionWork = regionWork;
    if (region && summaryChanged) throw new RegionInvalidated();
    return hitsToFindings(hits, rules, ctx, summaries);
  }
}

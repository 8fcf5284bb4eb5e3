/**
 * The engine's front door: text (or bytes) + language + rules → findings. Knows nothing
 * of VS Code or LSP; the language server and the CLI both call it.
 */
import { syntaxFor, taintSyntaxFor } from '../languages/registry';
import { ParserPool, ParseTimeout, Tree } from '../languages/parser';
import { documentPackForContent, documentPackForPath, LanguageId, mayBeDocumentByContent, LanguageSpec, languageForPath } from '../languages/registry';
import type { DocumentPack } from '../languages/documentPack';
import { checkRulesFor, FolderAccess, scanDocument } from './documentScan';
import { ImportedFiles } from './documentImports';
import { FolderFacts } from './documentFolder';
import { isAbsolute, resolve } from 'node:path';
import type { FileContext } from './fileContext';
import { anchorOf, compareFindings, FileResult, Finding, ScanNotice } from './finding';
import { dedupe, preferTaint, secretsNotTold } from './findingMerge';
import { candidateToFinding } from './findingBuilder';
import { coveredByTaint, deferredToTaint, deferredValue, resolveDeferrals } from './deferral';
import { fileNameFindings } from './fileNameRules';
import { matchesAnyGlob } from './globs';
import { DependencyScanner, mergeResults } from './dependencyHook';
import { checkText, decodeBytes, DEFAULT_LIMITS, InputLimits, readSourceFile, sizeNotice } from './inputGuards';
import { collectNodes, collectBindings, BudgetExceeded, Deadline, pastDeadline, Region, startDeadline } from './treeWalk';
import { nestingNotice, resetNestingCut, takeNestingCut } from '../languages/nesting';
import { RegionInvalidated } from './incremental';
import { hasLoneCarriageReturn, inEditorLines } from './lineEnds';
import type { SyntaxNode } from '../languages/parser';
import type { SyntaxAdapter } from '../languages/syntax';
import type { TaintSyntax } from '../languages/taintSyntax';
import { Candidate, matchPatternRules, PatternIndex, wantedTypes } from './patternMatcher';
import { matchQueryRules, QueryCache } from './queryMatcher';
import type { Rule } from './rule';
import type { ScanOptions } from './scanOptions';
import type { ModuleSummaries } from './summaryTypes';
import type { TaintAnalyzer } from './taintHook';
import type { FixRecipes } from './fixRecipeHook';
import { matchSecretRules } from './secretMatcher';
import { applySuppressions } from './suppressions';

export type { ScanOptions } from './scanOptions';

interface LanguagePlan {
  pattern: Rule[];
  index: PatternIndex;
  query: Rule[];
  taint: Rule[];
  secret: Rule[];
  /** Node types to collect when the taint pass runs, and when it does not (most files). */
  wanted: Set<string>;
  wantedWithoutTaint: Set<string>;
}

const DEFAULT_BUDGET_MS = 3000;

export class Engine {
  private readonly plans = new Map<LanguageId, LanguagePlan>();
  private readonly genericSecrets: Rule[];
  private readonly queries = new QueryCache();
  taint: TaintAnalyzer | undefined;
  /** Fixes written in code that pattern rules name (fixRecipeHook.ts). */
  recipes: FixRecipes | undefined;
  /** Filled in by the dependency checker (deps/); without one, manifests get the secret rules only. */
  deps: DependencyScanner | undefined;

  constructor(
    readonly rules: readonly Rule[],
    readonly parsers: ParserPool = new ParserPool(),
  ) {
    this.genericSecrets = rules.filter((r) => r.mode === 'secret' && r.generic);
    resolveDeferrals(rules);
  }

  private plan(lang: LanguageSpec): LanguagePlan {
    let plan = this.plans.get(lang.id);
    if (!plan) {
      const mine = this.rules.filter((r) => r.languages.has(lang.id) || (r.generic && r.mode === 'secret'));
      const pattern = mine.filter((r) => r.mode === 'pattern' && r.matches.some((m) => m.kind !== 'query'));
      const query = mine.filter((r) => r.mode === 'pattern' && r.matches.some((m) => m.kind === 'query'));
      plan = {
        pattern,
        index: new PatternIndex(pattern),
        query,
        taint: mine.filter((r) => r.mode === 'taint'),
        secret: mine.filter((r) => r.mode === 'secret'),
        wanted: wantedTypes(syntaxFor(lang.family), pattern, mine.some((r) => r.mode === 'taint')),
        wantedWithoutTaint: wantedTypes(syntaxFor(lang.family), pattern, false),
      };
      this.plans.set(lang.id, plan);
    }
    return plan;
  }

  private appliesTo(rule: Rule, relativePath: string | undefined): boolean {
    if (!relativePath) return true;
    if (rule.includePaths && !matchesAnyGlob(relativePath, rule.includePaths)) return false;
    if (rule.excludePaths && matchesAnyGlob(relativePath, rule.excludePaths)) return false;
    return true;
  }

  private readonly unfiltered = new WeakSet<readonly Rule[]>();
  /**
   * `rules` that apply to the file; the same array when none has a path filter, so what is
   * compiled per rule set (the secret keywords' automaton) is found again by identity.
   */
  private applicable(rules: Rule[], relativePath: string | undefined): Rule[] {
    if (this.unfiltered.has(rules)) return rules;
    if (!rules.some((r) => r.includePaths || r.excludePaths)) {
      this.unfiltered.add(rules);
      return rules;
    }
    return rules.filter((r) => this.appliesTo(r, relativePath));
  }

  async parse(lang: LanguageSpec, text: string, budgetMs = DEFAULT_BUDGET_MS, oldTree?: Tree | null): Promise<Tree> {
    return this.parsers.parse(lang.id, text, budgetMs, oldTree);
  }

  /**
   * Runs every rule for `lang` over an already parsed tree. Each pass (patterns, queries,
   * taint, secrets) stands alone: one that fails or runs out of time costs only its own
   * findings, with a notice, and the secret pass (linear in the text) always runs.
   */
  async analyzeTree(tree: Tree, text: string, lang: LanguageSpec, options: ScanOptions = {}): Promise<FileResult> {
    const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    const deadline = startDeadline(budgetMs, options.deadlineAt !== undefined ? options.deadlineAt - budgetMs : undefined, options.deadlineCpu);
    const plan = this.plan(lang);
    const keep = (r: Rule): boolean => this.appliesTo(r, options.relativePath);
    const notices: ScanNotice[] = [];
    const findings: Finding[] = [];
    const adapter = syntaxFor(lang.family);
    const queryRules = plan.query.filter(keep);
    // Loaded before the passes, so that nothing else runs between them (see nesting.ts).
    const language = queryRules.length > 0 ? await this.parsers.language(lang.id) : undefined;
    resetNestingCut();
    const pass = (what: string, run: () => void): void => {
      try {
        run();
      } catch (err) {
        if (err instanceof BudgetExceeded) notices.push({ kind: 'partial', message: `${err.message}; findings may be incomplete (ward.fileTimeBudgetMs)` });
        else if (err instanceof RegionInvalidated) throw err;
        else notices.push({ kind: 'partial', message: `${what} failed (${(err as Error).message}); the other findings are complete` });
      }
    };
    const taintRules = plan.taint.filter(keep);
    // A file whose text shows no source cannot give a taint finding: its functions are
    // not collected (a third of the nodes in typical library code).
    const taintRuns = taintRules.length > 0 && !!this.taint && (!!options.region || this.taint.mayHaveSources(text, lang.family, taintRules));
    let ctx: FileContext | undefined;
    pass('collecting the syntax', () => {
      ctx = fileContext(tree, text, lang, taintRuns ? plan.wanted : plan.wantedWithoutTaint, deadline, options.region);
      ctx.path = options.absolutePath;
    });
    if (ctx) {
      const c = ctx;
      const taint = this.taint;
      if (taint) {
        // The file's functions are collected and summarised only if a pattern rule's
        // `sanitized` test meets a call to one of them.
        const wholeFile = (): FileContext => (taintRuns && !options.region ? c : fileContext(tree, text, lang, wantedTypes(adapter, [], true), deadline));
        c.sanitizes = (call, kind) => taint.sanitizes(c, call, kind, wholeFile, deadline);
        // The proof walks what this pass analyses: the region being re-checked while typing (a
        // whole-file walk per edit made a 20k-line file ten times slower), the file otherwise.
        // A value proven only through code outside the region stays reported: never fewer findings.
        c.provenSafe = (value, kinds) => taint.provenSafe(c, value, kinds, options.region ? () => c : wholeFile, deadline, targets);
      }
      // Matches of rules that defer to a taint rule wait for the data-flow findings: where one
      // covers the same call it says more (and folds the match in), so no proof is needed.
      const deferring: Candidate[] = [];
      const targets = (): SyntaxNode[] => deferring.map(deferredValue).filter((v): v is SyntaxNode => !!v);
      pass('pattern rules', () => {
        for (const candidate of matchPatternRules(c, plan.index, c.buckets, keep)) {
          if (candidate.rule.defersTo) deferring.push(candidate);
          else findings.push(candidateToFinding(c, candidate, this.recipes));
        }
      });
      if (language) {
        pass('query rules', () => {
          const candidates = matchQueryRules(c, language, queryRules, this.queries, deadline, (message) => notices.push({ kind: 'rule-error', message }), options.region);
          for (const candidate of candidates) findings.push(candidateToFinding(c, candidate, this.recipes));
        });
      }
      // An Engine built without models (loadEngine adds them) runs its other rules only.
      if (taintRuns) pass('data-flow analysis', () => findings.push(...this.taint!.analyze(c, taintRules, deadline, options)));
      pass('pattern rules deferring to data flow', () => {
        for (const candidate of deferring) {
          const finding = candidateToFinding(c, candidate, this.recipes);
          if (coveredByTaint(findings, finding) || !deferredToTaint(c, candidate)) findings.push(finding);
        }
      });
    }
    pass('secret rules', () =>
      findings.push(...matchSecretRules(text, this.applicable(plan.secret, options.relativePath), tree, adapter, { path: options.relativePath })),
    );
    const cut = takeNestingCut();
    if (cut >= 0) notices.push({ kind: 'partial', message: nestingNotice(cut) });
    if (pastDeadline(deadline) && !notices.some((n) => n.kind === 'partial' && /budget/.test(n.message))) {
      notices.push({ kind: 'partial', message: `analysis took longer than the ${budgetMs} ms budget; data-flow findings may be incomplete (ward.fileTimeBudgetMs)` });
    }
    pass('ignore comments', () => applySuppressions(findings, text, tree, adapter.commentTypes));
    const region = options.region;
    const kept = region ? findings.filter((f) => anchorOf(f).start.line >= region.start.row && anchorOf(f).start.line < region.end.row) : findings;
    const result = { findings: preferTaint(dedupe(kept)).sort(compareFindings), notices };
    return hasLoneCarriageReturn(text) ? inEditorLines(result, text) : result;
  }

  /** Parses and analyses one text; bad input yields a notice, never an exception. */
  async scanText(text: string, lang: LanguageSpec, options: ScanOptions = {}): Promise<FileResult> {
    const limits = options.limits ?? DEFAULT_LIMITS;
    const reason = checkText(text, limits);
    if (reason && text.length > limits.maxBytes) return { findings: [], notices: [{ kind: 'skipped', message: reason }] };
    if (reason) {
      // Minified: code analysis would be slow and noisy, but a bundle is where a key ships, and
      // the secret rules are linear in the text.
      const secrets = await this.scanSecretsOnly(text, lang, this.applicable(this.plan(lang).secret, options.relativePath), options);
      return { findings: secrets.findings, notices: [...secrets.notices, { kind: 'partial', message: `${reason}: only the secret rules ran; scan its sources for the rest` }] };
    }
    const secretsOnly = this.secretsOnly(lang, options);
    if (secretsOnly) return this.scanSecretsOnly(text, lang, secretsOnly, options);
    let tree: Tree;
    // One budget for parsing and analysis together (ward.fileTimeBudgetMs).
    const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    const deadlineAt = options.deadlineAt ?? Date.now() + budgetMs;
    const deadlineCpu = options.deadlineCpu ?? process.cpuUsage();
    try {
      tree = await this.parse(lang, text, budgetMs);
    } catch (err) {
      if (err instanceof ParseTimeout) return { findings: [], notices: [{ kind: 'skipped', message: `${err.message} (ward.fileTimeBudgetMs)` }] };
      throw err;
    }
    try {
      return await this.analyzeTree(tree, text, lang, { ...options, deadlineAt, deadlineCpu });
    } finally {
      tree.delete();
    }
  }

  /** The secret rules, when they are all that applies to this language (else undefined). */
  private secretsOnly(lang: LanguageSpec, options: ScanOptions): Rule[] | undefined {
    if (options.region) return undefined;
    const plan = this.plan(lang);
    const keep = (r: Rule): boolean => this.appliesTo(r, options.relativePath);
    if (plan.pattern.some(keep) || plan.query.some(keep) || plan.taint.some(keep)) return undefined;
    return this.applicable(plan.secret, options.relativePath);
  }

  /**
   * Secret rules alone (a secrets-only rule set, as in a pre-commit secrets check) read the
   * text first and parse only once a candidate needs the tree to tell a string literal
   * from code: most files have none, and the parse is most of the cost.
   */
  private async scanSecretsOnly(text: string, lang: LanguageSpec, rules: Rule[], options: ScanOptions): Promise<FileResult> {
    const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    const adapter = syntaxFor(lang.family);
    await this.parsers.parser(lang.id);
    let tree: Tree | undefined;
    try {
      const findings = matchSecretRules(text, rules, () => (tree ??= this.parsers.parseLoaded(lang.id, text, budgetMs)), adapter, { path: options.relativePath });
      applySuppressions(findings, text, tree, adapter.commentTypes);
      const result = { findings: dedupe(findings).sort(compareFindings), notices: [] };
      return hasLoneCarriageReturn(text) ? inEditorLines(result, text) : result;
    } catch (err) {
      if (err instanceof ParseTimeout) return { findings: [], notices: [{ kind: 'skipped', message: `${err.message} (ward.fileTimeBudgetMs)` }] };
      throw err;
    } finally {
      tree?.delete();
    }
  }

  /** Summaries of the functions `path` defines (empty when it is not code or cannot be read). */
  async exportedSummaries(path: string, budgetMs = DEFAULT_BUDGET_MS): Promise<ModuleSummaries> {
    const lang = languageForPath(path);
    if (!lang || !this.taint) return new Map();
    const read = readSourceFile(path, DEFAULT_LIMITS.maxBytes * 2);
    if (!('bytes' in read)) return new Map();
    const decoded = decodeBytes(read.bytes);
    if ('skip' in decoded || checkText(decoded.text)) return new Map();
    const text = decoded.text;
    const tree = await this.parse(lang, text, budgetMs).catch(() => undefined);
    if (!tree) return new Map();
    try {
      const deadline = startDeadline(budgetMs);
      const ctx = fileContext(tree, text, lang, wantedTypes(syntaxFor(lang.family), [], true), deadline);
      return this.taint.exportedSummaries(ctx, deadline, path);
    } catch {
      return new Map();
    } finally {
      tree.delete();
    }
  }

  /** Secret rules over a file no grammar parses (.env, YAML, JSON, …). */
  scanGenericText(text: string, options: ScanOptions = {}): FileResult {
    const rules = this.applicable(this.genericSecrets, options.relativePath);
    const findings = matchSecretRules(text, rules, undefined, undefined, { path: options.relativePath });
    applySuppressions(findings, text);
    const result = { findings: findings.sort(compareFindings), notices: [] };
    return hasLoneCarriageReturn(text) ? inEditorLines(result, text) : result;
  }

  /** Rules for files no grammar parses (secrets in text, key stores by name, manifests): a folder walk lists such files. */
  get hasGenericRules(): boolean {
    return this.genericSecrets.length > 0 || this.fileNameRules.length > 0 || (!!this.deps && this.dependencyRules.length > 0) || this.rules.some((r) => r.mode === 'check');
  }

  /** `dependency` rules (vulnerable packages), found on first use. */
  get dependencyRules(): Rule[] {
    return (this.dependencyRuleList ??= this.rules.filter((r) => r.mode === 'dependency'));
  }
  private dependencyRuleList: Rule[] | undefined;

  /** Whether `path` is a manifest or lockfile that the dependency rules check. */
  isManifest(path: string): boolean {
    return !!this.deps && this.dependencyRules.length > 0 && this.deps.handles(path);
  }

  /**
   * A manifest's or lockfile's text (from disk or an editor buffer): its vulnerable
   * dependencies and, like any text file, its secrets.
   */
  scanManifestText(path: string, text: string, options: ScanOptions = {}): FileResult {
    const secrets = this.genericSecrets.length > 0 ? this.scanGenericText(text, options) : { findings: [], notices: [] };
    if (!this.isManifest(path)) return secrets;
    const rules = this.applicable(this.dependencyRules, options.relativePath);
    return mergeResults(secrets, this.deps!.scan(path, text, rules, { relativePath: options.relativePath }));
  }

  /** `filename` rules (key stores by name), found on first use. */
  private get fileNameRules(): Rule[] {
    return (this.fileNameRuleList ??= this.rules.filter((r) => r.mode === 'filename' && r.fileNames));
  }
  private fileNameRuleList: Rule[] | undefined;

  /** The `check` rules of a document pack that apply to the file, found once per pack. */
  private documentRules(pack: DocumentPack, relativePath: string | undefined): Rule[] {
    let rules = this.documentRuleLists.get(pack.kind);
    if (!rules) this.documentRuleLists.set(pack.kind, (rules = checkRulesFor(pack, this.rules)));
    return this.applicable(rules, relativePath);
  }
  private readonly documentRuleLists = new Map<string, Rule[]>();
  /** The facts of files read together with a document pack's file (its folder's), cached per file version. */
  private folderFacts: FolderFacts | undefined;
  /** The files of local modules that document pack files draw on, parsed once per version. */
  private importedFiles: ImportedFiles | undefined;

  /**
   * A file of a document pack (a workflow): the pack's check rules and, like any text file,
   * the secret rules over its text.
   */
  async scanDocumentText(pack: DocumentPack, text: string, options: ScanOptions = {}): Promise<FileResult> {
    const secrets = this.genericSecrets.length > 0 ? this.scanGenericText(text, options) : { findings: [], notices: [] };
    const limits = options.limits ?? DEFAULT_LIMITS;
    const reason = checkText(text, limits);
    if (reason) return { findings: secrets.findings, notices: [...secrets.notices, { kind: 'partial', message: `${reason}: only the secret rules ran` }] };
    const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    const file = options.absolutePath;
    const folder: FolderAccess | undefined =
      pack.folder && file
        ? {
            facts: () => (this.folderFacts ??= new FolderFacts(this.parsers)).of(pack, file, limits, budgetMs),
            imports: (own) => (this.importedFiles ??= new ImportedFiles(this.parsers)).read(pack, file, own, limits, budgetMs),
          }
        : undefined;
    const checked = await scanDocument(this.parsers, pack, this.documentRules(pack, options.relativePath), text, budgetMs, options.relativePath, folder);
    // The secret findings are already in the editor's lines; the tree's may not be.
    const mine = hasLoneCarriageReturn(text) ? inEditorLines(checked, text) : checked;
    // A check that reports a hard-coded credential says more (which setting) than a secret rule
    // matching the same value: the secret finding is folded into it.
    const secretFindings = secretsNotTold(secrets.findings, mine.findings);
    return { findings: dedupe([...secretFindings, ...mine.findings]).sort(compareFindings), notices: [...secrets.notices, ...mine.notices] };
  }

  /**
   * The text of a file that no code grammar parses, by its path (an editor buffer): a
   * document pack's file, a manifest, or plain text for the secret rules.
   */
  async scanPathText(path: string | undefined, text: string, options: ScanOptions = {}): Promise<FileResult> {
    const byPath = path ? documentPackForPath(options.relativePath ?? path) ?? documentPackForPath(path) : undefined;
    // A pack that knows its files by their first lines (a manifest), when no path claims it.
    const pack = byPath ?? documentPackForContent(path, text);
    if (pack) return this.scanDocumentText(pack, text, { ...options, absolutePath: options.absolutePath ?? (path && isAbsolute(path) ? path : undefined) });
    if (path && this.isManifest(path)) return this.scanManifestText(path, text, options);
    return this.scanGenericText(text, options);
  }

  async scanFile(path: string, options: ScanOptions = {}): Promise<FileResult> {
    const byName = fileNameFindings(this.applicable(this.fileNameRules, options.relativePath), path);
    if (byName) return byName;
    const lang = languageForPath(path);
    const byPath = lang ? undefined : documentPackForPath(path);
    const byContent = !lang && !byPath && mayBeDocumentByContent(path);
    if (!lang && !byPath && !byContent && this.genericSecrets.length === 0 && !this.isManifest(path)) return { findings: [], notices: [] };
    // Source maps repeat the sources they map (which are scanned themselves) as escaped JSON.
    if (!lang && /\.(?:js|css)\.map$/i.test(path)) return { findings: [], notices: [] };
    const limits = options.limits ?? DEFAULT_LIMITS;
    // Synchronous: a scan reads thousands of small files, and a round trip through the
    // thread pool per file cost more than the read itself (3 s of 14 on the benchmark).
    // UTF-16 takes two bytes a character: up to twice the limit is read before deciding.
    const read = readSourceFile(path, limits.maxBytes * 2);
    if ('error' in read) return { findings: [], notices: [{ kind: 'skipped', message: `cannot read: ${read.error}` }] };
    if ('size' in read) return { findings: [], notices: [{ kind: 'skipped', message: sizeNotice(read.size, limits) }] };
    const decoded = decodeBytes(read.bytes);
    if ('skip' in decoded) return { findings: [], notices: [{ kind: 'skipped', message: decoded.skip }] };
    if (lang) return this.scanText(decoded.text, lang, { ...options, absolutePath: options.absolutePath ?? path });
    // Only files no path claims, and only their first lines, are asked (the text is read once).
    const pack = byPath ?? (byContent ? documentPackForContent(path, decoded.text) : undefined);
    if (pack) return this.scanDocumentText(pack, decoded.text, { ...options, absolutePath: options.absolutePath ?? resolve(path) });
    return this.isManifest(path) ? this.scanManifestText(path, decoded.text, options) : this.scanGenericText(decoded.text, options);
  }
}

/** The nodes of `wanted` types (in `region` only, when given) and the file's names. */
function fileContext(tree: Tree, text: string, lang: LanguageSpec, wanted: ReadonlySet<string>, deadline: Deadline, region?: Region): FileContext {
  const adapter = syntaxFor(lang.family);
  const syntax = taintSyntaxFor(lang.family);
  const buckets = collectNodes(tree, wanted, deadline, syntax, region, adapter.functionTypes, new Set([...adapter.bindingTypes, ...adapter.declarationTypes]));
  return { text, tree, language: lang, adapter, syntax, bindings: collectBindings(adapter, buckets), buckets };
}

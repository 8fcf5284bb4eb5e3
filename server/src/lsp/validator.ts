/**
 * Checks open documents: debounced on typing, stale work dropped when a newer version
 * arrives, the tree reparsed incrementally, and diagnostics published for the buffer
 * (not the file on disk).
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { FileResult, Finding } from '../engine/finding';
import { compilePathGlobs, matchesAnyGlob } from '../engine/globs';
import { checkText, DEFAULT_LIMITS, sizeNotice } from '../engine/inputGuards';
import { applyPolicy } from '../engine/policy';
import { ParseTimeout } from '../languages/parser';
import { RegionInvalidated } from '../engine/incremental';
import { mergeFindings, regionFor } from '../engine/incremental';
import { ImportSummaries } from './importSummaries';

/** Below this many lines a whole-file analysis is fast enough. */
const INCREMENTAL_MIN_LINES = 1500;
import type { WardSettings } from '../settings';
import type { DocumentSettings } from './documentSettings';
import type { DocumentStore, OpenDocument } from './documents';
import type { EngineCache } from './engines';
import { noticeDiagnostic, toDiagnostic } from './toLsp';

/** The shortest wait after a keystroke, so a burst of typing is checked once, not per key. */
const MIN_DEBOUNCE_MS = 25;

/**
 * `ward.debounceMs` is the longest wait. A document whose last check was quicker waits
 * only as long as that check took: a small file gets its squiggles at once, and while
 * someone types the server is busy at most about half the time.
 */
export function debounceFor(configured: number, lastCheckMs: number | undefined): number {
  if (lastCheckMs === undefined) return configured;
  return Math.min(configured, Math.max(MIN_DEBOUNCE_MS, Math.round(lastCheckMs)));
}

export interface CheckedDocument {
  version: number;
  findings: Finding[];
}

export type Trigger = 'open' | 'change' | 'save' | 'config';

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  readonly results = new Map<string, CheckedDocument>();
  private readonly imports = new ImportSummaries();
  /** Milliseconds from the last edit to published diagnostics, for the benchmark. */
  lastLatencyMs = 0;
  /** Marks findings the workspace's baseline file lists as suppressed (set by the server). */
  baselineFilter: ((uri: string, findings: Finding[], text: string) => Finding[]) | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly docs: DocumentStore,
    private readonly settings: DocumentSettings,
    private readonly engines: EngineCache,
    private readonly workspaceRootFor: (uri: string) => string | undefined,
    private readonly onChecked: () => void,
  ) {}

  async schedule(uri: string, trigger: Trigger): Promise<void> {
    const settings = await this.settings.get(uri);
    if (trigger === 'change' && settings.run === 'onSave') return;
    clearTimeout(this.timers.get(uri));
    const delay = trigger === 'change' ? debounceFor(settings.debounceMs, this.docs.get(uri)?.lastCheckMs) : 0;
    const editedAt = Date.now();
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.validate(uri, editedAt).catch((err: Error) => this.connection.console.error(`Ward: checking ${uri} failed: ${err.stack ?? err.message}`));
      }, delay),
    );
  }

  private excluded(uri: string, settings: WardSettings): boolean {
    if (!uri.startsWith('file:')) return false;
    const root = this.workspaceRootFor(uri);
    const path = fileURLToPath(uri);
    const rel = root ? relative(root, path) : path;
    return matchesAnyGlob(rel.startsWith('..') ? path : rel, compilePathGlobs(settings.exclude));
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.results.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Documents no grammar parses get the `generic` secret rules (when the rule set has any). */
  checksGeneric(entry: OpenDocument): boolean {
    return !entry.language && (entry.doc.uri.startsWith('file:') || entry.doc.uri.startsWith('untitled:'));
  }

  private async analyse(entry: OpenDocument, settings: WardSettings, root: string | undefined): Promise<FileResult> {
    const text = entry.doc.getText();
    const limits = { ...DEFAULT_LIMITS, maxBytes: settings.maxFileSizeMB * 1024 * 1024 };
    const { engine } = this.engines.get(settings.extraRuleFolders, root);
    if (!entry.language) {
      if (text.length > limits.maxBytes) return { findings: [], notices: [{ kind: 'skipped', message: sizeNotice(text.length, limits) }] };
      const path = entry.doc.uri.startsWith('file:') ? fileURLToPath(entry.doc.uri) : undefined;
      return engine.scanGenericText(text, { relativePath: path && root ? relative(root, path) : path });
    }
    const lang = entry.language;
    // Too big or minified: the engine says so (and still runs the secret rules on a minified file).
    const path = entry.doc.uri.startsWith('file:') ? fileURLToPath(entry.doc.uri) : undefined;
    const relativePath = path && root ? relative(root, path) : path;
    if (checkText(text, limits)) return engine.scanText(text, lang, { limits, budgetMs: settings.fileTimeBudgetMs, relativePath });
    let tree;
    try {
      tree = await engine.parse(lang, text, settings.fileTimeBudgetMs, entry.tree ?? null);
    } catch (err) {
      if (err instanceof ParseTimeout) return { findings: [], notices: [{ kind: 'skipped', message: `${err.message} (ward.fileTimeBudgetMs)` }] };
      throw err;
    }
    this.docs.setTree(entry, tree, entry.doc.version);
    // Helpers this file imports from the project, summarised from disk (cross-file taint).
    const imported = path ? await this.imports.indexFor(engine, path, text) : undefined;
    const options = { relativePath, budgetMs: settings.fileTimeBudgetMs, absolutePath: path, summaryIndex: imported?.index, incremental: true };
    const dirty = entry.dirty;
    entry.dirty = undefined;
    // A changed helper module can change findings anywhere in the file: no region then.
    const sameImports = entry.imports?.key === imported?.key;
    entry.imports = imported && { key: imported.key, modules: imported.modules };
    // A large file edited in one place: analyse the touched statements, keep the rest.
    const region = sameImports && dirty && entry.lastFindings && tree.rootNode.endPosition.row >= INCREMENTAL_MIN_LINES ? regionFor(tree, dirty) : undefined;
    if (region && dirty && !text.includes('ward-ignore-file')) {
      try {
        const partial = await engine.analyzeTree(tree, text, lang, { ...options, region });
        if (partial.notices.length === 0) {
          const findings = mergeFindings(entry.lastFindings!, partial.findings, region, dirty.lineDelta);
          entry.lastFindings = findings;
          return { findings, notices: [] };
        }
      } catch (err) {
        if (!(err instanceof RegionInvalidated)) throw err;
      }
    }
    const result = await engine.analyzeTree(tree, text, lang, options);
    entry.lastFindings = result.notices.length === 0 ? result.findings : undefined;
    return result;
  }

  async validate(uri: string, editedAt = Date.now()): Promise<void> {
    const entry = this.docs.get(uri);
    if (!entry || (!entry.language && !this.checksGeneric(entry))) return;
    const settings = await this.settings.get(uri);
    if (!settings.enable || this.excluded(uri, settings)) {
      this.clear(uri);
      this.onChecked();
      return;
    }
    const version = entry.doc.version;
    const started = performance.now();
    const result = await this.analyse(entry, settings, this.workspaceRootFor(uri));
    entry.lastCheckMs = performance.now() - started;
    // A newer edit arrived while this ran; its own check will publish.
    if (this.docs.get(uri) !== entry || entry.doc.version !== version) return;
    const policed = applyPolicy(result.findings, settings);
    const visible = (this.baselineFilter ? this.baselineFilter(uri, policed, entry.doc.getText()) : policed).filter((f) => !f.suppressed);
    this.results.set(uri, { version, findings: visible });
    const diagnostics: Diagnostic[] = [...result.notices.map(noticeDiagnostic), ...visible.map((f) => toDiagnostic(f, uri))];
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
    this.lastLatencyMs = Date.now() - editedAt;
    this.onChecked();
  }

  /** Open documents whose last check used summaries of `path` are checked again (it changed on disk). */
  revalidateImporters(path: string): void {
    for (const entry of this.docs.all()) if (entry.imports?.modules.includes(path)) void this.schedule(entry.doc.uri, 'save');
  }

  revalidateAll(): void {
    for (const entry of this.docs.all()) void this.schedule(entry.doc.uri, 'config');
  }
}

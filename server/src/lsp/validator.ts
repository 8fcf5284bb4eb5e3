/**
 * Checks open documents: debounced on typing, stale work dropped when a newer change
 * arrives, and diagnostics published for the buffer (not the file on disk). Whatever
 * happens to a check, the document ends up with diagnostics for its current text: a
 * failed analysis publishes what a narrower one finds plus a notice, and a document whose
 * text Ward lost track of publishes only a notice saying so.
 */
import { basename, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { FileResult, Finding } from '../engine/finding';
import { importedFiles } from '../engine/documentImports';
import { compilePathGlobs, matchesAnyGlob } from '../engine/globs';
import { DEFAULT_LIMITS } from '../engine/inputGuards';
import { manifestCompanions } from '../deps/scanner';
import { documentPackForPath } from '../languages/registry';
import { applyPolicy } from '../engine/policy';
import type { WardSettings } from '../settings';
import { DocumentAnalyzer } from './documentAnalysis';
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

function outOfSyncNotice(reason: string): string {
  return `the editor sent a change Ward could not apply (${reason}), so Ward's copy of this file no longer matches the editor. Save the file, or close and reopen it, to have it checked again.`;
}

/** Whether the check of `entry` (a document pack's file, a manifest) reads the file at `path` beside it or through its imports. */
function readsAlong(entry: OpenDocument, path: string): boolean {
  if (!entry.doc.uri.startsWith('file:')) return false;
  const own = fileURLToPath(entry.doc.uri);
  if (own === path) return false;
  // An open manifest's findings come from its lockfile (or includes) too, which `npm install` rewrites.
  if (manifestCompanions(own, entry.doc.getText()).includes(path)) return true;
  const pack = documentPackForPath(own);
  if (!pack?.folder) return false;
  if (dirname(own) === dirname(path)) return pack.folder.member(basename(path));
  return importedFiles(pack, own, entry.doc.getText(), DEFAULT_LIMITS).includes(path);
}

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  readonly results = new Map<string, CheckedDocument>();
  private readonly analyzer: DocumentAnalyzer;
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
  ) {
    this.analyzer = new DocumentAnalyzer(docs, engines);
  }

  async schedule(uri: string, trigger: Trigger): Promise<void> {
    if (!this.docs.get(uri)) return;
    const settings = await this.settings.get(uri);
    // Closed while the settings were fetched: no check to wait for.
    if (!this.docs.get(uri)) return;
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
    this.timers.delete(uri);
    this.results.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Documents no grammar parses get the `generic` secret rules (when the rule set has any). */
  checksGeneric(entry: OpenDocument): boolean {
    return !entry.language && (entry.doc.uri.startsWith('file:') || entry.doc.uri.startsWith('untitled:'));
  }

  async validate(uri: string, editedAt = Date.now()): Promise<void> {
    const entry = this.docs.get(uri);
    if (!entry || (!entry.language && !this.checksGeneric(entry))) return;
    const settings = await this.settings.get(uri);
    if (entry.closed) return;
    if (!settings.enable || this.excluded(uri, settings)) {
      this.clear(uri);
      this.onChecked();
      return;
    }
    const revision = entry.revision;
    const version = entry.doc.version;
    const started = performance.now();
    const result = await this.resultFor(entry, settings);
    entry.lastCheckMs = performance.now() - started;
    // A newer change arrived (or the document closed) while this ran; its own check publishes.
    if (!result || entry.closed || entry.revision !== revision) return;
    const policed = applyPolicy(result.findings, settings);
    const visible = (this.baselineFilter ? this.baselineFilter(uri, policed, entry.doc.getText()) : policed).filter((f) => !f.suppressed);
    this.results.set(uri, { version, findings: visible });
    const diagnostics: Diagnostic[] = [...result.notices.map(noticeDiagnostic), ...visible.map((f) => toDiagnostic(f, uri))];
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
    this.lastLatencyMs = Date.now() - editedAt;
    this.onChecked();
  }

  /** The findings and notices to publish for the document's current text (undefined: it changed meanwhile). */
  private async resultFor(entry: OpenDocument, settings: WardSettings): Promise<FileResult | undefined> {
    if (entry.outOfSync) return { findings: [], notices: [{ kind: 'skipped', message: outOfSyncNotice(entry.outOfSync) }] };
    const revision = entry.revision;
    const root = this.workspaceRootFor(entry.doc.uri);
    try {
      return await this.analyzer.analyse(entry, settings, root);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      this.connection.console.error(`Ward: analysing ${entry.doc.uri} failed: ${error.stack ?? error.message}`);
      // The next check analyses the whole file again.
      entry.lastFindings = undefined;
      entry.dirty = undefined;
      if (entry.closed || entry.revision !== revision) return undefined;
      return this.analyzer.fallback(entry, settings, root, error);
    }
  }

  /**
   * Open documents whose last check used summaries of `path`, or that are read together with it
   * (a document pack's folder members and the folders it draws on: a Terraform module's other
   * `.tf` files and its local modules), are checked again: it changed on disk.
   */
  revalidateImporters(path: string): void {
    for (const entry of this.docs.all()) {
      if (entry.imports?.modules.includes(path) || readsAlong(entry, path)) void this.schedule(entry.doc.uri, 'save');
    }
  }

  revalidateAll(): void {
    for (const entry of this.docs.all()) void this.schedule(entry.doc.uri, 'config');
  }
}

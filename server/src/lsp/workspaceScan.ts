/**
 * "Ward: Scan Workspace": every file of the workspace folders that Ward supports (walked
 * with .gitignore, `ward.exclude` and the size cap), scanned on worker threads (one parser
 * set per worker, so the server's own thread stays free for open files), results cached by
 * content on disk, and published for files that are not open (an open file's buffer wins:
 * the validator owns its diagnostics). After a scan, watched-file events re-scan what
 * changed; "Clear Workspace Problems" withdraws everything this published.
 *
 * This file runs the scans (full and incremental) and owns their lifecycle; the scanning
 * itself is the engine's folder scan (engine/folderScan.ts), which the CLI uses too. The parts
 * live in folderStates.ts (per-folder settings, folder scan, cache and walk),
 * scanFolderFiles.ts (a folder's files through the folder scan), workspaceChanges.ts
 * (queuing what changed) and workspaceDiagnostics.ts (what is published).
 */
import { Connection, FileEvent, WorkDoneProgressReporter } from 'vscode-languageserver';
import { describeCounts, plural, ProblemCounts } from '../problemCounts';
import type { ScanWorkspaceResult } from '../protocol';
import type { BaselineStore } from './baselines';
import type { DocumentSettings } from './documentSettings';
import type { DocumentStore } from './documents';
import type { EngineCache } from './engines';
import { FolderState, FolderStates } from './folderStates';
import { CancelFlag, Counters, FolderFileScanner } from './scanFolderFiles';
import { WorkspaceChanges } from './workspaceChanges';
import { PublishedDiagnostics, uriOf } from './workspaceDiagnostics';

export type { CancelFlag } from './scanFolderFiles';

const PROGRESS_EVERY_MS = 100;

export class WorkspaceScanner {
  private readonly states: FolderStates;
  private readonly out: PublishedDiagnostics;
  private readonly files: FolderFileScanner;
  private readonly changes: WorkspaceChanges;
  private running: { flag: CancelFlag; done: Promise<unknown> } | undefined;
  /** True after a scan until "Clear": watched-file events and closed documents re-scan. */
  active = false;

  constructor(
    private readonly connection: Connection,
    docs: DocumentStore,
    settings: DocumentSettings,
    engines: EngineCache,
    private readonly folders: () => string[],
    storageDir: string | undefined,
    baselines: BaselineStore,
    /** What Ward has published in all (open files too): the Problems panel's count. */
    private readonly problems: () => ProblemCounts,
  ) {
    this.states = new FolderStates(settings, engines, storageDir, baselines);
    this.out = new PublishedDiagnostics(connection, docs, baselines);
    this.files = new FolderFileScanner(connection, this.out);
    this.changes = new WorkspaceChanges(connection, this.states, storageDir, baselines, () => this.runIncremental());
  }

  // ---- the scan -------------------------------------------------------------------------

  /** Scans all workspace folders; a scan already running is cancelled first. */
  async scan(reporter: WorkDoneProgressReporter | undefined, flag: CancelFlag = { cancelled: false }): Promise<ScanWorkspaceResult> {
    if (this.running) {
      this.running.flag.cancelled = true;
      await this.running.done.catch(() => undefined);
    }
    const done = this.runScan(reporter, flag);
    const running = { flag, done };
    this.running = running;
    try {
      return await done;
    } finally {
      if (this.running === running) this.running = undefined;
    }
  }

  private async runScan(reporter: WorkDoneProgressReporter | undefined, flag: CancelFlag): Promise<ScanWorkspaceResult> {
    const started = Date.now();
    const counters: Counters = { total: 0, done: 0, fromCache: 0, scanned: 0, skipped: 0 };
    reporter?.begin('Ward: scanning the workspace', 0, 'finding files…', true);
    this.active = true;
    // Walk every folder first so progress has a total.
    const walked: { state: FolderState; files: string[] }[] = [];
    let walkSkips = 0;
    for (const root of this.folders()) {
      if (flag.cancelled) break;
      const state = await this.states.load(root);
      if (!state) {
        this.unpublishFolder(root);
        continue;
      }
      const files = this.states.walk(state, flag, (rel, reason) => {
        // Not files of the scan (the counts stay files): an unreadable folder, a FIFO, a name that is not UTF-8.
        if (++walkSkips <= 20) this.connection.console.info(`Ward: skipped ${rel}: ${reason}`);
        else if (walkSkips === 21) this.connection.console.info('Ward: more paths skipped (not listed)');
      });
      if (flag.cancelled) break;
      this.dropMissing(state, new Set(files));
      state.files = new Set(files);
      walked.push({ state, files });
      counters.total += files.length;
    }
    let lastReport = 0;
    const progress = (force = false): void => {
      const now = Date.now();
      if (!reporter || (!force && now - lastReport < PROGRESS_EVERY_MS)) return;
      lastReport = now;
      const pct = counters.total ? Math.floor((counters.done / counters.total) * 100) : 100;
      reporter.report(pct, `${counters.done}/${counters.total} files`);
    };
    progress(true);
    for (const { state, files } of walked) {
      if (flag.cancelled) break;
      await this.files.scanFiles(state, files, counters, flag, () => progress());
    }
    // The count the Problems panel shows (open files included), not the scan's own share of it.
    const problems = this.problems();
    const durationMs = Date.now() - started;
    const cancelled = flag.cancelled;
    const skippedText = counters.skipped ? `, ${counters.skipped} skipped (see the Ward output)` : '';
    const message = cancelled
      ? `Workspace scan cancelled after ${counters.done} of ${counters.total} files; ${describeCounts(problems)} so far.`
      : `Workspace scan: ${plural(counters.total, 'file')} (${counters.fromCache} unchanged, ${counters.scanned} scanned${skippedText}) in ${(durationMs / 1000).toFixed(1)} s: ${describeCounts(problems)}.`;
    this.connection.console.info(`Ward: ${message}`);
    reporter?.done();
    return { cancelled, ...counters, problems, durationMs, message };
  }

  /** Files that left the scan (deleted, now ignored or excluded) lose their diagnostics and cache entries. */
  private dropMissing(state: FolderState, now: ReadonlySet<string>): void {
    for (const rel of state.files) if (!now.has(rel)) this.out.unpublish(uriOf(state.root, rel));
    state.cache.retain(now);
  }

  async closePools(): Promise<void> {
    await this.states.pools.closeAll();
  }

  // ---- publishing -----------------------------------------------------------------------

  private unpublishFolder(root: string): void {
    this.out.unpublishUnder(root);
    this.states.delete(root);
  }

  /** Withdraws everything the workspace scan published and stops following file changes. */
  clear(): number {
    if (this.running) this.running.flag.cancelled = true;
    this.active = false;
    this.changes.clear();
    return this.out.clearAll();
  }

  // ---- following changes ----------------------------------------------------------------

  /** `workspace/didChangeWatchedFiles`: changed files are re-scanned, created or deleted ones re-walk their folder. */
  onWatchedFiles(changes: readonly FileEvent[]): void {
    if (!this.active) return;
    this.changes.onWatchedFiles(changes);
  }

  /** A closed document goes back to its result from disk (which the cache usually has). */
  onDocumentClosed(uri: string): void {
    if (!this.active) return;
    this.changes.onDocumentClosed(uri);
  }

  /** Settings changed: policy is re-applied and the walk redone (mostly cache hits). */
  onConfigurationChanged(): void {
    if (!this.active) return;
    this.changes.onConfigurationChanged();
  }

  private async runIncremental(): Promise<void> {
    if (!this.active) return;
    if (this.running) {
      await this.running.done.catch(() => undefined);
      if (this.changes.isEmpty()) return;
    }
    const { rewalk, pending, republish } = this.changes.take();
    const flag: CancelFlag = { cancelled: false };
    const counters: Counters = { total: 0, done: 0, fromCache: 0, scanned: 0, skipped: 0 };
    for (const root of new Set([...rewalk, ...pending.keys()])) {
      if (!this.folders().includes(root)) {
        this.unpublishFolder(root);
        continue;
      }
      const rels = new Set(pending.get(root) ?? []);
      let state: FolderState | undefined = this.states.get(root)!;
      if (rewalk.has(root)) {
        state = await this.states.load(root);
        if (!state) {
          this.unpublishFolder(root);
          continue;
        }
        const now = new Set(this.states.walk(state));
        for (const rel of now) if (!state.files.has(rel)) rels.add(rel);
        this.dropMissing(state, now);
        state.files = now;
        // Settings changed: re-apply the policy to every file (cache hits: a stat each).
        if (republish) for (const rel of now) rels.add(rel);
      }
      const list = [...rels].filter((r) => state!.files.has(r));
      counters.total += list.length;
      const before = counters.scanned;
      await this.files.scanFiles(state, list, counters, flag, () => undefined);
      if (counters.scanned > before) this.connection.console.info(`Ward: re-scanned ${counters.scanned - before} changed file(s) in ${root}`);
    }
  }

  async dispose(): Promise<void> {
    if (this.running) this.running.flag.cancelled = true;
    this.changes.cancelTimer();
    await this.closePools();
  }
}

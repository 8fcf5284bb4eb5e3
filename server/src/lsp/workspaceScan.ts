/**
 * "Ward: Scan Workspace": every file of the workspace folders that Ward supports (walked
 * with .gitignore, `ward.exclude` and the size cap), scanned on worker threads (one parser
 * set per worker, so the server's own thread stays free for open files), results cached by
 * content on disk, and published for files that are not open (an open file's buffer wins:
 * the validator owns its diagnostics). After a scan, watched-file events re-scan what
 * changed; "Clear Workspace Problems" withdraws everything this published.
 */
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { isFile, projectPath } from '../engine/paths';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Connection, FileChangeType, FileEvent, WorkDoneProgressReporter } from 'vscode-languageserver';
import { collectFiles } from '../cli/files';
import type { FileResult } from '../engine/finding';
import { DEFAULT_LIMITS, sizeNotice } from '../engine/inputGuards';
import { scanWithSummaries } from '../engine/poolScan';
import { SummaryTargets, summariseTargets } from '../engine/summaryIndex';
import type { ScanWorkspaceResult } from '../protocol';
import type { WardSettings } from '../settings';
import type { BaselineStore } from './baselines';
import type { DocumentSettings } from './documentSettings';
import type { DocumentStore } from './documents';
import { builtinRulesDir, EngineCache } from './engines';
import { FolderCache } from './resultCache';
import { ScanPools } from './scanPools';
import { PublishedDiagnostics, uriOf, WorkspaceTotals } from './workspaceDiagnostics';
import { contentHash, rulesKey } from '../engine/resultCache';

const VERSION = process.env.WARD_VERSION ?? '0.1.0';
const EMPTY: FileResult = { findings: [], notices: [] };
/** Workers stay this long after their last file, then go (their wasm heaps never shrink). */
const WATCH_DEBOUNCE_MS = 300;
const PROGRESS_EVERY_MS = 100;

export interface CancelFlag {
  cancelled: boolean;
}

interface FolderState {
  root: string;
  settings: WardSettings;
  ruleDirs: string[];
  fingerprint: string;
  cache: FolderCache;
  /** Relative paths (forward slashes) the last walk found. */
  files: Set<string>;
}

interface Counters {
  total: number;
  done: number;
  fromCache: number;
  scanned: number;
  skipped: number;
}

interface Job {
  rel: string;
  size: number;
  mtimeMs: number;
  hash: string;
  /** Imports project modules whose summaries it needs (cross-file taint). */
  importer: boolean;
}

type Prepared = { kind: 'hit'; result: FileResult } | { kind: 'scan'; job: Job } | { kind: 'skip'; reason: string } | { kind: 'gone' };


/** Runs `fn` over `items` with at most `limit` in flight. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>, flag?: CancelFlag): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && !flag?.cancelled) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export class WorkspaceScanner {
  private readonly states = new Map<string, FolderState>();
  private readonly out: PublishedDiagnostics;
  private readonly pools = new ScanPools();
  private republishAll = false;
  private running: { flag: CancelFlag; done: Promise<unknown> } | undefined;
  private pending = new Map<string, Set<string>>();
  private rewalk = new Set<string>();
  private watchTimer: NodeJS.Timeout | undefined;
  private incremental: Promise<void> = Promise.resolve();
  /** True after a scan until "Clear": watched-file events and closed documents re-scan. */
  active = false;
  /** Files scanned on workers (not from the cache) since start; for tests and the log. */
  filesScanned = 0;

  constructor(
    private readonly connection: Connection,
    docs: DocumentStore,
    private readonly settings: DocumentSettings,
    private readonly engines: EngineCache,
    private readonly folders: () => string[],
    private readonly storageDir: string | undefined,
    private readonly baselines: BaselineStore,
  ) {
    this.out = new PublishedDiagnostics(connection, docs, baselines);
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
    for (const root of this.folders()) {
      if (flag.cancelled) break;
      const state = await this.folderState(root);
      if (!state) {
        this.unpublishFolder(root);
        continue;
      }
      const files = this.walk(state, flag);
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
      await this.scanFiles(state, files, counters, flag, () => progress());
      state.cache.save();
    }
    const { findings, filesWithFindings } = this.totals();
    const durationMs = Date.now() - started;
    const cancelled = flag.cancelled;
    const skippedText = counters.skipped ? `, ${counters.skipped} skipped (see the Ward output)` : '';
    const message = cancelled
      ? `Workspace scan cancelled after ${counters.done} of ${counters.total} files; ${findings} findings so far.`
      : `Workspace scan: ${counters.total} files (${counters.fromCache} unchanged, ${counters.scanned} scanned${skippedText}), ${findings} findings in ${filesWithFindings} files, ${(durationMs / 1000).toFixed(1)} s.`;
    this.connection.console.info(`Ward: ${message}`);
    reporter?.done();
    return { cancelled, ...counters, findings, filesWithFindings, durationMs, message };
  }

  private async folderState(root: string): Promise<FolderState | undefined> {
    const settings = await this.settings.get(pathToFileURL(root).href);
    if (!settings.enable) return undefined;
    const extra = settings.extraRuleFolders.map((f) => (isAbsolute(f) ? f : resolve(root, f))).filter((f) => existsSync(f));
    const ruleDirs = [builtinRulesDir(), ...extra];
    const includeGeneric = this.engines.get(settings.extraRuleFolders, root).engine.hasGenericRules;
    // Everything that changes a file's raw result; policy settings are applied on publish.
    const fingerprint = rulesKey(ruleDirs, [VERSION, settings.maxFileSizeMB, settings.fileTimeBudgetMs, includeGeneric, ruleDirs]);
    let state = this.states.get(root);
    if (!state) {
      state = { root, settings, ruleDirs, fingerprint, cache: FolderCache.load(this.storageDir, root, fingerprint), files: new Set() };
      this.states.set(root, state);
    }
    state.settings = settings;
    state.ruleDirs = ruleDirs;
    state.fingerprint = fingerprint;
    state.cache.setFingerprint(fingerprint);
    this.baselines.refresh(root);
    return state;
  }

  /** Synchronous (files.ts is shared with the CLI): about 190 ms for 7,800 files here. */
  private walk(state: FolderState, flag?: CancelFlag): string[] {
    const includeGeneric = this.engines.get(state.settings.extraRuleFolders, state.root).engine.hasGenericRules;
    const { files } = collectFiles([state.root], { exclude: state.settings.exclude, includeGeneric, token: flag }, state.root);
    // Ward's own files (the baseline, a cache inside the folder) are not sources.
    return files.filter((f) => !(this.storageDir && f.startsWith(this.storageDir + sep))).map((f) => projectPath(state.root, f)).filter((r) => r !== '.ward-baseline.json');
  }

  /** Files that left the scan (deleted, now ignored or excluded) lose their diagnostics and cache entries. */
  private dropMissing(state: FolderState, now: ReadonlySet<string>): void {
    for (const rel of state.files) if (!now.has(rel)) this.unpublish(this.uriOf(state.root, rel));
    state.cache.retain(now);
  }

  private async prepare(state: FolderState, rel: string, targets: SummaryTargets): Promise<Prepared> {
    const abs = join(state.root, rel);
    let st;
    try {
      st = await stat(abs);
    } catch {
      return { kind: 'gone' };
    }
    if (!st.isFile()) return { kind: 'gone' };
    const maxBytes = state.settings.maxFileSizeMB * 1024 * 1024;
    if (st.size > maxBytes) return { kind: 'skip', reason: sizeNotice(st.size, { ...DEFAULT_LIMITS, maxBytes }) };
    const entry = state.cache.get(rel);
    if (entry && entry.s === st.size && entry.m === st.mtimeMs) return { kind: 'hit', result: entry.r ?? EMPTY };
    let bytes: Buffer;
    try {
      bytes = await readFile(abs);
    } catch {
      return { kind: 'gone' };
    }
    const hash = contentHash(bytes);
    if (entry && entry.h === hash) {
      state.cache.touch(rel, st.size, st.mtimeMs);
      return { kind: 'hit', result: entry.r ?? EMPTY };
    }
    // The bytes at hand also tell which helper modules its request handlers import.
    return { kind: 'scan', job: { rel, size: st.size, mtimeMs: st.mtimeMs, hash, importer: targets.addBytes(abs, bytes) } };
  }

  /** Cache hits are published at once; the rest go to the workers. */
  private async scanFiles(state: FolderState, rels: readonly string[], counters: Counters, flag: CancelFlag, onProgress: () => void): Promise<void> {
    const jobs: Job[] = [];
    // Helper modules that the scanned files' request handlers import (noted as each file is
    // read for its hash): summarised on the workers while they scan the files that do not need them.
    const { engine: main } = this.engines.get(state.settings.extraRuleFolders, state.root);
    const targets = new SummaryTargets(main, isFile);
    await eachLimited(
      rels,
      32,
      async (rel) => {
        const p = await this.prepare(state, rel, targets);
        if (p.kind === 'scan') {
          jobs.push(p.job);
          return;
        }
        counters.done++;
        if (p.kind === 'hit') {
          counters.fromCache++;
          this.publish(state, rel, p.result);
        } else if (p.kind === 'skip') {
          this.unpublish(this.uriOf(state.root, rel));
          this.logSkip(counters, rel, p.reason);
        }
        onProgress();
      },
      flag,
    );
    if (jobs.length === 0 || flag.cancelled) return;
    const byPath = new Map(jobs.map((j) => [join(state.root, j.rel), j]));
    const finished = new Set<string>();
    const onResult = (path: string, result: FileResult): void => {
      const job = byPath.get(path)!;
      finished.add(path);
      counters.done++;
      counters.scanned++;
      this.filesScanned++;
      if (result.findings.length === 0 && result.notices.some((n) => n.kind === 'skipped')) {
        this.logSkip(counters, job.rel, result.notices.map((n) => n.message).join('; '));
      }
      state.cache.set(job.rel, job.size, job.mtimeMs, job.hash, result);
      this.publish(state, job.rel, result);
      onProgress();
    };
    // Summaries are computed on the workers: this thread keeps serving the open files.
    const toScan = jobs.map((j) => ({ path: join(state.root, j.rel), relativePath: j.rel, size: j.size, importer: j.importer }));
    const pool = this.pools.acquire(`${state.fingerprint}\0${state.ruleDirs.join('\0')}`, state.ruleDirs, state.settings);
    try {
      await scanWithSummaries(pool, toScan, targets.paths, (file, result) => onResult(file.path, result), flag);
    } catch (err) {
      // Workers could not start (a broken install): scan here instead, slower but complete.
      this.connection.console.warn(`Ward: scan workers unavailable (${(err as Error).message}); scanning in the server process`);
      await this.pools.closeAll();
      const { engine } = this.engines.get(state.settings.extraRuleFolders, state.root);
      const limits = { ...DEFAULT_LIMITS, maxBytes: state.settings.maxFileSizeMB * 1024 * 1024 };
      const summaryIndex = await summariseTargets(targets.paths, (p) => engine.exportedSummaries(p));
      for (const path of byPath.keys()) {
        if (flag.cancelled) break;
        if (finished.has(path)) continue;
        const rel = byPath.get(path)!.rel;
        const result = await engine.scanFile(path, { relativePath: rel, budgetMs: state.settings.fileTimeBudgetMs, limits, summaryIndex }).catch((e: Error) => ({ findings: [], notices: [{ kind: 'skipped' as const, message: `internal error: ${e.message}` }] }));
        onResult(path, result);
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.pools.release();
    }
  }

  private logSkip(counters: Counters, rel: string, reason: string): void {
    counters.skipped++;
    if (counters.skipped <= 20) this.connection.console.info(`Ward: skipped ${rel}: ${reason}`);
    else if (counters.skipped === 21) this.connection.console.info('Ward: more files skipped (not listed)');
  }

  async closePools(): Promise<void> {
    await this.pools.closeAll();
  }

  // ---- publishing -----------------------------------------------------------------------

  private publish(state: FolderState, rel: string, result: FileResult): void {
    this.out.publish(state.root, rel, result, state.settings);
  }

  private unpublish(uri: string): void {
    this.out.unpublish(uri);
  }

  private uriOf(root: string, rel: string): string {
    return uriOf(root, rel);
  }

  private unpublishFolder(root: string): void {
    this.out.unpublishUnder(root);
    this.states.delete(root);
  }

  totals(): WorkspaceTotals {
    return this.out.totals();
  }

  /** Withdraws everything the workspace scan published and stops following file changes. */
  clear(): number {
    if (this.running) this.running.flag.cancelled = true;
    this.active = false;
    this.pending.clear();
    this.rewalk.clear();
    clearTimeout(this.watchTimer);
    return this.out.clearAll();
  }

  // ---- following changes ----------------------------------------------------------------

  private folderOf(path: string): string | undefined {
    return [...this.states.keys()].filter((r) => path.startsWith(r + sep)).sort((a, b) => b.length - a.length)[0];
  }

  /** `workspace/didChangeWatchedFiles`: changed files are re-scanned, created or deleted ones re-walk their folder. */
  onWatchedFiles(changes: readonly FileEvent[]): void {
    if (!this.active) return;
    for (const change of changes) {
      if (!change.uri.startsWith('file:')) continue;
      const path = fileURLToPath(change.uri);
      const root = this.folderOf(path);
      // Ward's own cache (when the storage folder is inside the workspace) is not a source.
      if (this.storageDir && path.startsWith(this.storageDir + sep)) continue;
      if (!root) continue;
      const rel = projectPath(root, path);
      const state = this.states.get(root)!;
      if (/(^|\/)(\.ward-baseline\.json|\.ward\.yaml)$/.test(rel)) {
        // The baseline (or the config naming it) changed: re-apply it everywhere.
        this.baselines.clear();
        this.republishAll = true;
        this.rewalk.add(root);
      } else if (change.type !== FileChangeType.Changed || rel === '.gitignore' || rel.endsWith('/.gitignore')) this.rewalk.add(root);
      else if (state.files.has(rel)) this.queue(root, rel);
    }
    this.scheduleIncremental();
  }

  /** A closed document goes back to its result from disk (which the cache usually has). */
  onDocumentClosed(uri: string): void {
    if (!this.active || !uri.startsWith('file:')) return;
    const path = fileURLToPath(uri);
    const root = this.folderOf(path);
    if (!root || !this.states.get(root)!.files.has(projectPath(root, path))) return;
    this.queue(root, projectPath(root, path));
    this.scheduleIncremental();
  }

  /** Settings changed: policy is re-applied and the walk redone (mostly cache hits). */
  onConfigurationChanged(): void {
    if (!this.active) return;
    this.republishAll = true;
    for (const root of this.states.keys()) this.rewalk.add(root);
    this.scheduleIncremental();
  }

  private queue(root: string, rel: string): void {
    let set = this.pending.get(root);
    if (!set) this.pending.set(root, (set = new Set()));
    set.add(rel);
  }

  private scheduleIncremental(): void {
    clearTimeout(this.watchTimer);
    this.watchTimer = setTimeout(() => {
      this.incremental = this.incremental.then(() => this.runIncremental()).catch((err: Error) => this.connection.console.error(`Ward: re-scan failed: ${err.stack ?? err.message}`));
    }, WATCH_DEBOUNCE_MS);
  }

  private async runIncremental(): Promise<void> {
    if (!this.active) return;
    if (this.running) {
      await this.running.done.catch(() => undefined);
      if (this.pending.size === 0 && this.rewalk.size === 0) return;
    }
    const rewalk = this.rewalk;
    const pending = this.pending;
    const republish = this.republishAll;
    this.rewalk = new Set();
    this.pending = new Map();
    this.republishAll = false;
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
        state = await this.folderState(root);
        if (!state) {
          this.unpublishFolder(root);
          continue;
        }
        const now = new Set(this.walk(state));
        for (const rel of now) if (!state.files.has(rel)) rels.add(rel);
        this.dropMissing(state, now);
        state.files = now;
        // Settings changed: re-apply the policy to every file (cache hits: a stat each).
        if (republish) for (const rel of now) rels.add(rel);
      }
      const list = [...rels].filter((r) => state!.files.has(r));
      counters.total += list.length;
      const before = counters.scanned;
      await this.scanFiles(state, list, counters, flag, () => undefined);
      state.cache.save();
      if (counters.scanned > before) this.connection.console.info(`Ward: re-scanned ${counters.scanned - before} changed file(s) in ${root}`);
    }
  }

  async dispose(): Promise<void> {
    if (this.running) this.running.flag.cancelled = true;
    clearTimeout(this.watchTimer);
    await this.closePools();
  }
}

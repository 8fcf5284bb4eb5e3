/**
 * What the workspace scan must redo after a scan: watched-file events, closed documents and
 * settings changes, collected as files to re-scan and folders to re-walk, and debounced into
 * one incremental run at a time (`run`, supplied by the scanner, takes the queued work).
 */
import { basename, posix, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection, FileChangeType, FileEvent } from 'vscode-languageserver';
import { manifestKind } from '../deps/manifests';
import { projectPath } from '../engine/paths';
import type { BaselineStore } from './baselines';
import type { FolderStates } from './folderStates';

/** Lets a burst of file events (a checkout, a formatter over many files) become one re-scan. */
const WATCH_DEBOUNCE_MS = 300;

export interface QueuedChanges {
  /** Folders to walk again (files created or deleted, ignore files or settings changed). */
  rewalk: Set<string>;
  /** Per folder, relative paths of files to re-scan. */
  pending: Map<string, Set<string>>;
  /** Re-apply the policy (baseline, settings) to every file of the re-walked folders. */
  republish: boolean;
}

export class WorkspaceChanges {
  private republishAll = false;
  private pending = new Map<string, Set<string>>();
  private rewalk = new Set<string>();
  private watchTimer: NodeJS.Timeout | undefined;
  private incremental: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly states: FolderStates,
    private readonly storageDir: string | undefined,
    private readonly baselines: BaselineStore,
    private readonly run: () => Promise<void>,
  ) {}

  /** `workspace/didChangeWatchedFiles`: changed files are re-scanned, created or deleted ones re-walk their folder. */
  onWatchedFiles(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      if (!change.uri.startsWith('file:')) continue;
      const path = fileURLToPath(change.uri);
      const root = this.states.folderOf(path);
      // Ward's own cache (when the storage folder is inside the workspace) is not a source.
      if (this.storageDir && path.startsWith(this.storageDir + sep)) continue;
      if (!root) continue;
      const rel = projectPath(root, path);
      const state = this.states.get(root)!;
      // The manifests beside a manifest or lockfile may read it (package.json its lockfile after
      // `npm install`, a lockfile its package.json), and so may those of its ecosystem below it
      // (a workspace's package.json the root's lockfile, a module's pom.xml its parent's):
      // checked again, the unaffected from the cache.
      const kind = manifestKind(basename(path));
      if (kind) {
        const dir = posix.dirname(rel);
        const below = dir === '.' ? '' : `${dir}/`;
        for (const other of state.files) {
          if (other === rel || !other.startsWith(below)) continue;
          const otherKind = manifestKind(posix.basename(other));
          if (otherKind && (posix.dirname(other) === dir || otherKind.ecosystem === kind.ecosystem)) this.queue(root, other);
        }
      }
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
    if (!uri.startsWith('file:')) return;
    const path = fileURLToPath(uri);
    const root = this.states.folderOf(path);
    if (!root || !this.states.get(root)!.files.has(projectPath(root, path))) return;
    this.queue(root, projectPath(root, path));
    this.scheduleIncremental();
  }

  /** Settings changed: policy is re-applied and the walk redone (mostly cache hits). */
  onConfigurationChanged(): void {
    this.republishAll = true;
    for (const root of this.states.roots()) this.rewalk.add(root);
    this.scheduleIncremental();
  }

  isEmpty(): boolean {
    return this.pending.size === 0 && this.rewalk.size === 0;
  }

  /** The queued work, handed over once: the queue starts again empty. */
  take(): QueuedChanges {
    const queued = { rewalk: this.rewalk, pending: this.pending, republish: this.republishAll };
    this.rewalk = new Set();
    this.pending = new Map();
    this.republishAll = false;
    return queued;
  }

  /** Drops the queued files and folders and any run not yet started. */
  clear(): void {
    this.pending.clear();
    this.rewalk.clear();
    clearTimeout(this.watchTimer);
  }

  /** Stops a run not yet started. */
  cancelTimer(): void {
    clearTimeout(this.watchTimer);
  }

  private queue(root: string, rel: string): void {
    let set = this.pending.get(root);
    if (!set) this.pending.set(root, (set = new Set()));
    set.add(rel);
  }

  private scheduleIncremental(): void {
    clearTimeout(this.watchTimer);
    this.watchTimer = setTimeout(() => {
      this.incremental = this.incremental.then(() => this.run()).catch((err: Error) => this.connection.console.error(`Ward: re-scan failed: ${err.stack ?? err.message}`));
    }, WATCH_DEBOUNCE_MS);
  }
}

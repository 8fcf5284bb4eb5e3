/**
 * The workspace scan's state per workspace folder: its settings, its rule folders and the
 * fingerprint of everything that changes a file's raw result (which keys its disk cache),
 * and the files its last walk found (.gitignore, `ward.exclude` and Ward's own files applied).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { collectFiles } from '../cli/files';
import { projectPath } from '../engine/paths';
import { rulesKey } from '../engine/resultCache';
import type { WardSettings } from '../settings';
import type { BaselineStore } from './baselines';
import type { DocumentSettings } from './documentSettings';
import { builtinRulesDir, EngineCache } from './engines';
import { FolderCache } from './resultCache';
import type { CancelFlag } from './scanFolderFiles';

const VERSION = process.env.WARD_VERSION ?? '0.1.0';

export interface FolderState {
  root: string;
  settings: WardSettings;
  ruleDirs: string[];
  fingerprint: string;
  cache: FolderCache;
  /** Relative paths (forward slashes) the last walk found. */
  files: Set<string>;
}

export class FolderStates {
  private readonly states = new Map<string, FolderState>();

  constructor(
    private readonly settings: DocumentSettings,
    private readonly engines: EngineCache,
    private readonly storageDir: string | undefined,
    private readonly baselines: BaselineStore,
  ) {}

  get(root: string): FolderState | undefined {
    return this.states.get(root);
  }

  delete(root: string): void {
    this.states.delete(root);
  }

  roots(): IterableIterator<string> {
    return this.states.keys();
  }

  /** The folder's state with current settings (created, with its cache, on first use); undefined when Ward is disabled there. */
  async load(root: string): Promise<FolderState | undefined> {
    const settings = await this.settings.get(pathToFileURL(root).href);
    if (!settings.enable) return undefined;
    const extra = settings.extraRuleFolders.map((f) => (isAbsolute(f) ? f : resolve(root, f))).filter((f) => existsSync(f));
    const ruleDirs = [builtinRulesDir(), ...extra];
    const includeGeneric = this.engines.get(settings.extraRuleFolders, root, settings.advisories).engine.hasGenericRules;
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
  walk(state: FolderState, flag?: CancelFlag, onSkipped?: (rel: string, reason: string) => void): string[] {
    const includeGeneric = this.engines.get(state.settings.extraRuleFolders, state.root, state.settings.advisories).engine.hasGenericRules;
    const { files, skipped } = collectFiles([state.root], { exclude: state.settings.exclude, includeGeneric, token: flag }, state.root);
    // Unreadable folders, FIFOs, names that are not UTF-8: said in the log, like unreadable files.
    for (const s of skipped) onSkipped?.(projectPath(state.root, s.path) || '.', s.message);
    // Ward's own files (the baseline, a cache inside the folder) are not sources.
    return files.filter((f) => !(this.storageDir && f.startsWith(this.storageDir + sep))).map((f) => projectPath(state.root, f)).filter((r) => r !== '.ward-baseline.json');
  }

  /** The innermost known folder holding `path`. */
  folderOf(path: string): string | undefined {
    return [...this.states.keys()].filter((r) => path.startsWith(r + sep)).sort((a, b) => b.length - a.length)[0];
  }
}

/**
 * One Engine per distinct set of rule folders (built-in rules plus a workspace's
 * `ward.extraRuleFolders`), loaded on first use and reported once.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { builtinRulesDir } from '../engine/builtinRules';
import { Engine } from '../engine/scan';
import { loadEngine } from '../wiring/engineLoader';
import { ruleFolderProblem } from '../engine/ruleFolders';
import type { RuleLoadError } from '../engine/rule';
import { ParserPool } from '../languages/parser';
import { existsSync as exists } from 'node:fs';
import { join } from 'node:path';
import { AdvisoryStore, defaultAdvisoryFolder, describeDates } from '../deps/advisoryStore';
import type { DependencyCheckOptions } from '../deps/scanner';
import type { AdvisorySettings } from '../settings';
import { loadConfig } from '../engine/config';
import type { IgnoreEntry } from '../engine/ignoreList';

/** The extension's own advisory folder (global storage), set from the client's initialization options. */
let extensionFolder: string | undefined;
export function setExtensionAdvisoryFolder(folder: string | undefined): void {
  extensionFolder = folder;
}
export function extensionAdvisoryFolder(): string | undefined {
  return extensionFolder;
}

/**
 * The advisory database the editor's dependency rules read: `ward.advisories.folder`, else
 * the extension's global storage when it holds a database, else the CLI's folder
 * (~/.cache/ward/advisories), so `ward advisories update` in a terminal serves both.
 */
export function editorDependencyOptions(advisories: AdvisorySettings | undefined, ignore: IgnoreEntry[] = []): DependencyCheckOptions {
  const own = extensionFolder && ['npm', 'PyPI', 'Maven', 'Go'].some((e) => exists(join(extensionFolder!, e, 'meta.json'))) ? extensionFolder : undefined;
  return { folder: advisories?.folder || own || defaultAdvisoryFolder(), maxAgeDays: advisories?.maxAgeDays ?? 7, ignore };
}

/**
 * The advisories the folder's `.ward.yaml` accepts (`ignore:`), as `ward scan` reads them, so
 * the editor and CI agree; none when the file cannot be read (the CLI says why).
 */
function workspaceIgnoreList(root: string | undefined): IgnoreEntry[] {
  if (!root) return [];
  try {
    return loadConfig(undefined, root).ignore;
  } catch {
    return [];
  }
}

/** "Advisory database (FOLDER): npm 2024-06-01, PyPI 2024-05-30", for the status bar tooltip. */
export function describeAdvisoryDatabase(advisories: AdvisorySettings | undefined): string {
  const { folder } = editorDependencyOptions(advisories);
  const dates = describeDates(new AdvisoryStore(folder).status());
  return `Advisory database: ${dates === 'none imported' ? 'none (run "ward advisories update")' : dates}, in ${folder}`;
}

export { builtinRulesDir };

export interface LoadedEngine {
  engine: Engine;
  errors: RuleLoadError[];
  /** Extra rule folders that cannot be used (missing, a file, unreadable), one sentence each with the path. */
  folderProblems: string[];
}

export class EngineCache {
  private readonly engines = new Map<string, LoadedEngine>();
  readonly parsers = new ParserPool();

  constructor(private readonly onLoaded: (loaded: LoadedEngine) => void) {}

  /** The advisory settings of the latest request, for the status bar's tooltip. */
  lastAdvisories: AdvisorySettings | undefined;

  /** The dependency options for a folder: the database of these settings, the ignore list of its `.ward.yaml` (read once until clear()). */
  dependencyOptions(workspaceRoot: string | undefined, advisories: AdvisorySettings | undefined): DependencyCheckOptions {
    const root = workspaceRoot ?? '';
    let ignore = this.ignoreLists.get(root);
    if (!ignore) this.ignoreLists.set(root, (ignore = workspaceIgnoreList(workspaceRoot)));
    return editorDependencyOptions(advisories, ignore);
  }
  private readonly ignoreLists = new Map<string, IgnoreEntry[]>();

  get(extraFolders: readonly string[], workspaceRoot: string | undefined, advisories?: AdvisorySettings): LoadedEngine {
    if (advisories) this.lastAdvisories = advisories;
    const folders = extraFolders.map((f) => (isAbsolute(f) || !workspaceRoot ? f : resolve(workspaceRoot, f)));
    const deps = this.dependencyOptions(workspaceRoot, advisories);
    const key = [...folders, deps.folder, deps.maxAgeDays, JSON.stringify(deps.ignore)].join('\0');
    let loaded = this.engines.get(key);
    if (!loaded) {
      const problems = folders.map((f) => ruleFolderProblem(f));
      const { engine, errors } = loadEngine([builtinRulesDir(), ...folders.filter((_, i) => !problems[i])], this.parsers, deps);
      // A broken install (no rules beside the bundle) would otherwise look like clean code everywhere.
      const builtin = ruleFolderProblem(builtinRulesDir());
      const missing = builtin ? [`Ward's built-in rules are missing (${builtin}): reinstall the extension`] : [];
      loaded = { engine, errors, folderProblems: [...missing, ...problems.filter((p): p is string => !!p)] };
      this.engines.set(key, loaded);
      this.onLoaded(loaded);
    }
    return loaded;
  }

  clear(): void {
    this.engines.clear();
    this.ignoreLists.clear();
  }
}

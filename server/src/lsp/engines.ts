/**
 * One Engine per distinct set of rule folders (built-in rules plus a workspace's
 * `ward.extraRuleFolders`), loaded on first use and reported once.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { builtinRulesDir } from '../engine/builtinRules';
import { Engine } from '../engine/scan';
import { loadEngine } from '../engine/engineLoader';
import { ruleFolderProblem } from '../engine/ruleFolders';
import type { RuleLoadError } from '../engine/rule';
import { ParserPool } from '../languages/parser';
import { defaultAdvisoryFolder } from '../deps/advisoryStore';
import type { DependencyCheckOptions } from '../deps/scanner';
import type { AdvisorySettings } from '../settings';

/** The advisory database the editor's dependency rules read (the same folder as the CLI's by default). */
export function editorDependencyOptions(advisories: AdvisorySettings | undefined): DependencyCheckOptions {
  return { folder: advisories?.folder || defaultAdvisoryFolder(), maxAgeDays: advisories?.maxAgeDays ?? 7, ignore: [] };
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

  get(extraFolders: readonly string[], workspaceRoot: string | undefined, advisories?: AdvisorySettings): LoadedEngine {
    const folders = extraFolders.map((f) => (isAbsolute(f) || !workspaceRoot ? f : resolve(workspaceRoot, f)));
    const deps = editorDependencyOptions(advisories);
    const key = [...folders, deps.folder, deps.maxAgeDays].join('\0');
    let loaded = this.engines.get(key);
    if (!loaded) {
      const problems = folders.map((f) => ruleFolderProblem(f));
      const { engine, errors } = loadEngine([builtinRulesDir(), ...folders.filter((_, i) => !problems[i])], this.parsers, deps);
      loaded = { engine, errors, folderProblems: problems.filter((p): p is string => !!p) };
      this.engines.set(key, loaded);
      this.onLoaded(loaded);
    }
    return loaded;
  }

  clear(): void {
    this.engines.clear();
  }
}

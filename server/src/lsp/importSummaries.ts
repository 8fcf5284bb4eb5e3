/**
 * Cross-file taint in the editor: the project modules an open file imports are
 * summarised from disk (and kept until the module file changes), so a flow from a handler
 * into a helper in another file is found while typing, as in the CLI.
 */
import { statSync } from 'node:fs';
import { isFile } from '../engine/paths';
import type { Engine } from '../engine/scan';
import { SummaryTargets } from '../engine/summaryIndex';
import type { ModuleSummaries, SummaryIndex } from '../engine/summaryTypes';

interface Entry {
  mtimeMs: number;
  size: number;
  summaries: ModuleSummaries;
}

const MAX_MODULES = 500;

export class ImportSummaries {
  private readonly cache = new Map<string, Entry>();

  /**
   * Summaries of the modules `text` (at `path`) imports from the project (undefined when
   * none), with `key`, which changes when any of those modules changes on disk.
   */
  async indexFor(engine: Engine, path: string, text: string): Promise<{ index: SummaryIndex; key: string; modules: string[] } | undefined> {
    const targets = new SummaryTargets(engine, isFile);
    if (targets.add(path, text).length === 0) return undefined;
    const modules = targets.paths;
    const index: SummaryIndex = new Map();
    for (const target of modules) index.set(target, await this.summaries(engine, target));
    const key = modules.map((m) => `${m}@${this.cache.get(m)?.mtimeMs ?? 0}:${this.cache.get(m)?.size ?? 0}`).join('\n');
    return { index, key, modules };
  }

  private async summaries(engine: Engine, file: string): Promise<ModuleSummaries> {
    let st;
    try {
      st = statSync(file);
    } catch {
      return new Map();
    }
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.summaries;
    const summaries = await engine.exportedSummaries(file);
    if (this.cache.size >= MAX_MODULES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(file, { mtimeMs: st.mtimeMs, size: st.size, summaries });
    return summaries;
  }
}

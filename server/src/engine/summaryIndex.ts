/**
 * Before a project scan: the modules that files with request handlers import from the
 * project itself are summarised, so a flow from a handler into a helper in another file
 * is followed (one import deep).
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { languageForPath } from '../languages/registry';
import { projectImports, resolveModule, SummaryIndex } from '../taint/crossFile';
import { decodeBytes } from './inputGuards';
import type { Engine } from './scan';

export interface BuiltIndex {
  index: SummaryIndex;
  /** Changes when any summarised module's content changes (for result caches). */
  key: string;
}

export async function buildSummaryIndex(engine: Engine, files: readonly string[], project: readonly string[] | ((path: string) => boolean) = files): Promise<BuiltIndex> {
  const index: SummaryIndex = new Map();
  const taint = engine.taint;
  const taintRules = engine.rules.filter((r) => r.mode === 'taint');
  if (!taint || taintRules.length === 0) return { index, key: '' };
  const knownSet = typeof project === 'function' ? undefined : new Set(project);
  const isKnown = typeof project === 'function' ? project : (p: string): boolean => knownSet!.has(p);
  const targets = new Set<string>();
  for (const file of files) {
    const lang = languageForPath(file);
    if (!lang) continue;
    let text: string;
    try {
      const decoded = decodeBytes(readFileSync(file));
      if ('skip' in decoded) continue;
      text = decoded.text;
    } catch {
      continue;
    }
    if (!taint.mayHaveHandlers(text, lang.family)) continue;
    for (const spec of projectImports(text, lang.family)) {
      const target = resolveModule(file, spec, lang.family, isKnown);
      if (target && target !== file) targets.add(target);
    }
  }
  const hash = createHash('sha1');
  for (const target of [...targets].sort()) {
    index.set(target, await engine.exportedSummaries(target));
    try {
      hash.update(target).update(readFileSync(target));
    } catch {
      // gone: the summary is empty and so is its part of the key
    }
  }
  return { index, key: targets.size > 0 ? hash.digest('hex').slice(0, 16) : '' };
}

/**
 * Before a project scan: the modules that files with request handlers import from the
 * project itself are summarised, so a flow from a handler into a helper in another file
 * is followed (one import deep, and through the modules those pass on: re-exports).
 *
 * Two steps, so callers can fold the first into a read they do anyway and run the second
 * on scan workers: `SummaryTargets` notes, file by file, which project modules handlers
 * import; `summariseTargets` computes their summaries.
 */
import { readFileSync } from 'node:fs';
import { languageForPath } from '../languages/registry';
import { decodeBytes } from './inputGuards';
import type { Engine } from './scan';
import type { ModuleSummaries, SummaryIndex } from './summaryTypes';

/** How many re-exports deep a helper module's passed-on modules are followed (a barrel of barrels). */
const PASSED_ON_DEPTH = 3;

export interface BuiltIndex {
  index: SummaryIndex;
}

export type Summariser = (path: string) => Promise<ModuleSummaries>;

export class SummaryTargets {
  private readonly targets = new Set<string>();
  private readonly passedOnCache = new Map<string, string[]>();
  private readonly isKnown: (path: string) => boolean;
  private readonly active: boolean;

  constructor(
    private readonly engine: Engine,
    project: readonly string[] | ((path: string) => boolean),
  ) {
    const knownSet = typeof project === 'function' ? undefined : new Set(project);
    this.isKnown = typeof project === 'function' ? project : (p: string): boolean => knownSet!.has(p);
    this.active = !!engine.taint && engine.rules.some((r) => r.mode === 'taint');
  }

  /** Whether `file` could import helpers: its text is worth reading for `add`. */
  wants(file: string): boolean {
    return this.active && !!languageForPath(file);
  }

  /**
   * Notes what `file` (whose text the caller has read) imports, if it has request
   * handlers; returns those modules (empty when its analysis uses no other file's summaries).
   */
  add(file: string, text: string): string[] {
    const lang = this.active ? languageForPath(file) : undefined;
    if (!lang) return [];
    const helpers = this.engine.taint!.helperModules(file, text, lang.family, this.isKnown);
    for (const target of helpers) this.targets.add(target);
    return helpers;
  }

  /** As `add`, from the bytes the caller read (a binary or non-code file imports nothing). */
  addBytes(file: string, bytes: Uint8Array): string[] {
    if (!this.wants(file)) return [];
    const decoded = decodeBytes(bytes);
    return 'text' in decoded ? this.add(file, decoded.text) : [];
  }

  /** Reads `file` and notes its imports (see add); an unreadable file has none. */
  addFile(file: string): string[] {
    if (!this.wants(file)) return [];
    try {
      return this.addBytes(file, readFileSync(file));
    } catch {
      return []; // gone or unreadable: nothing to follow
    }
  }

  /**
   * The helper modules to summarise: those handlers import, and the modules they pass on
   * (re-exports, followed PASSED_ON_DEPTH deep), whose summaries a name read through them needs.
   */
  get paths(): string[] {
    const all = new Set(this.targets);
    let layer = [...this.targets];
    for (let depth = 0; depth < PASSED_ON_DEPTH && layer.length > 0; depth++) {
      const next: string[] = [];
      for (const file of layer) {
        for (const target of this.passedOn(file)) {
          if (all.has(target)) continue;
          all.add(target);
          next.push(target);
        }
      }
      layer = next;
    }
    return [...all].sort();
  }

  /** The modules `file` re-exports (read once per file; an unreadable file passes nothing on). */
  private passedOn(file: string): string[] {
    let found = this.passedOnCache.get(file);
    if (found) return found;
    found = [];
    const lang = languageForPath(file);
    if (lang) {
      try {
        const decoded = decodeBytes(readFileSync(file));
        if ('text' in decoded) found = this.engine.taint!.passedOnModules(file, decoded.text, lang.family, this.isKnown);
      } catch {
        // gone or unreadable: nothing to follow
      }
    }
    this.passedOnCache.set(file, found);
    return found;
  }
}

export async function summariseTargets(paths: readonly string[], summarise: Summariser): Promise<SummaryIndex> {
  const index: SummaryIndex = new Map();
  const summaries = await Promise.all(paths.map((p) => summarise(p).catch((): ModuleSummaries => new Map())));
  paths.forEach((p, i) => index.set(p, summaries[i]!));
  return index;
}

/** Both steps in this thread (rule tests, small scans). */
export async function buildSummaryIndex(engine: Engine, files: readonly string[], project: readonly string[] | ((path: string) => boolean) = files): Promise<BuiltIndex> {
  const targets = new SummaryTargets(engine, project);
  for (const file of files) targets.addFile(file);
  return { index: await summariseTargets(targets.paths, (p) => engine.exportedSummaries(p)) };
}

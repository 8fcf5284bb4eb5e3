/**
 * Before a project scan: the modules that files with request handlers import from the
 * project itself are summarised, so a flow from a handler into a helper in another file
 * is followed (one import deep).
 *
 * Two steps, so callers can fold the first into a read they do anyway and run the second
 * on scan workers: `SummaryTargets` notes, file by file, which project modules handlers
 * import; `summariseTargets` computes their summaries.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { languageForPath } from '../languages/registry';
import type { Summary } from '../taint/context';
import type { SummaryIndex } from '../taint/crossFile';
import { taintSyntaxFor } from '../languages/registry';
import { decodeBytes } from './inputGuards';
import type { Engine } from './scan';

export interface BuiltIndex {
  index: SummaryIndex;
  /** Changes when any summarised module's content changes (for result caches). */
  key: string;
}

export type Summariser = (path: string) => Promise<Map<string, Summary>>;

export class SummaryTargets {
  private readonly targets = new Set<string>();
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

  /**
   * Notes what `file` (whose text the caller has read) imports, if it has request
   * handlers; true when its analysis will use summaries of other files.
   */
  add(file: string, text: string): boolean {
    if (!this.active) return false;
    const lang = languageForPath(file);
    if (!lang || !this.engine.taint!.mayHaveHandlers(text, lang.family)) return false;
    let imports = false;
    const modules = taintSyntaxFor(lang.family).modules;
    for (const spec of modules.projectImports(text)) {
      const target = modules.resolve(file, spec, this.isKnown);
      if (target && target !== file) {
        this.targets.add(target);
        imports = true;
      }
    }
    return imports;
  }

  /** As `add`, from the bytes the caller read (a binary or non-code file imports nothing). */
  addBytes(file: string, bytes: Uint8Array): boolean {
    if (!this.active || !languageForPath(file)) return false;
    const decoded = decodeBytes(bytes);
    return 'text' in decoded && this.add(file, decoded.text);
  }

  /** Reads `file` and notes its imports (see add); an unreadable file has none. */
  addFile(file: string): boolean {
    if (!this.active || !languageForPath(file)) return false;
    try {
      return this.addBytes(file, readFileSync(file));
    } catch {
      return false; // gone or unreadable: nothing to follow
    }
  }

  get paths(): string[] {
    return [...this.targets].sort();
  }

  /** A hash of the targets' contents: what a cached result of an importing file depends on. */
  key(): string {
    if (this.targets.size === 0) return '';
    const hash = createHash('sha1');
    for (const target of this.paths) {
      try {
        hash.update(target).update(readFileSync(target));
      } catch {
        // gone: the summary is empty and so is its part of the key
      }
    }
    return hash.digest('hex').slice(0, 16);
  }
}

export async function summariseTargets(paths: readonly string[], summarise: Summariser): Promise<SummaryIndex> {
  const index: SummaryIndex = new Map();
  const summaries = await Promise.all(paths.map((p) => summarise(p).catch(() => new Map<string, Summary>())));
  paths.forEach((p, i) => index.set(p, summaries[i]!));
  return index;
}

/** Both steps in this thread (rule tests, small scans). */
export async function buildSummaryIndex(engine: Engine, files: readonly string[], project: readonly string[] | ((path: string) => boolean) = files): Promise<BuiltIndex> {
  const targets = new SummaryTargets(engine, project);
  for (const file of files) targets.addFile(file);
  return { index: await summariseTargets(targets.paths, (p) => engine.exportedSummaries(p)), key: targets.key() };
}

/**
 * Where the advisory database lives and what it holds. One folder (default
 * ~/.cache/ward/advisories; WARD_ADVISORIES_DIR or the `advisories.folder` setting
 * overrides it; the extension passes its global storage) with one index per ecosystem.
 * Scans only read it; `ward advisories update|import` write it (advisoryImport.ts).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { EcosystemIndex, IndexMeta, readMeta } from './advisoryIndex';
import { Ecosystem, ECOSYSTEMS } from './ecosystem';

export const FOLDER_ENV = 'WARD_ADVISORIES_DIR';

/** The folder the CLI uses when nothing names another. */
export function defaultAdvisoryFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env[FOLDER_ENV]) return env[FOLDER_ENV]!;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'ward', 'advisories');
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'ward', 'advisories');
}

/** How often (ms) an open index checks whether an update replaced it. */
const RECHECK_MS = 2000;

export class AdvisoryStore {
  private readonly open = new Map<Ecosystem, { index: EcosystemIndex | undefined; checkedAt: number }>();

  constructor(readonly folder: string) {}

  /** The ecosystem's index, reopened when an update replaced it; undefined when it was never imported. */
  index(ecosystem: Ecosystem, now = Date.now()): EcosystemIndex | undefined {
    const dir = join(this.folder, ecosystem);
    const held = this.open.get(ecosystem);
    if (held && now - held.checkedAt < RECHECK_MS) return held.index;
    if (held?.index && held.index.sameFileAs(dir)) {
      held.checkedAt = now;
      return held.index;
    }
    held?.index?.close();
    const index = EcosystemIndex.open(dir);
    this.open.set(ecosystem, { index, checkedAt: now });
    return index;
  }

  /** What each ecosystem's index says about itself (undefined: not imported). */
  status(): Map<Ecosystem, IndexMeta | undefined> {
    return new Map(ECOSYSTEMS.map((e) => [e, readMeta(join(this.folder, e))]));
  }

  close(): void {
    for (const { index } of this.open.values()) index?.close();
    this.open.clear();
  }
}

/** Whole days from `iso` to `now`, rounded down (0 for a date in the future). */
export function ageInDays(iso: string, now: number): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Infinity : Math.max(0, Math.floor((now - t) / 86400000));
}

/** "npm 2024-05-01" style dates of the imported ecosystems, for tooltips and report headers. */
export function describeDates(status: Map<Ecosystem, IndexMeta | undefined>): string {
  const parts = [...status].filter(([, m]) => m).map(([e, m]) => `${e} ${(m!.newestRecord || m!.importedAt).slice(0, 10)}`);
  return parts.length > 0 ? parts.join(', ') : 'none imported';
}

/** What changes when the database is updated (each ecosystem's import time), for result caches' keys. */
export function databaseStamp(folder: string): string {
  return ECOSYSTEMS.map((e) => readMeta(join(folder, e))?.importedAt ?? '-').join(',');
}

/**
 * Content-hash result cache for folder scans (`ward scan --cache DIR`): a file whose bytes,
 * path and rule set are unchanged gets its previous result without being parsed.
 *
 * The key is sha256(rules key, relative path, file content hash). The rules key hashes
 * Ward's version, every file in the rule folders (rules and taint models) and the scan
 * options that change results, so editing a rule or upgrading Ward drops the whole cache.
 * Results are cached before policy (severity overrides, disabled rules, minimum severity)
 * and baselines, which are cheap to re-apply. Partial or failed results are not cached.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileResult } from './finding';

const CACHE_FILE = 'ward-results-v1.json';
/** Past this many entries, those not used by the latest scan are dropped on save. */
const MAX_ENTRIES = 100_000;

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Hash of every file under the rule folders plus `extra` (version, options). */
export function rulesKey(ruleDirs: readonly string[], extra: unknown): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(extra));
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      let st;
      try {
        st = statSync(full);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(full);
      else if (st.isFile() && /\.(ya?ml|json)$/i.test(name)) {
        h.update(full).update('\0').update(readFileSync(full)).update('\0');
      }
    }
  };
  for (const d of ruleDirs) walk(d);
  return h.digest('hex');
}

/** Whether a result is the same on every run (no time-budget or worker trouble in it). */
export function cacheable(result: FileResult): boolean {
  // Skips and partial analyses of a deep or minified file are; time budgets, crashes and reads are not.
  return result.notices.every((n) => n.kind !== 'rule-error' && !/longer than|budget|worker|internal error|failed|cannot read/.test(n.message));
}

interface CacheData {
  rulesKey: string;
  entries: Record<string, FileResult>;
}

export class ResultCache {
  private entries = new Map<string, FileResult>();
  private readonly used = new Set<string>();
  private dirty = false;
  hits = 0;
  misses = 0;

  constructor(
    readonly dir: string,
    readonly rulesKeyValue: string,
  ) {
    try {
      const data = JSON.parse(readFileSync(join(dir, CACHE_FILE), 'utf8')) as CacheData;
      if (data.rulesKey === rulesKeyValue && data.entries && typeof data.entries === 'object') {
        this.entries = new Map(Object.entries(data.entries));
      } else this.dirty = true;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  key(relativePath: string, hash: string): string {
    return createHash('sha256').update(`${relativePath}\0${hash}`).digest('hex').slice(0, 40);
  }

  get(key: string): FileResult | undefined {
    const r = this.entries.get(key);
    if (r) {
      this.hits++;
      this.used.add(key);
    } else this.misses++;
    return r;
  }

  set(key: string, result: FileResult): void {
    if (!cacheable(result)) return;
    this.entries.set(key, result);
    this.used.add(key);
    this.dirty = true;
  }

  /** Writes the cache atomically (temp file + rename); errors are the caller's to report. */
  save(): void {
    if (!this.dirty) return;
    if (this.entries.size > MAX_ENTRIES) {
      for (const k of [...this.entries.keys()]) if (!this.used.has(k)) this.entries.delete(k);
    }
    mkdirSync(this.dir, { recursive: true });
    const data: CacheData = { rulesKey: this.rulesKeyValue, entries: Object.fromEntries(this.entries) };
    const tmp = join(this.dir, `${CACHE_FILE}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, join(this.dir, CACHE_FILE));
    this.dirty = false;
  }
}

/**
 * The folder scan's result cache, one per scan root: a file whose content, path and rule set
 * are unchanged gets its previous result without being parsed. One implementation with two
 * places to live (a CacheStore): `ward scan --cache DIR` keeps it in that folder, the
 * language server in the editor's workspace storage (or in memory only, without one).
 *
 * An entry is keyed by the file's path relative to the root and checked by size and mtime
 * first (no read), then by the sha256 of its content (a touched but unchanged file, a fresh
 * checkout in CI, a branch switched back and forth). The entry of a file whose request
 * handlers import helper modules also holds those modules' content hashes, so a changed
 * helper re-scans the files that use its summaries. The whole cache is dropped when its
 * fingerprint changes: Ward's version, every file in the rule folders (rules and taint
 * models) and the options that change raw results. Results are cached before policy
 * (severity overrides, disabled rules, minimum severity) and baselines, which are cheap to
 * re-apply; a result another run could give differently (a time budget ran out, a worker
 * failed, a read failed) is not cached.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileResult } from './finding';

const FORMAT = 2;
/** Past this many entries, those not used by the latest scan are dropped on save. */
const MAX_ENTRIES = 100_000;

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Hash of every file under the rule folders plus `extra` (version, options). */
export function rulesKey(ruleDirs: readonly string[], extra: unknown): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(extra));
  // Linked folders are followed once per real folder, as the rule loader does: a link to a parent would never end.
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
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

export interface CacheEntry {
  /** Size in bytes and mtime (ms) when the entry was made. */
  s: number;
  m: number;
  /** sha256 of the content, hex. */
  h: string;
  /** The raw result; left out when the file had no findings and no notices. */
  r?: FileResult;
  /** Helper modules the file's handlers import (paths relative to the root) → their content hash. */
  d?: Record<string, string>;
}

interface CacheData {
  format: number;
  fingerprint: string;
  entries: Record<string, CacheEntry>;
}

/** Where a cache is kept between runs. */
export interface CacheStore {
  /** For messages: the file, or "memory". */
  readonly where: string;
  /** The saved text, or undefined when there is none (or it cannot be read). */
  read(): string | undefined;
  /** Replaces the saved text; throws when it cannot. */
  write(text: string): void;
}

/** A cache file, written whole (temp file + rename) so a reader never sees half of it. */
export function fileStore(file: string): CacheStore {
  return {
    where: file,
    read: () => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    write: (text) => {
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    },
  };
}

/** No place on disk: the cache lasts as long as its ResultCache object. */
export function memoryStore(): CacheStore {
  return { where: 'memory', read: () => undefined, write: () => undefined };
}

export class ResultCache {
  private entries = new Map<string, CacheEntry>();
  private readonly used = new Set<string>();
  private dirty = false;

  /** Loads what `store` holds; a stale, broken or missing cache starts empty. */
  constructor(
    private readonly store: CacheStore,
    private fingerprint: string,
  ) {
    const text = store.read();
    if (text === undefined) return;
    try {
      const data = JSON.parse(text) as CacheData;
      if (data.format === FORMAT && data.fingerprint === fingerprint && data.entries && typeof data.entries === 'object') {
        this.entries = new Map(Object.entries(data.entries));
      } else this.dirty = true;
    } catch {
      this.dirty = true;
    }
  }

  get where(): string {
    return this.store.where;
  }

  /** Drops everything when the rules or the result-affecting settings changed. */
  setFingerprint(fingerprint: string): void {
    if (fingerprint === this.fingerprint) return;
    this.fingerprint = fingerprint;
    this.entries.clear();
    this.dirty = true;
  }

  get(rel: string): CacheEntry | undefined {
    const entry = this.entries.get(rel);
    if (entry) this.used.add(rel);
    return entry;
  }

  /** Records `result` for the file as it was (size, mtime, content hash, helpers' hashes); a result another run could change is left out. */
  set(rel: string, size: number, mtimeMs: number, hash: string, result: FileResult, helpers?: Record<string, string>): void {
    if (!cacheable(result)) {
      this.delete(rel);
      return;
    }
    const entry: CacheEntry = { s: size, m: mtimeMs, h: hash };
    if (result.findings.length > 0 || result.notices.length > 0) entry.r = result;
    if (helpers && Object.keys(helpers).length > 0) entry.d = helpers;
    this.entries.set(rel, entry);
    this.used.add(rel);
    this.dirty = true;
  }

  /** The file changed on disk but its content did not: remember the new size and mtime. */
  touch(rel: string, size: number, mtimeMs: number): void {
    const e = this.entries.get(rel);
    if (e && (e.s !== size || e.m !== mtimeMs)) {
      e.s = size;
      e.m = mtimeMs;
      this.dirty = true;
    }
  }

  delete(rel: string): void {
    if (this.entries.delete(rel)) this.dirty = true;
  }

  /** Keeps only the entries of `keep` (files that left the folder take their entries along). */
  retain(keep: ReadonlySet<string>): void {
    for (const rel of [...this.entries.keys()]) if (!keep.has(rel)) this.delete(rel);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Writes the cache when something changed; the store's errors are the caller's to report. */
  save(): void {
    if (!this.dirty) return;
    if (this.entries.size > MAX_ENTRIES) {
      for (const k of [...this.entries.keys()]) if (!this.used.has(k)) this.entries.delete(k);
    }
    const data: CacheData = { format: FORMAT, fingerprint: this.fingerprint, entries: Object.fromEntries(this.entries) };
    this.store.write(JSON.stringify(data));
    this.dirty = false;
  }
}

/**
 * Workspace scan results cached per workspace folder, in memory and (when the editor gives
 * us a storage folder) on disk. An entry is keyed by the file's path and checked by its
 * size and mtime first (no read needed), then by the SHA-1 of its content (a touched but
 * unchanged file, a branch switch back and forth). The whole cache is dropped when the
 * fingerprint changes: the rule files' content, or a setting that changes raw results.
 * Policy settings (disabled rules, severities) are applied when publishing, so changing
 * them never invalidates the cache.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileResult } from '../engine/finding';

const FORMAT = 1;

export interface CacheEntry {
  /** Size in bytes and mtime (ms) when the entry was made. */
  s: number;
  m: number;
  /** SHA-1 of the content, hex. */
  h: string;
  /** The raw result; left out when the file had no findings and no notices. */
  r?: FileResult;
}

interface CacheFile {
  format: number;
  folder: string;
  fingerprint: string;
  entries: Record<string, CacheEntry>;
}

import { contentHash } from '../engine/resultCache';


export class FolderCache {
  private entries = new Map<string, CacheEntry>();
  private dirty = false;
  hits = 0;
  misses = 0;

  private constructor(
    readonly folder: string,
    private fingerprint: string,
    private readonly file: string | undefined,
  ) {}

  /** Loads the cache of `folder` from `storageDir` (if any); a stale or broken file is ignored. */
  static load(storageDir: string | undefined, folder: string, fingerprint: string): FolderCache {
    const file = storageDir ? join(storageDir, 'scan-cache', `${contentHash(Buffer.from(folder)).slice(0, 16)}.json`) : undefined;
    const cache = new FolderCache(folder, fingerprint, file);
    if (!file) return cache;
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.folder === folder && data.fingerprint === fingerprint) {
        cache.entries = new Map(Object.entries(data.entries));
      }
    } catch {
      /* no cache yet, or unreadable: start empty */
    }
    return cache;
  }

  /** Drops everything when the rules or the result-affecting settings changed. */
  setFingerprint(fingerprint: string): void {
    if (fingerprint === this.fingerprint) return;
    this.fingerprint = fingerprint;
    this.entries.clear();
    this.dirty = true;
  }

  get(rel: string): CacheEntry | undefined {
    return this.entries.get(rel);
  }

  set(rel: string, size: number, mtimeMs: number, hash: string, result: FileResult): void {
    const entry: CacheEntry = { s: size, m: mtimeMs, h: hash };
    if (result.findings.length > 0 || result.notices.length > 0) entry.r = result;
    this.entries.set(rel, entry);
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

  /** Keeps only the entries of `keep` (files that left the workspace take their entries along). */
  retain(keep: ReadonlySet<string>): void {
    for (const rel of this.entries.keys()) {
      if (!keep.has(rel)) {
        this.entries.delete(rel);
        this.dirty = true;
      }
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Writes the cache (atomically: temp file, then rename) when something changed. */
  save(): void {
    if (!this.file || !this.dirty) return;
    const data: CacheFile = { format: FORMAT, folder: this.folder, fingerprint: this.fingerprint, entries: Object.fromEntries(this.entries) };
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, this.file);
      this.dirty = false;
    } catch {
      /* a read-only or full disk only costs speed next time */
    }
  }
}

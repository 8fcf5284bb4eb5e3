/**
 * What a folder scan does with one file before any analysis: gone since the walk, too
 * large, unreadable, unchanged (the result cache by size and mtime, then by content hash,
 * with the helper modules it depends on unchanged too), or a job to scan. The one read of a
 * file here also tells which helper modules its request handlers import (SummaryTargets), and
 * a document pack's file which files beside it are read with it (a Terraform module's folder).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileResult } from './finding';
import { decodeBytes, DEFAULT_LIMITS, InputLimits, readSourceFile, sizeNotice } from './inputGuards';
import { importedFiles } from './documentImports';
import { projectPath } from './paths';
import { CacheEntry, contentHash, ResultCache } from './resultCache';
import type { SummaryTargets } from './summaryIndex';
import { folderMembers } from './documentFolder';
import { documentPackForPath } from '../languages/registry';

const EMPTY: FileResult = { findings: [], notices: [] };

export interface ScanJob {
  path: string;
  /** Relative to the scan root, forward slashes. */
  rel: string;
  size: number;
  mtimeMs: number;
  /** Content hash, when there is a cache to record the result in. */
  hash?: string;
  /** Project modules whose summaries its analysis uses (absolute paths). */
  helpers: string[];
  /** Files read together with it (a document pack's folder members, absolute paths): its result depends on them too. */
  companions?: string[];
}

export type Prepared =
  | { kind: 'hit'; result: FileResult }
  | { kind: 'scan'; job: ScanJob }
  /** Too large or unreadable: the message says why. */
  | { kind: 'skip'; message: string; tooLarge?: true }
  /** Deleted since the folder walk listed it. */
  | { kind: 'gone'; message: string };

function bigFileStamp(path: string): string {
  try {
    const st = statSync(path);
    return `size ${st.size} mtime ${st.mtimeMs}`;
  } catch {
    return '';
  }
}

function gone(code: string | undefined): boolean {
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Prepares the files of one scan run; remembers the helper modules' hashes it computed. */
export class FilePreparer {
  private readonly helperHashes = new Map<string, string>();

  constructor(
    private readonly root: string,
    private readonly limits: InputLimits,
    private readonly cache: ResultCache | undefined,
    private readonly targets: SummaryTargets,
    /** Other files whose contents decide this one's findings (a manifest's lockfile): its cache entry depends on them. */
    private readonly siblingsOf?: (path: string, bytes: Uint8Array) => string[],
  ) {}

  prepare(path: string): Prepared {
    const rel = projectPath(this.root, path);
    let st;
    try {
      st = statSync(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return gone(code) ? { kind: 'gone', message: `cannot read: ${code}` } : { kind: 'skip', message: `cannot read: ${code ?? (err as Error).message}` };
    }
    // A FIFO or device swapped in after the walk: reading it would block or never end.
    if (!st.isFile()) return { kind: 'skip', message: 'cannot read: not a regular file' };
    if (st.size > this.limits.maxBytes) return { kind: 'skip', message: sizeNotice(st.size, this.limits), tooLarge: true };
    const entry = this.cache?.get(rel);
    if (entry && entry.s === st.size && entry.m === st.mtimeMs && this.helpersUnchanged(entry)) return { kind: 'hit', result: entry.r ?? EMPTY };
    const job: ScanJob = { path, rel, size: st.size, mtimeMs: st.mtimeMs, helpers: [] };
    // Without a cache, only code files are read here (for their imports); the scan reads the rest.
    if (!this.cache && !this.targets.wants(path)) return { kind: 'scan', job };
    // UTF-16 takes two bytes a character: up to twice the limit is read, as the scan does.
    const read = readSourceFile(path, this.limits.maxBytes * 2);
    if ('error' in read) return gone(read.error) ? { kind: 'gone', message: `cannot read: ${read.error}` } : { kind: 'skip', message: `cannot read: ${read.error}` };
    if ('size' in read) return { kind: 'skip', message: sizeNotice(read.size, this.limits), tooLarge: true };
    if (this.cache) {
      job.hash = contentHash(read.bytes);
      if (entry && entry.h === job.hash && this.helpersUnchanged(entry)) {
        this.cache.touch(rel, st.size, st.mtimeMs);
        return { kind: 'hit', result: entry.r ?? EMPTY };
      }
    }
    job.helpers = this.targets.addBytes(path, read.bytes);
    const pack = documentPackForPath(path);
    if (pack?.folder) {
      // Its folder's members and the files of the folders it draws on (local modules) decide its findings too.
      const decoded = pack.folder.imports ? decodeBytes(read.bytes) : undefined;
      const imported = decoded && 'text' in decoded ? importedFiles(pack, path, decoded.text, this.limits) : [];
      job.companions = [...folderMembers(pack, path), ...imported];
    }
    const siblings = this.siblingsOf?.(path, read.bytes) ?? [];
    if (siblings.length > 0) job.companions = [...(job.companions ?? []), ...siblings];
    return { kind: 'scan', job };
  }

  /** What a scanned job's cache entry depends on: its helper modules' content hashes by relative path. */
  helperHashesOf(job: ScanJob): Record<string, string> | undefined {
    const deps = [...job.helpers, ...(job.companions ?? [])];
    if (deps.length === 0) return undefined;
    return Object.fromEntries(deps.map((h) => [projectPath(this.root, h), this.helperHash(h)]));
  }

  private helpersUnchanged(entry: CacheEntry): boolean {
    if (!entry.d) return true;
    return Object.entries(entry.d).every(([rel, hash]) => this.helperHash(resolve(this.root, rel)) === hash);
  }

  /** A helper module's content hash ("" when it is gone), read once per run. */
  private helperHash(path: string): string {
    let hash = this.helperHashes.get(path);
    if (hash === undefined) {
      // Summaries are made of files up to twice the default limit (Engine.exportedSummaries).
      const read = readSourceFile(path, DEFAULT_LIMITS.maxBytes * 2);
      // A lockfile past that size is known by its size and time instead (tens of MB are common).
      hash = 'bytes' in read ? contentHash(read.bytes) : 'size' in read ? bigFileStamp(path) : '';
      this.helperHashes.set(path, hash);
    }
    return hash;
  }
}

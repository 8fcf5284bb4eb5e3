/**
 * What the workspace scan does with one file before the workers see it: gone, too large,
 * unchanged (the disk cache by size and mtime, then by content hash), or a job to scan.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileResult } from '../engine/finding';
import { DEFAULT_LIMITS, sizeNotice } from '../engine/inputGuards';
import { contentHash } from '../engine/resultCache';
import type { SummaryTargets } from '../engine/summaryIndex';
import type { FolderState } from './folderStates';

const EMPTY: FileResult = { findings: [], notices: [] };

export interface Job {
  rel: string;
  size: number;
  mtimeMs: number;
  hash: string;
  /** Imports project modules whose summaries it needs (cross-file taint). */
  importer: boolean;
}

export type Prepared = { kind: 'hit'; result: FileResult } | { kind: 'scan'; job: Job } | { kind: 'skip'; reason: string } | { kind: 'gone' };

export async function prepare(state: FolderState, rel: string, targets: SummaryTargets): Promise<Prepared> {
  const abs = join(state.root, rel);
  let st;
  try {
    st = await stat(abs);
  } catch {
    return { kind: 'gone' };
  }
  if (!st.isFile()) return { kind: 'gone' };
  const maxBytes = state.settings.maxFileSizeMB * 1024 * 1024;
  if (st.size > maxBytes) return { kind: 'skip', reason: sizeNotice(st.size, { ...DEFAULT_LIMITS, maxBytes }) };
  const entry = state.cache.get(rel);
  if (entry && entry.s === st.size && entry.m === st.mtimeMs) return { kind: 'hit', result: entry.r ?? EMPTY };
  let bytes: Buffer;
  try {
    bytes = await readFile(abs);
  } catch {
    return { kind: 'gone' };
  }
  const hash = contentHash(bytes);
  if (entry && entry.h === hash) {
    state.cache.touch(rel, st.size, st.mtimeMs);
    return { kind: 'hit', result: entry.r ?? EMPTY };
  }
  // The bytes at hand also tell which helper modules its request handlers import.
  return { kind: 'scan', job: { rel, size: st.size, mtimeMs: st.mtimeMs, hash, importer: targets.addBytes(abs, bytes) } };
}

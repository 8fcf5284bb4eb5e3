/**
 * A project scan on a worker pool with cross-file summaries: the helper modules that
 * request handlers import are summarised on the workers while they scan every file that
 * does not need them; the importing files are scanned once the summaries are in.
 */
import type { FileResult } from './finding';
import { summariseTargets } from './summaryIndex';
import type { CancelToken, PoolFile, ScanPool } from './workerPool';

export interface PoolScanFile extends PoolFile {
  /** The file imports summarised helpers (SummaryTargets.add returned true). */
  importer?: boolean;
  /** Bytes, when known: larger files go first, so none is left running alone at the end. */
  size?: number;
}

export async function scanWithSummaries(
  pool: ScanPool,
  files: readonly PoolScanFile[],
  targets: readonly string[],
  onResult: (file: PoolFile, result: FileResult) => void,
  token?: CancelToken,
): Promise<void> {
  const bySize = (a: PoolScanFile, b: PoolScanFile): number => (b.size ?? 0) - (a.size ?? 0);
  const needIndex = targets.length > 0 && files.some((f) => f.importer);
  const now = files.filter((f) => !needIndex || !f.importer).sort(bySize);
  const later = needIndex ? files.filter((f) => f.importer).sort(bySize) : [];
  const summaries = needIndex ? summariseTargets(targets, (path) => pool.summarise(path)) : undefined;
  // Awaited even when the first scan fails, so no summary request is left unhandled.
  const first = await Promise.allSettled([pool.scan(now, onResult, token), summaries ?? Promise.resolve(undefined)]);
  for (const r of first) if (r.status === 'rejected') throw r.reason;
  const index = first[1].status === 'fulfilled' ? first[1].value : undefined;
  if (index) pool.setSummaryIndex(index);
  if (later.length > 0 && !token?.cancelled) await pool.scan(later, onResult, token);
}

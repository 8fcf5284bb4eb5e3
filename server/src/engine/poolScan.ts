/**
 * A project scan on a worker pool with cross-file summaries: the helper modules that
 * request handlers import are summarised on the workers while they scan every file that
 * does not need them; the importing files are queued as soon as the summaries are in.
 */
import type { FileResult } from './finding';
import { summariseTargets } from './summaryIndex';
import type { CancelToken, PoolFile, ScanPool } from './workerPool';

export interface PoolScanFile extends PoolFile {
  /** The file imports summarised helpers (SummaryTargets.add named some). */
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
  // The importing files start as soon as the summaries are in, alongside the rest of `now`:
  // waiting for `now` to finish first left the workers idle between the two phases.
  const summaries = needIndex ? summariseTargets(targets, (path) => pool.summarise(path)) : undefined;
  const afterSummaries = summaries?.then(async (index) => {
    if (index) pool.setSummaryIndex(index);
    if (later.length > 0 && !token?.cancelled) await pool.scan(later, onResult, token);
  });
  // Awaited even when one fails, so no request is left unhandled.
  const settled = await Promise.allSettled([pool.scan(now, onResult, token), afterSummaries ?? Promise.resolve()]);
  for (const r of settled) if (r.status === 'rejected') throw r.reason;
}

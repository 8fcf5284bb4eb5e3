/**
 * Scans a list of one folder's files for the workspace scan with the engine's folder scan
 * (engine/folderScan.ts: the cache, the server's workers, this thread when they cannot
 * start) and turns each file's outcome into published diagnostics, counts and log lines.
 */
import { join } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import type { FileOutcome } from '../engine/folderScan';
import type { FolderState } from './folderStates';
import { PublishedDiagnostics, uriOf } from './workspaceDiagnostics';

export interface CancelFlag {
  cancelled: boolean;
}

export interface Counters {
  total: number;
  done: number;
  fromCache: number;
  scanned: number;
  skipped: number;
}

export class FolderFileScanner {
  constructor(
    private readonly connection: Connection,
    private readonly out: PublishedDiagnostics,
  ) {}

  /** Cache hits are published at once; the rest as the workers finish them. */
  async scanFiles(state: FolderState, rels: readonly string[], counters: Counters, flag: CancelFlag, onProgress: () => void): Promise<void> {
    const onFile = (_path: string, rel: string, outcome: FileOutcome): void => {
      counters.done++;
      if (outcome.kind === 'cached') {
        counters.fromCache++;
        this.publish(state, rel, outcome);
      } else if (outcome.kind === 'scanned') {
        counters.scanned++;
        const { result } = outcome;
        if (result.findings.length === 0 && result.notices.some((n) => n.kind === 'skipped')) {
          this.logSkip(counters, rel, result.notices.map((n) => n.message).join('; '));
        }
        this.publish(state, rel, outcome);
      } else if (outcome.kind === 'skipped') {
        this.out.unpublish(uriOf(state.root, rel));
        this.logSkip(counters, rel, outcome.message);
      }
      onProgress();
    };
    await state.scan.scan({
      root: state.root,
      files: rels.map((rel) => join(state.root, rel)),
      cache: state.cache,
      token: flag,
      onFile,
      onWorkersUnavailable: (message) => this.connection.console.warn(`Ward: scan workers unavailable (${message}); scanning in the server process`),
    });
  }

  private publish(state: FolderState, rel: string, outcome: Extract<FileOutcome, { result: unknown }>): void {
    this.out.publish(state.root, rel, outcome.result, state.settings);
  }

  private logSkip(counters: Counters, rel: string, reason: string): void {
    counters.skipped++;
    if (counters.skipped <= 20) this.connection.console.info(`Ward: skipped ${rel}: ${reason}`);
    else if (counters.skipped === 21) this.connection.console.info('Ward: more files skipped (not listed)');
  }
}

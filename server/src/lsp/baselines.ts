/**
 * The baseline file the CLI writes (`ward baseline create`), honoured in the editor: the
 * `baseline:` of the folder's `.ward.yaml`, else `.ward-baseline.json` in the workspace
 * folder. Findings it lists are marked suppressed (kind "baseline") and not shown, for
 * open files and for the workspace scan alike. Fingerprints use the path relative to the
 * workspace folder, as the CLI run from the repository root does.
 */
import { statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Baseline, BaselineError, DEFAULT_BASELINE_FILE, fingerprintFindings } from '../engine/baseline';
import { loadConfig } from '../engine/config';
import type { Finding } from '../engine/finding';

interface Loaded {
  file: string;
  mtimeMs: number;
  baseline: Baseline | undefined;
}

export class BaselineStore {
  private readonly loaded = new Map<string, Loaded | undefined>();
  private readonly reported = new Set<string>();

  constructor(private readonly report: (problem: string) => void) {}

  private fileFor(root: string): string {
    try {
      return loadConfig(undefined, root).baseline ?? join(root, DEFAULT_BASELINE_FILE);
    } catch {
      return join(root, DEFAULT_BASELINE_FILE);
    }
  }

  /** Re-reads the folder's baseline when it changed on disk (a stat when it did not). */
  refresh(root: string): Baseline | undefined {
    const file = this.loaded.get(root)?.file ?? this.fileFor(root);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      this.loaded.set(root, undefined);
      return undefined;
    }
    const old = this.loaded.get(root);
    if (old && old.file === file && old.mtimeMs === mtimeMs) return old.baseline;
    let baseline: Baseline | undefined;
    try {
      baseline = Baseline.read(file, relative(root, file).split(sep).join('/'));
    } catch (err) {
      const message = err instanceof BaselineError ? err.message : (err as Error).message;
      if (!this.reported.has(message)) {
        this.reported.add(message);
        this.report(message);
      }
    }
    this.loaded.set(root, { file, mtimeMs, baseline });
    return baseline;
  }

  /** Forget what was read (settings or `.ward.yaml` changed). */
  clear(): void {
    this.loaded.clear();
  }

  /**
   * `findings` (after policy, suppressed ones included, in engine order, as the CLI
   * fingerprints them) with the baselined ones marked suppressed.
   */
  apply(root: string | undefined, path: string, findings: Finding[], text: string | (() => string)): Finding[] {
    if (!root || findings.length === 0) return findings;
    const baseline = this.loaded.has(root) ? this.loaded.get(root)?.baseline : this.refresh(root);
    if (!baseline) return findings;
    const rel = relative(root, path).split(sep).join('/');
    const out = [...findings];
    baseline.apply(out, fingerprintFindings(rel, out, typeof text === 'string' ? text : text()));
    return out;
  }
}

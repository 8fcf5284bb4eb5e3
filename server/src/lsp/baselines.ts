/**
 * The baseline file the CLI writes (`ward baseline create`), honoured in the editor: the
 * `baseline:` of the folder's `.ward.yaml`, else `.ward-baseline.json` in the workspace
 * folder. Findings it lists are marked suppressed (kind "baseline") and not shown, for
 * open files and for the workspace scan alike. Fingerprints use the path relative to the
 * workspace folder, as the CLI run from the repository root does.
 *
 * "Ignore: not a secret" writes to the same file (`add`), for formats without comments.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Baseline, BaselineEntry, BaselineError, DEFAULT_BASELINE_FILE, fingerprintFindings, serializeBaseline } from '../engine/baseline';
import { loadConfig } from '../engine/config';
import type { Finding } from '../engine/finding';
import { projectPath } from '../engine/paths';

interface Loaded {
  file: string;
  mtimeMs: number;
  baseline: Baseline | undefined;
}

export class BaselineStore {
  private readonly loaded = new Map<string, Loaded | undefined>();
  private readonly reported = new Set<string>();

  constructor(private readonly report: (problem: string) => void) {}

  /** The folder's baseline file (absolute), whether or not it exists. */
  fileFor(root: string): string {
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
      baseline = Baseline.read(file, projectPath(root, file));
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
    const baseline = this.current(root);
    if (!baseline) return findings;
    const out = [...findings];
    baseline.apply(out, fingerprintFindings(projectPath(root, path), out, typeof text === 'string' ? text : text()));
    return out;
  }

  /**
   * As `apply`, for open documents (whose text is at hand): every finding also carries its
   * fingerprint, computed over the same list as `apply` (and the CLI) use, so a finding
   * added to the baseline from the editor is the one `ward scan --baseline` matches.
   */
  fingerprintAndApply(root: string | undefined, path: string, findings: Finding[], text: string): Finding[] {
    if (!root || findings.length === 0) return findings;
    const fingerprints = fingerprintFindings(projectPath(root, path), findings, text);
    const out = findings.map((f, i) => ({ ...f, fingerprint: fingerprints[i] }));
    this.current(root)?.apply(out, fingerprints);
    return out;
  }

  /**
   * Adds one entry to the folder's baseline file (created when missing), keeping what is
   * there; `added` is false when its fingerprint was listed already. Throws BaselineError
   * when the existing file is not a baseline Ward reads: it is not overwritten.
   */
  add(root: string, entry: BaselineEntry): { file: string; added: boolean } {
    const file = this.fileFor(root);
    const entries = existsSync(file) ? [...Baseline.read(file, projectPath(root, file)).entries] : [];
    if (entries.some((e) => e.fingerprint === entry.fingerprint)) return { file, added: false };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, serializeBaseline([...entries, entry]));
    // Re-read (with its new mtime) on the next check.
    this.loaded.delete(root);
    return { file, added: true };
  }

  private current(root: string): Baseline | undefined {
    return this.loaded.has(root) ? this.loaded.get(root)?.baseline : this.refresh(root);
  }
}

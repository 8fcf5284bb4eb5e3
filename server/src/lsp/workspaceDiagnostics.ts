/**
 * What the workspace scan publishes: diagnostics for files that are not open (an open
 * file's buffer wins: the validator owns its diagnostics), with the folder's baseline and
 * the user's policy applied as in CI, and counts for the status bar.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { FileResult, Finding } from '../engine/finding';
import { decodeBytes } from '../engine/inputGuards';
import { applyPolicy } from '../engine/policy';
import type { WardSettings } from '../settings';
import type { BaselineStore } from './baselines';
import type { DocumentStore } from './documents';
import { noticeDiagnostic, toDiagnostic } from './toLsp';

export interface WorkspaceTotals {
  findings: number;
  filesWithFindings: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function uriOf(root: string, rel: string): string {
  return pathToFileURL(join(root, rel)).href;
}

export class PublishedDiagnostics {
  /** URI → counts of what was published (only non-empty publications are kept). */
  private readonly published = new Map<string, { errors: number; warnings: number; infos: number }>();

  constructor(
    private readonly connection: Connection,
    private readonly docs: DocumentStore,
    private readonly baselines: BaselineStore,
  ) {}

  private isOpen(uri: string): boolean {
    if (this.docs.get(uri)) return true;
    // The editor may spell the URI differently (encoding); compare paths.
    const path = fileURLToPath(uri);
    return this.docs.all().some((d) => d.doc.uri.startsWith('file:') && fileURLToPath(d.doc.uri) === path);
  }

  /** Findings the CLI's baseline file lists are hidden here as they are in CI. */
  private applyBaseline(root: string, rel: string, findings: Finding[]): Finding[] {
    const abs = join(root, rel);
    return this.baselines.apply(root, abs, findings, () => {
      try {
        const decoded = decodeBytes(readFileSync(abs));
        return 'text' in decoded ? decoded.text : '';
      } catch {
        return '';
      }
    });
  }

  publish(root: string, rel: string, result: FileResult, settings: WardSettings): void {
    const uri = uriOf(root, rel);
    if (this.isOpen(uri)) return;
    // Fingerprinted as the CLI does: after policy, ward-ignored findings included.
    const visible = this.applyBaseline(root, rel, applyPolicy(result.findings, settings)).filter((f) => !f.suppressed);
    const diagnostics: Diagnostic[] = [...result.notices.filter((n) => n.kind === 'partial').map(noticeDiagnostic), ...visible.map((f) => toDiagnostic(f, uri))];
    if (diagnostics.length === 0) {
      this.unpublish(uri);
      return;
    }
    const counts = { errors: 0, warnings: 0, infos: 0 };
    for (const f of visible) f.severity === 'error' ? counts.errors++ : f.severity === 'warning' ? counts.warnings++ : counts.infos++;
    this.published.set(uri, counts);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  unpublish(uri: string): void {
    if (!this.published.delete(uri)) return;
    if (!this.isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  unpublishUnder(root: string): void {
    const prefix = pathToFileURL(root).href + '/';
    for (const uri of [...this.published.keys()]) if (uri.startsWith(prefix)) this.unpublish(uri);
  }

  totals(): WorkspaceTotals {
    const t = { findings: 0, filesWithFindings: 0, errors: 0, warnings: 0, infos: 0 };
    for (const c of this.published.values()) {
      const n = c.errors + c.warnings + c.infos;
      t.findings += n;
      if (n > 0) t.filesWithFindings++;
      t.errors += c.errors;
      t.warnings += c.warnings;
      t.infos += c.infos;
    }
    return t;
  }

  /** Withdraws everything; returns how many files had diagnostics. */
  clearAll(): number {
    let cleared = 0;
    for (const uri of [...this.published.keys()]) {
      this.published.delete(uri);
      cleared++;
      if (!this.isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    return cleared;
  }
}

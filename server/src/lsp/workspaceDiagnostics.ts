/**
 * What the workspace scan publishes: diagnostics for files that are not open (an open
 * file's buffer wins: the validator owns its diagnostics), with the folder's baseline and
 * the user's policy applied as in CI. (Counts are taken from what is sent: publishedCounts.ts.)
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

export function uriOf(root: string, rel: string): string {
  return pathToFileURL(join(root, rel)).href;
}

export class PublishedDiagnostics {
  /** The URIs this has diagnostics published for (non-empty publications only). */
  private readonly published = new Set<string>();

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
    this.published.add(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  unpublish(uri: string): void {
    if (!this.published.delete(uri)) return;
    if (!this.isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  unpublishUnder(root: string): void {
    const prefix = pathToFileURL(root).href + '/';
    for (const uri of [...this.published]) if (uri.startsWith(prefix)) this.unpublish(uri);
  }

  /** Withdraws everything; returns how many files had diagnostics. */
  clearAll(): number {
    let cleared = 0;
    for (const uri of [...this.published]) {
      this.published.delete(uri);
      cleared++;
      if (!this.isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    return cleared;
  }
}

/** Engine findings → LSP diagnostics (and back to the data code actions need). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, ScanNotice } from '../engine/finding';
import { relatedSteps } from '../engine/relatedSteps';
import type { DiagnosticData } from '../protocol';

export const SOURCE = 'Ward';
export const NOTICE_CODE = 'ward-notice';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function docsUriFor(ruleId: string): string | undefined {
  const file = join(__dirname, 'docs', 'rules', `${ruleId}.md`);
  return existsSync(file) ? pathToFileURL(file).href : undefined;
}

export function classification(f: Pick<Finding, 'cwe' | 'owasp'>): string {
  return [...f.cwe, ...f.owasp.map((o) => `OWASP ${o}`)].join(', ');
}

export function plainText(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1');
}

export function toDiagnostic(f: Finding, uri: string): Diagnostic {
  const docsUri = docsUriFor(f.ruleId);
  const data: DiagnosticData = { ruleId: f.ruleId, title: f.title, category: f.category, cwe: f.cwe, owasp: f.owasp, fixes: f.fixes, docsUri };
  if (f.fingerprint) data.fingerprint = f.fingerprint;
  if (f.anchor && f.anchor.start.line !== f.range.start.line) data.anchorLine = f.anchor.start.line;
  const diagnostic: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    // The Problems panel shows plain text (Markdown backticks would appear as is) and cuts
    // long lines, so the short message is followed only by the CWE, as in the CLI's text
    // report; OWASP is on the hover.
    message: `${plainText(f.message)} [${f.cwe.join(', ')}]`,
    data,
  };
  if (docsUri) diagnostic.codeDescription = { href: docsUri };
  const related = [
    ...relatedSteps(f).map((step) => ({ location: { uri: step.file ? pathToFileURL(step.file).href : uri, range: step.range }, message: step.message })),
    ...(f.also ?? []).map((n) => ({ location: { uri, range: n.range }, message: `also ${n.ruleId}: ${plainText(n.message)}` })),
  ];
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/** A skipped or partly analysed file says so where the user looks, at the top of the file. */
export function noticeDiagnostic(n: ScanNotice): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: NOTICE_CODE,
    message: n.kind === 'skipped' ? `Ward skipped this file: ${n.message}` : `Ward: ${n.message}`,
  };
}

export function isWardData(data: unknown): data is DiagnosticData {
  return !!data && typeof data === 'object' && typeof (data as DiagnosticData).ruleId === 'string' && Array.isArray((data as DiagnosticData).fixes);
}

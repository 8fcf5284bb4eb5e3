/** The JSON output: documented in README ("JSON output"); keep field names stable. */
import type { ScanReport } from './report';

export function jsonReport(report: ScanReport): string {
  const advice = new Map(report.rules.map((r) => [r.id, r.advice]));
  const findings = report.files.flatMap((file) =>
    file.findings.map((f) => ({
      path: file.path,
      ruleId: f.ruleId,
      severity: f.severity,
      confidence: f.confidence,
      category: f.category,
      cwe: f.cwe,
      owasp: f.owasp,
      title: f.title,
      message: f.message,
      advice: advice.get(f.ruleId) ?? null,
      start: { line: f.range.start.line + 1, column: f.range.start.character + 1 },
      end: { line: f.range.end.line + 1, column: f.range.end.character + 1 },
      fixes: f.fixes.map((x) => ({ title: x.title, edits: x.edits })),
      trace: f.trace?.map((s) => ({ path: s.file ?? file.path, line: s.range.start.line + 1, column: s.range.start.character + 1, message: s.message })),
      also: f.also?.map((n) => ({ ruleId: n.ruleId, message: n.message, line: n.range.start.line + 1, column: n.range.start.character + 1 })),
      suppressed: f.suppressed ?? null,
      ...(f.dependency ? { dependency: f.dependency } : {}),
    })),
  );
  const notices = report.files.flatMap((file) => file.notices.map((n) => ({ path: file.path, kind: n.kind, message: n.message })));
  return JSON.stringify({ version: report.version, filesScanned: report.filesScanned, durationMs: Math.round(report.durationMs), ...(report.advisories ? { advisoryDatabase: report.advisories } : {}), ...(report.shard ? { shard: report.shard } : {}), findings, notices }, null, 2) + '\n';
}

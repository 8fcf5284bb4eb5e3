/**
 * `ward stats`: how many findings a scan has per category and rule, and how many of them
 * carry a quick fix — the share the project tracks on its own examples (`ward stats examples`).
 */
import type { ScanReport } from './report';
import { terminalSafe } from './terminalText';

interface Count {
  findings: number;
  fixed: number;
}

export interface FixStats {
  total: Count;
  categories: { category: string; count: Count; rules: { ruleId: string; count: Count }[] }[];
}

export function fixStats(report: ScanReport): FixStats {
  const categoryOf = new Map(report.rules.map((r) => [r.id, r.category]));
  const byRule = new Map<string, Count>();
  for (const file of report.files) {
    for (const f of file.findings) {
      if (f.suppressed) continue;
      const c = byRule.get(f.ruleId) ?? { findings: 0, fixed: 0 };
      c.findings++;
      if (f.fixes.length > 0) c.fixed++;
      byRule.set(f.ruleId, c);
    }
  }
  const categories = new Map<string, FixStats['categories'][number]>();
  const total: Count = { findings: 0, fixed: 0 };
  for (const [ruleId, count] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    const category = categoryOf.get(ruleId) ?? 'other';
    let entry = categories.get(category);
    if (!entry) categories.set(category, (entry = { category, count: { findings: 0, fixed: 0 }, rules: [] }));
    entry.rules.push({ ruleId, count });
    entry.count.findings += count.findings;
    entry.count.fixed += count.fixed;
    total.findings += count.findings;
    total.fixed += count.fixed;
  }
  return { total, categories: [...categories.values()].sort((a, b) => b.count.findings - a.count.findings || a.category.localeCompare(b.category)) };
}

function share(c: Count): string {
  return c.findings === 0 ? '-' : `${Math.round((100 * c.fixed) / c.findings)}%`;
}

export function statsReport(report: ScanReport, format: 'text' | 'json'): string {
  const stats = fixStats(report);
  if (format === 'json') return JSON.stringify(stats, null, 2) + '\n';
  const rows: string[][] = [['category / rule', 'findings', 'with a fix', 'share']];
  for (const c of stats.categories) {
    rows.push([c.category, String(c.count.findings), String(c.count.fixed), share(c.count)]);
    for (const r of c.rules) rows.push([`  ${r.ruleId}`, String(r.count.findings), String(r.count.fixed), share(r.count)]);
  }
  rows.push(['total', String(stats.total.findings), String(stats.total.fixed), share(stats.total)]);
  const width = rows.reduce((w, r) => Math.max(w, r[0]!.length), 0);
  const lines = rows.map((r) => `${terminalSafe(r[0]!).padEnd(width)}  ${r[1]!.padStart(8)}  ${r[2]!.padStart(10)}  ${r[3]!.padStart(5)}`);
  return lines.join('\n') + `\nWard ${report.version}: ${stats.total.fixed} of ${stats.total.findings} findings in ${report.filesScanned} file${report.filesScanned === 1 ? '' : 's'} carry a fix (${share(stats.total)})\n`;
}

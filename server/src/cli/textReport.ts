/** `file:line:col: severity rule-id message`, the shape editors' problem matchers read. */
import { relatedSteps } from '../engine/relatedSteps';
import type { ScanReport } from './report';
import { terminalSafe } from './terminalText';

export function textReport(report: ScanReport, color = false): string {
  const paint = (code: number, s: string): string => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  // Paths, messages and trace steps come from the scanned files: one line each, whatever they hold.
  const t = terminalSafe;
  const lines: string[] = [];
  const advice = new Map(report.rules.map((r) => [r.id, r.advice]));
  let total = 0;
  let suppressed = 0;
  for (const file of report.files) {
    const path = t(file.path);
    for (const n of file.notices) lines.push(`${path}:1:1: note ward ${n.kind === 'skipped' ? 'skipped: ' : ''}${t(n.message)}`);
    for (const f of file.findings) {
      if (f.suppressed) {
        suppressed++;
        continue;
      }
      total++;
      const sev = f.severity === 'error' ? paint(31, 'error') : f.severity === 'warning' ? paint(33, 'warning') : paint(36, 'info');
      lines.push(`${path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${sev} ${t(f.ruleId)} ${t(f.message)} [${t(f.cwe.join(', '))}]`);
      // What to do on its own line: the terminal has no hover to show it.
      const todo = advice.get(f.ruleId);
      if (todo) lines.push(`    advice: ${paint(2, t(todo))}`);
      for (const step of relatedSteps(f)) lines.push(`    ${step.file ? t(step.file) : path}:${step.range.start.line + 1}: ${t(step.message)}`);
    }
  }
  if (report.advisories) lines.push(`Advisory database: ${t(report.advisories)}`);
  const secs = (report.durationMs / 1000).toFixed(2);
  lines.push(`Ward ${report.version}: ${total} finding${total === 1 ? '' : 's'} in ${report.filesScanned} file${report.filesScanned === 1 ? '' : 's'} (${secs}s)${suppressed ? `, ${suppressed} suppressed` : ''}`);
  return lines.join('\n') + '\n';
}

/** Hover over a finding: what it is, why it matters (CWE, OWASP, docs) and the data-flow trace. */
import type { Hover, Position } from 'vscode-languageserver';
import type { Finding } from '../engine/finding';
import type { Rule } from '../engine/rule';
import { docsUriFor as docsUri } from './toLsp';

function contains(f: Finding, p: Position): boolean {
  const { start, end } = f.range;
  if (p.line < start.line || p.line > end.line) return false;
  if (p.line === start.line && p.character < start.character) return false;
  if (p.line === end.line && p.character > end.character) return false;
  return true;
}

/** The opening explanation of a rule's docs: enough for a hover; the rest is a click away. */
export function firstParagraph(docs: string): string {
  const para = docs.split(/\n\s*\n/)[0] ?? docs;
  return para.length > 600 ? `${para.slice(0, 599)}…` : para;
}

function cweLink(cwe: string): string {
  const n = cwe.replace(/^CWE-/, '');
  return `[${cwe}](https://cwe.mitre.org/data/definitions/${n}.html)`;
}

export function hoverFor(findings: Finding[], position: Position, ruleById: (id: string) => Rule | undefined): Hover | null {
  const here = findings.filter((f) => contains(f, position));
  if (here.length === 0) return null;
  const sections = here.map((f) => {
    const rule = ruleById(f.ruleId);
    // The diagnostic's own message is shown right above the hover by VS Code; this adds
    // why it matters, the classification, the data flow and the fix, kept short.
    const lines = [
      `**${f.title}** · \`${f.ruleId}\` · ${f.severity}, ${f.confidence} confidence`,
      '',
      `${f.cwe.map(cweLink).join(', ')} · OWASP ${f.owasp.join(', ')}`,
    ];
    if (f.trace && f.trace.length > 0) {
      lines.push('', '**Data flow**', ...f.trace.map((s, i) => `${i + 1}. line ${s.range.start.line + 1}: ${s.message}`));
    }
    if (f.fixes.length > 0) lines.push('', `Quick fix available: *${f.fixes[0]!.title}* (Ctrl+.)`);
    if (rule?.docs) lines.push('', firstParagraph(rule.docs));
    if (docsUri(f.ruleId)) lines.push('', `[Rule documentation](${docsUri(f.ruleId)})`);
    return lines.join('\n');
  });
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
}

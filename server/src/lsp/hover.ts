/**
 * Hover over a finding. VS Code already shows the diagnostic's message, its source and rule
 * id, the quick-fix link and the data-flow trace (related information) right above the
 * hover, so this adds only what is not on screen: why it matters (one paragraph), the fix in
 * one line, and links to the CWE, the OWASP category and the rule's page.
 */
import type { Hover, Position } from 'vscode-languageserver';
import type { Finding } from '../engine/finding';
import type { Rule } from '../engine/rule';
import { cweLink, owaspLink } from '../engine/ruleLinks';
import { docsUriFor } from './toLsp';

/**
 * What a rule says about itself. `why` and `advice` are newer rule fields; rules without
 * them fall back to the opening paragraph of `docs` and the title of the rule's fix.
 */
export type RuleText = Pick<Rule, 'docs' | 'fix'> & { why?: string; advice?: string };

const MAX_WHY = 600;

function contains(f: Finding, p: Position): boolean {
  const { start, end } = f.range;
  if (p.line < start.line || p.line > end.line) return false;
  if (p.line === start.line && p.character < start.character) return false;
  if (p.line === end.line && p.character > end.character) return false;
  return true;
}

/**
 * The opening explanation of a rule's docs, at most three sentences: enough for a hover; the
 * rest is a click away. A colon that opens a list or an example becomes a full stop.
 */
export function firstParagraph(docs: string): string {
  const para = (docs.trim().split(/\n\s*\n/)[0] ?? '').replace(/\s+/g, ' ').trim();
  const sentences = para.match(/.*?[.!?](?=\s|$)/g);
  const short = sentences && sentences.length > 3 ? sentences.slice(0, 3).join('') : para;
  const text = short.replace(/:$/, '.');
  return text.length > MAX_WHY ? `${text.slice(0, text.lastIndexOf(' ', MAX_WHY - 1))}…` : text;
}

/** One line: the first sentence of a text, or the text cut at a word. */
function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  if (sentence.length <= max) return sentence;
  return `${sentence.slice(0, sentence.lastIndexOf(' ', max - 1))}…`;
}

export function whyOf(rule: RuleText | undefined): string | undefined {
  const text = rule?.why?.trim() || rule?.docs;
  return (text && firstParagraph(text)) || undefined;
}

/** The sentence after "**Do instead:**" in a rule's docs (a colon that opens an example ends it). */
function doInstead(docs: string | undefined): string | undefined {
  const para = docs?.split(/\n\s*\n/).find((p) => p.trimStart().startsWith('**Do instead:**'));
  const text = para ? oneLine(para.trimStart().slice('**Do instead:**'.length)).replace(/:$/, '.') : '';
  return text ? text[0]!.toUpperCase() + text.slice(1) : undefined;
}

/**
 * The fix in one line: the rule's advice, else the quick fix this finding offers, else the
 * rule's fix, else the "Do instead" of its docs.
 */
export function adviceOf(rule: RuleText | undefined, f: Pick<Finding, 'fixes'>): string | undefined {
  const text = rule?.advice?.trim() || f.fixes[0]?.title || rule?.fix?.title;
  return text ? oneLine(text) : doInstead(rule?.docs);
}

export function hoverSection(f: Finding, rule: RuleText | undefined, docsLink: string | undefined, label: boolean): string {
  const parts: string[] = [];
  // Several findings under the cursor: say which one each part is about.
  if (label) parts.push(`**${f.ruleId}**`);
  const why = whyOf(rule);
  if (why) parts.push(why);
  const advice = adviceOf(rule, f);
  if (advice) parts.push(`**Fix:** ${advice}`);
  const links = [...f.cwe.map(cweLink), ...f.owasp.map(owaspLink)];
  if (docsLink) links.push(`[Rule documentation](${docsLink})`);
  if (links.length) parts.push(links.join(' · '));
  return parts.join('\n\n');
}

export function hoverFor(findings: Finding[], position: Position, ruleById: (id: string) => RuleText | undefined, docsLink: (ruleId: string) => string | undefined = docsUriFor): Hover | null {
  const here = findings.filter((f) => contains(f, position));
  if (here.length === 0) return null;
  const sections = [...new Set(here.map((f) => hoverSection(f, ruleById(f.ruleId), docsLink(f.ruleId), here.length > 1)))];
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
}

/** Turns a matched candidate into a Finding: message placeholders filled, fix rendered. */
import type { FileContext } from './fileContext';
import { nodeRange } from './fileContext';
import type { Finding, Fix, Range } from './finding';
import { buildFix } from './fixes';
import type { FixRecipes } from './fixRecipeHook';
import type { Candidate } from './patternMatcher';
import type { Rule } from './rule';

const MAX_SNIPPET = 60;

function snippet(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SNIPPET ? `${oneLine.slice(0, MAX_SNIPPET - 1)}…` : oneLine;
}

export function interpolateMessage(message: string, captures: Map<string, { text: string }>): string {
  return message.replace(/\{\{\s*([\w:.-]+)\s*\}\}/g, (whole, name: string) => {
    const node = captures.get(name);
    return node ? snippet(node.text) : whole;
  });
}

/** A finding of `rule` with the rule's severity, confidence and classification. */
export function ruleFinding(rule: Rule, range: Range, message: string, fixes: Fix[] = [], anchor?: Range): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    severity: rule.severity,
    confidence: rule.confidence,
    category: rule.category,
    cwe: rule.cwe,
    owasp: rule.owasp,
    title: rule.title,
    message,
    range,
    fixes,
  };
  if (anchor && !sameRange(anchor, range)) finding.anchor = anchor;
  return finding;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function candidateToFinding(ctx: FileContext, c: Candidate, recipes: FixRecipes | undefined): Finding {
  const { rule } = c;
  const fixes = !rule.fix ? [] : rule.fix.recipe ? (recipes?.(rule.fix, ctx, c.captures) ?? []) : [buildFix(ctx, rule.fix, c.captures)].filter((f): f is Fix => !!f);
  return ruleFinding(rule, nodeRange(c.report), interpolateMessage(rule.message, c.captures), fixes, nodeRange(c.anchor));
}

/**
 * `check` rules over files of a document pack (languages/documentPack.ts): the file is
 * parsed with the pack's grammar, read into the pack's model, and each rule's check runs
 * with the rule's `options`. The engine knows the interface only, not what a kind of file is.
 */
import type { DocumentPack } from '../languages/documentPack';
import { DOCUMENT_PACKS, documentPackOf } from '../languages/registry';
import type { ParserPool, Tree } from '../languages/parser';
import { ParseTimeout } from '../languages/parser';
import type { FileResult, Finding, ScanNotice } from './finding';
import { interpolateMessage, ruleFinding } from './findingBuilder';
import type { Rule } from './rule';
import { applySuppressions } from './suppressions';

/** What is wrong with a `check` rule (its kind or check name), checked at load; undefined when it can run. */
export function checkRuleProblem(rule: Rule): string | undefined {
  if (rule.mode !== 'check') return undefined;
  const packs = [...rule.languages].map(documentPackOf);
  if (packs.length === 0 || packs.some((p) => !p)) return `\`mode: check\` rules run on the document kinds (${DOCUMENT_PACKS.map((p) => p.kind).join(', ')})`;
  const lacking = packs.find((p) => !Object.prototype.hasOwnProperty.call(p!.checks, rule.check ?? ''));
  if (lacking) return `unknown check "${rule.check ?? ''}" for ${lacking.kind} (known: ${Object.keys(lacking.checks).join(', ')})`;
  return undefined;
}

/** The `check` rules of `pack` among `rules`. */
export function checkRulesFor(pack: DocumentPack, rules: readonly Rule[]): Rule[] {
  return rules.filter((r) => r.mode === 'check' && r.languages.has(pack.kind));
}

/**
 * Findings of `rules` (all `check` rules of `pack`) over `text`; a parse that runs out of
 * time, or a file that is not of the kind after all, gives a notice and no findings.
 */
export async function scanDocument(parsers: ParserPool, pack: DocumentPack, rules: readonly Rule[], text: string, budgetMs: number, path?: string): Promise<FileResult> {
  if (rules.length === 0) return { findings: [], notices: [] };
  let tree: Tree;
  try {
    tree = await parsers.parse(pack.grammar.id, text, budgetMs);
  } catch (err) {
    if (err instanceof ParseTimeout) return { findings: [], notices: [{ kind: 'skipped', message: `${err.message} (ward.fileTimeBudgetMs)` }] };
    throw err;
  }
  try {
    const notices: ScanNotice[] = [];
    const model = pack.read(tree, text, path);
    if (model && typeof model === 'object' && 'notice' in model && typeof (model as { notice: unknown }).notice === 'string') {
      return { findings: [], notices: [{ kind: 'partial', message: `${(model as { notice: string }).notice}; the ${pack.kind} rules did not run` }] };
    }
    if (tree.rootNode.hasError) notices.push({ kind: 'partial', message: `parts of the file are not valid YAML; the ${pack.kind} rules read the rest` });
    const findings: Finding[] = [];
    for (const rule of rules) {
      try {
        for (const hit of pack.checks[rule.check!]!(model, rule.options ?? {})) {
          const finding = ruleFinding(rule, hit.range, interpolateMessage(rule.message, new Map(Object.entries(hit.captures).map(([k, v]) => [k, { text: v }]))), hit.fixes ?? [], hit.anchor);
          if (hit.trace && hit.trace.length > 0) finding.trace = hit.trace;
          findings.push(finding);
        }
      } catch (err) {
        notices.push({ kind: 'partial', message: `rule ${rule.id} failed (${(err as Error).message}); the other findings are complete` });
      }
    }
    applySuppressions(findings, text, tree, pack.commentTypes);
    return { findings, notices };
  } finally {
    tree.delete();
  }
}

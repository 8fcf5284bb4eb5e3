/**
 * Fix templates: literal text with `{{ capture }}` (the captured code) and
 * `{{ fn(capture, 'arg') }}` (a built-in transform). A template that cannot be
 * rendered for a finding means no fix is offered, never a wrong one.
 */
import type { Rule } from './rule';
import { isRecipe, RECIPE_FIXES } from '../fixes/catalog';
import { languageSpec, packFor } from '../languages/registry';

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'capture'; name: string }
  | { kind: 'call'; fn: string; capture: string; args: string[] };

export const TEMPLATE_FUNCTIONS = new Set(['file-and-args', 'arg-list', 'quote', 'rename']);

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;
const CALL = /^([a-z][a-z-]*)\(\s*([\w:.-]+)\s*((?:,\s*(?:'[^']*'|"[^"]*")\s*)*)\)$/;

export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index! > last) parts.push({ kind: 'text', text: template.slice(last, m.index) });
    const body = m[1]!;
    const call = CALL.exec(body);
    if (call) {
      const args = [...call[3]!.matchAll(/'([^']*)'|"([^"]*)"/g)].map((a) => a[1] ?? a[2] ?? '');
      parts.push({ kind: 'call', fn: call[1]!, capture: call[2]!, args });
    } else if (/^[\w:.-]+$/.test(body)) {
      parts.push({ kind: 'capture', name: body });
    } else {
      throw new Error(`cannot read template placeholder {{${body}}}`);
    }
    last = m.index! + m[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) });
  return parts;
}

/** Checked at load time so a typo in a fix is a rule error, not a silent missing fix. */
export function validateFixTemplates(rule: Rule): string | undefined {
  const recipe = rule.fix?.recipe;
  if (recipe !== undefined) {
    if (!isRecipe(recipe)) return `unknown fix recipe "${recipe}" (known: ${Object.keys(RECIPE_FIXES).join(', ')})`;
    // Each language writes its own recipes: one the rule's language lacks would never fix.
    const families = new Set([...rule.languages].map((id) => languageSpec(id).family));
    const lacking = [...families].filter((f) => !Object.prototype.hasOwnProperty.call(packFor(f).fixes.recipes, recipe));
    if (lacking.length > 0) return `fix recipe "${recipe}" is not written for ${lacking.join(', ')} (the rule's languages)`;
  }
  const templates = [rule.message, ...(rule.fix?.edits ?? []).flatMap((e) => ('template' in e ? [e.template] : 'name' in e ? [e.name] : []))];
  for (const t of templates) {
    try {
      for (const part of parseTemplate(t)) {
        if (part.kind === 'call' && !TEMPLATE_FUNCTIONS.has(part.fn)) return `unknown fix function ${part.fn}() in "${t}"`;
      }
    } catch (err) {
      return (err as Error).message;
    }
  }
  return undefined;
}

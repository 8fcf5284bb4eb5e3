/**
 * Which quick fixes exist, in which language, and what they are called: the taint fixes per
 * sink kind and the fixes of each recipe a pattern rule names, as the language packs declare
 * them (`fixes` in languages/<lang>/index.ts). The packs' declarations are the code that
 * makes the fixes, so a fix the editor offers is always listed here, and a listed one is
 * always written; scripts/ruleDocs.mjs reads the same catalog for the "Quick fix" line of
 * each rule page, so the docs cannot promise a fix the editor does not make, or miss one it does.
 *
 * scripts/ruleDocs.mjs bundles this file with esbuild (with the language packs the registry lists).
 */
import { documentPackOf, expandRuleLanguage, Family, languageSpec, PACKS } from '../languages/registry';
import type { FixEntry } from '../languages/packFixes';

export interface TaintFixEntry extends FixEntry {
  /** The language families whose pack writes this fix. */
  families: Family[];
}

export type RecipeFixEntry = FixEntry;

/** Sink kind → fix name → what it is called and which packs write it. */
function taintCatalog(): Record<string, Record<string, TaintFixEntry>> {
  const out: Record<string, Record<string, TaintFixEntry>> = {};
  for (const pack of PACKS) {
    for (const [kind, fixes] of Object.entries(pack.fixes.taint)) {
      const entries = (out[kind] ??= {});
      for (const [name, fix] of Object.entries(fixes)) {
        const known = entries[name];
        if (!known) entries[name] = { title: fix.title, families: [pack.family], when: fix.when };
        else if (known.title !== fix.title || known.when !== fix.when) throw new Error(`the ${kind} fix "${name}" of the ${pack.family} pack is not the one other packs write under that name`);
        else known.families.push(pack.family);
      }
    }
  }
  return out;
}

/** Per taint sink kind, its fixes by name, with the families that write them. */
export const TAINT_FIXES: Readonly<Record<string, Readonly<Record<string, TaintFixEntry>>>> = taintCatalog();

/** The fixes a sink kind can have in a language family (none: the kind has no fix there). */
export function taintFixFor(kind: string, family: Family): TaintFixEntry[] {
  return Object.values(TAINT_FIXES[kind] ?? {}).filter((e) => e.families.includes(family));
}

function recipeCatalog(): Record<string, Record<string, RecipeFixEntry>> {
  const out: Record<string, Record<string, RecipeFixEntry>> = {};
  for (const pack of PACKS) {
    for (const [name, recipe] of Object.entries(pack.fixes.recipes)) Object.assign((out[name] ??= {}), recipe.fixes);
  }
  return out;
}

/** The fixes each recipe can offer in any language, by name, with their titles. */
export const RECIPE_FIXES: Readonly<Record<string, Readonly<Record<string, RecipeFixEntry>>>> = recipeCatalog();

export function isRecipe(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(RECIPE_FIXES, name);
}

/** What a secret finding's fix does (engine/secretFixes.ts). */
export const SECRET_FIX = 'Read the value from an environment variable (string literals in JavaScript, TypeScript and Python code, and in compose files)';

/** The parts of a rule (as written in its YAML, or compiled) that decide which quick fixes it can have. */
export interface RuleFixFacts {
  id?: string;
  mode?: string;
  languages?: Iterable<string>;
  cwe?: readonly string[];
  fix?: { title?: string; recipe?: string };
  /** `mode: check`: the document pack check that finds it. */
  check?: string;
  /** `mode: check`: the rule's data for its check (which may decide whether there is a fix). */
  options?: Readonly<Record<string, unknown>>;
  taint?: { sinks?: readonly unknown[] };
}

function sinkKinds(sinks: readonly unknown[] | undefined): string[] {
  const kinds = (sinks ?? []).map((s) => (typeof s === 'string' ? s : s && typeof s === 'object' ? (s as { kind?: unknown }).kind : undefined));
  return kinds.filter((k): k is string => typeof k === 'string');
}

function familiesOf(rule: RuleFixFacts): Set<Family> {
  return new Set([...(rule.languages ?? [])].flatMap(expandRuleLanguage).map((id) => languageSpec(id).family));
}

/** The fixes a rule's recipe offers in its languages (the recipe as each of their packs writes it). */
function recipeEntries(rule: RuleFixFacts): RecipeFixEntry[] | undefined {
  const name = rule.fix?.recipe;
  if (!name || !isRecipe(name)) return undefined;
  const families = familiesOf(rule);
  return PACKS.filter((p) => families.has(p.family)).flatMap((p) => Object.values(p.fixes.recipes[name]?.fixes ?? {}));
}

/** The titles a rule's own fix can have: its recipe's fixes, or its template's title. */
export function fixTitlesOf(rule: RuleFixFacts): string[] {
  const recipe = recipeEntries(rule);
  if (recipe) return recipe.map((e) => e.title);
  return rule.fix?.title ? [rule.fix.title] : [];
}

/**
 * Pattern rules whose fix a taint rule's findings take over: where both report the same code
 * for the same weakness (a shared CWE), the engine keeps the taint finding and offers the
 * pattern rule's fix first (preferTaint in engine/scan.ts), e.g. js-command-injection gets
 * js-child-process-exec's `execFile` rewrite.
 */
export function fixDonors<R extends RuleFixFacts>(rule: RuleFixFacts, rules: readonly R[]): R[] {
  if (rule.mode !== 'taint') return [];
  const families = familiesOf(rule);
  return rules.filter(
    // The pattern rule's own weakness (its first CWE), not one it lists on the side: Flask's
    // debug mode (CWE-489, also CWE-94) never reports an eval call.
    (p) => p.mode === 'pattern' && !!p.fix?.title && !!p.cwe?.[0] && !!rule.cwe?.includes(p.cwe[0]) && [...familiesOf(p)].some((f) => families.has(f)),
  );
}

/**
 * The quick fixes a rule's findings can carry, in words, for its documentation page; empty
 * when none. `rules`: all rules, for the pattern-rule fixes a taint rule takes over.
 */
export function quickFixesOf(rule: RuleFixFacts, rules: readonly RuleFixFacts[] = []): string[] {
  const recipe = recipeEntries(rule);
  if (recipe) return recipe.map((e) => `${e.title} (offered when ${e.when})`);
  if (rule.fix?.title) return [rule.fix.title];
  if (rule.mode === 'secret') return [SECRET_FIX];
  if (rule.mode === 'check') {
    return [...(rule.languages ?? [])].flatMap((kind) => {
      const titles = documentPackOf(kind)?.fixTitles[rule.check ?? ''];
      return typeof titles === 'function' ? titles(rule.options ?? {}) : [...(titles ?? [])];
    });
  }
  if (rule.mode !== 'taint') return [];
  const families = familiesOf(rule);
  const out = fixDonors(rule, rules).map((p) => `${p.fix!.title} (where ${p.id} reports the same call)`);
  for (const kind of new Set(sinkKinds(rule.taint?.sinks))) {
    for (const entry of Object.values(TAINT_FIXES[kind] ?? {})) if (entry.families.some((f) => families.has(f))) out.push(`${entry.title} (offered when ${entry.when})`);
  }
  return out;
}

/**
 * Which taint sink kinds have a quick fix, in which language family, and what it is called;
 * and which fixes each recipe a pattern rule names (server/src/fixes/recipes.ts) can offer.
 * fixes.ts offers a fix only for the entries here (and takes their titles from here), and
 * scripts/ruleDocs.mjs reads the same table for the "Quick fix" line of each rule page, so
 * the docs cannot promise a fix the editor does not make, or miss one it does.
 *
 * scripts/ruleDocs.mjs bundles this file with esbuild (with the language packs the registry lists).
 */
import { expandRuleLanguage, Family, languageSpec } from '../languages/registry';

export interface TaintFixEntry {
  title: string;
  families: readonly Family[];
  /** When the fix is offered (a fix that cannot be made exactly is not offered). */
  when: string;
}

/** Per taint sink kind, its fixes by name (fixes.ts and server/src/fixes/ take their titles from here). */
export const TAINT_FIXES = {
  sql: {
    params: {
      title: 'Pass the values as query parameters',
      families: ['js', 'python'],
      when: 'the file imports one known database driver, whose placeholder style is used',
    },
  },
  path: {
    basename: {
      title: 'Keep only the file name (basename) under the root folder',
      families: ['js', 'python'],
      when: 'the path is joined (path.join/path.resolve, os.path.join) with the request value last',
    },
    containment: {
      title: 'Resolve the path under its root folder and refuse one outside it',
      families: ['js', 'python'],
      when: 'the path is built from a known root (a constant, __dirname, a module-level name, configuration) and the value',
    },
  },
  redirect: {
    site: {
      title: 'Redirect only to paths on this site',
      families: ['js', 'python'],
      when: 'the target is not built on a fixed absolute URL',
    },
  },
  command: {
    shlex: {
      title: 'Quote the values with shlex.quote',
      families: ['python'],
      when: 'each value becomes one argument of a fixed program',
    },
  },
  code: {
    json: {
      title: 'Parse the value as JSON (JSON.parse) instead of running it',
      families: ['js'],
      when: 'eval gets a value read from somewhere, its result is used as a value, and nothing names it as code',
    },
    literal: {
      title: 'Parse the value as a Python literal (ast.literal_eval) instead of running it',
      families: ['python'],
      when: 'eval gets a value read from somewhere, its result is used as a value, and nothing names it as code',
    },
  },
  ssrf: {
    allowList: {
      title: 'Allow only hosts listed in ALLOWED_HOSTS (fill in the set)',
      families: ['js', 'python'],
      when: 'the URL is passed to the request call; the set starts empty, so the fix is never applied unread',
    },
  },
  html: {
    escape: {
      title: 'Escape the values inserted into the HTML',
      families: ['js', 'python'],
      when: 'an HTML response is built in place (concatenation, template literal, f-string, %, .format) or is the request value itself',
    },
  },
  template: {
    variables: {
      title: 'Pass the values to the template as variables',
      families: ['python'],
      when: 'Flask render_template_string gets a string built from constant text and values',
    },
  },
} as const satisfies Record<string, Record<string, TaintFixEntry>>;

export type FixableSinkKind = keyof typeof TAINT_FIXES;

/** The fixes a sink kind can have in a language family (none: the kind has no fix there). */
export function taintFixFor(kind: string, family: Family): TaintFixEntry[] {
  const entries: Record<string, TaintFixEntry> | undefined = (TAINT_FIXES as Record<string, Record<string, TaintFixEntry>>)[kind];
  return Object.values(entries ?? {}).filter((e) => e.families.includes(family));
}

export interface RecipeFixEntry {
  title: string;
  when: string;
}

const PURIFY: RecipeFixEntry = {
  title: 'Sanitize the HTML with DOMPurify',
  when: 'the file imports DOMPurify, or the nearest package.json lists dompurify or isomorphic-dompurify',
};

/** The fixes each recipe (server/src/fixes/recipes.ts) can offer, by name, with their titles. */
export const RECIPE_FIXES = {
  'react-html': {
    purify: PURIFY,
    text: { title: 'Render the value as text (React escapes it)', when: 'the element has no children and the object holds only `__html`' },
  },
  'inner-html': {
    purify: PURIFY,
    text: { title: 'Set textContent instead (the value is shown as text, not parsed as HTML)', when: 'the property is innerHTML' },
  },
  'js-secure-random': {
    node: { title: "Draw the value from Node's crypto module (randomBytes, randomInt)", when: 'the file is Node code (CommonJS, or it imports Node modules)' },
    web: { title: 'Draw the value from crypto.getRandomValues (Web Crypto)', when: 'the file is browser code (React, JSX) and `crypto` is not another name' },
  },
  'py-secure-random': {
    secrets: { title: 'Use the secrets module (the operating system\'s random source)', when: 'the random function has a secrets equivalent (all of them do, through SystemRandom)' },
  },
  'js-password-hash': {
    scrypt: {
      title: 'Hash passwords with scrypt and a random salt (existing hashes must be reset)',
      when: 'a function of the file that is not exported returns the hash, and every caller is async (its comparisons become verifyPassword)',
    },
  },
  'py-password-hash': {
    scrypt: {
      title: 'Hash passwords with hashlib.scrypt and a random salt (existing hashes must be reset)',
      when: 'a module-level function returns the hash (its comparisons in the file become verify_password)',
    },
  },
  'data-eval': {
    json: TAINT_FIXES.code.json,
    literal: TAINT_FIXES.code.literal,
  },
  'yaml-safe-loader': {
    safe: { title: 'Load with SafeLoader or CSafeLoader (plain data only)', when: 'the loader is a PyYAML loader named in the call' },
  },
} as const satisfies Record<string, Record<string, RecipeFixEntry>>;

export type RecipeName = keyof typeof RECIPE_FIXES;

/** The titles a rule's own fix can have: its recipe's fixes, or its template's title. */
export function fixTitlesOf(rule: RuleFixFacts): string[] {
  const recipe = rule.fix?.recipe ? (RECIPE_FIXES as Record<string, Record<string, RecipeFixEntry>>)[rule.fix.recipe] : undefined;
  if (recipe) return Object.values(recipe).map((e) => e.title);
  return rule.fix?.title ? [rule.fix.title] : [];
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
  taint?: { sinks?: readonly unknown[] };
}

function sinkKinds(sinks: readonly unknown[] | undefined): string[] {
  const kinds = (sinks ?? []).map((s) => (typeof s === 'string' ? s : s && typeof s === 'object' ? (s as { kind?: unknown }).kind : undefined));
  return kinds.filter((k): k is string => typeof k === 'string');
}

function familiesOf(rule: RuleFixFacts): Set<Family> {
  return new Set([...(rule.languages ?? [])].flatMap(expandRuleLanguage).map((id) => languageSpec(id).family));
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
  const recipe = rule.fix?.recipe ? (RECIPE_FIXES as Record<string, Record<string, RecipeFixEntry>>)[rule.fix.recipe] : undefined;
  if (recipe) return Object.values(recipe).map((e) => `${e.title} (offered when ${e.when})`);
  if (rule.fix?.title) return [rule.fix.title];
  if (rule.mode === 'secret') return [SECRET_FIX];
  if (rule.mode !== 'taint') return [];
  const families = familiesOf(rule);
  const out = fixDonors(rule, rules).map((p) => `${p.fix!.title} (where ${p.id} reports the same call)`);
  for (const kind of new Set(sinkKinds(rule.taint?.sinks))) {
    const entries = Object.values((TAINT_FIXES as Record<string, Record<string, TaintFixEntry>>)[kind] ?? {});
    for (const entry of entries) if (entry.families.some((f) => families.has(f))) out.push(`${entry.title} (offered when ${entry.when})`);
  }
  return out;
}

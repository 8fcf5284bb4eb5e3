/**
 * Which taint sink kinds have a quick fix, in which language family, and what it is called.
 * fixes.ts offers a fix only for the entries here (and takes their titles from here), and
 * scripts/ruleDocs.mjs reads the same table for the "Quick fix" line of each rule page, so
 * the docs cannot promise a fix the editor does not make, or miss one it does.
 *
 * scripts/ruleDocs.mjs bundles this file with esbuild: import only the import-free registry.
 */
import { expandRuleLanguage, Family, languageSpec } from '../languages/registry';

export interface TaintFixEntry {
  title: string;
  families: readonly Family[];
  /** When the fix is offered (a fix that cannot be made exactly is not offered). */
  when: string;
}

export const TAINT_FIXES = {
  sql: {
    title: 'Pass the values as query parameters',
    families: ['js', 'python'],
    when: 'the file imports one known database driver, whose placeholder style is used',
  },
  path: {
    title: 'Keep only the file name (basename) under the root folder',
    families: ['js', 'python'],
    when: 'the path is joined (path.join/path.resolve, os.path.join) with the request value last',
  },
  redirect: {
    title: 'Redirect only to paths on this site',
    families: ['js', 'python'],
    when: 'the target is not built on a fixed absolute URL',
  },
  command: {
    title: 'Quote the values with shlex.quote',
    families: ['python'],
    when: 'each value becomes one argument of a fixed program',
  },
} as const satisfies Record<string, TaintFixEntry>;

export type FixableSinkKind = keyof typeof TAINT_FIXES;

export function taintFixFor(kind: string, family: Family): TaintFixEntry | undefined {
  const entry: TaintFixEntry | undefined = (TAINT_FIXES as Record<string, TaintFixEntry>)[kind];
  return entry?.families.includes(family) ? entry : undefined;
}

/** What a secret finding's fix does (engine/secretFixes.ts). */
export const SECRET_FIX = 'Read the value from an environment variable (string literals in JavaScript, TypeScript and Python code, and in compose files)';

/** The parts of a rule (as written in its YAML, or compiled) that decide which quick fixes it can have. */
export interface RuleFixFacts {
  id?: string;
  mode?: string;
  languages?: Iterable<string>;
  cwe?: readonly string[];
  fix?: { title?: string };
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
  if (rule.fix?.title) return [rule.fix.title];
  if (rule.mode === 'secret') return [SECRET_FIX];
  if (rule.mode !== 'taint') return [];
  const families = familiesOf(rule);
  const out = fixDonors(rule, rules).map((p) => `${p.fix!.title} (where ${p.id} reports the same call)`);
  for (const kind of new Set(sinkKinds(rule.taint?.sinks))) {
    const entry = (TAINT_FIXES as Record<string, TaintFixEntry>)[kind];
    if (entry && entry.families.some((f) => families.has(f))) out.push(`${entry.title} (offered when ${entry.when})`);
  }
  return out;
}

/** The package ecosystems Ward reads (OSV's names) and what differs between them. */

export type Ecosystem = 'npm' | 'PyPI' | 'Maven' | 'Go';

export const ECOSYSTEMS: readonly Ecosystem[] = ['npm', 'PyPI', 'Maven', 'Go'];

/** The rule that reports a vulnerable package of each ecosystem (rules/dependencies/). */
export const RULE_IDS: Readonly<Record<Ecosystem, string>> = {
  npm: 'dep-vulnerable-npm',
  PyPI: 'dep-vulnerable-pypi',
  Maven: 'dep-vulnerable-maven',
  Go: 'dep-vulnerable-go',
};

/** `pypi` → `PyPI`: the command line takes any case. */
export function ecosystemNamed(name: string): Ecosystem | undefined {
  return ECOSYSTEMS.find((e) => e.toLowerCase() === name.trim().toLowerCase());
}

/**
 * The name packages are looked up by. PyPI names compare after PEP 503 normalisation
 * (`Django_REST.framework` = `django-rest-framework`); Maven's `group:artifact` and Go's
 * module paths are case-sensitive, like npm's names.
 */
export function packageKey(ecosystem: Ecosystem, name: string): string {
  return ecosystem === 'PyPI' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
}

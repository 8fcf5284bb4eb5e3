/** Where Ward's own rules are: next to the bundle (dist/rules), or the repository's rules/ when run from source. */
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export function builtinRulesDir(): string {
  const candidates = [join(__dirname, 'rules'), join(__dirname, '..', '..', '..', 'rules')];
  return candidates.find((d) => existsSync(d)) ?? candidates[0]!;
}

let trustedDirs: string[] | undefined;

/**
 * Built-in rules are trusted: their regexes are checked by Ward's tests, not at every
 * load. That is the shipped copy and, in Ward's own repository, the rules/ it is built
 * from. Everything else (`--rules`, `extraRuleFolders`, inline text) is checked as it loads.
 */
export function isBuiltinRuleFile(file: string): boolean {
  trustedDirs ??= [builtinRulesDir(), join(__dirname, '..', 'rules')]
    .map((d) => resolve(d))
    .filter((d) => existsSync(join(d, 'rule.schema.json')));
  const full = resolve(file);
  return trustedDirs.some((d) => full.startsWith(d + sep));
}

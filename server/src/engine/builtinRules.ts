/** Where Ward's own rules are: next to the bundle (dist/rules), or the repository's rules/ when run from source. */
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export function builtinRulesDir(): string {
  const candidates = [join(__dirname, 'rules'), join(__dirname, '..', '..', '..', 'rules')];
  return candidates.find((d) => existsSync(d)) ?? candidates[0]!;
}

/**
 * Built-in rules are trusted: their regexes are checked by Ward's tests, not at every
 * load. Everything else (`--rules`, `extraRuleFolders`, inline text) is checked when it loads.
 */
export function isBuiltinRuleFile(file: string): boolean {
  const dir = resolve(builtinRulesDir());
  return resolve(file).startsWith(dir + sep);
}

/** Dotted-name globs (`child_process.exec`, `**.innerHTML`, `hashlib.*`) compiled to predicates. */
import type { NameMatcher } from './rule';
import { generatedRegExp, TRUSTED } from './ruleRegex';

function escape(s: string): string {
  return s.replace(/[|\\{}()[\]^$+?.]/g, '\\$&');
}

/** Globs come from users' rules and models too: two or more wildcards can backtrack, so those are checked. */
export function globToRegExp(glob: string): RegExp {
  const parts = glob.split('.');
  let src = '';
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part === '**') {
      src += last ? '.*' : '(?:[^.]+\\.)*';
      return;
    }
    src += escape(part).replace(/\*/g, '[^.]*');
    if (!last) src += '\\.';
  });
  // Shown linear without the check (which costs start-up time): at most one `**` (one loop
  // over whole segments), and at most one `*` per segment (loops that cannot read a dot,
  // with a dot between any two). `**.x.**` or `a*b*` are checked, and run on RE2 if need be.
  const simple = parts.filter((p) => p === '**').length <= 1 && parts.every((p) => p === '**' || (p.match(/\*/g) ?? []).length <= 1);
  return simple ? new RegExp(`^${src}$`) : generatedRegExp(`^${src}$`);
}

/**
 * The globs become regexes on the first name tested: every thread loads every rule and model,
 * and compiling all their globs up front was a third of a scan worker's start-up, mostly for
 * languages the worker never sees.
 */
export function compileNames(names: string | string[] | undefined): NameMatcher | undefined {
  if (names === undefined) return undefined;
  const list = Array.isArray(names) ? names : [names];
  const exact = new Set(list.filter((n) => !n.includes('*')));
  const patterns = list.filter((n) => n.includes('*'));
  if (patterns.length === 0) return (q) => exact.has(q);
  let globs: RegExp[] | undefined;
  return (q) => exact.has(q) || (globs ??= patterns.map(globToRegExp)).some((g) => g.test(q));
}

/** A built-in rule regex (`(?i)` at the start means case-insensitive); users' regexes go through RuleRegexes. */
export function compileRegex(src: string): RegExp {
  return TRUSTED.compile(src, []);
}

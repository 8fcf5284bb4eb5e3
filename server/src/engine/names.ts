/** Dotted-name globs (`child_process.exec`, `**.innerHTML`, `hashlib.*`) compiled to predicates. */
import type { NameMatcher } from './rule';

function escape(s: string): string {
  return s.replace(/[|\\{}()[\]^$+?.]/g, '\\$&');
}

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
  return new RegExp(`^${src}$`);
}

export function compileNames(names: string | string[] | undefined): NameMatcher | undefined {
  if (names === undefined) return undefined;
  const list = Array.isArray(names) ? names : [names];
  const exact = new Set(list.filter((n) => !n.includes('*')));
  const globs = list.filter((n) => n.includes('*')).map(globToRegExp);
  return (q) => exact.has(q) || globs.some((g) => g.test(q));
}

/** Rule regexes are written portably: `(?i)` at the start means case-insensitive. */
export function compileRegex(src: string): RegExp {
  return src.startsWith('(?i)') ? new RegExp(src.slice(4), 'i') : new RegExp(src);
}

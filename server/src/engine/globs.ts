/** Path globs as users write them in `ward.exclude` and rule `paths` (gitignore-like). */
import { generatedRegExp } from './ruleRegex';

function escapeChar(ch: string): string {
  return /[|\\{}()[\]^$+?.*]/.test(ch) ? '\\' + ch : ch;
}

/**
 * `**` crosses folders, `*` and `?` stay inside one, `{a,b}` is either. A pattern with no
 * slash matches a name at any depth (`node_modules`, `*.min.js`); a trailing slash is the same.
 */
/** `trusted`: a built-in rule's glob, used as is (checking it would only cost start-up time). */
export function pathGlobToRegExp(glob: string, flags = '', trusted = false): RegExp {
  let g = glob.trim().replace(/\\/g, '/');
  if (g.endsWith('/')) g = g.slice(0, -1);
  const anchored = g.includes('/');
  if (g.startsWith('/')) g = g.slice(1);
  let src = '';
  let braces = 0;
  for (let i = 0; i < g.length; i++) {
    const ch = g[i]!;
    if (ch === '*') {
      if (g[i + 1] === '*') {
        const slashAfter = g[i + 2] === '/';
        src += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else src += '[^/]*';
    } else if (ch === '?') src += '[^/]';
    else if (ch === '{') {
      braces++;
      src += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      src += ')';
    } else if (ch === ',' && braces > 0) src += '|';
    else src += escapeChar(ch);
  }
  const prefix = anchored ? '^' : '^(?:.*/)?';
  // Matching a folder also matches everything inside it.
  // `*a*a*a*` backtracks on long paths: globs with several wildcards are checked (and run on
  // RE2 if need be). One wildcard costs at most the square of a path's length.
  const source = `${prefix}${src}(?:/.*)?$`;
  return trusted || (g.match(/\*+|\?/g) ?? []).length <= 1 ? new RegExp(source, flags) : generatedRegExp(source, flags);
}

export function compilePathGlobs(globs: readonly string[], trusted = false): RegExp[] {
  return globs.filter((g) => g.trim() !== '' && !g.trim().startsWith('#')).map((g) => pathGlobToRegExp(g, '', trusted));
}

/** `relativePath` uses forward slashes and no leading `./`. */
export function matchesAnyGlob(relativePath: string, globs: readonly RegExp[]): boolean {
  const p = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  return globs.some((g) => g.test(p));
}

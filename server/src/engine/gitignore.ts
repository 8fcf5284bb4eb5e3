/**
 * `.gitignore` semantics as git has them: every `.gitignore` from the repository root down
 * (nested ones included) and `.git/info/exclude`; patterns relative to their file's
 * folder; a slash at the start or in the middle anchors a pattern, otherwise it matches
 * at any depth; a trailing slash matches folders only; `*`, `?`, `[a-z]`, `**`; `!`
 * re-includes, and the last matching pattern wins (deeper files after shallower ones). The
 * folder walk (fileCollection.ts) stacks the layers as it descends.
 */
import { existsSync, lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { projectPath } from './paths';
import { readSmallFile } from './smallFiles';

export interface IgnoreRule {
  regex: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

export interface IgnoreLayer {
  base: string;
  rules: IgnoreRule[];
}

function escapeRe(ch: string): string {
  return /[|\\{}()[\]^$+?.*]/.test(ch) ? '\\' + ch : ch;
}

/** One gitignore pattern (without `!` and trailing `/`) as a regex over paths relative to its folder. */
export function gitignorePatternToRegExp(pattern: string): RegExp {
  let p = pattern;
  const anchored = p.slice(0, -1).includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  let src = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === '\\' && i + 1 < p.length) {
      src += escapeRe(p[++i]!);
    } else if (ch === '*') {
      if (p[i + 1] === '*' && (i === 0 || p[i - 1] === '/')) {
        if (i + 2 === p.length) {
          src += '.*'; // trailing "/**": everything inside
          i++;
          continue;
        }
        if (p[i + 2] === '/') {
          src += '(?:.*/)?'; // "**/": zero or more folders
          i += 2;
          continue;
        }
      }
      while (p[i + 1] === '*') i++;
      src += '[^/]*';
    } else if (ch === '?') src += '[^/]';
    else if (ch === '[') {
      const close = p.indexOf(']', i + 2);
      if (close === -1) src += '\\[';
      else {
        let cls = p.slice(i + 1, close);
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        src += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else src += escapeRe(ch);
  }
  return new RegExp(`${anchored ? '^' : '^(?:.*/)?'}${src}$`);
}

/** Parses a .gitignore text. */
export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    // Trailing spaces are dropped unless escaped with a backslash.
    let line = raw.replace(/(?<!\\)[ \t]+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    if (line === '') continue;
    try {
      rules.push({ regex: gitignorePatternToRegExp(line), negate, dirOnly });
    } catch {
      // A pattern git would accept but no regex can express: skip it rather than fail the scan.
    }
  }
  return rules;
}

/** Far beyond any real ignore file; a bound for one that is not (a link to `/dev/zero`). */
const MAX_IGNORE_BYTES = 16 * 1024 * 1024;

/**
 * An ignore file's rules. Like git (2.32 on), a `.gitignore` that is a symbolic link is not
 * followed: a repository could point it at `/dev/zero` or a FIFO. Only regular files are read.
 */
export function readIgnoreFile(file: string, followLink = false): IgnoreRule[] {
  try {
    if (!followLink && !lstatSync(file).isFile()) return [];
    return parseGitignore(readSmallFile(file, MAX_IGNORE_BYTES, true).toString('utf8'));
  } catch {
    return [];
  }
}

/** The folder holding `.git` at or above `dir`, if any. */
export function gitRoot(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    if (existsSync(join(d, '.git'))) return d;
    const parent = dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

/** Ignore layers that apply inside `dir` from the folders above it (repository root down to `dir`'s parent). */
export function ancestorLayers(dir: string): IgnoreLayer[] {
  const root = gitRoot(dir);
  if (!root) return [];
  const layers: IgnoreLayer[] = [];
  const info = readIgnoreFile(join(root, '.git', 'info', 'exclude'), true);
  if (info.length) layers.push({ base: root, rules: info });
  const chain: string[] = [];
  for (let d = resolve(dir); d !== root && dirname(d) !== d; ) {
    d = dirname(d);
    chain.unshift(d);
  }
  for (const d of chain) {
    const rules = readIgnoreFile(join(d, '.gitignore'));
    if (rules.length) layers.push({ base: d, rules });
  }
  return layers;
}

export function isIgnored(full: string, isDir: boolean, layers: readonly IgnoreLayer[]): boolean {
  let ignored = false;
  for (const layer of layers) {
    const local = projectPath(layer.base, full);
    for (const r of layer.rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.regex.test(local)) ignored = !r.negate;
    }
  }
  return ignored;
}

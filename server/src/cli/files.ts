/** Finds the files a scan covers: given files as is, folders walked with excludes and .gitignore applied. */
import { readdirSync, readFileSync, statSync, lstatSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { compilePathGlobs, matchesAnyGlob, pathGlobToRegExp } from '../engine/globs';
import { languageForPath } from '../languages/registry';

interface IgnoreRule {
  regex: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

/** Reads one .gitignore; patterns are relative to its folder. */
function readGitignore(dir: string): IgnoreRule[] {
  let text: string;
  try {
    text = readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    return [];
  }
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    rules.push({ regex: pathGlobToRegExp(line.replace(/^\\/, '')), negate, dirOnly });
  }
  return rules;
}

export interface WalkOptions {
  exclude: string[];
  /** Include files no grammar parses (config files for secret rules). */
  includeGeneric: boolean;
}

export function collectFiles(paths: string[], options: WalkOptions, cwd = process.cwd()): { root: string; files: string[]; missing: string[] } {
  const excludes = compilePathGlobs(options.exclude);
  const files: string[] = [];
  const missing: string[] = [];
  const root = cwd;
  const wanted = (p: string): boolean => options.includeGeneric || !!languageForPath(p);

  const walk = (dir: string, ignores: { base: string; rules: IgnoreRule[] }[]): void => {
    const own = readGitignore(dir);
    const stack = own.length ? [...ignores, { base: dir, rules: own }] : ignores;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name === '.git') continue;
      const full = join(dir, name);
      let st;
      try {
        st = lstatSync(full);
      } catch {
        continue;
      }
      if (st.isSymbolicLink()) continue;
      const isDir = st.isDirectory();
      const rel = relative(root, full).split(sep).join('/');
      if (matchesAnyGlob(rel, excludes)) continue;
      let ignored = false;
      for (const layer of stack) {
        const local = relative(layer.base, full).split(sep).join('/');
        for (const r of layer.rules) {
          if (r.dirOnly && !isDir) continue;
          if (r.regex.test(local)) ignored = !r.negate;
        }
      }
      if (ignored) continue;
      if (isDir) walk(full, stack);
      else if (st.isFile() && wanted(full)) files.push(full);
    }
  };

  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(abs, []);
    else files.push(abs);
  }
  return { root, files: [...new Set(files)], missing };
}

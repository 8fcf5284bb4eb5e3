/**
 * Finds the files a scan covers: files named on the command line as they are, folders
 * walked with `ward.exclude`, `.gitignore` files and a size cap applied. Shared with the
 * editor's workspace scan.
 *
 * `.gitignore` semantics follow git's: every `.gitignore` from the repository root down
 * (nested ones included) and `.git/info/exclude`; patterns relative to their file's
 * folder; a slash at the start or in the middle anchors a pattern, otherwise it matches
 * at any depth; a trailing slash matches folders only; `*`, `?`, `[a-z]`, `**`; `!`
 * re-includes, and the last matching pattern wins (deeper files after shallower ones); a
 * file inside an ignored folder cannot be re-included, because git never looks inside.
 */
import { Dirent, existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { projectPath } from '../engine/paths';
import { readSmallFile } from '../engine/smallFiles';
import { compilePathGlobs, matchesAnyGlob } from '../engine/globs';
import { languageForPath } from '../languages/registry';

export interface IgnoreRule {
  regex: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

interface IgnoreLayer {
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
function readIgnoreFile(file: string, followLink = false): IgnoreRule[] {
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
function ancestorLayers(dir: string): IgnoreLayer[] {
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

function isIgnored(full: string, isDir: boolean, layers: readonly IgnoreLayer[]): boolean {
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

/**
 * Files no grammar parses are read only for generic (secret) rules; these hold no text
 * worth reading, so a folder walk leaves them out instead of reporting each as binary.
 * Binary key stores (`.p12`, `.pfx`, `.jks`, `.keystore`, …) are deliberately not here:
 * `filename` rules report them by name (Engine.scanFile), so the walk must list them.
 */
const NOT_TEXT = /\.(?:png|jpe?g|gif|bmp|ico|icns|webp|avif|tiff?|psd|svgz|mp[34]|m4a|mov|avi|mkv|webm|wav|ogg|flac|woff2?|ttf|otf|eot|zip|gz|tgz|bz2|xz|zst|7z|rar|jar|war|class|o|a|so|dylib|dll|exe|bin|wasm|pyc|pyo|whl|node|pdf|sqlite3?|db|lockb)$/i;
const NOT_SECRETS = new Set(['.gitignore', '.gitattributes', '.gitmodules', '.npmignore', '.dockerignore', '.eslintignore', '.prettierignore']);

const NOT_REGULAR = 'not a regular file (a FIFO, socket or device)';

function errorWords(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return code ?? (err as Error).message;
}

export interface WalkOptions {
  /** `ward.exclude` globs, relative to the root. */
  exclude: string[];
  /** Include files no grammar parses (config files for secret rules). */
  includeGeneric: boolean;
  /** Files larger than this many bytes are listed in `skipped`, not in `files`. */
  maxBytes?: number;
  /** Apply .gitignore files (default true). */
  gitignore?: boolean;
  /** Checked between folders; a cancelled walk returns what it found so far. */
  token?: { readonly cancelled: boolean };
}

export interface SkippedFile {
  path: string;
  message: string;
}

export interface CollectedFiles {
  root: string;
  files: string[];
  missing: string[];
  skipped: SkippedFile[];
}

export function collectFiles(paths: string[], options: WalkOptions, cwd = process.cwd()): CollectedFiles {
  const excludes = compilePathGlobs(options.exclude);
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: SkippedFile[] = [];
  const root = cwd;
  const useGitignore = options.gitignore !== false;
  const wanted = (p: string, name: string): boolean =>
    !!languageForPath(p) || (options.includeGeneric && !NOT_TEXT.test(name) && !NOT_SECRETS.has(name));
  const tooBig = (full: string, size: number): boolean => {
    if (options.maxBytes === undefined || size <= options.maxBytes) return false;
    skipped.push({ path: full, message: `file is ${(size / 1048576).toFixed(1)} MB, over the ${(options.maxBytes / 1048576).toFixed(1)} MB limit (ward.maxFileSizeMB)` });
    return true;
  };

  const walk = (dir: string, layers: IgnoreLayer[]): void => {
    if (options.token?.cancelled) return;
    const own = useGitignore ? readIgnoreFile(join(dir, '.gitignore')) : [];
    const stack = own.length ? [...layers, { base: dir, rules: own }] : layers;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      // An unreadable folder hides every file in it: said, like an unreadable file.
      skipped.push({ path: dir, message: `cannot read folder: ${errorWords(err)}` });
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name === '.git') continue;
      const full = join(dir, name);
      let st;
      try {
        st = lstatSync(full);
      } catch (err) {
        // Node decodes names as UTF-8; a name that is not UTF-8 comes back with U+FFFD and
        // cannot be opened by it. Gone since the listing (ENOENT otherwise) needs no notice.
        if (name.includes('\ufffd') && (entry.isDirectory() || wanted(full, name))) {
          skipped.push({ path: full, message: `the ${entry.isDirectory() ? 'folder' : 'file'} name is not valid UTF-8, so Ward cannot open it; rename it` });
        } else if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
          skipped.push({ path: full, message: `cannot read: ${errorWords(err)}` });
        }
        continue;
      }
      if (st.isSymbolicLink()) continue;
      const isDir = st.isDirectory();
      const rel = projectPath(root, full);
      if (matchesAnyGlob(rel, excludes)) continue;
      if (isIgnored(full, isDir, stack)) continue;
      if (isDir) walk(full, stack);
      else if (!wanted(full, name)) continue;
      else if (!st.isFile()) skipped.push({ path: full, message: NOT_REGULAR });
      else if (!tooBig(full, st.size)) files.push(full);
    }
  };

  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') missing.push(p);
      else skipped.push({ path: abs, message: `cannot read: ${errorWords(err)}` });
      continue;
    }
    if (st.isDirectory()) walk(abs, useGitignore ? ancestorLayers(abs) : []);
    // A FIFO would block the read, /dev/zero would never end it.
    else if (!st.isFile()) skipped.push({ path: abs, message: NOT_REGULAR });
    else if (!tooBig(abs, st.size)) files.push(abs);
  }
  return { root, files: [...new Set(files)], missing, skipped };
}

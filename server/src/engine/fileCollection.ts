/**
 * Finds the files a folder scan covers (`ward scan`, the editor's Scan Workspace): files
 * named as they are, folders walked with `ward.exclude`, `.gitignore` files (gitignore.ts)
 * and a size cap applied. A file inside an ignored folder cannot be re-included, because
 * git never looks inside.
 */
import { Dirent, lstatSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { languageForPath } from '../languages/registry';
import { ancestorLayers, IgnoreLayer, isIgnored, readIgnoreFile } from './gitignore';
import { compilePathGlobs, matchesAnyGlob } from './globs';
import { projectPath } from './paths';

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
  /** Each walked file's size in bytes, as the walk saw it (a file named on the command line is not in it). */
  sizes: Map<string, number>;
  missing: string[];
  skipped: SkippedFile[];
}

export function collectFiles(paths: string[], options: WalkOptions, cwd = process.cwd()): CollectedFiles {
  const excludes = compilePathGlobs(options.exclude);
  const files: string[] = [];
  const sizes = new Map<string, number>();
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
      else if (!tooBig(full, st.size)) {
        files.push(full);
        sizes.set(full, st.size);
      }
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
  return { root, files: [...new Set(files)], sizes, missing, skipped };
}

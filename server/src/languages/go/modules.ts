/**
 * Go's project packages: `go.mod` names the module path, and an import of
 * `<module>/internal/db` names the folder internal/db beside go.mod. A Go package is a
 * folder, so the import resolves to the `.go` files of that folder the workspace holds, and a
 * file sees the functions of the other files of its folder without importing them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ModuleResolution } from '../taintSyntax';

const goModCache = new Map<string, { root: string; module: string } | null>();

/** The nearest go.mod above `file`: its folder and its module path. */
export function goModuleOf(file: string): { root: string; module: string } | null {
  for (let dir = dirname(file), i = 0; i < 32; i++, dir = dirname(dir)) {
    let found = goModCache.get(dir);
    if (found === undefined) {
      found = null;
      try {
        const text = readFileSync(join(dir, 'go.mod'), 'utf8');
        const m = /^\s*module\s+("?)([^\s"]+)\1/m.exec(text);
        if (m) found = { root: dir, module: m[2]! };
      } catch {
        // No go.mod here: look further up.
      }
      goModCache.set(dir, found);
    }
    if (found) return found;
    if (dirname(dir) === dir) break;
  }
  return null;
}

const folderCache = new Map<string, { stamp: number; files: string[] }>();

/** The `.go` source files of one folder (a package), tests and generated stubs left out. */
function packageFiles(dir: string, known: (path: string) => boolean): string[] {
  try {
    // Listed again only when the folder changed (a file added, removed or renamed): a
    // sharded scan asks for every Go file's package, many times over for each folder.
    const stamp = statSync(dir).mtimeMs;
    let cached = folderCache.get(dir);
    if (cached?.stamp !== stamp) {
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))
        .sort()
        .map((f) => join(dir, f));
      folderCache.set(dir, (cached = { stamp, files }));
    }
    return cached.files.filter(known);
  } catch {
    return [];
  }
}

/** The files of the project package an import path names. */
function packageOf(fromFile: string, spec: string, known: (path: string) => boolean): string[] {
  const mod = goModuleOf(fromFile);
  if (!mod || (spec !== mod.module && !spec.startsWith(mod.module + '/'))) return [];
  const rel = spec.slice(mod.module.length).replace(/^\//, '');
  return packageFiles(join(mod.root, ...rel.split('/').filter(Boolean)), known);
}

/** Every name written just before a call's parentheses (`Name(`, `pkg.Name(`, `x.Name[T](`): a superset of the functions the text calls. */
function calledNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/\b([A-Za-z_]\w*)\s*(?:\[[^\]\n]*\]\s*)?\(/g)) names.add(m[1]!);
  return names;
}

const declaredCache = new Map<string, { stamp: string; names: Set<string> }>();

/**
 * The functions a Go file declares at package level; read again when the file changes.
 * Methods are left out: a call reaches another file's summary by the function's bare name
 * or its package's (crossFile.ts), never through a receiver.
 */
function declaredNames(file: string): Set<string> | undefined {
  let stamp: string;
  try {
    const st = statSync(file);
    stamp = `${st.mtimeMs}:${st.size}`;
  } catch {
    return undefined;
  }
  const cached = declaredCache.get(file);
  if (cached?.stamp === stamp) return cached.names;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const names = new Set<string>();
  for (const m of text.matchAll(/^func\s+([A-Za-z_]\w*)/gm)) names.add(m[1]!);
  declaredCache.set(file, { stamp, names });
  return names;
}

export const goModules: ModuleResolution = {
  projectImports(text) {
    const out = new Set<string>();
    const block = /^\s*import\s*\(([^)]*)\)/gm;
    for (const m of text.matchAll(block)) for (const s of m[1]!.matchAll(/"([^"\n]+)"/g)) out.add(s[1]!);
    for (const m of text.matchAll(/^\s*import\s+(?:[\w.]+\s+)?"([^"\n]+)"/gm)) out.add(m[1]!);
    // Standard library packages have no dot in their first element; project packages do (a module path).
    return [...out].filter((p) => p.split('/')[0]!.includes('.'));
  },

  resolve(fromFile, spec, known) {
    return packageOf(fromFile, spec, known)[0];
  },

  resolveAll: packageOf,

  /** The package is the folder: its other files' functions are called by their bare names. */
  sameScope(fromFile, known) {
    if (fromFile.endsWith('_test.go')) return [];
    return packageFiles(dirname(fromFile), known).filter((f) => f !== fromFile);
  },

  /**
   * An import or the package's own folder names every file of a package, but a summary is
   * looked up by the called function's name: files that declare none of the names the file
   * calls hold no summary it can use (one unreadable is kept).
   */
  narrowTargets(text, targets) {
    const called = calledNames(text);
    return targets.filter((t) => {
      const declared = declaredNames(t);
      if (!declared) return true;
      for (const n of declared) if (called.has(n)) return true;
      return false;
    });
  },

  specifierOf(module) {
    return module.split('/')[0]!.includes('.') ? module : undefined;
  },
};

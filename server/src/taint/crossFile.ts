/**
 * Taint across files: summaries of the functions a module defines, indexed by file, and
 * the lookup that turns an imported name (`findUser` from `./db`, `app.db.find_user`)
 * into the summary of the function in the workspace's own file.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RELATIVE_DOT } from '../languages/javascript';
import type { Family } from '../languages/registry';
import type { Summary } from './context';

/** Absolute file path → exported function name → summary. */
export type SummaryIndex = Map<string, Map<string, Summary>>;

const JS_EXTENSIONS = ['', '.js', '.ts', '.mjs', '.cjs', '.jsx', '.tsx', '/index.js', '/index.ts'];

/** Module specifiers a file imports from its own project (relative JS paths, Python modules). */
export function projectImports(text: string, family: Family): string[] {
  const out = new Set<string>();
  if (family === 'js') {
    for (const m of text.matchAll(/(?:require\(\s*|from\s+|import\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) out.add(m[1]!);
  } else {
    for (const m of text.matchAll(/^\s*from\s+([\w.]+)\s+import\s/gm)) out.add(m[1]!);
    for (const m of text.matchAll(/^\s*import\s+([\w.]+)/gm)) out.add(m[1]!);
  }
  return [...out];
}

/** The workspace file a specifier names, or undefined (a package, a missing file). */
export function resolveModule(fromFile: string, spec: string, family: Family, known: (path: string) => boolean): string | undefined {
  if (family === 'js') {
    if (!spec.startsWith('.')) return undefined;
    const base = resolve(dirname(fromFile), spec);
    for (const ext of JS_EXTENSIONS) {
      const candidate = base + ext;
      if (known(candidate)) return candidate;
    }
    return undefined;
  }
  const parts = spec.split('.');
  // `from app.db import x` is found next to the importing file or in a folder above it.
  for (let dir = dirname(fromFile), i = 0; i < 8; i++, dir = dirname(dir)) {
    for (const candidate of [join(dir, ...parts) + '.py', join(dir, ...parts, '__init__.py')]) if (known(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  return undefined;
}

/** Resolves a qualified callee name in `fromFile` to a summary from the index. */
export function importResolver(index: SummaryIndex, fromFile: string, family: Family): (qualified: string) => Summary | undefined {
  const known = (p: string): boolean => index.has(p);
  return (qualified) => {
    const dot = qualified.lastIndexOf('.');
    if (dot < 0) return undefined;
    const name = qualified.slice(dot + 1);
    let module = qualified.slice(0, dot);
    if (family === 'js') {
      if (!module.startsWith(RELATIVE_DOT)) return undefined;
      module = module.split(RELATIVE_DOT).join('.');
    }
    const file = resolveModule(fromFile, module, family, known);
    return file ? index.get(file)?.get(name) : undefined;
  };
}

/** Marks a summary's trace steps as belonging to `file`, for traces that cross files. */
export function inFile(summary: Summary, file: string): Summary {
  const mark = <T extends { file?: string }>(s: T): T => (s.file ? s : { ...s, file });
  return {
    toReturn: summary.toReturn,
    returnCleanFor: summary.returnCleanFor,
    returnsSources: summary.returnsSources.map((f) => ({ ...f, trace: f.trace.map(mark) })),
    toSinks: summary.toSinks.map((s) => ({ ...s, trace: s.trace.map(mark) })),
  };
}

export { existsSync as fileExists };

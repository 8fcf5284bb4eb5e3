/**
 * Taint across files: summaries of the functions a module defines, indexed by file, and
 * the lookup that turns an imported name (`findUser` from `./db`, `app.db.find_user`)
 * into the summary of the function in the workspace's own file.
 */
import { existsSync } from 'node:fs';
import type { ModuleResolution } from '../languages/taintSyntax';
import type { Summary } from './context';

/** Absolute file path → exported function name → summary. */
export type SummaryIndex = Map<string, Map<string, Summary>>;

/** Resolves a qualified callee name in `fromFile` to a summary from the index. */
export function importResolver(index: SummaryIndex, fromFile: string, modules: ModuleResolution): (qualified: string) => Summary | undefined {
  const known = (p: string): boolean => index.has(p);
  // Every call in the file asks, most of them about the same few modules: each module is
  // resolved once (resolving walks up the folders, joining paths).
  const files = new Map<string, string[]>();
  let scope: string[] | undefined;
  const find = (paths: readonly string[], name: string): Summary | undefined => {
    for (const p of paths) {
      const s = index.get(p)?.get(name);
      if (s) return s;
    }
    return undefined;
  };
  return (qualified) => {
    const dot = qualified.lastIndexOf('.');
    // A bare name the file does not define: a function of another file of the same scope (a Go package).
    if (dot < 0) return modules.sameScope ? find((scope ??= modules.sameScope(fromFile, known)), qualified) : undefined;
    const name = qualified.slice(dot + 1);
    const module = qualified.slice(0, dot);
    let paths = files.get(module);
    if (!paths) {
      const spec = modules.specifierOf(module);
      paths = spec === undefined ? [] : modules.resolveAll ? modules.resolveAll(fromFile, spec, known) : [modules.resolve(fromFile, spec, known)].filter((p): p is string => !!p);
      files.set(module, paths);
    }
    return find(paths, name);
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

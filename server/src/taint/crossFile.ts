/**
 * Taint across files: summaries of the functions a module defines, indexed by file, and
 * the lookup that turns an imported name (`findUser` from `./db`, `app.db.find_user`)
 * into the summary of the function in the workspace's own file, through the modules that
 * pass a name on from another (`Api.helpers = require('./helpers')`, `export * from './db'`).
 */
import { readFileSync, statSync } from 'node:fs';
import type { ModuleResolution, Reexport } from '../languages/taintSyntax';
import type { Summary } from './context';

/** What a module passes on under one name (or under `*`, every name of the other modules). */
export interface PassedOn {
  passedOn: Reexport[];
}

/** One name of a module: the summary of a function it defines, or what it passes on from another module. */
export type ModuleEntry = Summary | PassedOn;

/** Absolute file path → exported name → its summary, or what the module passes on under it. */
export type SummaryIndex = Map<string, Map<string, ModuleEntry>>;

export const isPassedOn = (entry: ModuleEntry | undefined): entry is PassedOn => !!entry && 'passedOn' in entry;

/** How many modules a name is passed through before the lookup gives up (a cycle of re-exports). */
const MAX_HOPS = 4;

/** Resolves a qualified callee name in `fromFile` to a summary from the index. */
export function importResolver(index: SummaryIndex, fromFile: string, modules: ModuleResolution): (qualified: string) => Summary | undefined {
  const known = (p: string): boolean => index.has(p);
  // Every call in the file asks, most of them about the same few modules: each module is
  // resolved once (resolving walks up the folders, joining paths).
  const files = new Map<string, string[]>();
  let scope: string[] | undefined;
  const filesOf = (module: string): string[] => {
    let paths = files.get(module);
    if (!paths) {
      const spec = modules.specifierOf(module);
      paths = spec === undefined ? [] : modules.resolveAll ? modules.resolveAll(fromFile, spec, known) : [modules.resolve(fromFile, spec, known)].filter((p): p is string => !!p);
      files.set(module, paths);
    }
    return paths;
  };
  // `names` read from the module in `file`: the first is its export, the rest members of it.
  const lookUp = (file: string, names: readonly string[], hops: number): Summary | undefined => {
    const entries = index.get(file);
    if (!entries || hops > MAX_HOPS) return undefined;
    const entry = entries.get(names[0]!);
    if (entry && !isPassedOn(entry)) return names.length === 1 ? entry : undefined;
    const via = (r: Reexport, rest: readonly string[]): Summary | undefined => {
      const target = rest.length > 0 ? modules.resolve(file, r.spec, known) : undefined;
      return target && target !== file ? lookUp(target, rest, hops + 1) : undefined;
    };
    for (const r of entry?.passedOn ?? []) {
      const found = via(r, r.member ? [r.member, ...names.slice(1)] : names.slice(1));
      if (found) return found;
    }
    const all = entries.get('*');
    for (const r of isPassedOn(all) ? all.passedOn : []) {
      const found = via(r, names);
      if (found) return found;
    }
    return undefined;
  };
  const find = (paths: readonly string[], names: readonly string[]): Summary | undefined => {
    for (const p of paths) {
      const s = lookUp(p, names, 0);
      if (s) return s;
    }
    return undefined;
  };
  return (qualified) => {
    let dot = qualified.lastIndexOf('.');
    // A bare name the file does not define: a function of another file of the same scope (a Go package).
    if (dot < 0) return modules.sameScope ? find((scope ??= modules.sameScope(fromFile, known)), [qualified]) : undefined;
    // The longest part that names a project module is the module; the rest are names read from
    // it (`activitypub.helpers.query`: `query` of what `activitypub` passes on as `helpers`).
    for (let hops = 0; dot > 0 && hops <= MAX_HOPS; hops++) {
      const paths = filesOf(qualified.slice(0, dot));
      if (paths.length > 0) return find(paths, qualified.slice(dot + 1).split('.'));
      dot = qualified.lastIndexOf('.', dot - 1);
    }
    return undefined;
  };
}

/**
 * Whether a qualified callee name in `fromFile` is a function of one of the project's own
 * modules (a workspace file that defines it, read from its text: `ModuleResolution.definesFunction`),
 * directly or through the modules that pass it on, whether or not its summary is at hand.
 * `db.pool.query` of a module that exports a pool is not; `posts.exists` of one that defines
 * `Posts.exists = async function` is. Each file is read once.
 */
export function projectNames(fromFile: string, modules: ModuleResolution): (qualified: string) => boolean {
  const defines = modules.definesFunction;
  if (!defines) return () => false;
  const texts = new Map<string, string | null>();
  const textOf = (file: string): string | null => {
    let text = texts.get(file);
    if (text === undefined) {
      try {
        text = statSync(file).isFile() ? readFileSync(file, 'utf8') : null;
      } catch {
        text = null; // gone or unreadable: not known to be the project's
      }
      texts.set(file, text);
    }
    return text;
  };
  const isFile = (p: string): boolean => textOf(p) !== null;
  const resolved = new Map<string, string | undefined>();
  const fileOf = (module: string): string | undefined => {
    if (!resolved.has(module)) {
      const spec = modules.specifierOf(module);
      resolved.set(module, spec === undefined ? undefined : modules.resolve(fromFile, spec, isFile));
    }
    return resolved.get(module);
  };
  const defined = (file: string, names: readonly string[], hops: number): boolean => {
    const text = textOf(file);
    if (text === null || hops > MAX_HOPS) return false;
    if (names.length === 1 && defines(text, names[0]!)) return true;
    for (const r of modules.reexports?.(text) ?? []) {
      if (r.name !== names[0] && r.name !== '*') continue;
      const target = modules.resolve(file, r.spec, isFile);
      if (!target || target === file) continue;
      const rest = r.name === '*' ? names : r.member ? [r.member, ...names.slice(1)] : names.slice(1);
      if (rest.length > 0 && defined(target, rest, hops + 1)) return true;
    }
    return false;
  };
  return (qualified) => {
    let dot = qualified.lastIndexOf('.');
    for (let hops = 0; dot > 0 && hops <= MAX_HOPS; hops++) {
      const file = fileOf(qualified.slice(0, dot));
      if (file) return defined(file, qualified.slice(dot + 1).split('.'), 0);
      dot = qualified.lastIndexOf('.', dot - 1);
    }
    return false;
  };
}

/** Marks a summary's trace steps as belonging to `file`, for traces that cross files. */
export function inFile(summary: Summary, file: string): Summary {
  const mark = <T extends { file?: string }>(s: T): T => (s.file ? s : { ...s, file });
  return {
    toReturn: summary.toReturn,
    returnCleanFor: summary.returnCleanFor,
    ...(summary.returnMember ? { returnMember: summary.returnMember } : {}),
    ...(summary.checks ? { checks: summary.checks } : {}),
    returnsSources: summary.returnsSources.map((f) => ({ ...f, trace: f.trace.map(mark) })),
    toSinks: summary.toSinks.map((s) => ({ ...s, trace: s.trace.map(mark) })),
  };
}

/** A module's entries for other files: its functions' summaries (traces marked with `file`), and what it passes on. */
export function moduleEntries(summaries: ReadonlyMap<string, Summary>, reexports: readonly Reexport[], file: string): Map<string, ModuleEntry> {
  const out = new Map<string, ModuleEntry>([...summaries].map(([name, s]) => [name, inFile(s, file)]));
  for (const r of reexports) {
    // A function the module defines under the name is what importers call.
    const entry = out.get(r.name);
    if (entry && !isPassedOn(entry)) continue;
    if (entry) entry.passedOn.push(r);
    else out.set(r.name, { passedOn: [r] });
  }
  return out;
}

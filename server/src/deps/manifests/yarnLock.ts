/**
 * yarn.lock, classic (v1: `version "1.2.3"`) and berry (v2+: YAML, `version: 1.2.3`,
 * `resolution:`, workspaces as `name@workspace:.` entries). Both are read line by line:
 * an entry is a line at indent 0 naming its descriptors (`lodash@^4.17.15, lodash@^4.17.19:`),
 * with `version` and a `dependencies:` block below it.
 */
import type { Dependency, ManifestContext, ParsedManifest } from '../dependency';
import { ManifestError } from '../dependency';
import { shortestPaths } from '../dependencyPaths';
import { LineIndex } from '../textPositions';
import { TextMemo } from './lockfileMemo';

interface Entry {
  name: string;
  version?: string;
  line: number;
  deps: [string, string][];
  /** A workspace of this project (berry), whose dependencies are the direct ones. */
  workspace: boolean;
  local: boolean;
}

const unquote = (s: string): string => s.trim().replace(/^"(.*)"$/, '$1');

/** `@scope/name@npm:^1.0.0` → [`@scope/name`, `npm:^1.0.0`]. */
export function splitDescriptor(d: string): [string, string] {
  const at = d.indexOf('@', 1);
  return at < 0 ? [d, ''] : [d.slice(0, at), d.slice(at + 1)];
}

interface YarnGraph {
  entries: Entry[];
  byDescriptor: Map<string, Entry>;
  index: LineIndex;
}

const graphs = new TextMemo<YarnGraph>();

function readGraph(text: string, ctx: ManifestContext): YarnGraph {
  const lines = text.split('\n');
  const index = new LineIndex(text);
  const entries: Entry[] = [];
  const byDescriptor = new Map<string, Entry>();
  let current: Entry | undefined;
  let inDeps = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (indent === 0) {
      inDeps = false;
      current = undefined;
      if (!line.endsWith(':') || line.startsWith('__metadata')) continue;
      const descriptors = line.slice(0, -1).split(/,\s*/).map(unquote).filter(Boolean);
      const [name] = splitDescriptor(descriptors[0] ?? '');
      if (!name) continue;
      const ranges = descriptors.map((d) => splitDescriptor(d)[1]);
      current = {
        name,
        line: i,
        deps: [],
        workspace: ranges.some((r) => r.startsWith('workspace:')),
        local: ranges.some((r) => /^(workspace|link|portal|file):/.test(r) || r.startsWith('./') || r.startsWith('../')),
      };
      entries.push(current);
      for (const d of descriptors) byDescriptor.set(d, current);
      continue;
    }
    if (!current) continue;
    if (indent <= 2) {
      inDeps = /^(dependencies|optionalDependencies):$/.test(line);
      const m = /^version:?\s+"?([^"\s]+)"?$/.exec(line);
      if (m) current.version = m[1];
      // An npm alias (`foo@npm:bar@1.0.0`) is the package it resolves to.
      const res = /^resolution:\s+"?(.+?)"?$/.exec(line);
      if (res) {
        const [rname, rrange] = splitDescriptor(res[1]!);
        const alias = /^npm:((?:@[^/]+\/)?[^@]+)@/.exec(rrange);
        current.name = alias ? alias[1]! : rname;
      }
      continue;
    }
    if (inDeps && indent >= 4) {
      const m = /^("?)((?:@[^/"\s]+\/)?[^"\s:]+)\1:?\s+"?([^"]*)"?$/.exec(line);
      if (m) current.deps.push([m[2]!, m[3]!]);
    }
  }
  if (entries.length === 0 && text.trim() !== '' && !/yarn lockfile|__metadata/.test(text)) throw new ManifestError(`${ctx.path}: not a yarn.lock`);
  return { entries, byDescriptor, index };
}

/**
 * `directDescriptors`: the project's package.json dependencies (`name@range`). `projectOnly`:
 * only those are direct (for that package.json: a workspace's own version of a package the
 * project also declares is not the project's); otherwise every workspace's are.
 */
export function parseYarnLock(text: string, ctx: ManifestContext, directDescriptors?: readonly string[], projectOnly = false): ParsedManifest {
  const { entries, byDescriptor, index } = graphs.get(text, () => readGraph(text, ctx));
  const find = (name: string, range: string): Entry | undefined => byDescriptor.get(`${name}@${range}`) ?? byDescriptor.get(`${name}@npm:${range}`);
  const edges = (e: Entry): Entry[] => e.deps.map(([n, r]) => find(n, r)).filter((x): x is Entry => !!x);
  let direct: Entry[];
  const workspaces = entries.filter((e) => e.workspace);
  const declared = directDescriptors?.map((d) => find(...splitDescriptor(d))).filter((x): x is Entry => !!x);
  if (projectOnly && declared) direct = declared;
  else if (workspaces.length > 0) direct = workspaces.flatMap(edges);
  else {
    // Classic lockfiles list no workspaces: an entry nothing in the lock requires is some
    // workspace's own dependency (the project's package.json alone left those with no path).
    const required = new Set(entries.flatMap(edges));
    direct = [...new Set([...(declared ?? []), ...entries.filter((e) => !required.has(e))])];
  }
  const paths = shortestPaths(direct, edges, (e) => e.name);
  const directSet = new Set(direct);
  const dependencies: Dependency[] = [];
  for (const e of entries) {
    if (e.local || !e.version) continue;
    dependencies.push({
      ecosystem: 'npm',
      name: e.name,
      version: e.version,
      direct: directSet.has(e) ? true : paths.has(e) ? false : undefined,
      path: paths.get(e) ?? [e.name],
      range: index.lineRange(e.line),
    });
  }
  return { dependencies, notices: [] };
}

/**
 * package-lock.json (lockfileVersion 1, 2, 3) and npm-shrinkwrap.json. Versions 2 and 3
 * list every installed folder under `packages` ("node_modules/a/node_modules/b"), which
 * is resolved as Node does (nearest node_modules up the tree); version 1 nests
 * `dependencies` with `requires`, rebuilt into the same folder keys.
 */
import type { Dependency, ManifestContext, ParsedManifest } from '../dependency';
import { NotInLockfile } from '../dependency';
import { shortestPaths } from '../dependencyPaths';
import { LineIndex } from '../textPositions';
import { TextMemo } from './lockfileMemo';
import { child, entries, Node, parseJsonTree, stringAt } from './jsonTree';

interface Installed {
  name: string;
  version?: string;
  /** The key node, where a finding goes. */
  at?: Node;
  deps: string[];
  /** A link to a workspace folder or a local package: not from the registry. */
  local: boolean;
}

const DEP_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];
const ROOT_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

function namesIn(node: Node | undefined, fields: string[]): string[] {
  return fields.flatMap((f) => entries(child(node, f)).map(([k]) => k));
}

/** Where `name` required from the folder `from` is installed ("" is the project). */
function resolveFrom(installed: Map<string, Installed>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (installed.has(candidate)) return candidate;
    if (base === '') return undefined;
    const up = base.lastIndexOf('/node_modules/');
    base = up >= 0 ? base.slice(0, up) : base.startsWith('node_modules/') ? '' : '';
  }
}

function lastName(key: string): string {
  const i = key.lastIndexOf('node_modules/');
  return i >= 0 ? key.slice(i + 'node_modules/'.length) : key;
}

function fromPackages(packages: Node, installed: Map<string, Installed>): string[] {
  const roots: string[] = [];
  for (const [key, keyNode, value] of entries(packages)) {
    const isModule = key.startsWith('node_modules/') || key.includes('/node_modules/');
    const local = !isModule || child(value, 'link')?.value === true;
    const deps = namesIn(value, key === '' || !isModule ? ROOT_FIELDS : DEP_FIELDS);
    installed.set(key, { name: stringAt(value, 'name') ?? lastName(key), version: stringAt(value, 'version'), at: keyNode, deps, local });
    // The project and its workspaces: their dependencies are the direct ones.
    if (!isModule) roots.push(key);
  }
  return roots;
}

function fromV1(dependencies: Node, installed: Map<string, Installed>, prefix: string): void {
  for (const [name, keyNode, value] of entries(dependencies)) {
    const key = `${prefix}node_modules/${name}`;
    const version = stringAt(value, 'version');
    const local = !!version && /^(file|link):/.test(version);
    installed.set(key, { name, version, at: keyNode, deps: entries(child(value, 'requires')).map(([k]) => k), local });
    fromV1(child(value, 'dependencies')!, installed, `${key}/`);
  }
}

interface LockGraph {
  installed: Map<string, Installed>;
  /** The project and its workspaces (versions 2 and 3); undefined for version 1. */
  roots?: string[];
  /** The lockfile's `name` (version 1's project entry). */
  name: string;
  lines: LineIndex;
}

const graphs = new TextMemo<LockGraph>();

function readGraph(text: string, ctx: ManifestContext): LockGraph {
  const root = parseJsonTree(text, ctx.path);
  const installed = new Map<string, Installed>();
  const packages = child(root, 'packages');
  const roots = packages ? fromPackages(packages, installed) : undefined;
  if (!packages) fromV1(child(root, 'dependencies')!, installed, '');
  return { installed, roots, name: stringAt(root, 'name') ?? '', lines: new LineIndex(text) };
}

/**
 * `directNames`: the project's own dependencies when the lockfile does not list them
 * (version 1 keeps them in package.json); without it, v1 top-level packages nothing requires.
 * `project`: the folder (relative to the lockfile, "" for its own) of the package.json whose
 * dependencies alone are direct: a workspace's own version of a package the project also
 * declares is not the project's. Without it every workspace's are (the lockfile's findings).
 */
export function parsePackageLock(text: string, ctx: ManifestContext, directNames?: readonly string[], project?: string): ParsedManifest {
  const read = graphs.get(text, () => readGraph(text, ctx));
  const lines = read.lines;
  let installed = read.installed;
  let roots: string[];
  if (read.roots) {
    roots = read.roots;
    if (project && !roots.includes(project)) throw new NotInLockfile(`${ctx.path} lists no workspace ${project}`);
    if (project !== undefined && roots.includes(project)) roots = [project];
  } else {
    if (project) throw new NotInLockfile(`${ctx.path} (lockfileVersion 1) lists no workspaces`);
    let names = directNames;
    if (!names) {
      const required = new Set([...installed.values()].flatMap((p) => p.deps));
      names = [...installed.keys()].filter((k) => !k.includes('/node_modules/') && !required.has(installed.get(k)!.name)).map(lastName);
    }
    // The project's entry depends on the caller: a copy, so the remembered graph stays as read.
    installed = new Map(installed);
    installed.set('', { name: read.name, deps: [...names], local: true });
    roots = [''];
  }
  const direct = roots.flatMap((r) => installed.get(r)!.deps.map((d) => resolveFrom(installed, r, d)).filter((k): k is string => !!k));
  const paths = shortestPaths(direct, (key) => installed.get(key)!.deps.map((d) => resolveFrom(installed, key, d)).filter((k): k is string => !!k), (key) => installed.get(key)!.name);
  const directSet = new Set(direct);
  const dependencies: Dependency[] = [];
  for (const [key, p] of installed) {
    if (p.local || !p.version || !p.at || key === '') continue;
    const path = paths.get(key) ?? [p.name];
    dependencies.push({
      ecosystem: 'npm',
      name: p.name,
      version: p.version,
      direct: directSet.has(key) ? true : paths.has(key) ? false : undefined,
      path,
      range: lines.range(p.at.offset, p.at.offset + p.at.length),
    });
  }
  return { dependencies, notices: [] };
}

/**
 * Python lockfiles: poetry.lock and uv.lock (TOML `[[package]]` tables with the graph
 * beside each package) and Pipfile.lock (JSON, `default` and `develop`, no graph). The
 * direct dependencies come from the project file beside them (pyproject.toml, Pipfile)
 * or, for uv, from the project's own entry in the lock.
 */
import { parse } from 'smol-toml';
import type { Dependency, ManifestContext, ParsedManifest } from '../dependency';
import { NotInLockfile } from '../dependency';
import { shortestPaths } from '../dependencyPaths';
import { packageKey } from '../ecosystem';
import { LineIndex } from '../textPositions';
import { child, entries, parseJsonTree, stringAt } from './jsonTree';
import { tomlPackages } from './tomlPackages';

const key = (name: string): string => packageKey('PyPI', name);

function readToml(ctx: ManifestContext, file: string): Record<string, unknown> | undefined {
  const text = ctx.readRelative(file);
  if (text === undefined) return undefined;
  try {
    return parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** A PEP 508 requirement's name: `requests[socks]>=2.0; python_version<"3.8"` → requests. */
function requirementName(req: unknown): string | undefined {
  return typeof req === 'string' ? /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req)?.[1] : undefined;
}

/** Names pyproject.toml depends on: PEP 621 `[project]`, PEP 735 groups, Poetry's tables. */
export function pyprojectNames(pyproject: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  const project = obj(pyproject.project);
  for (const r of Array.isArray(project.dependencies) ? project.dependencies : []) {
    const n = requirementName(r);
    if (n) names.add(key(n));
  }
  for (const list of Object.values(obj(project['optional-dependencies'])).concat(Object.values(obj(pyproject['dependency-groups'])))) {
    for (const r of Array.isArray(list) ? list : []) {
      const n = requirementName(r);
      if (n) names.add(key(n));
    }
  }
  const poetry = obj(obj(pyproject.tool).poetry);
  const tables = [poetry.dependencies, poetry['dev-dependencies'], ...Object.values(obj(poetry.group)).map((g) => obj(g).dependencies)];
  for (const t of tables) for (const n of Object.keys(obj(t))) if (n.toLowerCase() !== 'python') names.add(key(n));
  return names;
}

/** An edge of the graph: uv writes the version only where the lock holds the name at more than one. */
interface Dep {
  name: string;
  version?: string;
}

interface Node {
  name: string;
  version: string;
  line: number;
  deps: Dep[];
}

/** The nodes an edge reaches: the version it names, or every version of the name (usually one). */
function resolver(nodes: readonly Node[]): (d: Dep) => Node[] {
  const byName = new Map<string, Node[]>();
  for (const n of nodes) {
    const k = key(n.name);
    const list = byName.get(k);
    if (list) list.push(n);
    else byName.set(k, [n]);
  }
  return (d) => {
    const all = byName.get(key(d.name)) ?? [];
    if (d.version === undefined) return all;
    const exact = all.filter((n) => n.version === d.version);
    return exact.length > 0 ? exact : all;
  };
}

/** `rootDeps`: the project's own dependencies; without them, the packages nothing requires. */
function fromGraph(nodes: Node[], rootDeps: Dep[] | undefined, index: LineIndex, skip: Set<Node> = new Set()): Dependency[] {
  const resolve = resolver(nodes);
  let roots: Node[];
  if (rootDeps) roots = [...new Set(rootDeps.flatMap(resolve))].filter((n) => !skip.has(n));
  else {
    const required = new Set(nodes.flatMap((n) => n.deps.flatMap(resolve)));
    roots = nodes.filter((n) => !required.has(n) && !skip.has(n));
  }
  const edges = (n: Node): Node[] => n.deps.flatMap(resolve);
  const paths = shortestPaths(roots, edges, (n) => n.name);
  const direct = new Set(roots);
  return nodes
    .filter((n) => !skip.has(n) && n.version)
    .map((n) => ({
      ecosystem: 'PyPI' as const,
      name: n.name,
      version: n.version,
      direct: direct.has(n) ? true : paths.has(n) ? false : undefined,
      path: paths.get(n) ?? [n.name],
      range: index.lineRange(n.line),
    }));
}

/** `declaredNames`: the project's dependencies (pyproject.toml's, as the editor holds it); read from the file beside otherwise. */
export function parsePoetryLock(text: string, ctx: ManifestContext, declaredNames?: readonly string[]): ParsedManifest {
  const { packages } = tomlPackages(text, ctx.path);
  const nodes: Node[] = packages.map((p) => ({
    name: String(p.data.name ?? ''),
    version: String(p.data.version ?? ''),
    line: p.line,
    deps: Object.keys(obj(p.data.dependencies)).map((name) => ({ name })),
  }));
  const pyproject = declaredNames ? undefined : readToml(ctx, 'pyproject.toml');
  const names = declaredNames ?? (pyproject ? [...pyprojectNames(pyproject)] : undefined);
  const declared = names?.map((name) => ({ name }));
  return { dependencies: fromGraph(nodes.filter((n) => n.name), declared, new LineIndex(text)), notices: [] };
}

function uvDeps(list: unknown): Dep[] {
  const out: Dep[] = [];
  for (const d of Array.isArray(list) ? list : []) {
    const { name, version } = obj(d);
    if (typeof name === 'string' && name) out.push(typeof version === 'string' ? { name, version } : { name });
  }
  return out;
}

/**
 * `member`: the project folder (relative to the lock, `.` for its own) whose dependencies
 * alone are direct, for its pyproject.toml; every project's otherwise.
 */
export function parseUvLock(text: string, ctx: ManifestContext, member?: string): ParsedManifest {
  const { packages } = tomlPackages(text, ctx.path);
  const nodes: Node[] = [];
  const projects = new Set<Node>();
  let own: Node | undefined;
  for (const p of packages) {
    const source = obj(p.data.source);
    const groups = [...Object.values(obj(p.data['optional-dependencies'])), ...Object.values(obj(p.data['dev-dependencies']))];
    const node: Node = {
      name: String(p.data.name ?? ''),
      version: String(p.data.version ?? ''),
      line: p.line,
      deps: [...uvDeps(p.data.dependencies), ...groups.flatMap(uvDeps)],
    };
    if (!node.name) continue;
    nodes.push(node);
    // The project itself (and workspace members): local sources, not from an index.
    const local = source.editable ?? source.virtual ?? source.directory ?? source.path;
    if (local !== undefined) {
      projects.add(node);
      if (member !== undefined && typeof local === 'string' && local.replace(/\/+$/, '') === member) own = node;
    }
  }
  if (member !== undefined && member !== '.' && !own) throw new NotInLockfile(`${ctx.path} lists no workspace member ${member}`);
  const rootDeps = own ? own.deps : projects.size > 0 ? [...projects].flatMap((p) => p.deps) : undefined;
  return { dependencies: fromGraph(nodes, rootDeps, new LineIndex(text), projects), notices: [] };
}

export function parsePipfileLock(text: string, ctx: ManifestContext): ParsedManifest {
  const root = parseJsonTree(text, ctx.path);
  const lines = new LineIndex(text);
  const pipfile = readToml(ctx, 'Pipfile');
  const declared = pipfile ? new Set([...Object.keys(obj(pipfile.packages)), ...Object.keys(obj(pipfile['dev-packages']))].map(key)) : undefined;
  const dependencies: Dependency[] = [];
  for (const section of ['default', 'develop']) {
    for (const [name, keyNode, value] of entries(child(root, section))) {
      const version = stringAt(value, 'version')?.replace(/^===?/, '');
      if (!version) continue;
      dependencies.push({
        ecosystem: 'PyPI',
        name,
        version,
        direct: declared ? declared.has(key(name)) : undefined,
        path: [name],
        range: lines.range(keyNode.offset, keyNode.offset + keyNode.length),
      });
    }
  }
  return { dependencies, notices: [] };
}

/**
 * pnpm-lock.yaml, lockfile versions 5 (`/name/1.2.3_peer@1`), 6 (`/name@1.2.3(peer@1)`)
 * and 9 (`name@1.2.3` under `packages`, the graph under `snapshots`). The project's (and
 * each workspace's) dependencies are under `importers`, or at the top in older files.
 */
import { isMap, isScalar, LineCounter, parseDocument, YAMLMap } from 'yaml';
import type { Dependency, ManifestContext, ParsedManifest } from '../dependency';
import { ManifestError, NotInLockfile } from '../dependency';
import { shortestPaths } from '../dependencyPaths';
import { LineIndex } from '../textPositions';
import { TextMemo } from './lockfileMemo';

const ROOT_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'];

/** `1.2.3(react@18.0.0)`, `1.2.3_react@18.0.0` → `1.2.3`. */
function cleanVersion(v: string): string {
  return v.replace(/\(.*$/, '').replace(/_.*$/, '');
}

/** A package key of any version → [name, version]. */
export function splitPnpmKey(key: string): [string, string] | undefined {
  const k = key.startsWith('/') ? key.slice(1) : key;
  const at = k.indexOf('@', 1);
  const slash = k.startsWith('@') ? k.indexOf('/', k.indexOf('/') + 1) : k.indexOf('/');
  // v6/v9 `name@version`; v5 `name/version` (a scoped name has one slash of its own).
  if (at > 0 && (slash < 0 || at < slash)) return [k.slice(0, at), cleanVersion(k.slice(at + 1))];
  if (slash > 0) return [k.slice(0, slash), cleanVersion(k.slice(slash + 1))];
  return undefined;
}

/** A dependency's written version → the node id it points to (`name@version`), or undefined for links. */
function target(name: string, written: unknown): string | undefined {
  const v = typeof written === 'object' && written !== null ? (written as { version?: unknown }).version : written;
  if (typeof v !== 'string' || /^(link|file|workspace):/.test(v)) return undefined;
  // A version first: its peer suffix (`3.2.7(supports-color@5.5.0)`, `3.2.7_supports-color@5.5.0`)
  // holds an `@` that the alias test below took for `name@version`, so the importers' and
  // snapshots' edges pointed nowhere (no direct dependency, no path).
  if (/^\d+\.\d+\.\d+/.test(v)) return `${name}@${cleanVersion(v)}`;
  if (v.startsWith('/') || /^(@[^/]+\/)?[^@/]+@\d/.test(v)) {
    const split = splitPnpmKey(v.startsWith('npm:') ? v.slice(4) : v);
    return split ? `${split[0]}@${split[1]}` : undefined;
  }
  if (v.startsWith('npm:')) {
    const split = splitPnpmKey(v.slice(4));
    return split ? `${split[0]}@${split[1]}` : undefined;
  }
  return `${name}@${cleanVersion(v)}`;
}

function depsOf(entry: unknown, fields: string[]): string[] {
  if (!entry || typeof entry !== 'object') return [];
  const out: string[] = [];
  for (const f of fields) {
    const deps = (entry as Record<string, unknown>)[f];
    if (!deps || typeof deps !== 'object') continue;
    for (const [name, written] of Object.entries(deps as Record<string, unknown>)) {
      const t = target(name, written);
      if (t) out.push(t);
    }
  }
  return out;
}

interface PnpmGraph {
  nodes: Map<string, { name: string; version: string; offset: number; end: number; edges: string[] }>;
  importers: Record<string, unknown>;
  index: LineIndex;
}

const graphs = new TextMemo<PnpmGraph>();

function readGraph(text: string, ctx: ManifestContext): PnpmGraph {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0) throw new ManifestError(`${ctx.path}: not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`);
  const data = doc.toJS({ maxAliasCount: 1000 }) as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || !('lockfileVersion' in data)) throw new ManifestError(`${ctx.path}: not a pnpm lockfile (no lockfileVersion)`);
  const nodes: PnpmGraph['nodes'] = new Map();
  const packagesNode = doc.get('packages', true);
  const packages = (data.packages ?? {}) as Record<string, unknown>;
  const snapshots = (data.snapshots ?? {}) as Record<string, unknown>;
  if (isMap(packagesNode)) {
    for (const pair of (packagesNode as YAMLMap).items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      const split = splitPnpmKey(key);
      if (!split) continue;
      const id = `${split[0]}@${split[1]}`;
      const existing = nodes.get(id);
      const edges = depsOf(packages[key], ['dependencies', 'optionalDependencies']);
      if (existing) existing.edges.push(...edges);
      else nodes.set(id, { name: split[0], version: split[1], offset: pair.key.range[0], end: pair.key.range[1], edges });
    }
  }
  // Version 9 keeps the graph apart, one snapshot per peer combination.
  for (const [key, snap] of Object.entries(snapshots)) {
    const split = splitPnpmKey(key);
    const node = split && nodes.get(`${split[0]}@${split[1]}`);
    if (node) node.edges.push(...depsOf(snap, ['dependencies', 'optionalDependencies']));
  }
  const importers = (data.importers as Record<string, unknown> | undefined) ?? { '.': data };
  return { nodes, importers, index: new LineIndex(text) };
}

/**
 * `importer`: the workspace whose direct dependencies are the roots (`.` for the package.json
 * beside the lockfile); every importer's when undefined (the lockfile's own findings).
 */
export function parsePnpmLock(text: string, ctx: ManifestContext, importer?: string): ParsedManifest {
  const { nodes, importers, index } = graphs.get(text, () => readGraph(text, ctx));
  if (importer !== undefined && importer !== '.' && !(importer in importers)) throw new NotInLockfile(`${ctx.path} lists no workspace ${importer}`);
  // Another workspace's version of a package the root also declares is not the root's.
  const chosen = importer !== undefined && importer in importers ? [importers[importer]] : Object.values(importers);
  const roots = chosen.flatMap((imp) => depsOf(imp, ROOT_FIELDS)).filter((id) => nodes.has(id));
  const paths = shortestPaths(roots, (id) => nodes.get(id)?.edges.filter((e) => nodes.has(e)) ?? [], (id) => nodes.get(id)!.name);
  const direct = new Set(roots);
  const dependencies: Dependency[] = [];
  for (const [id, n] of nodes) {
    dependencies.push({
      ecosystem: 'npm',
      name: n.name,
      version: n.version,
      direct: direct.has(id) ? true : paths.has(id) ? false : undefined,
      path: paths.get(id) ?? [n.name],
      range: index.range(n.offset, n.end),
    });
  }
  return { dependencies, notices: [] };
}

/**
 * Which packages the project a file belongs to depends on, read from the nearest
 * `package.json` above the file (never from the network): a fix may use DOMPurify only
 * where the project already has it. Cached per folder, and per manifest by its size and
 * modification time, so an edited manifest is read again.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface Manifest {
  mtimeMs: number;
  size: number;
  deps: ReadonlySet<string>;
}

/** Folder → the manifest that applies to it (null: none up to the root). */
const nearest = new Map<string, string | null>();
const manifests = new Map<string, Manifest>();
const MAX_MANIFEST_BYTES = 1024 * 1024;

function statOrNull(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function nearestManifest(dir: string): string | null {
  const cached = nearest.get(dir);
  if (cached !== undefined) return cached;
  const candidate = join(dir, 'package.json');
  const st = statOrNull(candidate);
  const parent = dirname(dir);
  const found = st?.isFile() ? candidate : parent === dir ? null : nearestManifest(parent);
  nearest.set(dir, found);
  return found;
}

function readDeps(file: string): ReadonlySet<string> {
  const st = statOrNull(file);
  if (!st || !st.isFile() || st.size > MAX_MANIFEST_BYTES) return new Set();
  const known = manifests.get(file);
  if (known && known.mtimeMs === st.mtimeMs && known.size === st.size) return known.deps;
  let deps = new Set<string>();
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      const section = json[field];
      if (section && typeof section === 'object') for (const name of Object.keys(section)) deps.add(name);
    }
  } catch {
    deps = new Set(); // unreadable or not JSON: no dependency is known
  }
  manifests.set(file, { mtimeMs: Number(st.mtimeMs), size: Number(st.size), deps });
  return deps;
}

/**
 * The first of `names` that the nearest package.json above `file` lists (in any of its
 * dependency sections), or undefined — also when the file has no path (an unsaved buffer).
 */
export function npmDependency(file: string | undefined, names: readonly string[]): string | undefined {
  if (!file) return undefined;
  const manifest = nearestManifest(dirname(file));
  if (!manifest) return undefined;
  const deps = readDeps(manifest);
  return names.find((n) => deps.has(n));
}

/** Forgets what was read (tests that write manifests). */
export function clearDependencyCache(): void {
  nearest.clear();
  manifests.clear();
}

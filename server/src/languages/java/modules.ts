/**
 * Java's project classes: `import com.acme.db.Users;` names the file com/acme/db/Users.java
 * under a source root, found from the importing file's own package folder upwards, or, in a
 * build of several modules (Maven, Gradle), under the `src/main/java` of a sibling module
 * (`shop-admin/src/main/java/…` importing from `shop-common/src/main/java/…`).
 */
import { readdirSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { ModuleResolution } from '../taintSyntax';

const SOURCE_ROOT = join('src', 'main', 'java');
/** Folder → its sub-folders' names (read once per scan). */
const childrenCache = new Map<string, string[]>();

function children(dir: string): string[] {
  let names = childrenCache.get(dir);
  if (!names) {
    try {
      names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name).sort();
    } catch {
      names = []; // unreadable or gone: no modules there
    }
    childrenCache.set(dir, names);
  }
  return names;
}

/**
 * The source roots of the modules beside the one `fromFile` is in: the `src/main/java` of each
 * folder next to its module, and of each folder one level up (an aggregator inside the build:
 * `shop/shop-modules/orders` importing from `shop/shop-core`).
 */
function moduleSourceRoots(fromFile: string): string[] {
  const at = fromFile.lastIndexOf(sep + SOURCE_ROOT + sep);
  if (at < 0) return [];
  const moduleDir = fromFile.slice(0, at);
  const roots: string[] = [];
  let holder = dirname(moduleDir);
  for (let depth = 0; depth < 2 && dirname(holder) !== holder; depth++, holder = dirname(holder)) {
    for (const name of children(holder)) roots.push(join(holder, name, SOURCE_ROOT));
  }
  return roots;
}

export const javaModules: ModuleResolution = {
  projectImports(text) {
    const out = new Set<string>();
    for (const m of text.matchAll(/^\s*import\s+(?!static\b)([\w.]+)\s*;/gm)) out.add(m[1]!);
    return [...out];
  },

  resolve(fromFile, spec, known) {
    const parts = spec.split('.');
    for (let dir = dirname(fromFile), i = 0; i < 12; i++, dir = dirname(dir)) {
      const candidate = join(dir, ...parts) + '.java';
      if (known(candidate)) return candidate;
      if (dirname(dir) === dir) break;
    }
    for (const root of moduleSourceRoots(fromFile)) {
      const candidate = join(root, ...parts) + '.java';
      if (known(candidate)) return candidate;
    }
    return undefined;
  },

  specifierOf(module) {
    return module;
  },
};

/**
 * Python's project modules: `import a.b` / `from a.b import c`, found next to the file or in a
 * folder above it; relative ones (`from .db import c`) from the file's package.
 */
import { dirname, join } from 'node:path';
import type { ModuleResolution } from '../taintSyntax';
import { PACKAGE_SEGMENT, PARENT_SEGMENT } from './syntax';

export const pythonModules: ModuleResolution = {
  projectImports(text) {
    const out = new Set<string>();
    for (const m of text.matchAll(/^[ \t]*from\s+([\w.]+)\s+import\s+(\([^)]*\)|[^\n#]*)/gm)) {
      out.add(m[1]!);
      // `from . import db` / `from .pkg import db`: each name may be a module of the package.
      if (m[1]!.startsWith('.')) for (const name of m[2]!.replace(/[()]/g, '').split(',')) {
        const bare = name.trim().split(/\s+/)[0];
        if (bare) out.add(m[1]!.endsWith('.') ? `${m[1]}${bare}` : `${m[1]}.${bare}`);
      }
    }
    for (const m of text.matchAll(/^\s*import\s+([\w.]+)/gm)) out.add(m[1]!);
    return [...out];
  },

  resolve(fromFile, spec, known) {
    // `from .db import x` / `from ..pkg import db`: one dot is the importing file's package
    // (its folder), each further dot a folder up; nothing is searched.
    const dots = /^\.+/.exec(spec)?.[0].length ?? 0;
    if (dots > 0) {
      let dir = dirname(fromFile);
      for (let i = 1; i < dots; i++) dir = dirname(dir);
      const rest = spec.slice(dots).split('.').filter(Boolean);
      const candidates = rest.length > 0 ? [join(dir, ...rest) + '.py', join(dir, ...rest, '__init__.py')] : [join(dir, '__init__.py')];
      return candidates.find(known);
    }
    const parts = spec.split('.');
    // `from app.db import x` is found next to the importing file or in a folder above it.
    for (let dir = dirname(fromFile), i = 0; i < 8; i++, dir = dirname(dir)) {
      for (const candidate of [join(dir, ...parts) + '.py', join(dir, ...parts, '__init__.py')]) if (known(candidate)) return candidate;
      if (dirname(dir) === dir) break;
    }
    return undefined;
  },

  specifierOf(module) {
    // `__package__.__parent__.pkg` (a relative import's binding, syntax.ts) is `..pkg`.
    const parts = module.split('.');
    if (parts[0] !== PACKAGE_SEGMENT) return module;
    let dots = 1;
    while (parts[dots] === PARENT_SEGMENT) dots++;
    const rest = parts.slice(dots).join('.');
    return '.'.repeat(dots) + rest;
  },
};

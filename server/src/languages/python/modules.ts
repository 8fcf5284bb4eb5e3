/** Python's project modules: `import a.b` / `from a.b import c`, found next to the file or in a folder above it. */
import { dirname, join } from 'node:path';
import type { ModuleResolution } from '../taintSyntax';

export const pythonModules: ModuleResolution = {
  projectImports(text) {
    const out = new Set<string>();
    for (const m of text.matchAll(/^\s*from\s+([\w.]+)\s+import\s/gm)) out.add(m[1]!);
    for (const m of text.matchAll(/^\s*import\s+([\w.]+)/gm)) out.add(m[1]!);
    return [...out];
  },

  resolve(fromFile, spec, known) {
    const parts = spec.split('.');
    // `from app.db import x` is found next to the importing file or in a folder above it.
    for (let dir = dirname(fromFile), i = 0; i < 8; i++, dir = dirname(dir)) {
      for (const candidate of [join(dir, ...parts) + '.py', join(dir, ...parts, '__init__.py')]) if (known(candidate)) return candidate;
      if (dirname(dir) === dir) break;
    }
    return undefined;
  },

  specifierOf(module) {
    return module;
  },
};

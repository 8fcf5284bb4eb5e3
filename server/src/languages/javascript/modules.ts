/** JavaScript's project modules: relative `require`/`import` paths, resolved with Node's extensions. */
import { dirname, resolve } from 'node:path';
import { RELATIVE_DOT } from './syntax';
import type { ModuleResolution } from '../taintSyntax';

const EXTENSIONS = ['', '.js', '.ts', '.mjs', '.cjs', '.jsx', '.tsx', '/index.js', '/index.ts'];

export const javascriptModules: ModuleResolution = {
  projectImports(text) {
    const out = new Set<string>();
    for (const m of text.matchAll(/(?:require\(\s*|from\s+|import\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) out.add(m[1]!);
    return [...out];
  },

  resolve(fromFile, spec, known) {
    if (!spec.startsWith('.')) return undefined;
    const base = resolve(dirname(fromFile), spec);
    for (const ext of EXTENSIONS) {
      const candidate = base + ext;
      if (known(candidate)) return candidate;
    }
    return undefined;
  },

  // Relative modules are one name segment with U+2024 for their dots (javascript.ts moduleName).
  specifierOf(module) {
    return module.startsWith(RELATIVE_DOT) ? module.split(RELATIVE_DOT).join('.') : undefined;
  },
};

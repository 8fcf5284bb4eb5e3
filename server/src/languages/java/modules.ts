/**
 * Java's project classes: `import com.acme.db.Users;` names the file com/acme/db/Users.java
 * under a source root, found from the importing file's own package folder upwards.
 */
import { dirname, join } from 'node:path';
import type { ModuleResolution } from '../taintSyntax';

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
    return undefined;
  },

  specifierOf(module) {
    return module;
  },
};

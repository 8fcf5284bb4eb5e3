/** JavaScript's project modules: relative `require`/`import` paths, resolved with Node's extensions. */
import { dirname, resolve } from 'node:path';
import { RELATIVE_DOT } from './syntax';
import type { ModuleResolution, Reexport } from '../taintSyntax';

const EXTENSIONS = ['', '.js', '.ts', '.mjs', '.cjs', '.jsx', '.tsx', '/index.js', '/index.ts'];

/** A quoted relative specifier (`'./helpers'`, `"../db"`), captured without its quotes. */
const SPEC = String.raw`['"](\.{1,2}\/[^'"\n]+)['"]`;
const IDENT = String.raw`[A-Za-z_$][\w$]*`;

const escapeName = (name: string): string => name.replace(/\$/g, '\\$');

/**
 * The names a CommonJS module's exports object goes by: `module.exports`, `exports`, and a
 * variable made the same object (`const Api = module.exports;` or `module.exports = Api;`).
 */
function exportObjects(text: string): string[] {
  const names = new Set(['module\\.exports', 'exports']);
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:const|let|var)\s+(${IDENT})\s*=\s*module\.exports\b`, 'g'))) names.add(escapeName(m[1]!));
  for (const m of text.matchAll(new RegExp(String.raw`^\s*module\.exports\s*=\s*(${IDENT})\s*;?\s*$`, 'gm'))) names.add(escapeName(m[1]!));
  return [...names];
}

/** `Api.helpers = require('./helpers')`, `exports.find = require('./db').find`, `module.exports = require('./impl')`. */
function commonjsReexports(text: string): Reexport[] {
  if (!text.includes('require')) return [];
  const out: Reexport[] = [];
  const objects = exportObjects(text).join('|');
  const member = new RegExp(String.raw`^[ \t]*(?:${objects})\.(${IDENT})\s*=\s*require\(\s*${SPEC}\s*\)(?:\.(${IDENT}))?`, 'gm');
  for (const m of text.matchAll(member)) out.push(m[3] ? { name: m[1]!, spec: m[2]!, member: m[3] } : { name: m[1]!, spec: m[2]! });
  for (const m of text.matchAll(new RegExp(String.raw`^[ \t]*module\.exports\s*=\s*require\(\s*${SPEC}\s*\)\s*;?\s*$`, 'gm'))) out.push({ name: '*', spec: m[1]! });
  return out;
}

/** `export * from './users'`, `export * as db from './db'`, `export { find, save as store } from './repo'`. */
function esmReexports(text: string): Reexport[] {
  if (!text.includes('export')) return [];
  const out: Reexport[] = [];
  for (const m of text.matchAll(new RegExp(String.raw`\bexport\s*\*\s*(?:as\s+(${IDENT})\s+)?from\s*${SPEC}`, 'g'))) out.push({ name: m[1] ?? '*', spec: m[2]! });
  // `export type { … } from` passes on types only: no function to summarise.
  for (const m of text.matchAll(new RegExp(String.raw`\bexport\s*\{([^}]*)\}\s*from\s*${SPEC}`, 'g'))) {
    for (const item of m[1]!.split(',')) {
      const parts = item.trim().split(/\s+/);
      if (parts[0] === 'type' || !parts[0]) continue;
      const [member, as, name] = parts;
      out.push({ name: as === 'as' && name ? name : member!, spec: m[2]!, member: member! });
    }
  }
  return out;
}

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

  // Relative modules are one name segment with U+2024 for their dots (javascript.ts moduleName);
  // a real dot after it is a member read from the module (`․/api.helpers`), not part of its path.
  specifierOf(module) {
    return module.startsWith(RELATIVE_DOT) && !module.includes('.') ? module.split(RELATIVE_DOT).join('.') : undefined;
  },

  reexports(text) {
    return [...commonjsReexports(text), ...esmReexports(text)];
  },

  definesFunction(text, name) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || !text.includes(name)) return false;
    const n = escapeName(name);
    // `function n(`, `n = function`, `n = async (a) =>`, `n = a =>`, `n: function`, a method `n(a) {`.
    const shapes = new RegExp(
      String.raw`\bfunction\s*\*?\s*${n}\s*\(|(?:^|[.\s,{])${n}\s*[:=]\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)|^[ \t]*(?:async\s+|static\s+)*${n}\s*\([^)]*\)\s*\{`,
      'm',
    );
    return shapes.test(text);
  },
};

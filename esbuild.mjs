// Bundles the extension client, the language server and the CLI, and copies the
// runtime assets (tree-sitter wasm, rules, docs) next to them so a VSIX is self-contained.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, rmSync, existsSync, chmodSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { writeRuleDocs } from './scripts/ruleDocs.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const outArg = process.argv.indexOf('--outdir');
const dist = outArg > 0 ? process.argv[outArg + 1] : join(root, 'dist');
const watch = process.argv.includes('--watch');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

/** The language packs as data (set below, before the bundles are built). */
let languages;

// The rule schema is compiled to a validator at build time: compiling it with ajv at
// start-up costs the server and the CLI about half a second.
const ruleValidatorPlugin = {
  name: 'rule-validator',
  setup(build) {
    build.onResolve({ filter: /^virtual:rule-validator$/ }, () => ({ path: 'rule-validator', namespace: 'ward' }));
    build.onLoad({ filter: /.*/, namespace: 'ward' }, async () => {
      const { default: Ajv } = await import('ajv');
      const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
      const schema = JSON.parse(readFileSync(join(root, 'rules', 'rule.schema.json'), 'utf8'));
      // A rule's `languages` are the packs' names (the schema file lists the built-in ones for editors).
      if (languages) schema.properties.languages.items.enum = [...new Set([...languages.packs.flatMap((p) => p.ruleLanguages), ...languages.documentPacks.map((d) => d.kind), 'generic'])];
      const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
      return { contents: standaloneCode(ajv, ajv.compile(schema)), loader: 'js', resolveDir: root };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [ruleValidatorPlugin],
  // web-tree-sitter's ESM build reads import.meta.url, which esbuild leaves empty in CJS
  // output; the CJS build has no such reference (see shared/TREE-SITTER.md).
  // jsonc-parser's UMD build requires its own files at run time, which a bundle cannot; its ESM build bundles.
  alias: { 'web-tree-sitter': join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs'), 'jsonc-parser': join(root, 'node_modules/jsonc-parser/lib/esm/main.js') },
};

// The language packs as data (server/src/languages/manifest.ts), built alone and run here: the
// grammars copied, dist/languages.json and the client's document selector follow the registry.
async function loadLanguageManifest() {
  const built = await esbuild.build({ ...common, entryPoints: [join(root, 'server/src/languages/manifest.ts')], write: false, sourcemap: false, plugins: [] });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', '__filename', '__dirname', built.outputFiles[0].text)(module, module.exports, require, join(dist, 'manifest.js'), dist);
  return module.exports.languageManifest();
}
languages = await loadLanguageManifest();

// The client's code languages (client/src/languageClient.ts), without the packs' code.
const editorLanguagesPlugin = {
  name: 'editor-languages',
  setup(build) {
    build.onResolve({ filter: /^virtual:editor-languages$/ }, () => ({ path: 'editor-languages', namespace: 'ward-languages' }));
    build.onLoad({ filter: /.*/, namespace: 'ward-languages' }, () => ({
      contents: `export default ${JSON.stringify(languages.editorLanguages)};\nexport const DOCUMENT_FILES = ${JSON.stringify(languages.documentPacks.flatMap((d) => d.editorFiles))};`,
      loader: 'js',
    }));
  },
};

const builds = [
  // The client is vscode-languageclient and four small files: minified (its size is what VS Code
  // reads at activation), with a metafile so the benchmark and a test can see what is inside.
  { entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(dist, 'extension.js'), external: ['vscode'], minify: true, metafile: true, plugins: [editorLanguagesPlugin] },
  { entryPoints: [join(root, 'server/src/lsp/main.ts')], outfile: join(dist, 'server.js') },
  { entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: join(dist, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: [join(root, 'server/src/wiring/scanWorker.ts')], outfile: join(dist, 'scanWorker.js') },
  { entryPoints: [join(root, 'server/src/wiring/library.ts')], outfile: join(dist, 'engine.js') },
].filter((b) => existsSync(b.entryPoints[0]));

function copyAssets() {
  const wasm = [
    require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
    ...languages.packs.flatMap((p) => p.grammars.map((g) => join(root, 'node_modules', g.wasmPackage, g.wasm))),
    ...languages.documentPacks.filter((d) => d.wasm).map((d) => join(root, 'node_modules', d.wasmPackage, d.wasm)),
  ];
  for (const file of wasm) cpSync(file, join(dist, file.split('/').pop()));
  // Not shipped (.vscodeignore is an allowlist): read by test/unit/languageManifest.test.js.
  writeFileSync(join(dist, 'languages.json'), JSON.stringify(languages, null, 2) + '\n');
  // Rules ship as data next to the bundle; fixtures stay out of the VSIX via .vscodeignore.
  cpSync(join(root, 'rules'), join(dist, 'rules'), {
    recursive: true,
    filter: (src) => !/\.(test|fixed)\.[a-z0-9.]+$/.test(src) && !/\.(test|fixed)$/.test(src) && !/[\\/]_helpers([\\/]|$)/.test(src),
  });
  writeParsedRules(join(dist, 'rules'));
  writeRuleDocs(join(root, 'rules'), join(dist, 'docs', 'rules'));
}

// Parsing the rules' YAML is most of an engine's start-up; the loader takes this parse
// instead when a file's text still has the hash recorded here (server/src/engine/parsedYaml.ts).
function writeParsedRules(dir) {
  const files = {};
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(e.name)) {
        const text = readFileSync(full, 'utf8');
        try {
          files[relative(dir, full).split(sep).join('/')] = { sha1: createHash('sha1').update(text).digest('hex'), data: parseYaml(text) };
        } catch {
          // a YAML error is reported, with its line, when the rule loads
        }
      }
    }
  };
  walk(dir);
  writeFileSync(join(dir, 'rules.parsed.json'), JSON.stringify({ format: 1, files }));
}

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context({ ...common, ...b });
    await ctx.watch();
  }
  copyAssets();
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  // Not shipped (.vscodeignore is an allowlist): read by bench/size.mjs and test/unit/clientBundle.test.js.
  results.forEach((r, i) => r.metafile && writeFileSync(builds[i].outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(r.metafile)));
  copyAssets();
  if (existsSync(join(dist, 'cli.js'))) chmodSync(join(dist, 'cli.js'), 0o755);
}

// Imports between the folders of server/src go one way: down the layers below. The engine
// is the plain library and knows what plugs into it only through its hooks: the taint
// engine (engine/taintHook.ts), the fixes written in code (engine/fixRecipeHook.ts), the
// dependency checker (engine/dependencyHook.ts); the fixes build on the taint engine's facts,
// the packs' fix renderers on the fixes; wiring/ puts them together; the language
// server and the CLI are shells over all of it and do not import each other. Every import
// statement is read (type-only ones too: they are dependencies of the design) with the
// TypeScript scanner, so comments and strings that look like imports are not counted.
//
// Files at server/src's root (settings.ts, protocol.ts, …) are shared by every folder and
// by the client, and are not a folder of this check.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const src = process.env.WARD_SRC || path.join(__dirname, '..', '..', 'server', 'src');

/** Bottom to top: a folder may import folders of lower layers only. */
const LAYERS = [['languages'], ['engine'], ['deps', 'taint'], ['fixes'], ['pack-fixes'], ['wiring'], ['lsp', 'cli']];
const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i])));

/**
 * Imports against the layers that are known, with why and what ends them. The test fails
 * when one no longer occurs: take it off this list then.
 */
const KNOWN = [
  {
    from: 'engine',
    to: 'fixes',
    why: "loading a rule checks its fix recipe's name against the fix catalog (engine/fixTemplate.ts → fixes/catalog.ts)",
  },
  {
    from: 'languages',
    to: 'pack-fixes',
    why: "a language pack's index lists its fix renderers (languages/<lang>/index.ts → languages/<lang>/fixes/index.ts)",
  },
  {
    from: 'languages',
    to: 'engine',
    why: "the fix renderers' interface (languages/packFixes.ts) names the engine's FileContext and Fix types",
  },
  {
    from: 'languages',
    to: 'taint',
    why: "the fix renderers' interface (languages/packFixes.ts) names the taint engine's SinkHit and Summary types",
  },
];
const isKnown = (i) => KNOWN.some((k) => k.from === i.fromFolder && k.to === i.toFolder);

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The file a relative specifier names, or undefined (a package, a virtual module). */
function resolveSpecifier(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, `${base}.d.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}

/**
 * The folder of server/src a file belongs to; undefined for files at its root. A language
 * pack's fix renderers (languages/<lang>/fixes/) sit above the fixes they build on, so they
 * count as their own folder, 'pack-fixes'.
 */
function folderOf(file) {
  const parts = path.relative(src, file).split(path.sep);
  if (parts[0] === 'languages' && parts.length > 3 && parts[2] === 'fixes') return 'pack-fixes';
  return parts.length > 1 ? parts[0] : undefined;
}

const rel = (f) => path.relative(path.join(src, '..', '..'), f).split(path.sep).join('/');

/** Every import from one folder of server/src into another: { from, to, fromFolder, toFolder }. */
function folderImports() {
  const out = [];
  for (const file of sourceFiles(src)) {
    const fromFolder = folderOf(file);
    if (!fromFolder) continue;
    for (const { fileName } of ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles) {
      const target = resolveSpecifier(file, fileName);
      const toFolder = target && folderOf(target);
      if (toFolder && toFolder !== fromFolder) out.push({ from: file, to: target, fromFolder, toFolder });
    }
  }
  return out;
}

test('every folder of server/src has its place in the layers', () => {
  const folders = [...fs.readdirSync(src, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name), 'pack-fixes'];
  const unplaced = folders.filter((f) => !layerOf.has(f));
  assert.deepEqual(unplaced, [], `place these folders in LAYERS (test/unit/importLayers.test.js) by what they import and what imports them: ${unplaced.join(', ')}`);
});

test('imports between folders go down the layers (engine ← taint, never back)', () => {
  const wrong = folderImports()
    .filter((i) => layerOf.has(i.fromFolder) && layerOf.has(i.toFolder) && layerOf.get(i.toFolder) >= layerOf.get(i.fromFolder) && !isKnown(i))
    .map((i) => `${rel(i.from)} → ${rel(i.to)} (${i.fromFolder} may not import ${i.toFolder})`);
  assert.deepEqual(wrong, [], `imports against the layers:\n${wrong.join('\n')}`);
});

test('the known imports against the layers still occur (else take them off KNOWN)', () => {
  const imports = folderImports();
  const gone = KNOWN.filter((k) => !imports.some((i) => i.fromFolder === k.from && i.toFolder === k.to)).map((k) => `${k.from} → ${k.to}`);
  assert.deepEqual(gone, [], 'these no longer import against the layers: take them off KNOWN');
});

test('no import cycle between folders (read from the imports alone, whatever the layers say)', () => {
  const edges = new Map();
  const example = new Map();
  for (const i of folderImports().filter((i) => !isKnown(i))) {
    if (!edges.has(i.fromFolder)) edges.set(i.fromFolder, new Set());
    edges.get(i.fromFolder).add(i.toFolder);
    const key = `${i.fromFolder}→${i.toFolder}`;
    if (!example.has(key)) example.set(key, `${rel(i.from)} → ${rel(i.to)}`);
  }
  const cycles = [];
  const state = new Map(); // folder → 'open' | 'done'
  const visit = (folder, trail) => {
    if (state.get(folder) === 'done') return;
    if (state.get(folder) === 'open') {
      const loop = [...trail.slice(trail.indexOf(folder)), folder];
      cycles.push(`${loop.join(' → ')}: ${loop.slice(1).map((to, k) => example.get(`${loop[k]}→${to}`)).join('; ')}`);
      return;
    }
    state.set(folder, 'open');
    for (const next of edges.get(folder) ?? []) visit(next, [...trail, folder]);
    state.set(folder, 'done');
  };
  for (const folder of edges.keys()) visit(folder, []);
  assert.deepEqual(cycles, [], `folders that import each other:\n${cycles.join('\n')}`);
});

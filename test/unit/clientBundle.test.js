// The extension client (dist/extension.js) is vscode-languageclient and Ward's few client
// files: nothing of the engine or the server may come in through a shared import, and it is
// minified (it was 790 KiB unminified). Read from esbuild's metafile, written by the build.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const dist = process.env.WARD_DIST || path.join(root, 'dist');

/** vscode-languageclient and everything it depends on, from the installed package.json files. */
function dependencyClosure(name, from = root, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  // Node's own lookup, by hand: some packages do not export their package.json.
  let pkgFile;
  for (let dir = from; !pkgFile; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(candidate)) pkgFile = candidate;
    else if (dir === path.dirname(dir)) throw new Error(`${name} is not installed`);
  }
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  for (const dep of Object.keys(pkg.dependencies ?? {})) dependencyClosure(dep, path.dirname(pkgFile), seen);
  return seen;
}

test('the client bundle holds only the language client, its dependencies and the client files', async () => {
  const { clientBundle, ownerOf } = await import(path.join(root, 'bench', 'size.mjs'));
  const meta = JSON.parse(fs.readFileSync(path.join(dist, 'extension.meta.json'), 'utf8'));
  const inputs = Object.keys(Object.values(meta.outputs).find((o) => o.entryPoint === 'client/src/extension.ts').inputs);
  const allowedPackages = dependencyClosure('vscode-languageclient');
  // Shared with the server, and small on purpose: names, payload types, count wording.
  const allowedServerFiles = new Set(['server/src/protocol.ts', 'server/src/problemCounts.ts']);
  const stray = inputs.filter((i) => {
    if (i.includes('node_modules/')) return !allowedPackages.has(ownerOf(i));
    if (i.startsWith('client/src/')) return false;
    return !allowedServerFiles.has(i);
  });
  assert.deepEqual(stray, [], 'files the client should not carry');
  const { bytes } = clientBundle(dist);
  assert.ok(bytes < 450 * 1024, `dist/extension.js is ${Math.round(bytes / 1024)} KiB: is it still minified?`);
});

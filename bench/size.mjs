// What the extension costs to download and to load: the client bundle (dist/extension.js,
// which VS Code reads at activation, with what is inside it from esbuild's metafile) and the
// packaged VSIX (built with vsce into a temporary folder, exactly as `npm run package` does).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `node_modules/a/node_modules/b/x.js` → `b`; `client/src/x.ts` → `client/src`. */
export function ownerOf(input) {
  const parts = input.split('/');
  const i = parts.lastIndexOf('node_modules');
  if (i < 0) return parts.slice(0, 2).join('/');
  return parts[i + 1].startsWith('@') ? `${parts[i + 1]}/${parts[i + 2]}` : parts[i + 1];
}

/** The client bundle's size and its bytes by package (or source folder), largest first. */
export function clientBundle(dist) {
  const file = join(dist, 'extension.js');
  const meta = JSON.parse(readFileSync(join(dist, 'extension.meta.json'), 'utf8'));
  const output = Object.entries(meta.outputs).find(([k]) => k.endsWith('extension.js'))[1];
  const by = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) by.set(ownerOf(input), (by.get(ownerOf(input)) ?? 0) + bytesInOutput);
  return { bytes: statSync(file).size, parts: [...by].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, bytes })) };
}

export function vsixSize(root) {
  const dir = mkdtempSync(join(tmpdir(), 'ward-vsix-'));
  try {
    const out = join(dir, 'ward.vsix');
    execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', out], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (!existsSync(out)) throw new Error('vsce wrote no VSIX');
    return statSync(out).size;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function measureSizes(root, dist) {
  return { client: clientBundle(dist), vsixBytes: vsixSize(root) };
}

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;

export function sizeLines(s) {
  const parts = s.client.parts.map((p) => `${p.name} ${kib(p.bytes)}`).join(', ');
  return [`Client bundle (dist/extension.js): ${kib(s.client.bytes)} — ${parts}`, `VSIX (vsce package): ${(s.vsixBytes / 1048576).toFixed(2)} MiB`];
}

// Memory after big documents are opened, edited and closed (issue 12 item 9). The wasm
// heap that holds syntax trees never shrinks (shared/TREE-SITTER.md) and V8 returns freed
// memory lazily, so the first big document raises the resident size for good; what must
// not happen is growth with every further open/edit/close, as a tree or cache kept for a
// closed document would cause (a 1.9 MB document's tree is about 45 MB of wasm heap).
// Measured from outside: VmRSS of the server process (what a user sees, noisy with V8's
// lazy collection), and the size of the wasm heap, read from the process's memory map
// (exact: it grows only when trees need more room than before).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('./client');

const MB = 1024 * 1024;
const ROUNDS = 3;

function rssMB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

/**
 * The size of the tree-sitter wasm memory in MB: V8 reserves a fixed multiple of 1 GiB of
 * address space for a wasm memory and maps the part in use read-write at its start. Undefined
 * when no such mapping is found (another platform or V8).
 */
function wasmHeapMB(pid) {
  let maps;
  try {
    maps = fs.readFileSync(`/proc/${pid}/maps`, 'utf8');
  } catch {
    return undefined;
  }
  const rows = maps.trim().split('\n').map((line) => {
    const [range, perm] = line.split(/\s+/);
    const [start, end] = range.split('-').map((x) => BigInt(`0x${x}`));
    return { start, end, perm };
  });
  const GiB = 1n << 30n;
  const sizes = [];
  const wasm = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const [used, guard] = [rows[i], rows[i + 1]];
    const reserved = guard.end - used.start;
    if (used.perm.startsWith('rw') && guard.perm === '---p' && used.end === guard.start && reserved % GiB === 0n && reserved >= 4n * GiB) {
      sizes.push(Number(used.end - used.start) / MB);
    }
  }
  return sizes.length === 1 ? sizes[0] : undefined;
}

/** About 1.9 MB of route handlers, one in forty running a shell command from the query. */
function bigDocument() {
  const lines = ["const cp = require('child_process');", "const express = require('express');", 'const app = express();'];
  let size = 0;
  for (let i = 0; size < 1.9 * MB; i++) {
    const block = [
      `app.get('/r${i}', (req, res) => {`,
      `  const name${i} = req.query.name || 'guest';`,
      `  if (name${i}.length > ${i % 50}) { res.send('long ' + ${i}); }`,
      i % 40 === 0 ? `  cp.exec('grep ' + name${i});` : `  res.json({ name: name${i}, n: ${i} });`,
      '});',
      '',
    ];
    lines.push(...block);
    size += block.join('\n').length + 1;
  }
  return lines.join('\n');
}

let client;
let workspace;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-lsp-memory-'));
  client = new Client(workspace);
  await client.initialize();
});

after(() => {
  if (client && client.proc.exitCode === null && client.proc.signalCode === null) client.proc.kill();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

test(`opening, editing and closing a 1.9 MB document ${ROUNDS} times does not grow the server's memory`, { timeout: 180000 }, async (t) => {
  // The start: rules loaded, one small file checked.
  const small = client.open('small.js', 'javascript', "exports.f = (x) => x + 1;\n");
  await client.nextDiagnostics(small, 0, () => true);
  const pid = client.proc.pid;
  const start = rssMB(pid);
  const text = bigDocument();
  const sizes = [];
  const wasm = [];
  for (let round = 0; round < ROUNDS; round++) {
    const uri = client.open(`big${round}.js`, 'javascript', text);
    const first = await client.nextDiagnostics(uri, 0, () => true, 'diagnostics of the big document');
    // Parsed (a tree was made), though on a busy machine the analysis may stop at the time budget.
    assert.ok(!first.diagnostics.some((d) => /skipped/.test(d.message)), `the big document is parsed: ${JSON.stringify(first.diagnostics.slice(0, 2))}`);
    const line = 1000 + round * 7000;
    const edit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `// edit ${round}\n` };
    const mark = client.mark(uri);
    const version = client.change(uri, [edit]);
    await client.nextDiagnostics(uri, mark, (_, p) => p.version === version, 'diagnostics after the edit');
    // Every other round closes with a check pending: it must be dropped, not kept.
    if (round % 2 === 1) client.change(uri, [{ range: edit.range, text: '\n' }]);
    client.close(uri);
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }, 60000);
    sizes.push(rssMB(pid));
    wasm.push(wasmHeapMB(pid));
  }
  t.diagnostic(`VmRSS at start ${start.toFixed(0)} MB; after each round: ${sizes.map((s) => s.toFixed(0)).join(', ')} MB; wasm heap: ${wasm.map((w) => w?.toFixed(0) ?? '?').join(', ')} MB`);
  // A tree kept for a closed document (about 45 MB here) makes the next round's trees need
  // more room. Rounds that free everything reuse the first round's heap exactly.
  if (wasm.every((w) => w !== undefined)) {
    assert.ok(wasm[wasm.length - 1] <= wasm[0] + 16, `the wasm heap grew from ${wasm[0]} MB to ${wasm[wasm.length - 1]} MB: a tree outlived its document`);
  }
  const bound = 2 * start + 500;
  for (const s of sizes) assert.ok(s < bound, `VmRSS ${s.toFixed(0)} MB after a round is over 2 × ${start.toFixed(0)} + 500 MB`);
  // Rounds after the first reuse the memory the first one took (give or take V8's lazy GC).
  const growth = sizes[sizes.length - 1] - sizes[0];
  assert.ok(growth < 300, `VmRSS grew ${growth.toFixed(0)} MB from the first round to the last: ${sizes.map((s) => s.toFixed(0)).join(', ')}`);
});

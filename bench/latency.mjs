// Edit→diagnostics latency through the real language server, debounce included.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './lspClient.mjs';

/** A realistic-looking JS module of about `lines` lines with one finding per 100 lines. */
export function generateJs(lines) {
  const out = ["'use strict';", "const cp = require('child_process');", "const path = require('path');", ''];
  let i = 0;
  while (out.length < lines - 8) {
    out.push(
      `function handler${i}(req, res, next) {`,
      `  const id = Number(req.params.id) + ${i};`,
      `  const name = path.join(__dirname, 'data', String(id));`,
      `  if (!name.startsWith(__dirname)) return next(new Error('bad path ${i}'));`,
      i % 10 === 0 ? `  cp.exec('cat ' + name, (err, out) => res.send(out));` : `  res.json({ id, name, items: [1, 2, 3].map((x) => x * ${i}) });`,
      '}',
      '',
    );
    i++;
  }
  out.push('module.exports = {};', '');
  return out.join('\n');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * `busyFolder`: a second workspace folder that "Ward: Scan Workspace" scans while the edits
 * are made (the editor must keep its latency while the scan's workers use the cores).
 */
export async function measureLatency(serverJs, lines, edits = 30, { busyFolder } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'ward-bench-'));
  const file = join(root, `gen${lines}.js`);
  const text = generateJs(lines);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  // The shipped defaults, debounce included (adaptive: at most ward.debounceMs, 150 ms).
  const server = await startServer(serverJs, root, {}, busyFolder ? [busyFolder] : []);
  const first = server.nextDiagnostics(uri);
  server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text } });
  const initial = await first;
  const baseCount = initial.diagnostics.length;
  let scan;
  let scanDoneAt;
  if (busyFolder) {
    scan = server.conn.sendRequest('ward/scanWorkspace', {}).then((r) => {
      scanDoneAt = performance.now();
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the workers are up and scanning
  }
  const times = [];
  let version = 1;
  const lineCount = text.split('\n').length;
  for (let k = 0; k < edits; k++) {
    // Alternate: add a vulnerable line in the middle, then remove it again.
    const line = Math.floor(lineCount / 2);
    const adding = k % 2 === 0;
    const change = adding
      ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `cp.exec('ls ' + process.argv[${k}]);\n` }
      : { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' };
    const expected = adding ? baseCount + 1 : baseCount;
    const target = ++version;
    const waiting = server.nextDiagnostics(uri, (p) => p.version === target && p.diagnostics.length === expected);
    const t0 = performance.now();
    server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: target }, contentChanges: [change] });
    await waiting;
    times.push(performance.now() - t0);
  }
  const editsDoneAt = performance.now();
  const scanned = scan ? await scan : undefined;
  await server.stop();
  times.sort((a, b) => a - b);
  const busy = scan ? { files: scanned.total, wholeTime: scanDoneAt === undefined || scanDoneAt >= editsDoneAt } : undefined;
  return { lines: lineCount, p50: percentile(times, 50), p95: percentile(times, 95), findings: baseCount, busy };
}

/**
 * Open→first diagnostics: the server started fresh (cold: the first file loads the rules'
 * grammar, compiles queries and warms the JIT), then small files opened one after another
 * on the warm server — what a user sees when opening a file in a session already going.
 * `busyFolder`: measured while "Scan Workspace" scans it.
 */
export async function measureOpenLatency(serverJs, opens = 30, { busyFolder } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'ward-open-'));
  const files = [];
  for (let i = 0; i <= opens; i++) {
    const py = i % 3 === 2;
    const text = py
      ? `import os\nfrom flask import Flask, request\napp = Flask(__name__)\n\n@app.route('/r${i}')\ndef r${i}():\n    os.system('ls ' + request.args['d${i}'])\n    return 'ok'\n`
      : `const cp = require('child_process');\nconst express = require('express');\nconst app = express();\napp.get('/r${i}', (req, res) => {\n  cp.exec('ls ' + req.query.d${i});\n  res.send('ok');\n});\nmodule.exports = app;\n`;
    const file = join(root, `f${i}.${py ? 'py' : 'js'}`);
    writeFileSync(file, text);
    files.push({ file, text, languageId: py ? 'python' : 'javascript' });
  }
  const started = performance.now();
  const server = await startServer(serverJs, root, {}, busyFolder ? [busyFolder] : []);
  const ready = performance.now();
  const open = async ({ file, text, languageId }) => {
    const uri = pathToFileURL(file).href;
    const waiting = server.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const t0 = performance.now();
    server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    await waiting;
    return performance.now() - t0;
  };
  const cold = await open(files[0]);
  // A second server, whose first file is opened once its start-up work is done (a session
  // where the user opens a file a moment after the window came up).
  const settledServer = await startServer(serverJs, root, {});
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const firstUri = pathToFileURL(files[1].file).href;
  const firstWaiting = settledServer.nextDiagnostics(firstUri, (p) => p.diagnostics.length > 0);
  const s0 = performance.now();
  settledServer.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: firstUri, languageId: files[1].languageId, version: 1, text: files[1].text } });
  await firstWaiting;
  const settledMs = performance.now() - s0;
  await settledServer.stop();
  let scan;
  if (busyFolder) {
    scan = server.conn.sendRequest('ward/scanWorkspace', {});
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const times = [];
  for (const f of files.slice(1)) times.push(await open(f));
  if (scan) await scan;
  await server.stop();
  times.sort((a, b) => a - b);
  return { startMs: ready - started, coldMs: cold, settledMs, p50: percentile(times, 50), p95: percentile(times, 95), opens: times.length };
}

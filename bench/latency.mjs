// Edit→diagnostics latency through the real language server, debounce included.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateJava } from './java.mjs';
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

/**
 * About `lines` lines of small Express-style handlers, one after another, each registered on
 * its own route; every 10th one sends its input to a command (a finding). `edit`: a line
 * inserted inside a handler in the middle of the file, which adds one finding.
 */
export function generateJsHandlers(lines) {
  const out = ["'use strict';", "const cp = require('child_process');", "const express = require('express');", 'const app = express();', ''];
  let i = 0;
  while (out.length < lines - 8) {
    out.push(
      `function h${i}(req, res) {`,
      `  const v = req.query.p${i};`,
      `  if (!v) return res.status(400).end();`,
      i % 10 === 0 ? `  cp.exec('ls ' + v, () => res.send('done ${i}'));` : `  res.send({ n: ${i}, v: String(v).length });`,
      '}',
      `app.get('/p${i}', h${i});`,
      '',
    );
    i++;
  }
  out.push('module.exports = app;', '');
  return out.join('\n');
}

/** The same shape with Flask views (`@app.route` + `request.args`). */
export function generatePyHandlers(lines) {
  const out = ['import os', 'from flask import Flask, request', '', 'app = Flask(__name__)', ''];
  let i = 0;
  while (out.length < lines - 8) {
    out.push(
      `@app.route('/p${i}')`,
      `def h${i}():`,
      `    v = request.args.get('p${i}', '')`,
      `    if not v:`,
      `        return {'error': 'p${i}'}, 400`,
      i % 10 === 0 ? `    os.system('ls ' + v)` : `    return {'n': len(v) + ${i}}`,
      '',
    );
    i++;
  }
  return out.join('\n');
}

/** The same shape in Go: net/http handlers (`r.URL.Query().Get`), every 10th into `sh -c`. */
export function generateGoHandlers(lines) {
  const out = ['package main', '', 'import (', '\t"net/http"', '\t"os/exec"', '\t"strconv"', ')', ''];
  let i = 0;
  while (out.length < lines - 8) {
    out.push(
      `func h${i}(w http.ResponseWriter, r *http.Request) {`,
      `\tv := r.URL.Query().Get("p${i}")`,
      '\tif v == "" {',
      `\t\thttp.Error(w, "p${i}", http.StatusBadRequest)`,
      '\t\treturn',
      '\t}',
      i % 10 === 0 ? '\texec.Command("sh", "-c", "ls "+v).Run()' : `\tw.Write([]byte(strconv.Itoa(len(v) + ${i})))`,
      '}',
      '',
    );
    i++;
  }
  out.push('func main() {', '\thttp.HandleFunc("/p0", h0)', '}', '');
  return out.join('\n');
}

/**
 * A GitHub Actions workflow of about `lines` lines: jobs of checkout/setup/build steps, pinned
 * and with read-only permissions (so few findings), every tenth job with an injectable `run:`.
 */
export function generateWorkflow(lines) {
  const out = ['name: big', 'on:', '  issues:', '    types: [opened]', '  push:', '    branches: [main]', 'permissions:', '  contents: read', 'jobs:'];
  let i = 0;
  while (out.length < lines - 12) {
    out.push(
      `  job${i}:`,
      '    runs-on: ubuntu-latest',
      '    timeout-minutes: 10',
      '    steps:',
      '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
      '        with:',
      '          persist-credentials: false',
      '      - uses: actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af # v4.1.0',
      '        with:',
      "          node-version: '20'",
      `      - name: build ${i}`,
      '        run: |',
      '          npm ci',
      `          npm run build -- --part ${i}`,
      i % 10 === 0 ? '      - run: echo "${{ github.event.issue.title }}"' : `      - run: npm test -- --shard ${i}`,
      '',
    );
    i++;
  }
  return out.join('\n') + '\n';
}

/**
 * The file shapes measured: `module` = generateJs (the default), `handlers` /
 * `py-handlers` / `go` = thousands of small request handlers, edited inside one of them;
 * `java` = a servlet class of handler methods (bench/java.mjs); `workflow` = a GitHub Actions
 * workflow of many jobs, edited inside a job's steps.
 */
const SHAPES = {
  module: { ext: 'js', languageId: 'javascript', generate: generateJs, insert: (k) => `cp.exec('ls ' + process.argv[${k}]);\n` },
  handlers: { ext: 'js', languageId: 'javascript', generate: generateJsHandlers, insert: (k) => `  cp.exec('ls ' + v + ${k});\n`, inside: /^ {2}const v = / },
  'py-handlers': { ext: 'py', languageId: 'python', generate: generatePyHandlers, insert: (k) => `    os.system('ls ' + v + '${k}')\n`, inside: /^ {4}v = request/ },
  // A servlet class (bench/java.mjs), edited inside a handler method.
  go: { ext: 'go', languageId: 'go', generate: generateGoHandlers, insert: (k) => `\texec.Command("sh", "-c", "ls "+v+"${k}").Run()\n`, inside: /^\tv := r\.URL\.Query\(\)/ },
  java: { ext: 'java', languageId: 'java', generate: (n) => generateJava(n).text, insert: (k) => `        Runtime.getRuntime().exec("ls " + request.getParameter("edit${k}"));\n`, inside: /^ {8}String id = request\.getParameter/ },
  // A workflow (recognised by its folder), edited inside a job's steps.
  workflow: { ext: 'yml', folder: '.github/workflows', languageId: 'yaml', generate: generateWorkflow, insert: (k) => `      - run: echo "\${{ github.event.issue.body }}" ${k}\n`, inside: /^ {10}persist-credentials: false/ },
};

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * `busyFolder`: a second workspace folder that "Ward: Scan Workspace" scans while the edits
 * are made (the editor must keep its latency while the scan's workers use the cores).
 */
export async function measureLatency(serverJs, lines, edits = 30, { busyFolder, shape = 'module' } = {}) {
  const kind = SHAPES[shape];
  if (!kind) throw new Error(`unknown file shape ${shape} (${Object.keys(SHAPES).join(', ')})`);
  const root = mkdtempSync(join(tmpdir(), 'ward-bench-'));
  if (kind.folder) mkdirSync(join(root, kind.folder), { recursive: true });
  const file = join(root, kind.folder ?? '', `gen${lines}.${kind.ext}`);
  const text = kind.generate(lines);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  // The shipped defaults, debounce included (adaptive: at most ward.debounceMs, 150 ms).
  const server = await startServer(serverJs, root, {}, busyFolder ? [busyFolder] : []);
  const first = server.nextDiagnostics(uri);
  server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: kind.languageId, version: 1, text } });
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
  const textLines = text.split('\n');
  const lineCount = textLines.length;
  // The middle of the file; for handlers, the line after the first input read from there on.
  let line = Math.floor(lineCount / 2);
  if (kind.inside) while (line < lineCount && !kind.inside.test(textLines[line - 1])) line++;
  for (let k = 0; k < edits; k++) {
    // Alternate: add a vulnerable line, then remove it again.
    const adding = k % 2 === 0;
    const change = adding
      ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: kind.insert(k) }
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
  return { shape, lines: lineCount, p50: percentile(times, 50), p95: percentile(times, 95), findings: baseCount, busy };
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

// `node bench/latency.mjs --shape handlers [--lines 20000] [--edits 30] [--server dist/server.js]`:
// one shape on its own (the whole `npm run bench` runs them all).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, fallback) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : fallback);
  const serverJs = arg('server', join(import.meta.dirname, '..', 'dist', 'server.js'));
  const r = await measureLatency(serverJs, Number(arg('lines', 20000)), Number(arg('edits', 30)), { shape: arg('shape', 'module') });
  console.log(`edit→diagnostics, ${r.shape}, ${r.lines} lines (${r.findings} findings): p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms`);
}

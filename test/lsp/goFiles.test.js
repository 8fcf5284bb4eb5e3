// A .go file in the editor: opening it publishes Go findings, the code action applies the
// rule's fix, and the fixed text is checked again without the finding.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { Client } = require('./client');

const GO = [
  'package main',
  '',
  'import (',
  '\t"crypto/tls"',
  '\t"net/http"',
  ')',
  '',
  'func client() *http.Client {',
  '\tcfg := &tls.Config{InsecureSkipVerify: true}',
  '\treturn &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}',
  '}',
  '',
].join('\n');
const RULE = 'go-tls-insecure-skip-verify';

let client;
let workspace;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-lsp-go-'));
  client = new Client(workspace);
  await client.initialize();
});

after(async () => {
  if (client && client.proc.exitCode === null && client.proc.signalCode === null) {
    await client.request('shutdown', undefined, 5000).catch(() => undefined);
    client.notify('exit');
    await Promise.race([client.exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    if (client.proc.exitCode === null && client.proc.signalCode === null) client.proc.kill('SIGKILL');
  }
  client?.conn?.dispose?.();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

test('opening a .go file publishes the Go finding, and its quick fix removes it', { timeout: 60000 }, async () => {
  const uri = client.open('client.go', 'go', GO);
  const pub = await client.nextDiagnostics(uri, 0, (ds) => ds.some((d) => d.code === RULE), RULE);
  const d = pub.diagnostics.find((x) => x.code === RULE);
  assert.equal(d.source, 'Ward');
  assert.equal(d.severity, 1, 'exploitable configuration at high confidence is an error');
  assert.deepEqual(d.range.start, { line: 8, character: 20 });
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  const fix = actions.find((a) => a.isPreferred && a.edit);
  assert.ok(fix, JSON.stringify(actions, null, 2));
  const edits = fix.edit.changes?.[uri] ?? fix.edit.documentChanges?.[0]?.edits;
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'go', 1, GO), edits);
  assert.match(fixed, /cfg := &tls\.Config\{\}/);
  const mark = client.mark(uri);
  const version = client.change(uri, [{ text: fixed }]);
  const again = await client.nextDiagnostics(uri, mark, (_, p) => p.version === version);
  assert.equal(again.diagnostics.filter((x) => x.code === RULE).length, 0);
});

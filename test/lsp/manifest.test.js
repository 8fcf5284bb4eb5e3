// A Kubernetes manifest in the editor, over the protocol against the real server: opened as
// `yaml` under a name that says nothing, it is claimed by its first lines; a privileged
// container is underlined on `true`, the quick fix sets it to false, and after the edit the
// diagnostic is gone; typing `kind:` into a plain YAML file makes it a manifest, and other
// YAML files get no Kubernetes diagnostics. A Compose file is claimed by its name.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { Client } = require('./client');

const RULE = 'k8s-privileged-container';
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: tools
spec:
  containers:
    - name: shell
      image: busybox:1.36
      securityContext:
        privileged: true
`;

let client;
let workspace;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-manifest-'));
  client = new Client(workspace);
  await client.initialize();
});

after(async () => {
  if (client) await client.shutdown();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

const mine = (ds, id = RULE) => ds.filter((d) => d.source === 'Ward' && d.code === id);
const k8s = (ds) => ds.filter((d) => d.source === 'Ward' && String(d.code).startsWith('k8s-'));

test('a privileged container is underlined while typing, and the quick fix turns it off', { timeout: 60000 }, async () => {
  const uri = client.open('deploy/tools.yml', 'yaml', POD);
  const pub = await client.nextDiagnostics(uri, 0, (ds) => mine(ds).length > 0, RULE);
  const [d] = mine(pub.diagnostics);
  assert.deepEqual(d.range, { start: { line: 9, character: 20 }, end: { line: 9, character: 24 } });
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  const edits = fix.edit.changes?.[uri] ?? fix.edit.documentChanges.find((c) => c.textDocument?.uri === uri).edits;
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, POD), edits);
  assert.equal(fixed, POD.replace('privileged: true', 'privileged: false'));
  const mark = client.mark(uri);
  client.change(uri, [{ text: fixed }]);
  await client.nextDiagnostics(uri, mark, (ds) => mine(ds).length === 0, 'no privileged finding after the fix');
});

test('plain YAML gets no Kubernetes diagnostics until it becomes a manifest', { timeout: 60000 }, async () => {
  const plain = POD.replace('kind: Pod\n', '');
  const uri = client.open('config/values.yaml', 'yaml', plain);
  const first = await client.nextDiagnostics(uri, 0, () => true, 'a publication');
  assert.deepEqual(k8s(first.diagnostics), []);
  assert.deepEqual(first.diagnostics.filter((d) => d.severity === 3 && /kubernetes/.test(d.message)), [], 'no notice either');
  const mark = client.mark(uri);
  client.change(uri, [{ text: POD }]);
  await client.nextDiagnostics(uri, mark, (ds) => mine(ds).length === 1, 'the manifest is checked once it has a kind');
});

test('a Compose file is claimed by its name', { timeout: 60000 }, async () => {
  const uri = client.open('docker-compose.yml', 'dockercompose', 'services:\n  tools:\n    image: example/tools:1\n    privileged: true\n');
  await client.nextDiagnostics(uri, 0, (ds) => mine(ds, 'compose-privileged').length === 1, 'compose-privileged');
});

// A GitHub Actions workflow in the editor, over the protocol against the real server: opened
// as `yaml`, an injectable `run:` gets a diagnostic on the expression with the way from the
// event field (through the step's env) as related information; the quick fix reads the
// variable in the shell instead, and after the edit the diagnostic is gone. The same text under another path is plain YAML (secrets only).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { Client } = require('./client');

const RULE = 'gha-script-injection';
const WORKFLOW = `on:
  issues:
    types: [opened]
permissions:
  contents: read
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - env:
          TITLE: \${{ github.event.issue.title }}
        run: echo "New issue \${{ env.TITLE }}"
`;

let client;
let workspace;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-workflow-'));
  client = new Client(workspace);
  await client.initialize();
});

after(async () => {
  if (client) await client.shutdown();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

const injections = (ds) => ds.filter((d) => d.source === 'Ward' && d.code === RULE);

test('an injectable run: is underlined with its trace, and the fix reads the env variable in the shell', { timeout: 60000 }, async () => {
  const uri = client.open('.github/workflows/greet.yml', 'yaml', WORKFLOW);
  const pub = await client.nextDiagnostics(uri, 0, (ds) => injections(ds).length > 0, RULE);
  const [d] = injections(pub.diagnostics);
  const line = WORKFLOW.split('\n')[11];
  assert.deepEqual(d.range, { start: { line: 11, character: line.indexOf('${{') }, end: { line: 11, character: line.indexOf('}}') + 2 } });
  assert.match(d.message, /github\.event\.issue\.title/);
  // The way in: the event field read into env `TITLE` (the finding's own place is not repeated).
  assert.deepEqual((d.relatedInformation ?? []).map((r) => r.location.range.start.line), [10, 10], JSON.stringify(d.relatedInformation));
  assert.match(d.relatedInformation[0].message, /github\.event\.issue\.title/);
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  const edits = fix.edit.changes?.[uri] ?? fix.edit.documentChanges.find((c) => c.textDocument?.uri === uri).edits;
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, WORKFLOW), edits);
  assert.equal(fixed, WORKFLOW.replace('echo "New issue ${{ env.TITLE }}"', 'echo "New issue ${TITLE}"'));
  const mark = client.mark(uri);
  client.change(uri, [{ text: fixed }]);
  await client.nextDiagnostics(uri, mark, (ds) => injections(ds).length === 0, 'no injection after the fix');
});

test('the same text outside .github/workflows is plain YAML', { timeout: 60000 }, async () => {
  const uri = client.open('notes/greet.yml', 'yaml', WORKFLOW);
  const pub = await client.nextDiagnostics(uri, 0, () => true, 'a publication');
  assert.deepEqual(injections(pub.diagnostics), []);
});

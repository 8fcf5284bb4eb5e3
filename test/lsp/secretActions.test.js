// The secret findings' own code actions, over the protocol against the real server:
// "Add NAME to .env.example" next to the environment fix, and "Ignore: not a secret" as a
// ward-ignore comment (YAML) or, in JSON, as a baseline entry the CLI honours too. Fake
// secrets are generated from fixture placeholders; none may reach an action or a file.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { fileURLToPath } = require('node:url');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { Client, dist } = require('./client');

const W = require(path.join(dist, 'engine.js'));
const RULE = 'secret-stripe-secret-key';
const IGNORE_COMMAND = 'ward.ignoreNotASecret';

let client;
let workspace;

const secretsOf = (diagnostics) => diagnostics.filter((d) => d.source === 'Ward' && d.code === RULE);
const newKey = () => W.expandFixture('sk_live_{{random:alnum:40}}');

/** The server's quick fixes for the document's current secret diagnostics. */
async function actionsFor(uri, diagnostics) {
  return client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostics[0].range,
    context: { diagnostics, only: ['quickfix'] },
  });
}

/** Applies a WorkspaceEdit to files on disk, as an editor would before saving them. */
function applyToDisk(edit) {
  const apply = (uri, edits) => {
    const file = fileURLToPath(uri);
    const doc = TextDocument.create(uri, 'plaintext', 1, fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, TextDocument.applyEdits(doc, edits));
  };
  for (const change of edit.documentChanges ?? []) {
    if (change.kind === 'create') {
      const file = fileURLToPath(change.uri);
      if (!(fs.existsSync(file) && change.options?.ignoreIfExists)) fs.writeFileSync(file, '');
    } else apply(change.textDocument.uri, change.edits);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) apply(uri, edits);
}

async function openWithSecret(name, languageId, text) {
  fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
  fs.writeFileSync(path.join(workspace, name), text);
  const uri = client.open(name, languageId, text);
  const pub = await client.nextDiagnostics(uri, 0, (ds) => secretsOf(ds).length > 0, RULE);
  return { uri, diagnostics: secretsOf(pub.diagnostics) };
}

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-secret-actions-'));
  client = new Client(workspace);
  const result = await client.initialize({
    workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, executeCommand: {} },
  });
  assert.ok(result.capabilities.executeCommandProvider?.commands.includes(IGNORE_COMMAND), 'the server announces its command');
});

after(async () => {
  if (client) await client.shutdown();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

test('(a) JS: the env fix comes with "Add STRIPE_KEY to .env.example", which creates the file once', { timeout: 30000 }, async () => {
  const key = newKey();
  const { uri, diagnostics } = await openWithSecret('src/pay.js', 'javascript', `const stripeKey = '${key}';\nmodule.exports = { stripeKey };\n`);
  assert.equal(diagnostics[0].data.fixes[0].envName, 'STRIPE_KEY', 'the env name travels with the fix');
  let actions = await actionsFor(uri, diagnostics);
  assert.ok(!JSON.stringify(actions).includes(key), 'no action carries the secret');
  const fix = actions.find((a) => a.isPreferred);
  assert.match(fix.title, /process\.env\.STRIPE_KEY/);
  const add = actions.find((a) => a.title === 'Ward: Add STRIPE_KEY to .env.example');
  assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(add.kind, 'quickfix');
  const envExample = path.join(workspace, '.env.example');
  assert.deepEqual(add.edit.documentChanges[0], { kind: 'create', uri: client.uri('.env.example'), options: { ignoreIfExists: true } });
  applyToDisk(add.edit);
  assert.equal(fs.readFileSync(envExample, 'utf8'), 'STRIPE_KEY=\n');

  // Declared now: offered no more, and the fix itself stays.
  actions = await actionsFor(uri, diagnostics);
  assert.equal(actions.filter((a) => /\.env\.example/.test(a.title)).length, 0, JSON.stringify(actions.map((a) => a.title)));
  assert.ok(actions.some((a) => a.isPreferred));

  // An existing file keeps its CRLF line endings; a last line without one is ended first.
  fs.writeFileSync(envExample, '# Example settings\r\nOTHER=');
  actions = await actionsFor(uri, diagnostics);
  const append = actions.find((a) => a.title === 'Ward: Add STRIPE_KEY to .env.example');
  assert.equal(append.edit.documentChanges.length, 1, 'no CreateFile for a file that exists');
  applyToDisk(append.edit);
  assert.equal(fs.readFileSync(envExample, 'utf8'), '# Example settings\r\nOTHER=\r\nSTRIPE_KEY=\r\n');

  // A commented-out declaration counts as declared.
  fs.writeFileSync(envExample, '# STRIPE_KEY=\n');
  actions = await actionsFor(uri, diagnostics);
  assert.equal(actions.filter((a) => /\.env\.example/.test(a.title)).length, 0);

  // An open .env.example: its unsaved buffer is what counts, and the edit names its version.
  const envUri = client.open('.env.example', 'dotenv', 'A=1\n');
  actions = await actionsFor(uri, diagnostics);
  const inBuffer = actions.find((a) => a.title === 'Ward: Add STRIPE_KEY to .env.example');
  assert.deepEqual(inBuffer.edit.documentChanges, [
    { textDocument: { uri: envUri, version: 1 }, edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'STRIPE_KEY=\n' }] },
  ]);
  client.close(envUri);
  assert.ok(!fs.readFileSync(envExample, 'utf8').includes(key));
  client.close(uri);
});

test('(b) JSON: "Ignore: not a secret" adds a baseline entry; the finding goes, in the editor and in the CLI', { timeout: 60000 }, async () => {
  const key = newKey();
  const { uri, diagnostics } = await openWithSecret('settings.json', 'json', `{\n  "name": "demo",\n  "stripe_key": "${key}"\n}\n`);
  const actions = await actionsFor(uri, diagnostics);
  const titles = actions.map((a) => a.title);
  assert.equal(titles.filter((t) => /on this line|in this file/.test(t)).length, 0, 'JSON has no comments to write');
  const ignore = actions.find((a) => /Ignore: not a secret/.test(a.title));
  assert.ok(ignore, JSON.stringify(titles));
  assert.equal(ignore.edit, undefined);
  assert.equal(ignore.command.command, IGNORE_COMMAND);
  assert.ok(!JSON.stringify(ignore).includes(key), 'the action does not carry the secret');

  const cli = (...extra) =>
    spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', 'settings.json', '-f', 'json', ...extra], { cwd: workspace, encoding: 'utf8' });
  assert.equal(cli().status, 1, 'without a baseline the secret fails the scan');

  const mark = client.mark(uri);
  const result = await client.request('workspace/executeCommand', { command: ignore.command.command, arguments: ignore.command.arguments });
  assert.deepEqual(result, { file: path.join(workspace, '.ward-baseline.json'), added: true });
  await client.nextDiagnostics(uri, mark, (ds) => secretsOf(ds).length === 0, 'the re-check without the finding');

  const raw = fs.readFileSync(path.join(workspace, '.ward-baseline.json'), 'utf8');
  assert.ok(!raw.includes(key), 'the baseline does not contain the secret');
  const baseline = JSON.parse(raw);
  assert.equal(baseline.findings.length, 1);
  assert.equal(baseline.findings[0].ruleId, RULE);
  assert.equal(baseline.findings[0].path, 'settings.json');
  assert.match(baseline.findings[0].fingerprint, /^[0-9a-f]{32}$/);

  // Again: nothing to add, the file stays as it is.
  const again = await client.request('workspace/executeCommand', { command: ignore.command.command, arguments: ignore.command.arguments });
  assert.equal(again.added, false);
  assert.equal(fs.readFileSync(path.join(workspace, '.ward-baseline.json'), 'utf8'), raw);

  // The CLI, run from the folder root, computes the same fingerprint.
  const scanned = cli('--baseline', '.ward-baseline.json');
  assert.equal(scanned.status, 0, scanned.stdout + scanned.stderr);
  const findings = JSON.parse(scanned.stdout).findings.filter((f) => f.ruleId === RULE);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].suppressed?.kind, 'baseline');
  client.close(uri);
});

test('(c) YAML: "Ignore: not a secret" is a ward-ignore comment with that reason', { timeout: 30000 }, async () => {
  const key = newKey();
  const { uri, diagnostics } = await openWithSecret('config.yaml', 'yaml', `service: api\nstripe_key: ${key}\n`);
  const actions = await actionsFor(uri, diagnostics);
  const ignore = actions.find((a) => a.title === 'Ward: Ignore: not a secret');
  assert.ok(ignore, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(ignore.command, undefined, 'an edit, not the baseline command');
  assert.ok(!actions.some((a) => a.command?.command === IGNORE_COMMAND));
  const edits = ignore.edit.changes[uri];
  const fixed = TextDocument.applyEdits(client.docs.get(uri), edits).split('\n');
  assert.equal(fixed[1], `# ward-ignore ${RULE} -- not a secret`);
  const mark = client.mark(uri);
  const version = client.change(uri, edits.map((e) => ({ range: e.range, text: e.newText })));
  await client.nextDiagnostics(uri, mark, (ds, p) => p.version === version && secretsOf(ds).length === 0, 'the re-check without the finding');
  client.close(uri);
});

test('(d) a baseline file Ward cannot read is not overwritten', { timeout: 30000 }, async () => {
  const file = path.join(workspace, '.ward-baseline.json');
  fs.writeFileSync(file, '{ "not": "a baseline" }\n');
  const { uri, diagnostics } = await openWithSecret('other.json', 'json', `{ "stripe_key": "${newKey()}" }\n`);
  const ignore = (await actionsFor(uri, diagnostics)).find((a) => /Ignore: not a secret/.test(a.title));
  const result = await client.request('workspace/executeCommand', { command: ignore.command.command, arguments: ignore.command.arguments });
  assert.equal(result.added, false);
  assert.match(result.error, /not a Ward baseline/);
  assert.equal(fs.readFileSync(file, 'utf8'), '{ "not": "a baseline" }\n');
  client.close(uri);
});

// "Ignore … on this line / in this file": after the edit writes `ward-ignore <rule> -- <reason>`,
// the action's command asks the client (window/showDocument) to select `<reason>`, so the
// reason is typed straight over it. Without showDocument the client gets the edit alone.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { Client } = require('./client');

const RULE = 'js-child-process-exec';
const JS = ["const cp = require('child_process');", '', 'function list(dir) {', "    cp.exec('ls ' + dir);", '}', ''].join('\n');
const JSX = ['export function View(props) {', '  return (', '    <div>', '      {eval(props.code)}', '    </div>', '  );', '}', ''].join('\n');

const clients = [];
const dirs = [];
after(() => {
  for (const c of clients) if (c.proc.exitCode === null) c.proc.kill();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function start(window) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-reason-'));
  dirs.push(dir);
  const client = new Client(dir);
  clients.push(client);
  client.shown = [];
  client.conn.onRequest('window/showDocument', (p) => {
    client.shown.push(p);
    client.poke();
    return { success: true };
  });
  const result = await client.initialize({ window, workspace: { executeCommand: {} } });
  return { client, result };
}

async function ignoreActions(client, uri, rule) {
  const pub = await client.nextDiagnostics(uri, 0, (ds) => ds.some((d) => d.code === rule), rule);
  const diagnostic = pub.diagnostics.find((d) => d.code === rule);
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  return {
    line: actions.find((a) => a.title === `Ward: Ignore ${rule} on this line`),
    file: actions.find((a) => a.title === `Ward: Ignore ${rule} in this file`),
  };
}

/** Applies the action's edit as the editor does, then runs its command; returns the text and the selected text. */
async function apply(client, uri, action) {
  const doc = client.docs.get(uri);
  const text = TextDocument.applyEdits(doc, action.edit.changes[uri]);
  const after = TextDocument.create(uri, doc.languageId, doc.version + 1, text);
  const shown = client.shown.length;
  const ok = await client.request('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments });
  assert.equal(ok, true, 'the client showed the document');
  const request = await client.waitFor('window/showDocument', () => client.shown[shown]);
  assert.equal(request.uri, uri);
  assert.equal(request.takeFocus, true);
  const sel = request.selection;
  return { text, selected: after.getText(sel), selection: sel };
}

test('the reason placeholder is selected after "Ignore on this line" and "Ignore in this file"', { timeout: 30000 }, async () => {
  const { client, result } = await start({ showDocument: { support: true } });
  assert.ok(result.capabilities.executeCommandProvider.commands.includes('ward.selectIgnoreReason'));
  const uri = client.open('list.js', 'javascript', JS);
  const { line, file } = await ignoreActions(client, uri, RULE);

  assert.equal(line.command?.command, 'ward.selectIgnoreReason');
  const l = await apply(client, uri, line);
  assert.equal(l.text.split('\n')[3], `    // ward-ignore ${RULE} -- <reason>`, 'the comment above the call, indented like it');
  assert.equal(l.selected, '<reason>');
  assert.deepEqual(l.selection, { start: { line: 3, character: 23 + RULE.length }, end: { line: 3, character: 31 + RULE.length } });

  const f = await apply(client, uri, file);
  assert.equal(f.text.split('\n')[0], `// ward-ignore-file ${RULE} -- <reason>`);
  assert.equal(f.selected, '<reason>');
});

test('in JSX children the comment is {/* … */} and the reason inside it is selected', { timeout: 30000 }, async () => {
  const { client } = await start({ showDocument: { support: true } });
  const uri = client.open('view.jsx', 'javascriptreact', JSX);
  const { line } = await ignoreActions(client, uri, 'js-eval-nonconstant');
  const l = await apply(client, uri, line);
  assert.match(l.text.split('\n')[3], /^ {6}\{\/\* ward-ignore js-eval-nonconstant -- <reason> \*\/\}$/);
  assert.equal(l.selected, '<reason>');
  // The comment is one (a `//` line there would be text on the page) and it hides the finding.
  const mark = client.mark(uri);
  const version = client.change(uri, line.edit.changes[uri].map((e) => ({ range: e.range, text: e.newText })));
  const pub = await client.nextDiagnostics(uri, mark, (_, p) => p.version === version);
  assert.deepEqual(pub.diagnostics.filter((d) => d.code === 'js-eval-nonconstant'), []);
});

test('a client without window/showDocument gets the edit alone', { timeout: 30000 }, async () => {
  const { client } = await start({});
  const uri = client.open('list.js', 'javascript', JS);
  const { line, file } = await ignoreActions(client, uri, RULE);
  assert.equal(line.command, undefined);
  assert.equal(file.command, undefined);
  assert.match(TextDocument.applyEdits(client.docs.get(uri), line.edit.changes[uri]), /-- <reason>/);
});

test('the command refuses arguments that are not a document and a range', { timeout: 30000 }, async () => {
  const { client } = await start({ showDocument: { support: true } });
  for (const bad of [undefined, 42, { uri: 'file:///x.js' }, { uri: 'file:///x.js', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } }]) {
    const ok = await client.request('workspace/executeCommand', { command: 'ward.selectIgnoreReason', arguments: bad === undefined ? [] : [bad] });
    assert.equal(ok, false, JSON.stringify(bad));
  }
  assert.equal(client.shown.length, 0);
});

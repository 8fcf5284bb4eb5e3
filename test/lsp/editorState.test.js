// The server's copy of a document stays true to the editor's whatever the client sends
// (issue 12, items 6 and 1): ranges out of the document or reversed are applied as the
// client's own document model applies them and logged, a change that cannot be read stops
// the checking of that document (with a notice) until its full text comes back, version
// and open/close anomalies are logged, and a failing analysis still publishes.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { Client } = require('./client');

const JS = [
  "const cp = require('child_process');",
  "const express = require('express');",
  'const app = express();',
  '',
  "app.get('/run', (req, res) => {",
  "  cp.exec('ls ' + req.query.dir);",
  '  res.end();',
  '});',
  '',
  'function handler(req, res) {',
  '  eval(req.body.code);',
  '}',
  '',
].join('\n');

const PY = [
  'import os',
  'from flask import Flask, request',
  '',
  'app = Flask(__name__)',
  '',
  '',
  "@app.route('/run')",
  'def run():',
  "    os.system('ls ' + request.args.get('dir'))",
  "    return 'ok'",
  '',
  '',
  "@app.route('/code')",
  'def code():',
  "    return str(eval(request.args['code']))",
  '',
].join('\n');

const LANG = { js: 'javascript', py: 'python' };
const ward = (diagnostics) =>
  diagnostics
    .filter((d) => d.source === 'Ward')
    .map((d) => ({ code: d.code, range: d.range, message: d.message }))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || String(a.code).localeCompare(String(b.code)));

let client;
let workspace;
let counter = 0;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-lsp-state-'));
  client = new Client(workspace);
  await client.initialize();
});

after(() => {
  if (client && client.proc.exitCode === null && client.proc.signalCode === null) client.proc.kill();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

/** Opens `text` as a new document and waits for its first diagnostics. */
async function openDoc(ext, text) {
  const uri = client.open(`doc${counter++}.${ext}`, LANG[ext], text);
  const pub = await client.nextDiagnostics(uri, 0, () => true, 'diagnostics on open');
  return { uri, pub };
}

/** Sends raw content changes (not mirrored) with `version`; the client-side copy follows `mirror`. */
function sendChange(uri, version, contentChanges) {
  client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
}

/** The diagnostics published for `version` of `uri`. */
const diagnosticsOf = (uri, version, what = `diagnostics of version ${version}`) => client.nextDiagnostics(uri, 0, (_, p) => p.version === version, what);

/** Diagnostics of a fresh didOpen of `text` (another document, same folder). */
async function freshDiagnostics(ext, text) {
  const { uri, pub } = await openDoc(ext, text);
  client.close(uri);
  return pub.diagnostics;
}

const logged = (pattern, what) => client.waitFor(what, () => client.logs.find((l) => pattern.test(l.message)));

// Each case: a bad range, then valid edits on top; the diagnostics must equal those of a
// fresh didOpen of the text the client's model (vscode-languageserver-textdocument) holds.
const BAD_RANGES = [
  ['start after end (JS)', 'js', { start: { line: 6, character: 2 }, end: { line: 4, character: 0 } }, '', /start 6:2 is after end 4:0/],
  ['start after end (Python)', 'py', { start: { line: 9, character: 4 }, end: { line: 7, character: 0 } }, '', /start 9:4 is after end 7:0/],
  ['lines past the end', 'js', { start: { line: 30, character: 0 }, end: { line: 40, character: 5 } }, '\nfunction more(req) {\n  eval(req.query.q);\n}\n', /start 30:0 is not a position/],
  ['characters past the end of the line', 'py', { start: { line: 8, character: 200 }, end: { line: 9, character: 300 } }, "\n    eval(request.args['z'])\n", /start 8:200 is not a position/],
  ['negative numbers', 'js', { start: { line: -3, character: -1 }, end: { line: 2, character: 0 } }, "const cp = require('child_process');\n", /start -3:-1 is not a position/],
  ['a huge character', 'js', { start: { line: 5, character: 2 }, end: { line: 5, character: 2 ** 31 - 1 } }, "cp.exec('rm -r ' + req.query.dir);", /end 5:2147483647 is not a position/],
];

for (const [name, ext, range, text, logPattern] of BAD_RANGES) {
  test(`a change with ${name} is applied as the client applies it, logged, and leaves the same diagnostics as a fresh open`, { timeout: 30000 }, async () => {
    const { uri } = await openDoc(ext, ext === 'js' ? JS : PY);
    let doc = TextDocument.create(uri, LANG[ext], 1, ext === 'js' ? JS : PY);
    const steps = [
      [{ range, text }],
      [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ext === 'js' ? '// top\n' : '# top\n' }],
      [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '\n\n' }],
    ];
    let version = 1;
    for (const changes of steps) {
      doc = TextDocument.update(doc, changes, ++version);
      sendChange(uri, version, changes);
    }
    const edited = await diagnosticsOf(uri, version);
    assert.deepEqual(ward(edited.diagnostics), ward(await freshDiagnostics(ext, doc.getText())), `text:\n${doc.getText()}`);
    await logged(logPattern, `a log line about the ${name}`);
    client.close(uri);
  });
}

// A position that is not a whole number, a missing field, a null range, text that is not
// a string: the library turns these into NaN offsets. Ward keeps its last good text, says
// that it stopped checking, and offers no code actions on a text it knows is wrong.
const MALFORMED = [
  ['a fractional line', { range: { start: { line: 1.5, character: 0 }, end: { line: 1.5, character: 0 } }, text: '// x\n' }, /range\.start\.line is 1\.5, not a whole number/],
  ['a missing character', { range: { start: { line: 1 }, end: { line: 1, character: 0 } }, text: '// x\n' }, /range\.start\.character is missing/],
  ['a null range', { range: null, text: '// x\n' }, /the change's range is null/],
  ['text that is not a string', { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 7 }, /text is 7, not a string/],
];

for (const [name, change, logPattern] of MALFORMED) {
  test(`a change with ${name} stops checking the document with a notice until the full text comes back`, { timeout: 30000 }, async () => {
    const { uri, pub } = await openDoc('js', JS);
    assert.ok(ward(pub.diagnostics).length >= 2);
    sendChange(uri, 2, [change]);
    const stopped = await diagnosticsOf(uri, 2);
    assert.equal(stopped.diagnostics.length, 1, JSON.stringify(stopped.diagnostics));
    assert.equal(stopped.diagnostics[0].code, 'ward-notice');
    assert.match(stopped.diagnostics[0].message, /could not apply/);
    assert.match(stopped.diagnostics[0].message, /close and reopen/);
    await logged(logPattern, `a log line about ${name}`);
    // Later incremental changes are relative to a text Ward does not have: still stopped.
    sendChange(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    assert.equal((await diagnosticsOf(uri, 3)).diagnostics[0].code, 'ward-notice');
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 5, character: 2 }, end: { line: 5, character: 2 } },
      context: { diagnostics: ward(pub.diagnostics).map((d) => pub.diagnostics.find((x) => x.code === d.code)) },
    });
    assert.deepEqual(actions, [], 'no code actions while out of sync');
    // A full-text change brings it back.
    const text = `// resynced\n${JS}`;
    sendChange(uri, 4, [{ text }]);
    const back = await diagnosticsOf(uri, 4);
    assert.deepEqual(ward(back.diagnostics), ward(await freshDiagnostics('js', text)));
    client.close(uri);
  });
}

test('an out-of-sync file is checked again after a save (its text is read back from disk)', { timeout: 30000 }, async () => {
  const name = `saved${counter++}.py`;
  const file = path.join(workspace, name);
  fs.writeFileSync(file, PY);
  const uri = client.open(name, 'python', PY);
  await client.nextDiagnostics(uri, 0, () => true);
  sendChange(uri, 2, [{ range: { start: { line: 'zero', character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
  assert.equal((await diagnosticsOf(uri, 2)).diagnostics[0].code, 'ward-notice');
  const saved = `${PY}\n@app.route('/more')\ndef more():\n    return str(eval(request.args['more']))\n`;
  fs.writeFileSync(file, saved);
  const mark = client.mark(uri);
  client.notify('textDocument/didSave', { textDocument: { uri } });
  const pub = await client.nextDiagnostics(uri, mark, () => true, 'diagnostics after the save');
  assert.deepEqual(ward(pub.diagnostics), ward(await freshDiagnostics('py', saved)));
  await logged(/in sync again/, 'a log line about the resync');
  client.close(uri);
});

test('a change with a repeated or lower version is applied and logged', { timeout: 30000 }, async () => {
  const { uri } = await openDoc('js', JS);
  let doc = TextDocument.create(uri, 'javascript', 5, JS);
  sendChange(uri, 5, [{ text: JS }]);
  const lower = [{ range: { start: { line: 10, character: 2 }, end: { line: 10, character: 21 } }, text: 'console.log(req.body.code);' }];
  doc = TextDocument.update(doc, lower, 3);
  sendChange(uri, 3, lower);
  const pub = await diagnosticsOf(uri, 3);
  assert.deepEqual(ward(pub.diagnostics), ward(await freshDiagnostics('js', doc.getText())));
  assert.ok(!pub.diagnostics.some((d) => /eval|code-injection/.test(String(d.code))), 'the eval call was replaced');
  await logged(/version 3 follows version 5/, 'a log line about the lower version');
  client.close(uri);
});

test('changes and closes for documents that are not open, and a second didOpen, are logged and do no harm', { timeout: 30000 }, async () => {
  const ghost = client.uri('never-opened.js');
  sendChange(ghost, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'eval(x);' }]);
  client.notify('textDocument/didClose', { textDocument: { uri: ghost } });
  await logged(/not open was ignored/, 'a log line about the change for an unknown document');
  await logged(/never-opened\.js, which is not open, was ignored/, 'a log line about the close of an unknown document');
  const { uri } = await openDoc('py', PY);
  // Opened again without a close: the second text replaces the first.
  const second = 'import os\n\n\ndef ok():\n    return os.getcwd()\n';
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 7, text: second } });
  const pub = await diagnosticsOf(uri, 7);
  assert.deepEqual(ward(pub.diagnostics), ward(await freshDiagnostics('py', second)));
  await logged(/opened again without being closed/, 'a log line about the second didOpen');
  assert.equal(client.diagnostics.get(ghost), undefined, 'nothing published for the unknown document');
  // Still answering.
  assert.equal(await client.request('textDocument/hover', { textDocument: { uri: ghost }, position: { line: 0, character: 0 } }), null);
  client.close(uri);
});

test('a check still running or pending when the document closes publishes nothing afterwards', { timeout: 30000 }, async () => {
  for (let round = 0; round < 3; round++) {
    const uri = client.open(`closing${round}.js`, 'javascript', JS);
    client.change(uri, [{ range: { start: { line: 11, character: 1 }, end: { line: 11, character: 1 } }, text: '\neval(process.argv[2]);\n' }]);
    client.close(uri);
    // Two round trips: any check of the closed document has finished by then.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const list = client.diagnostics.get(uri) ?? [];
    assert.ok(list.length >= 1, 'the close clears the diagnostics');
    assert.deepEqual(list[list.length - 1].diagnostics, [], 'the last publication is the empty one of the close');
  }
});

// Issue 12 item 1 (editor part): an analysis that throws used to publish nothing, leaving
// the previous version's diagnostics in place. 1,000 nested blocks overflowed the stack in
// the engine; whether the engine now degrades by itself (a partial notice) or still throws
// (the server's narrower fallback), the new version gets diagnostics: a notice, and the
// secret and pattern findings at their new lines.
test('a document whose analysis fails or is cut short still gets diagnostics for its new version, with a notice', { timeout: 60000 }, async () => {
  const key = 'AKIA' + 'QWERTYUPASDFGHJK'.split('').reverse().join('');
  const head = `const cp = require('child_process');\nconst awsKeyId = '${key}';\nfunction h(req, res) {\n  eval(req.body.code);\n  cp.exec('ls ' + req.query.dir);\n}\n`;
  const { uri, pub } = await openDoc('js', head);
  assert.ok(pub.diagnostics.some((d) => d.code === 'secret-aws-access-key-id' && d.range.start.line === 1));
  const deep = 'function f(x) {\n' + 'if (x) {\n'.repeat(1000) + 'x();\n' + '}\n'.repeat(1000) + '}\n';
  const version = client.change(uri, [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// moved down a line\n' },
    { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: deep },
  ]);
  const after = await diagnosticsOf(uri, version, 'diagnostics of the deeply nested version');
  const notice = after.diagnostics.find((d) => d.code === 'ward-notice');
  assert.ok(notice, `a notice says the analysis was partial or failed:\n${JSON.stringify(after.diagnostics, null, 1)}`);
  assert.equal(notice.severity, 3, 'an information diagnostic');
  const secret = after.diagnostics.find((d) => d.code === 'secret-aws-access-key-id');
  assert.ok(secret, 'the secret is still reported');
  assert.equal(secret.range.start.line, 2, 'at its new line');
  assert.ok(after.diagnostics.some((d) => d.range.start.line === 4 && /eval|code-injection/.test(String(d.code))), 'the eval call is still reported');
  if (/analysis failed/.test(notice.message)) await logged(/analysing .* failed: RangeError[\s\S]*\n\s+at /, 'the error with its stack in the output');
  client.close(uri);
});

// Malformed message framing on stdin (issue 12 item 9): a header without Content-Length
// used to leave the server running but deaf (vscode-jsonrpc read every later header from
// the middle of a body). Now the bad bytes are dropped up to the next well-formed header,
// the output channel says so, and the next request is answered.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('./client');

let client;
let workspace;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-lsp-framing-'));
  client = new Client(workspace);
  await client.initialize();
});

after(() => {
  if (client && client.proc.exitCode === null && client.proc.signalCode === null) client.proc.kill();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

const hoverParams = () => ({ textDocument: { uri: client.uri('none.js') }, position: { line: 0, character: 0 } });
const body = JSON.stringify({ jsonrpc: '2.0', id: 'lost', method: 'textDocument/hover', params: { textDocument: { uri: 'file:///x.js' }, position: { line: 0, character: 0 } } });

const BAD_INPUT = [
  ['a header without Content-Length', `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`, /the header has no Content-Length/],
  ['a Content-Length that is not a number', `Content-Length: twelve\r\n\r\n${body}`, /Content-Length is not a number/],
  ['bytes that are no header at all', `\u0000\u0001garbage ${body}\r\n\r\n`, /a header line is not "Name: value"/],
  ['a Content-Length shorter than the body', `Content-Length: 12\r\n\r\n${body}`, /malformed input/],
  ['a header line without a colon', `Content-Length 40\r\n\r\n${body}`, /a header line is not "Name: value"/],
];

for (const [name, bytes, logPattern] of BAD_INPUT) {
  test(`after ${name}, the next request is answered and the output channel says what was dropped`, { timeout: 30000 }, async () => {
    const logs = client.logs.length;
    client.proc.stdin.write(bytes);
    const answer = await client.request('textDocument/hover', hoverParams(), 10000);
    assert.equal(answer, null);
    await client.waitFor('a log line about the dropped input', () =>
      client.logs.slice(logs).find((l) => /malformed input from the client/.test(l.message) && logPattern.test(l.message)),
    );
  });
}

test('documents still open, change and publish after the bad input, and shutdown/exit end the process with 0', { timeout: 30000 }, async () => {
  const uri = client.open('after.js', 'javascript', "const cp = require('child_process');\nexports.run = (d) => cp.exec('ls ' + d);\n");
  const pub = await client.nextDiagnostics(uri, 0, () => true);
  assert.ok(pub.diagnostics.some((d) => d.code === 'js-child-process-exec'));
  assert.equal(await client.request('shutdown'), null);
  client.notify('exit');
  const { code } = await client.exited;
  assert.equal(code, 0);
});

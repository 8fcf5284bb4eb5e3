// Issue 12, item 3: a workspace rule whose regex backtracks catastrophically (`^(a+)+$`)
// must not wedge the language server. The rule is reported with its file and line and
// does not run; the document is still checked and later requests are answered.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('./client');

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-lsp-regex-'));
const client = new Client(workspace);
after(async () => {
  await client.request('shutdown').catch(() => {});
  client.proc.kill();
  fs.rmSync(workspace, { recursive: true, force: true });
});

const HOSTILE = `id: js-hostile-string
title: A string rule with a catastrophic regex
message: "Do not write this string."
severity: error
confidence: high
languages: [javascript]
category: config
cwe: [CWE-20]
owasp: [A05:2021]
docs: "A workspace rule for the regex safety test; it has no meaning beyond it."
mode: pattern
match:
  string: '^(a+)+$'
`;

test('a hostile workspace rule is reported at its line and the server keeps answering', { timeout: 120_000 }, async () => {
  fs.mkdirSync(path.join(workspace, 'team-rules'));
  fs.writeFileSync(path.join(workspace, 'team-rules', 'js-hostile-string.yaml'), HOSTILE);
  await client.initialize();
  await client.setSettings({ debounceMs: 0, extraRuleFolders: ['team-rules'] });
  const text = `const cp = require('child_process');\nconst s = "${'a'.repeat(40)}!";\nexports.run = (dir) => cp.exec('ls ' + dir);\n`;
  const uri = client.open('app.js', 'javascript', text);
  const pub = await client.nextDiagnostics(uri, 0, (ds) => ds.some((d) => d.source === 'Ward'), 'diagnostics of app.js');
  assert.ok(pub.diagnostics.every((d) => d.code !== 'js-hostile-string'));
  const line = HOSTILE.split('\n').findIndex((l) => l.startsWith('  string:')) + 1;
  const warning = await client.waitFor('the rule error', () => client.messages.find((m) => /js-hostile-string\.yaml/.test(m.message)));
  assert.match(warning.message, new RegExp(`js-hostile-string\\.yaml:${line}: .*catastrophically.*\\(a\\+\\)\\+`));
  // A later request is answered.
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 24 } });
  assert.notEqual(hover, undefined);
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } }, context: { diagnostics: [] } });
  assert.ok(Array.isArray(actions));
});

// End-to-end test of the language server: starts `node dist/server.js --stdio`, speaks
// JSON-RPC to it like an editor would, and checks diagnostics, quick fixes, hover,
// settings, large files, status notifications and a clean shutdown.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { Client, dist } = require('./client');

const fixtureRules = path.join(__dirname, '..', 'fixtures', 'rules');
const RULE = 'js-child-process-exec';

/** Zero-based position of `needle` (the n-th occurrence) in `text`. */
function positionOf(text, needle, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `"${needle}" not found`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The range of a complete call expression that starts with `prefix` (balanced parentheses). */
/** The range of `needle` itself (the argument a finding underlines). */
function rangeOf(text, needle, nth = 0) {
  const start = positionOf(text, needle, nth);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

// The shell command built from request data is reported by the taint rule, which the
// engine prefers over the pattern rule for the same code.
const commandFindings = (diagnostics) => diagnostics.filter((d) => d.source === 'Ward' && (d.code === RULE || d.code === 'js-command-injection'));
const wardOf = (diagnostics, code = RULE) => diagnostics.filter((d) => d.source === 'Ward' && d.code === code);
const linesOf = (diagnostics, code = RULE) => wardOf(diagnostics, code).map((d) => d.range.start.line).sort((a, b) => a - b);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const JS = [
  "const cp = require('child_process');",
  '',
  'function list(dir) {',
  "  cp.exec('ls ' + dir);",
  '  return dir;',
  '}',
  '',
  'module.exports = { list };',
  '',
].join('\n');

let client;
let workspace;
let jsUri;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-lsp-'));
  client = new Client(workspace);
  const result = await client.initialize();
  assert.equal(result.serverInfo?.name, 'Ward');
  assert.equal(result.capabilities.hoverProvider, true);
});

after(async () => {
  if (client && client.proc.exitCode === null && client.proc.signalCode === null) client.proc.kill();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

test('(a) opening a file publishes the finding with range, CWE, docs link and fixes', { timeout: 30000 }, async () => {
  jsUri = client.open('src/list.js', 'javascript', JS);
  const pub = await client.nextDiagnostics(jsUri, 0, (ds) => wardOf(ds).length > 0, RULE);
  assert.equal(pub.version, 1, 'diagnostics carry the document version they were computed for');
  const ours = wardOf(pub.diagnostics);
  assert.equal(ours.length, 1, JSON.stringify(pub.diagnostics, null, 2));
  const d = ours[0];
  assert.equal(d.source, 'Ward');
  assert.equal(d.severity, 2, 'warning severity: an unsafe API with no proven source (docs/severity.md)');
  // The built command is underlined, not the whole call.
  assert.deepEqual(d.range, rangeOf(JS, "'ls ' + dir"));
  assert.match(d.message, /CWE-78/);
  assert.match(d.message, /cp\.exec/, 'the message names the call it found');
  const docFile = path.join(dist, 'docs', 'rules', `${RULE}.md`);
  if (fs.existsSync(docFile)) {
    assert.ok(d.codeDescription?.href?.startsWith('file:'), 'codeDescription links to the rule docs');
    assert.equal(d.data.docsUri, d.codeDescription.href);
  } else {
    assert.equal(d.codeDescription, undefined, 'no docs link when the docs file does not exist');
  }
  assert.equal(d.data.ruleId, RULE);
  assert.deepEqual(d.data.cwe, ['CWE-78']);
  assert.ok(Array.isArray(d.data.fixes) && d.data.fixes.length >= 1, 'the diagnostic carries its fixes');
  assert.ok(d.data.fixes.some((f) => f.preferred && f.edits.length > 0));
});

test('(h) ward/status reports the counts of what is published', { timeout: 30000 }, async () => {
  const mark = client.statuses.length;
  // Force a fresh check of the one open document: an edit that changes nothing Ward cares about.
  const end = positionOf(client.text(jsUri), 'module.exports');
  const dm = client.mark(jsUri);
  const version = client.change(jsUri, [{ range: { start: end, end }, text: '// touched\n' }]);
  const pub = await client.nextDiagnostics(jsUri, dm, (_, p) => p.version === version);
  const warnings = pub.diagnostics.filter((d) => d.severity === 2).length;
  assert.ok(warnings >= 1);
  const status = await client.waitFor('ward/status after the check', () => client.statuses.slice(mark).find((s) => s.warnings === warnings));
  assert.equal(status.state, 'ready');
  assert.ok(status.rules > 0, 'status carries the rule count');
  assert.equal(status.errors, pub.diagnostics.filter((d) => d.severity === 1).length);
  assert.equal(typeof status.infos, 'number');
  assert.ok(Array.isArray(status.problems));
});

test('(b) incremental edits to the unsaved buffer add and remove findings', { timeout: 30000 }, async () => {
  const text = client.text(jsUri);
  const at = positionOf(text, '  return dir;');
  let mark = client.mark(jsUri);
  let version = client.change(jsUri, [{ range: { start: at, end: at }, text: "  cp.execSync('rm -r ' + dir);\n" }]);
  let pub = await client.nextDiagnostics(jsUri, mark, (_, p) => p.version === version);
  const added = positionOf(client.text(jsUri), 'cp.execSync(');
  assert.deepEqual(linesOf(pub.diagnostics), [positionOf(client.text(jsUri), 'cp.exec(').line, added.line]);
  const d = wardOf(pub.diagnostics).find((x) => x.range.start.line === added.line);
  assert.deepEqual(d.range, rangeOf(client.text(jsUri), "'rm -r ' + dir"));

  // Make the new command constant: its finding goes away, the other one stays.
  const s = positionOf(client.text(jsUri), "'rm -r ' + dir");
  mark = client.mark(jsUri);
  version = client.change(jsUri, [{ range: { start: s, end: { line: s.line, character: s.character + "'rm -r ' + dir".length } }, text: "'rm -r /tmp/cache'" }]);
  pub = await client.nextDiagnostics(jsUri, mark, (_, p) => p.version === version);
  assert.deepEqual(linesOf(pub.diagnostics), [positionOf(client.text(jsUri), 'cp.exec(').line]);
});

test('(c) code actions: preferred fix, ignore on this line, ignore in this file', { timeout: 30000 }, async () => {
  let pub = await client.nextDiagnostics(jsUri, client.mark(jsUri) - 1, (ds) => wardOf(ds).length === 1);
  const diagnostic = wardOf(pub.diagnostics)[0];
  const actions = await client.request('textDocument/codeAction', {
    textDocument: { uri: jsUri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
  assert.ok(Array.isArray(actions) && actions.length >= 3, JSON.stringify(actions));
  const doc = client.docs.get(jsUri);

  const preferred = actions.filter((a) => a.isPreferred);
  assert.equal(preferred.length, 1, 'exactly one preferred fix');
  assert.equal(preferred[0].kind, 'quickfix');
  const fixed = TextDocument.applyEdits(doc, preferred[0].edit.changes[jsUri]);
  assert.match(fixed, /cp\.execFile\('ls', \[dir\]\);/);
  assert.doesNotMatch(fixed, /cp\.exec\(/);

  const perFile = actions.find((a) => a.title.includes(RULE) && /in this file/i.test(a.title));
  assert.ok(perFile, 'an "Ignore … in this file" action');
  const fileIgnored = TextDocument.applyEdits(doc, perFile.edit.changes[jsUri]);
  assert.match(fileIgnored.split('\n')[0], new RegExp(`^// ward-ignore-file ${RULE} -- `));

  const perLine = actions.find((a) => a.title.includes(RULE) && /on this line/i.test(a.title));
  assert.ok(perLine, 'an "Ignore … on this line" action');
  const edits = perLine.edit.changes[jsUri];
  assert.equal(edits.length, 1);
  const lineIgnored = TextDocument.applyEdits(doc, edits).split('\n');
  const line = diagnostic.range.start.line;
  assert.match(lineIgnored[line], new RegExp(`^\\s*// ward-ignore ${RULE} -- \\S`), 'comment inserted above the finding');
  assert.match(lineIgnored[line + 1], /cp\.exec\(/);

  // Apply it the way the editor would, as an incremental change; the finding disappears.
  const mark = client.mark(jsUri);
  const version = client.change(jsUri, edits.map((e) => ({ range: e.range, text: e.newText })));
  pub = await client.nextDiagnostics(jsUri, mark, (_, p) => p.version === version);
  assert.deepEqual(wardOf(pub.diagnostics), [], 'a ward-ignore comment hides the finding');
});

test('(d) hover over a finding explains it with the CWE and OWASP links, without repeating the diagnostic', { timeout: 30000 }, async () => {
  // Remove the ignore comment again so the finding is back.
  const text = client.text(jsUri);
  const c = positionOf(text, '// ward-ignore');
  const mark = client.mark(jsUri);
  const version = client.change(jsUri, [{ range: { start: { line: c.line, character: 0 }, end: { line: c.line + 1, character: 0 } }, text: '' }]);
  const pub = await client.nextDiagnostics(jsUri, mark, (_, p) => p.version === version);
  assert.equal(wardOf(pub.diagnostics).length, 1);
  const inside = positionOf(client.text(jsUri), "'ls '");
  const hover = await client.request('textDocument/hover', { textDocument: { uri: jsUri }, position: inside });
  assert.ok(hover, 'hover returns something over the finding');
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /\[CWE-78\]\(https:\/\/cwe\.mitre\.org\/data\/definitions\/78\.html\)/);
  assert.match(hover.contents.value, /\[OWASP A03:2021 Injection\]\(https:\/\/owasp\.org\/Top10\/A03_2021-Injection\/\)/);
  assert.match(hover.contents.value, /\*\*Fix:\*\* Call `execFile`/, "the fix in one line: the rule's advice");
  const d = wardOf(pub.diagnostics)[0];
  assert.ok(!hover.contents.value.includes(d.message.split(' (')[0]), 'the message VS Code shows above the hover is not repeated');
  assert.doesNotMatch(hover.contents.value, /Shell command built from/, 'nor the rule title');
  const outside = positionOf(client.text(jsUri), 'module.exports');
  const none = await client.request('textDocument/hover', { textDocument: { uri: jsUri }, position: outside });
  assert.equal(none, null, 'no hover away from findings');
});

test('(k) a data-flow finding: one short sentence and its CWE, related information only where the finding is not', { timeout: 30000 }, async () => {
  const text = [
    "const express = require('express');",
    "const mysql = require('mysql');",
    'const db = mysql.createConnection({});',
    'const app = express();',
    "app.get('/users', (req, res) => {",
    '  const status = req.query.status;',
    '  const sql = "SELECT * FROM users WHERE status = \'" + status + "\'";',
    '  db.query(sql, (err, rows) => {',
    '    res.json(rows);',
    '  });',
    '});',
    '',
  ].join('\n');
  const uri = client.open('src/users.js', 'javascript', text);
  const pub = await client.nextDiagnostics(uri, 0, (ds) => wardOf(ds, 'js-sql-injection').length > 0, 'js-sql-injection');
  const [d] = wardOf(pub.diagnostics, 'js-sql-injection');
  assert.equal(d.severity, 1, 'request data proven to reach the query: an error');
  assert.equal(d.message, 'req.query.status reaches db.query (SQL injection) [CWE-89]');
  // The finding is the sink: a step inside its range would point where the user already is.
  const inside = (r) => (r.start.line > d.range.start.line || (r.start.line === d.range.start.line && r.start.character >= d.range.start.character))
    && (r.end.line < d.range.end.line || (r.end.line === d.range.end.line && r.end.character <= d.range.end.character));
  const related = d.relatedInformation ?? [];
  assert.deepEqual(related.filter((r) => r.location.uri === uri && inside(r.location.range)), []);
  assert.deepEqual(related.map((r) => [r.location.range.start.line, r.message]), [
    [5, 'source: `req.query.status` (request input)'],
    [5, 'assigned to `status`'],
    [6, 'assigned to `sql`'],
  ]);
  client.close(uri);
});

test('(e) settings: disabledRules, then a broken value falls back to the default with a warning', { timeout: 30000 }, async () => {
  let mark = client.mark(jsUri);
  await client.setSettings({ debounceMs: 0, disabledRules: [RULE] });
  let pub = await client.nextDiagnostics(jsUri, mark, () => true, 'diagnostics after disabling the rule');
  assert.deepEqual(wardOf(pub.diagnostics), []);

  const messages = client.messages.length;
  mark = client.mark(jsUri);
  await client.setSettings({ debounceMs: 0, minimumSeverity: 42 });
  pub = await client.nextDiagnostics(jsUri, mark, () => true, 'diagnostics after a broken setting');
  assert.equal(wardOf(pub.diagnostics).length, 1, 'the default minimumSeverity (info) is used');
  const warning = await client.waitFor('a warning about ward.minimumSeverity', () =>
    client.messages.slice(messages).find((m) => /minimumSeverity/.test(m.message)),
  );
  assert.equal(warning.type, 2, 'shown as a warning');

  // Back to good settings; hovering and code actions still work.
  mark = client.mark(jsUri);
  await client.setSettings({ debounceMs: 0 });
  pub = await client.nextDiagnostics(jsUri, mark, () => true);
  assert.equal(wardOf(pub.diagnostics).length, 1);
});

test('(f) Python document checked with rules from ward.extraRuleFolders (relative to the workspace)', { timeout: 30000 }, async () => {
  fs.cpSync(fixtureRules, path.join(workspace, 'my-rules'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'one-rule.yaml'), 'id: not-a-folder\n');
  await client.setSettings({ debounceMs: 0, extraRuleFolders: ['my-rules', 'no-such-folder', 'one-rule.yaml'] });
  const messages = client.messages.length;
  const py = ['import os', '', '', 'def run(name):', '    os.system("ls " + name)', '    os.system("ls -la")', ''].join('\n');
  const uri = client.open('tool.py', 'python', py);
  const pub = await client.nextDiagnostics(uri, 0, (ds) => wardOf(ds, 'py-test-os-system').length > 0, 'py-test-os-system');
  const ours = wardOf(pub.diagnostics, 'py-test-os-system');
  assert.equal(ours.length, 1, 'only the non-constant command is reported');
  assert.deepEqual(ours[0].range, rangeOf(py, '"ls " + name'));
  assert.match(ours[0].message, /CWE-78/);
  await client.waitFor('a warning about the missing rule folder', () =>
    client.messages.slice(messages).find((m) => /no-such-folder/.test(m.message)),
  );
  await client.waitFor('a warning about the rule "folder" that is a file', () =>
    client.messages.slice(messages).find((m) => /ward\.extraRuleFolders: .*one-rule\.yaml is a file, not a folder/.test(m.message)),
  );
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(py, '"ls " + name') });
  assert.match(hover.contents.value, /test-only rule/, 'hover shows the docs of a rule from an extra folder');
  assert.match(hover.contents.value, /\[CWE-78\]\(/);
  client.close(uri);
  const cleared = await client.nextDiagnostics(uri, 0, (ds, p) => p !== undefined && ds.length === 0, 'cleared diagnostics on close');
  assert.deepEqual(cleared.diagnostics, []);
  await client.setSettings({ debounceMs: 0 });
});

test('(j) the debounce adapts: a file that checks quickly waits less than ward.debounceMs', { timeout: 30000 }, async () => {
  // debounceMs is the longest wait; this small file's last check took milliseconds, so an
  // edit is checked long before 4 s. A fixed 4 s debounce would fail this.
  await client.setSettings({ debounceMs: 4000 });
  const uri = client.open('quick.js', 'javascript', "const cp = require('child_process');\nexports.run = (dir) => dir;\n");
  await client.nextDiagnostics(uri, 0, () => true, 'diagnostics on open');
  const mark = client.mark(uri);
  const at = { line: 2, character: 0 };
  const sent = performance.now();
  const version = client.change(uri, [{ range: { start: at, end: at }, text: "exports.rm = (d) => cp.exec('rm -r ' + d);\n" }]);
  const pub = await client.nextDiagnostics(uri, mark, (_, p) => p.version === version, 'diagnostics after the edit');
  assert.equal(wardOf(pub.diagnostics, RULE).length, 1);
  const waited = performance.now() - sent;
  assert.ok(waited < 3000, `checked after ${waited.toFixed(0)} ms (fixed debounce would be 4000)`);
  client.close(uri);
  await client.setSettings({ debounceMs: 0 });
});

test('(g) a 5 MB minified file is skipped with a notice and the server keeps answering', { timeout: 60000 }, async () => {
  const chunk = 'var a=function(b){return b+1};';
  const big = chunk.repeat(Math.ceil((5 * 1024 * 1024) / chunk.length));
  const uri = client.open('vendor/app.bundle.js', 'javascript', big);
  const pub = await client.nextDiagnostics(uri, 0, () => true, 'the skip notice');
  assert.equal(pub.diagnostics.length, 1);
  const notice = pub.diagnostics[0];
  assert.equal(notice.severity, 3, 'Information');
  assert.equal(notice.source, 'Ward');
  assert.match(notice.message, /skipped/i);
  assert.match(notice.message, /MB/);

  // A smaller minified file (under the size limit) is skipped for being minified.
  const mini = chunk.repeat(Math.ceil((1024 * 1024) / chunk.length)) + "require('child_process').exec('ls '+x);";
  const miniUri = client.open('vendor/mini.js', 'javascript', mini);
  const miniPub = await client.nextDiagnostics(miniUri, 0, () => true, 'the minified notice');
  assert.equal(miniPub.diagnostics.length, 1);
  assert.match(miniPub.diagnostics[0].message, /minified/);

  // Still responsive: hover on the big file, and a normal edit elsewhere is checked.
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 10 } });
  assert.equal(hover, null);
  const mark = client.mark(jsUri);
  const at = positionOf(client.text(jsUri), '  return dir;');
  const version = client.change(jsUri, [{ range: { start: at, end: at }, text: "  cp.exec('echo ' + dir);\n" }]);
  const after = await client.nextDiagnostics(jsUri, mark, (_, p) => p.version === version);
  assert.equal(wardOf(after.diagnostics).length, 2);
  client.close(uri);
  client.close(miniUri);
});

test('edit → diagnostics latency on a ~2,000-line file (printed, not asserted)', { timeout: 60000 }, async () => {
  const lines = ["const cp = require('child_process');", ''];
  for (let i = 0; lines.length < 2000; i++) {
    lines.push(
      `function handler${i}(req, res) {`,
      `  const name = req.query.name${i} || 'guest';`,
      `  const items = [1, 2, 3].map((x) => x * ${i});`,
      i % 25 === 0 ? `  cp.exec('grep ' + name);` : `  res.send({ name, items, total: items.length + ${i} });`,
      `  return items;`,
      `}`,
      '',
    );
  }
  const text = lines.join('\n');
  const uri = client.open('src/big.js', 'javascript', text);
  const first = await client.nextDiagnostics(uri, 0, () => true);
  const expected = commandFindings(first.diagnostics).length;
  assert.equal(expected, lines.filter((l) => l.includes("cp.exec('grep")).length);
  const times = [];
  for (let k = 0; k < 21; k++) {
    const line = 2 + 7 * (k * 13 % 280) + 4; // a `return items;` line spread over the file
    const mark = client.mark(uri);
    const started = performance.now();
    const version = client.change(uri, [{ range: { start: { line, character: 2 }, end: { line, character: 2 } }, text: ' ' }]);
    const pub = await client.nextDiagnostics(uri, mark, (_, p) => p.version === version);
    times.push(pub.at - started);
    assert.equal(commandFindings(pub.diagnostics).length, expected);
  }
  console.log(`edit → diagnostics latency on a ${lines.length}-line file (debounceMs 0): median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${times.length} edits`);
  client.close(uri);
});

test('(i) shutdown and exit end the process with code 0', { timeout: 30000 }, async () => {
  const result = await client.request('shutdown');
  assert.equal(result, null);
  await client.conn.sendNotification('exit');
  const { code } = await Promise.race([
    client.exited,
    new Promise((_, reject) => setTimeout(() => reject(new Error('server did not exit')), 10000)),
  ]);
  assert.equal(code, 0);
  client.conn.dispose();
});

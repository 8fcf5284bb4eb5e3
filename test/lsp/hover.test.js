// The hover over a taint finding adds only what VS Code does not already show: not the
// message, the rule id or title, nor the data-flow trace (that is the diagnostic's related
// information, shown once), but why it matters, the fix in one line and the CWE, OWASP and
// rule-page links.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client, dist } = require('./client');

const { loadEngine } = require(path.join(dist, 'engine.js'));
const rules = loadEngine([path.join(dist, 'rules')]).engine.rules;
const rule = (id) => rules.find((r) => r.id === id);

const APP = [
  "const express = require('express');",
  "const mysql = require('mysql');",
  '',
  'const db = mysql.createConnection({});',
  'const app = express();',
  '',
  "app.get('/user', (req, res) => {",
  '  const name = req.query.name;',
  '  db.query("SELECT * FROM users WHERE name = \'" + name + "\'", (err, rows) => res.json(rows));',
  '});',
  '',
].join('\n');

/** The text a reader sees: link targets and Markdown marks left out. */
const visible = (md) => md.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|`/g, '');

let client;
let workspace;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-hover-'));
  client = new Client(workspace);
  await client.initialize();
});

after(() => {
  if (client && client.proc.exitCode === null) client.proc.kill();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

test('a taint finding: the trace is in the related information only; the hover is short and links out', { timeout: 30000 }, async () => {
  const uri = client.open('app.js', 'javascript', APP);
  const pub = await client.nextDiagnostics(uri, 0, (ds) => ds.some((d) => d.code === 'js-sql-injection'), 'js-sql-injection');
  const d = pub.diagnostics.find((x) => x.code === 'js-sql-injection');
  assert.ok(d.relatedInformation?.length >= 2, `the trace travels with the diagnostic: ${JSON.stringify(d.relatedInformation)}`);
  assert.ok(d.data.fixes.length >= 1, 'the mysql import makes the parameterised-query fix possible');

  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: d.range.start });
  const md = hover.contents.value;
  assert.doesNotMatch(md, /Data flow/);
  for (const step of d.relatedInformation) assert.ok(!md.includes(step.message), `trace step repeated in the hover: ${step.message}`);
  assert.ok(!md.includes('SQL query built from request data'), 'the title is not repeated');
  assert.ok(!md.includes('js-sql-injection]') && !md.includes('`js-sql-injection`'), 'the rule id is not repeated (VS Code shows it)');
  assert.ok(!md.includes(d.message.split(' (')[0]), 'the message is not repeated');

  assert.match(md, /\[CWE-89\]\(https:\/\/cwe\.mitre\.org\/data\/definitions\/89\.html\)/);
  assert.match(md, /\[OWASP A03:2021 Injection\]\(https:\/\/owasp\.org\/Top10\/A03_2021-Injection\/\)/);
  // The rule's why and its one-line advice (the quick fix itself is VS Code's "Quick Fix..." link).
  const sql = rule('js-sql-injection');
  assert.ok(sql.advice && sql.why, 'the rule has an advice and a why');
  const fixLines = md.split('\n').filter((l) => l.startsWith('**Fix:**'));
  assert.deepEqual(fixLines, [`**Fix:** ${sql.advice}`], 'the fix, in one line');
  const paragraphs = md.split(/\n\n/);
  assert.equal(paragraphs.length, 3, `why, fix, links: ${JSON.stringify(paragraphs)}`);
  assert.equal(paragraphs[0], sql.why.replace(/\s+/g, ' '));
  assert.ok(visible(md).length < 450, `short enough to read without scrolling: ${visible(md).length} characters\n${md}`);
});

// Cross-file taint in the editor: a request value passed to a helper imported from
// another file of the project is reported at the call, with the trace into that file.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');

test('a helper imported from another file is followed while editing', { timeout: 120000 }, async () => {
  const { startServer } = await import(pathToFileURL(path.join(__dirname, '..', '..', 'bench', 'lspClient.mjs')).href);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-xfile-'));
  fs.mkdirSync(path.join(root, 'lib'));
  fs.writeFileSync(
    path.join(root, 'lib', 'users.js'),
    ["const mysql = require('mysql');", 'const db = mysql.createConnection({});', 'function findUser(name) {', "  return db.query(\"SELECT * FROM users WHERE name = '\" + name + \"'\");", '}', 'module.exports = { findUser };', ''].join('\n'),
  );
  const app = ["const express = require('express');", "const { findUser } = require('./lib/users');", 'const app = express();', "app.get('/u', (req, res) => {", '  findUser(req.query.name);', "  findUser('admin');", '});', ''].join('\n');
  fs.writeFileSync(path.join(root, 'app.js'), app);
  const server = await startServer(path.join(dist, 'server.js'), root, {});
  try {
    const uri = pathToFileURL(path.join(root, 'app.js')).href;
    const waiting = server.nextDiagnostics(uri, () => true, 60000);
    server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: app } });
    const { diagnostics } = await waiting;
    const sql = diagnostics.filter((d) => d.code === 'js-sql-injection');
    assert.deepEqual(sql.map((d) => d.range.start.line), [4], 'only the call with request data');
    assert.match(sql[0].message, /req\.query\.name/);
    const steps = sql[0].relatedInformation.map((r) => `${path.basename(r.location.uri)}:${r.location.range.start.line}`);
    assert.ok(steps.includes('users.js:3'), `the trace reaches the query in the helper's file: ${steps.join(', ')}`);

    // The helper is fixed and saved: app.js, not edited, is checked again with its new summary.
    const usersPath = path.join(root, 'lib', 'users.js');
    const usersUri = pathToFileURL(usersPath).href;
    const fixed = fs.readFileSync(usersPath, 'utf8').replace(/db\.query\(.*\);/, "db.query('SELECT * FROM users WHERE name = ?', [name]);");
    server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: usersUri, languageId: 'javascript', version: 1, text: fixed } });
    fs.writeFileSync(usersPath, fixed);
    const recheck = server.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'js-sql-injection'), 60000);
    server.conn.sendNotification('textDocument/didSave', { textDocument: { uri: usersUri } });
    await recheck;
  } finally {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

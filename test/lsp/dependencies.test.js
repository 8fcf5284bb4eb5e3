// The editor and dependency rules: an open package.json gets its vulnerable packages on
// their lines (versions from the lockfile on disk) with the upgrade quick fix, and the
// status bar's tooltip names the advisory database and its date. The database is a small
// synthetic OSV export built here; the server never touches the network.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Client, dist } = require('./client');
const { deps } = require(path.join(dist, 'engine.js'));
const { osvRecord, osvZip, tempDir, writeTree, CVSS } = require('../osvFixtures');

let client;
after(() => {
  if (client && client.proc.exitCode === null && client.proc.signalCode === null) client.proc.kill();
});

/** lodash 4.17.11 directly, qs 6.5.1 through express. */
const PACKAGE_LOCK = JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { lodash: '^4.17.4', express: '4.16.0' } }, 'node_modules/lodash': { version: '4.17.11' }, 'node_modules/express': { version: '4.16.0', dependencies: { qs: '6.5.1' } }, 'node_modules/qs': { version: '6.5.1' } } });
const PACKAGE_JSON = '{\n  "name": "shop",\n  "dependencies": {\n    "lodash": "^4.17.4",\n    "express": "4.16.0"\n  }\n}\n';

test('package.json in the editor: diagnostics on the dependency lines, the upgrade fix, the database in the status', { timeout: 60000 }, async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'npm.zip'), osvZip([
    osvRecord({ id: 'GHSA-lsp0-0001-aaaa', summary: 'Prototype pollution', cvss: CVSS.critical, affected: [{ name: 'lodash', ranges: [['0', '4.17.21']] }] }),
    osvRecord({ id: 'GHSA-lsp0-0002-bbbb', summary: 'Prototype poisoning', cvss: CVSS.medium, affected: [{ name: 'qs', ranges: [['6.5.0', '6.5.3']] }] }),
  ]));
  const db = path.join(dir, 'db');
  await deps.importZip(path.join(dir, 'npm.zip'), db, { source: 'test' });
  const ws = writeTree(path.join(dir, 'ws'), {
    'package.json': PACKAGE_JSON,
    'package-lock.json': PACKAGE_LOCK,
  });
  client = new Client(ws);
  client.settings = { debounceMs: 0, advisories: { folder: db, maxAgeDays: 30 } };
  await client.initialize();
  const uri = client.uri('package.json');
  const mark = client.mark(uri);
  client.open('package.json', 'json', PACKAGE_JSON);
  const published = await client.nextDiagnostics(uri, mark, (d) => d.length === 2);
  const [lodash, qs] = published.diagnostics;
  assert.deepEqual([lodash.code, lodash.range.start.line, lodash.severity], ['dep-vulnerable-npm', 3, 1]);
  assert.match(lodash.message, /lodash@4\.17\.11 has a known vulnerability, GHSA-lsp0-0001-aaaa\. Critical 9\.8: Prototype pollution\. Upgrade to 4\.17\.21/);
  assert.deepEqual([qs.range.start.line, qs.severity], [4, 2]);
  assert.match(qs.message, /Brought in by express → qs/);
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: lodash.range, context: { diagnostics: [lodash], only: ['quickfix'] } });
  const upgrade = actions.find((a) => /^Ward: Upgrade lodash to 4\.17\.21/.test(a.title));
  assert.ok(upgrade, JSON.stringify(actions.map((a) => a.title)));
  assert.deepEqual(upgrade.edit.changes[uri], [{ range: { start: { line: 3, character: 16 }, end: { line: 3, character: 22 } }, newText: '4.17.21' }]);
  const status = await client.waitFor('a status naming the database', () => client.statuses.find((s) => /Advisory database: npm \d{4}-\d{2}-\d{2}, in /.test(s.advisories ?? '')));
  assert.ok(status.advisories.includes(db));
  // `npm install` upgrades lodash in the lockfile on disk: the open package.json is checked again.
  const upgraded = JSON.parse(PACKAGE_LOCK);
  upgraded.packages['node_modules/lodash'].version = '4.17.21';
  fs.writeFileSync(path.join(ws, 'package-lock.json'), JSON.stringify(upgraded));
  const afterInstall = client.mark(uri);
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('package-lock.json'), type: 2 }] });
  const rechecked = await client.nextDiagnostics(uri, afterInstall, (d) => d.length === 1, 'package.json checked again after its lockfile changed');
  assert.match(rechecked.diagnostics[0].message, /qs@6\.5\.1/);
  await client.request('shutdown');
  await client.conn.sendNotification('exit');
});

// A workspace scan keeps results per file by content; an unchanged lockfile must still be
// checked again once the advisory database changes, or the new advisories never show.
test('Scan Workspace after the advisory database is updated reports the new advisories (not the cached result), and a changed lockfile re-scans its package.json', { timeout: 120000 }, async () => {
  const dir = tempDir();
  const lodash = osvRecord({ id: 'GHSA-lsp1-0001-aaaa', summary: 'Prototype pollution', cvss: CVSS.critical, affected: [{ name: 'lodash', ranges: [['0', '4.17.21']] }] });
  const qs = osvRecord({ id: 'GHSA-lsp1-0002-bbbb', summary: 'Prototype poisoning', cvss: CVSS.medium, affected: [{ name: 'qs', ranges: [['6.5.0', '6.5.3']] }] });
  fs.writeFileSync(path.join(dir, 'old.zip'), osvZip([lodash]));
  fs.writeFileSync(path.join(dir, 'new.zip'), osvZip([lodash, qs]));
  const db = path.join(dir, 'db');
  await deps.importZip(path.join(dir, 'old.zip'), db, { source: 'test' });
  // A workspace of the project too (apps/web), whose lodash is the root's install.
  const lock = JSON.parse(PACKAGE_LOCK);
  lock.packages['apps/web'] = { name: 'web', dependencies: { lodash: '^4.17.0' } };
  lock.packages['node_modules/web'] = { resolved: 'apps/web', link: true };
  const ws = writeTree(path.join(dir, 'ws'), {
    'package.json': PACKAGE_JSON,
    'package-lock.json': JSON.stringify(lock),
    'apps/web/package.json': '{\n  "name": "web",\n  "dependencies": {\n    "lodash": "^4.17.0"\n  }\n}\n',
  });
  const c = new Client(ws);
  try {
    c.settings = { debounceMs: 0, advisories: { folder: db, maxAgeDays: 30 } };
    await c.initialize();
    const uri = c.uri('package.json');
    const ids = (list) => list.map((d) => /GHSA-[\w-]+/.exec(d.message)?.[0]).sort();
    const web = c.uri('apps/web/package.json');
    let mark = c.mark(uri);
    let webMark = c.mark(web);
    await c.request('ward/scanWorkspace', {}, 90000);
    assert.deepEqual(ids((await c.nextDiagnostics(uri, mark, (d) => d.length > 0, 'the first scan')).diagnostics), ['GHSA-lsp1-0001-aaaa']);
    assert.deepEqual(ids((await c.nextDiagnostics(web, webMark, (d) => d.length > 0, "the workspace's package.json")).diagnostics), ['GHSA-lsp1-0001-aaaa']);
    // What "Ward: Update Advisory Database" or `ward advisories update` in a terminal does.
    await new Promise((r) => setTimeout(r, 20)); // a later import time than the first
    await deps.importZip(path.join(dir, 'new.zip'), db, { source: 'test' });
    mark = c.mark(uri);
    await c.request('ward/scanWorkspace', {}, 90000);
    const after = await c.nextDiagnostics(uri, mark, () => true, 'the second scan');
    assert.deepEqual(ids(after.diagnostics), ['GHSA-lsp1-0001-aaaa', 'GHSA-lsp1-0002-bbbb']);
    // `npm install` upgrades lodash in the lockfile: the closed package.json's problems follow,
    // and so do the workspace's, a folder below.
    lock.packages['node_modules/lodash'].version = '4.17.21';
    fs.writeFileSync(path.join(ws, 'package-lock.json'), JSON.stringify(lock));
    mark = c.mark(uri);
    webMark = c.mark(web);
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri('package-lock.json'), type: 2 }] });
    const installed = await c.nextDiagnostics(uri, mark, (d) => d.length === 1, 'package.json re-scanned after its lockfile changed');
    assert.deepEqual(ids(installed.diagnostics), ['GHSA-lsp1-0002-bbbb']);
    await c.nextDiagnostics(web, webMark, (d) => d.length === 0, "the workspace's package.json re-scanned after the root's lockfile changed");
  } finally {
    c.proc.kill();
  }
});

// `.ward.yaml`'s `ignore:` list is what `ward scan` honours in CI; the editor reads the same
// list, so an accepted advisory is not a squiggle that CI does not fail on.
test("an advisory accepted in .ward.yaml's ignore list is not shown in the editor, as in the CLI", { timeout: 60000 }, async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'npm.zip'), osvZip([
    osvRecord({ id: 'GHSA-lsp2-0001-aaaa', summary: 'Prototype pollution', cvss: CVSS.critical, affected: [{ name: 'lodash', ranges: [['0', '4.17.21']] }] }),
    osvRecord({ id: 'GHSA-lsp2-0002-bbbb', summary: 'Prototype poisoning', cvss: CVSS.medium, affected: [{ name: 'qs', ranges: [['6.5.0', '6.5.3']] }] }),
  ]));
  const db = path.join(dir, 'db');
  await deps.importZip(path.join(dir, 'npm.zip'), db, { source: 'test' });
  const ws = writeTree(path.join(dir, 'ws'), {
    '.ward.yaml': 'ignore:\n  - id: GHSA-lsp2-0002-bbbb\n    reason: qs only parses our own query strings\n',
    'package.json': PACKAGE_JSON,
    'package-lock.json': PACKAGE_LOCK,
  });
  const c = new Client(ws);
  try {
    c.settings = { debounceMs: 0, advisories: { folder: db, maxAgeDays: 30 } };
    await c.initialize();
    const uri = c.uri('package.json');
    const mark = c.mark(uri);
    c.open('package.json', 'json', PACKAGE_JSON);
    const published = await c.nextDiagnostics(uri, mark, (d) => d.length > 0);
    assert.deepEqual(published.diagnostics.map((d) => /GHSA-[\w-]+/.exec(d.message)?.[0]), ['GHSA-lsp2-0001-aaaa']);
  } finally {
    c.proc.kill();
  }
});

// pyproject.toml in the editor: the squiggle on the line that declares the package (versions
// from poetry.lock on disk) with the upgrade fix on the version in the spec, and the unsaved
// text counts (a dependency typed in, before saving).
test('pyproject.toml in the editor: diagnostics on the declaring line from poetry.lock, the fix on the spec, unsaved edits checked', { timeout: 60000 }, async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'pypi.zip'), osvZip([
    osvRecord({ id: 'PYSEC-2099-31', summary: 'SQL injection', cvss: CVSS.critical, affected: [{ ecosystem: 'PyPI', name: 'Django', ranges: [['3.2', '3.2.14']] }] }),
    osvRecord({ id: 'GHSA-lsp3-0001-aaaa', summary: 'CRLF injection', cvss: CVSS.medium, affected: [{ ecosystem: 'PyPI', name: 'urllib3', ranges: [['0', '1.24.2']] }] }),
  ]));
  const db = path.join(dir, 'db');
  await deps.importZip(path.join(dir, 'pypi.zip'), db, { source: 'test' });
  const pyproject = '[project]\nname = "shop"\ndependencies = [\n    "Django>=3.2.4,<4",\n]\n';
  const ws = writeTree(path.join(dir, 'ws'), {
    'pyproject.toml': pyproject,
    'poetry.lock': '[[package]]\nname = "django"\nversion = "3.2.4"\n\n[[package]]\nname = "requests"\nversion = "2.19.1"\n\n[package.dependencies]\nurllib3 = "*"\n\n[[package]]\nname = "urllib3"\nversion = "1.24.1"\n',
  });
  const c = new Client(ws);
  try {
    c.settings = { debounceMs: 0, advisories: { folder: db, maxAgeDays: 30 } };
    await c.initialize();
    const uri = c.uri('pyproject.toml');
    let mark = c.mark(uri);
    c.open('pyproject.toml', 'toml', pyproject);
    const published = await c.nextDiagnostics(uri, mark, (d) => d.length === 1, 'Django on its line');
    const [django] = published.diagnostics;
    assert.deepEqual([django.code, django.range.start.line], ['dep-vulnerable-pypi', 3]);
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: django.range, context: { diagnostics: [django], only: ['quickfix'] } });
    const upgrade = actions.find((a) => /^Ward: Upgrade Django to 3\.2\.14/.test(a.title));
    assert.ok(upgrade, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(upgrade.edit.changes[uri], [{ range: { start: { line: 3, character: 13 }, end: { line: 3, character: 18 } }, newText: '3.2.14' }]);
    // requests typed in (the lock has it, with urllib3 below it): reported on its new line.
    mark = c.mark(uri);
    c.change(uri, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '    "requests",\n' }]);
    const typed = await c.nextDiagnostics(uri, mark, (d) => d.length === 2, 'urllib3 through the requests line');
    assert.match(typed.diagnostics.find((d) => d.range.start.line === 4).message, /urllib3@1\.24\.1.*Brought in by requests → urllib3/);
  } finally {
    c.proc.kill();
  }
});

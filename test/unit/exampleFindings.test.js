// The data-flow findings the project's own examples (examples/) were written to show stay
// reported, and the false alarms once seen there stay silent: a change of the taint walk that
// loses one fails here, whatever its own fixtures say. Pattern and secret findings are checked
// by their fixtures; this list holds the cross-file and handler-shaped flows.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const root = path.join(__dirname, '..', '..');

const REPORTED = [
  // Through a project decorator (`@login_required` from `.auth`) and an f-string with shell=True.
  'py-command-injection flask-shop/shop/orders.py:78',
  // Through a helper imported relatively (`from .db import query`): the query built with % runs there.
  'py-sql-injection flask-shop/shop/catalog.py:33',
  'py-code-injection flask-shop/shop/catalog.py:31',
  'py-path-traversal flask-shop/shop/catalog.py:55',
  'py-path-traversal flask-shop/shop/orders.py:59',
  'py-open-redirect flask-shop/shop/auth.py:75',
  'py-sql-injection flask-shop/shop/admin.py:26',
  'py-template-injection flask-shop/shop/admin.py:65',
  'py-ssrf flask-shop/shop/webhooks.py:46',
  'py-sql-injection django-blog/blog/views.py:36',
  'py-ssrf django-blog/blog/views.py:80',
  'py-open-redirect django-blog/blog/views.py:132',
  'js-sql-injection notes-app/server/routes/notes.js:28',
  'js-command-injection notes-app/server/routes/admin.js:33',
  'js-code-injection notes-app/server/routes/admin.js:42',
  'js-command-injection notes-app/server/routes/export.js:34',
  'js-xss notes-app/server/routes/share.js:42',
  'js-ssrf notes-app/server/routes/webhooks.js:39',
  'js-open-redirect notes-app/server/routes/auth.js:89',
];

const SILENT = [
  // The row a parameterised query returns (`query(…, (email,), one=True)` from `.db`) is the
  // database's, not the request's: storing its id in the session crosses no trust boundary.
  'py-trust-boundary flask-shop/shop/auth.py',
  // multer stored the upload under a name it made (`req.file.path`): deleting it is no traversal.
  'js-path-traversal notes-app/server/routes/attachments.js:25',
  // The stored path of a row looked up by the id (`db.one(…, [req.params.id])`) is the database's.
  'js-path-traversal notes-app/server/routes/attachments.js:45',
  'js-path-traversal notes-app/server/routes/attachments.js:67',
  // The shared page escapes the note's fields; the note was looked up by the token, not made from it.
  'js-xss notes-app/server/routes/share.js:28',
];

test('the examples\' data-flow findings stay reported, their known false alarms silent', { timeout: 300000 }, () => {
  const run = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', 'examples', '--format', 'json', '--fail-on', 'none'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(run.stdout, run.stderr);
  const findings = JSON.parse(run.stdout).findings.filter((f) => !f.suppressed);
  const keys = new Set(findings.map((f) => `${f.ruleId} ${f.path.replace(/^examples\//, '')}:${f.start.line}`));
  assert.deepEqual(REPORTED.filter((k) => !keys.has(k)), [], 'reported no longer');
  const files = findings.map((f) => `${f.ruleId} ${f.path.replace(/^examples\//, '')}`);
  // An entry names a rule in a file, or one line of it (`file:line`).
  assert.deepEqual(SILENT.filter((k) => files.includes(k) || keys.has(k)), [], 'false alarms back');
});

// Python packages import their own modules relatively (`from .db import query`, `from . import
// db`, `from ..util import run`): a helper reached that way is followed like any other project
// helper, into its file and out again.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const { engine } = W.loadEngine([path.join(__dirname, '..', '..', 'rules')]);

function write(root, files) {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return Object.keys(files).map((n) => path.join(root, n));
}

async function scan(files, root) {
  const { index } = await W.buildSummaryIndex(engine, files, files);
  const out = {};
  for (const file of files) {
    const r = await engine.scanFile(file, { relativePath: path.relative(root, file), budgetMs: 20000, summaryIndex: index });
    out[path.relative(root, file).split(path.sep).join('/')] = r.findings.filter((f) => !f.suppressed);
  }
  return out;
}

const HELPERS = {
  'shop/__init__.py': '',
  'shop/db.py': [
    'import os',
    'import sqlite3',
    '',
    'def get_db():',
    '    return sqlite3.connect("shop.db")',
    '',
    'def query(sql, args=(), one=False):',
    '    cur = get_db().execute(sql, args)',
    '    rows = cur.fetchall()',
    '    return (rows[0] if rows else None) if one else rows',
    '',
    'def archive(name):',
    '    os.system("tar czf /backups/" + name + ".tgz /data")',
    '',
  ].join('\n'),
  'shop/admin/__init__.py': '',
};

test('from .db import …: a helper that runs a command is followed into its file', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-pyrel-'));
  const files = write(root, {
    ...HELPERS,
    'shop/views.py': [
      'from flask import Blueprint, request, session',
      'from .db import archive, query',
      '',
      'bp = Blueprint("views", __name__)',
      '',
      '@bp.route("/archive")',
      'def do_archive():',
      '    archive(request.args["name"])',
      '    return "ok"',
      '',
      '@bp.route("/login", methods=("POST",))',
      'def login():',
      '    user = query("SELECT * FROM users WHERE email = ?", (request.form["email"],), one=True)',
      '    if user:',
      '        session["user_id"] = user["id"]',
      '    return "ok"',
      '',
    ].join('\n'),
    'shop/admin/tools.py': [
      'from flask import Blueprint, request',
      'from .. import db',
      'from ..db import archive as backup',
      '',
      'bp = Blueprint("tools", __name__)',
      '',
      '@bp.route("/backup")',
      'def do_backup():',
      '    backup(request.args["name"])',
      '    db.archive(request.args["other"])',
      '    return "ok"',
      '',
    ].join('\n'),
  });
  const found = await scan(files, root);
  const views = found['shop/views.py'];
  const command = views.filter((f) => f.ruleId === 'py-command-injection');
  assert.deepEqual(command.map((f) => f.range.start.line), [7], JSON.stringify(views.map((f) => [f.ruleId, f.range.start.line])));
  assert.ok(command[0].trace.some((s) => s.file && s.file.endsWith(path.join('shop', 'db.py'))), 'the trace goes into shop/db.py');
  // The row a parameterised query returns is the database's, not the request's.
  assert.deepEqual(views.filter((f) => f.ruleId === 'py-trust-boundary'), []);
  const tools = found['shop/admin/tools.py'].filter((f) => f.ruleId === 'py-command-injection');
  assert.deepEqual(tools.map((f) => f.range.start.line), [8, 9], JSON.stringify(found['shop/admin/tools.py'].map((f) => [f.ruleId, f.range.start.line])));
});

test('relative module names resolve from the importing file\'s package, nothing searched', () => {
  const known = new Set(['/p/shop/db.py', '/p/shop/__init__.py', '/p/shop/admin/__init__.py', '/p/db.py']);
  const modules = W.taintSyntaxFor ? W.taintSyntaxFor('python').modules : undefined;
  assert.ok(modules, 'the Python pack exposes its module resolution');
  const resolve = (from, spec) => modules.resolve(from, spec, (p) => known.has(p));
  assert.equal(resolve('/p/shop/views.py', '.db'), '/p/shop/db.py');
  assert.equal(resolve('/p/shop/admin/tools.py', '..db'), '/p/shop/db.py');
  assert.equal(resolve('/p/shop/admin/tools.py', '.db'), undefined, 'not searched in folders above');
  assert.equal(resolve('/p/shop/admin/tools.py', '..'), '/p/shop/__init__.py');
  // Each name a relative import lists may be a module of that package (`from . import db`).
  assert.deepEqual(modules.projectImports('from . import db, mail as m\nfrom .views import (\n  a,\n  b,\n)\nfrom ..x import y\nimport os\n').sort(), ['.', '.db', '.mail', '.views', '.views.a', '.views.b', '..x', '..x.y', 'os'].sort());
});

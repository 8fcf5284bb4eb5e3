// The code that quick fixes write runs and does what it says: the `.fixed` fixtures (which
// the rule tests pin byte for byte to what the fixes produce) are executed here. Password
// hashes verify the right password only, in a format that keeps salt and parameters; path
// and host checks refuse what they must. Python parts run when python3 is installed.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { spawnSync } = require('node:child_process');

const rules = path.join(__dirname, '..', '..', 'rules');
const read = (rel) => fs.readFileSync(path.join(rules, rel), 'utf8');
const python = spawnSync('python3', ['-c', 'import sys; assert sys.version_info >= (3, 9)']).status === 0;

/** The text of a top-level function (and what precedes it up to `from`) in a fixed file. */
function jsFunction(text, name, from = `function ${name}`) {
  const start = text.indexOf(from);
  const end = text.indexOf('\n}\n', text.indexOf(`function ${name}`));
  assert.ok(start >= 0 && end > start, `${name} not found`);
  return text.slice(start, end + 3);
}

test('the JavaScript password fix stores salted scrypt hashes and verifies only the right password', async () => {
  const code = read('javascript/crypto/js-weak-hash-password.fixed.auth.js');
  const users = {};
  const routes = {};
  const stubs = {
    crypto: require('node:crypto'),
    express: { Router: () => ({ post: (p, h) => (routes[p] = h) }) },
    './db': { insert: async (t, row) => (users[row.email] = { id: 7, ...row }), findUser: async (email) => users[email] },
  };
  const module = { exports: {} };
  new Function('require', 'module', 'exports', 'process', code)((m) => stubs[m], module, module.exports, { env: { PEPPER: 'pepper' } });
  const call = async (route, body) => {
    const res = { status: 0, sendStatus(s) { this.status = s; return this; } };
    await routes[route]({ body, session: {} }, res);
    return res.status;
  };
  assert.equal(await call('/signup', { email: 'a@x', password: 'correct horse' }), 201);
  const stored = users['a@x'].passwordHash;
  assert.match(stored, /^scrypt\$131072\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{128}$/);
  assert.equal(await call('/login', { email: 'a@x', password: 'correct horse' }), 204);
  assert.equal(await call('/login', { email: 'a@x', password: 'correct horse!' }), 401);
  // Two hashes of one password differ (random salt); an old SHA-1 value no longer verifies.
  await call('/signup', { email: 'b@x', password: 'correct horse' });
  assert.notEqual(users['b@x'].passwordHash, stored);
  users['a@x'].passwordHash = require('node:crypto').createHash('sha1').update('correct horsepepper').digest('hex');
  assert.equal(await call('/login', { email: 'a@x', password: 'correct horse' }), 401);
});

test('pathInside keeps paths under their root', () => {
  const fn = vm.runInNewContext(`(${jsFunction(read('javascript/taint/js-path-traversal.fixed.js'), 'pathInside')})`, { path: require('node:path') });
  assert.equal(fn('/srv/files', 'a/b.txt'), '/srv/files/a/b.txt');
  for (const bad of ['../etc/passwd', '/etc/passwd', 'a/../../x', '..', '.']) assert.throws(() => fn('/srv/files', bad), /path outside/, bad);
});

test('allowedUrl accepts only http(s) URLs to listed hosts, compared exactly', () => {
  const text = read('javascript/taint/js-ssrf.fixed.webhook.js');
  const sandbox = { URL };
  vm.runInNewContext(`${jsFunction(text, 'allowedUrl', 'const ALLOWED_HOSTS')}; this.allowedUrl = allowedUrl; this.hosts = ALLOWED_HOSTS;`, sandbox);
  assert.throws(() => sandbox.allowedUrl('https://hooks.example.com/x'), /host not allowed/); // empty until filled in
  sandbox.hosts.add('hooks.example.com');
  assert.equal(sandbox.allowedUrl('https://HOOKS.example.com/x?y=1'), 'https://hooks.example.com/x?y=1');
  for (const bad of ['https://hooks.example.com.evil.test/', 'https://hooks.example.com@evil.test/', 'file:///etc/passwd', 'gopher://hooks.example.com/', 'http://127.0.0.1/']) {
    assert.throws(() => sandbox.allowedUrl(bad), /host not allowed/, bad);
  }
});

test('escapeHtml escapes markup and quotes', () => {
  const fn = vm.runInNewContext(`(${jsFunction(read('javascript/taint/js-xss.fixed.helper.js'), 'escapeHtml')})`);
  assert.equal(fn(`<img src=x onerror="a('1')">&`), '&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt;&amp;');
  assert.equal(fn(42), '42');
});

test('the Python fixes run: scrypt hashes verify, path_inside and allowed_url refuse', { skip: !python && 'python3 (3.9+) is not installed' }, () => {
  const pyFunction = (rel, name) => {
    const text = read(rel);
    const start = text.indexOf(`def ${name}(`);
    const end = text.indexOf('\n\n\n', start);
    return text.slice(start, end < 0 ? undefined : end);
  };
  const auth = read('python/crypto/py-weak-hash-password.fixed.auth.py');
  const helpers = [
    pyFunction('python/taint/py-path-traversal.fixed.py', 'path_inside'),
    'ALLOWED_HOSTS = {"api.example.com"}',
    pyFunction('python/taint/py-ssrf.fixed.preview.py', 'allowed_url'),
  ].join('\n\n\n');
  const script = `
import sys, types
flask = types.ModuleType("flask"); flask.request = types.SimpleNamespace(form={}); flask.session = {}
sys.modules["flask"] = flask
pkg = types.ModuleType("pkg"); pkg.__path__ = []; sys.modules["pkg"] = pkg
store = {}
db = types.ModuleType("pkg.db")
db.save_user = lambda email, password_hash: store.__setitem__(email, types.SimpleNamespace(id=1, password_hash=password_hash))
db.get_user = lambda email: store.get(email)
sys.modules["pkg.db"] = db
auth = types.ModuleType("pkg.auth"); auth.__package__ = "pkg"
exec(compile(${JSON.stringify(auth)}, "auth.py", "exec"), auth.__dict__)
auth.register("a", "correct horse")
assert store["a"].password_hash.startswith("scrypt$131072$8$1$"), store["a"].password_hash
flask.request.form.update(email="a", password="correct horse"); assert auth.login() is True
flask.request.form.update(password="wrong"); assert auth.login() is False
store["a"].password_hash = "not a hash"; flask.request.form.update(password="correct horse"); assert auth.login() is False
from pathlib import Path
import urllib.parse
exec(compile(${JSON.stringify(helpers)}, "helpers.py", "exec"))
assert path_inside("/srv/files", "a/b.txt") == "/srv/files/a/b.txt"
for bad in ["../etc/passwd", "/etc/passwd", "a/../../x"]:
    try:
        path_inside("/srv/files", bad)
        raise SystemExit("path_inside accepted " + bad)
    except ValueError:
        pass
assert allowed_url("https://API.example.com/v1?x=1") == "https://API.example.com/v1?x=1"
for bad in ["https://api.example.com.evil.test/", "https://api.example.com@evil.test/", "file:///etc/passwd", "ftp://api.example.com/"]:
    try:
        allowed_url(bad)
        raise SystemExit("allowed_url accepted " + bad)
    except ValueError:
        pass
print("ok")
`;
  const run = spawnSync('python3', ['-c', script], { encoding: 'utf8', timeout: 120000 });
  assert.equal(run.status, 0, run.stderr || run.stdout);
  assert.equal(run.stdout.trim(), 'ok');
});

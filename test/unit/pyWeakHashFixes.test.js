// The py-weak-hash recipe offers two fixes for MD5/SHA-1 in a security use: SHA-256 first,
// then keeping the hash with `usedforsecurity=False` (never preferred, never when the call
// already says something about it).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const { loadEngine, applyAllFixes, languageForPath } = require(path.join(dist, 'engine.js'));

const rulesDir = path.join(__dirname, '..', '..', 'rules');
const { engine } = loadEngine([rulesDir]);

async function fixesOf(code) {
  const r = await engine.scanText(code, languageForPath('x.py'), { budgetMs: 20000 });
  const f = r.findings.find((x) => /^py-(md5|sha1)-security-context$|^py-hashlib-new-weak/.test(x.ruleId));
  assert.ok(f, `no weak-hash finding in ${code}`);
  return f.fixes.map((fix) => ({ title: fix.title, preferred: fix.preferred, text: applyAllFixes(code, [{ fixes: [fix] }]) }));
}

test('md5 for a token: SHA-256, then usedforsecurity=False', async () => {
  const fixes = await fixesOf('import hashlib\ntoken = hashlib.md5(seed).hexdigest()\n');
  assert.deepEqual(fixes.map((f) => f.text), [
    'import hashlib\ntoken = hashlib.sha256(seed).hexdigest()\n',
    'import hashlib\ntoken = hashlib.md5(seed, usedforsecurity=False).hexdigest()\n',
  ]);
  assert.ok(fixes.every((f) => !f.preferred));
});

test('a name imported from hashlib gets sha256 beside it; an empty call gets the flag alone', async () => {
  const fixes = await fixesOf('from hashlib import sha1\nsignature = sha1()\n');
  assert.deepEqual(fixes.map((f) => f.text), [
    'from hashlib import sha1, sha256\nsignature = sha256()\n',
    'from hashlib import sha1\nsignature = sha1(usedforsecurity=False)\n',
  ]);
});

test('hashlib.new keeps its quotes; a call with **kwargs gets no flag fix', async () => {
  const fixes = await fixesOf("import hashlib\nnonce = hashlib.new('md5', data, **opts).hexdigest()\n");
  assert.deepEqual(fixes.map((f) => f.text), ["import hashlib\nnonce = hashlib.new('sha256', data, **opts).hexdigest()\n"]);
});

// Issue 12, item 7: the text report must not let input forge lines or drive the terminal.
// A file named "x\nfake.js:9:9: error fake-rule …\ny.js" once printed a line that problem
// matchers read as a finding; escape codes and bidi overrides in names, messages and trace
// steps were printed raw. Real files with such names are scanned here.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { project, ward, cleanup, assertNoCrash, VULN_JS } = require('./wardProcess');

after(cleanup);

const FORGED = 'x\nfake.js:9:9: error fake-rule forged finding [CWE-1]\ny.js';
const ESCAPES = 'e\x1b[2J\x1b]0;title\x07\r\x9bz.js';
const BIDI = 'a\u202egnp.js'; // shows as "ajs.png"
const SEPARATOR = 'l\u2028s\u2029t.js';
// Control characters in the code itself reach messages and trace steps (the source text is quoted).
const TAINTED = [
  "const cp = require('child_process');",
  "const express = require('express');",
  'const app = express();',
  "app.get('/x', (req, res) => {",
  "  const d\u202e = req.query['a\x1b[2Jb'];",
  "  cp.exec('ls ' + d\u202e);",
  '});',
  '',
].join('\n');

const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

test('text output: control, separator and bidi characters in names, messages and traces are escaped', { timeout: 120000 }, async () => {
  const files = { [FORGED]: VULN_JS, [ESCAPES]: VULN_JS, [BIDI]: VULN_JS, [SEPARATOR]: VULN_JS, 'tainted.js': TAINTED };
  const dir = project(files);
  for (const name of Object.keys(files)) assert.ok(fs.existsSync(path.join(dir, name)), `a real file named ${JSON.stringify(name)}`);
  const r = await ward(['scan', '.', '--fail-on', 'none'], dir);
  assertNoCrash(assert, r, 'scan');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  for (const line of lines) assert.doesNotMatch(line, RAW_CONTROL, `no raw control character: ${JSON.stringify(line)}`);
  // Each file's finding is one line that starts with its name, escaped; nothing else starts a line.
  const escaped = {
    [FORGED]: 'x\\nfake.js:9:9: error fake-rule forged finding [CWE-1]\\ny.js',
    [ESCAPES]: 'e\\x1b[2J\\x1b]0;title\\x07\\r\\x9bz.js',
    [BIDI]: 'a\\u202egnp.js',
    [SEPARATOR]: 'l\\u2028s\\u2029t.js',
  };
  for (const [name, shown] of Object.entries(escaped)) {
    const own = lines.filter((l) => l.startsWith(`${shown}:4:`) && l.includes(': error js-command-injection '));
    assert.equal(own.length, 1, `${JSON.stringify(name)} is reported once as ${shown}:\n${r.stdout}`);
  }
  assert.ok(!lines.some((l) => l.startsWith('fake.js:') || l.startsWith('y.js:')), 'the forged finding is not a line of its own');
  const known = [...Object.values(escaped), 'tainted.js'].map((n) => `${n}:`);
  for (const line of lines.filter(Boolean)) {
    const ok = line.startsWith('    ') || line.startsWith('Ward ') || known.some((k) => line.startsWith(k));
    assert.ok(ok, `a line that is not a finding of a scanned file, a trace step or the summary: ${line}`);
  }
  // Messages and trace steps quote the code.
  const taint = lines.filter((l) => l.startsWith('tainted.js:') || l.startsWith('    tainted.js:'));
  assert.ok(taint.some((l) => l.includes('a\\x1b[2Jb')), `the message quotes the code escaped:\n${taint.join('\n')}`);
  assert.ok(taint.some((l) => l.includes('d\\u202e')), 'the trace step names the variable escaped');
  assert.match(lines.filter(Boolean).pop(), /^Ward \S+: \d+ findings in 5 files/);
});

test('JSON and SARIF keep the exact names and stay valid; SARIF URIs resolve to the file', { timeout: 120000 }, async () => {
  const tricky = 'c:#x?.js'; // a scheme-like first segment, a fragment and a query mark
  const names = [FORGED, ESCAPES, BIDI, SEPARATOR, tricky];
  const dir = project(Object.fromEntries(names.map((n) => [n, VULN_JS])));
  const [json, sarif] = await Promise.all([ward(['scan', '-f', 'json', '--fail-on', 'none'], dir), ward(['scan', '-f', 'sarif', '--fail-on', 'none'], dir)]);
  const found = JSON.parse(json.stdout).findings.map((f) => f.path);
  assert.deepEqual([...new Set(found)].sort(), [...names].sort(), 'JSON paths are the real names');
  const run = JSON.parse(sarif.stdout).runs[0];
  const base = new URL('file:///project/');
  const uris = run.results.map((res) => res.locations[0].physicalLocation.artifactLocation.uri);
  const resolved = uris.map((u) => decodeURIComponent(new URL(u, base).pathname.slice(base.pathname.length)));
  assert.deepEqual([...new Set(resolved)].sort(), [...names].sort(), `SARIF URIs name the files: ${uris.join(' | ')}`);
  for (const u of uris) assert.doesNotMatch(u, /[#?\s]|^[a-z][a-z0-9+.-]*:/i, `no fragment, query, space or scheme in ${u}`);
});

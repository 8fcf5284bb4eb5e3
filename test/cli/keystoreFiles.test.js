// `ward scan` on a folder with binary key stores: the walk lists them, the report names
// them by their relative path at 1:1 with no "binary file" notice, a baseline takes them
// (fingerprinted by rule and path, since there is no text), and SARIF stays schema-valid.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { sarifValidator } = require('./sarifSchema');

const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const CLI = path.join(dist, 'cli.js');

const temps = [];
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

/** A DER SEQUENCE header and NUL bytes: binary, and no key at all. */
const BINARY = Buffer.from([0x30, 0x82, 0x0a, 0x00, 0x02, 0x01, 0x03, 0x30, 0x00, 0xff, 0xfe, 0x00]);

function project() {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ward-keystores-')));
  temps.push(dir);
  const files = {
    'certs/server.pfx': BINARY,
    'certs/empty.p12': Buffer.alloc(0),
    'src/app.js': "console.log('hello');\n",
    'README.md': 'Export the certificate as certs/server.pfx.\n',
  };
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

function ward(args, cwd) {
  return execFileSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
}

test('ward scan DIR -f json reports a .pfx by its relative path at 1:1', () => {
  const dir = project();
  const out = JSON.parse(ward(['scan', dir, '-f', 'json', '--fail-on', 'none'], dir));
  assert.deepEqual(
    out.findings.map((f) => [f.path, f.ruleId, f.start, f.end, f.fixes]),
    [['certs/server.pfx', 'secret-pkcs12-file', { line: 1, column: 1 }, { line: 1, column: 1 }, []]],
  );
  assert.deepEqual(out.notices, [], 'no "binary file" notice for a key store');
});

test('a key store fails the build at the default threshold and a baseline takes it', () => {
  const dir = project();
  assert.throws(() => ward(['scan', '.', '-f', 'json'], dir), (err) => err.status === 1);
  ward(['baseline', 'create'], dir);
  const out = JSON.parse(ward(['scan', '.', '-f', 'json', '--baseline', '.ward-baseline.json'], dir));
  assert.deepEqual(out.findings.map((f) => [f.path, f.suppressed?.kind]), [['certs/server.pfx', 'baseline']]);
});

test('SARIF with a key store finding validates against the SARIF 2.1.0 schema', () => {
  const dir = project();
  const sarif = JSON.parse(ward(['scan', dir, '-f', 'sarif', '--fail-on', 'none'], dir));
  const validate = sarifValidator();
  assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
  const [result] = sarif.runs[0].results;
  assert.equal(result.ruleId, 'secret-pkcs12-file');
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'certs/server.pfx');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  assert.ok(sarif.runs[0].tool.driver.rules.some((r) => r.id === 'secret-pkcs12-file' && r.properties?.['security-severity']));
});

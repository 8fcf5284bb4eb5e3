// Binary key stores (PKCS#12, Java key stores) are reported by their file name alone
// (`mode: filename` rules): one finding at 0:0 before the file is read, nothing else from
// the file, nothing for empty files or for text that merely names a key store; the folder
// walk lists them although they are binary; the schema keeps `filenames` to that mode.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const rulesDir = path.join(__dirname, '..', '..', 'rules');
// The whole shipped rule set, as `ward scan` runs it: "nothing else" means no other rule either.
const { engine, errors } = W.loadEngine([rulesDir]);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-keystores-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A DER SEQUENCE header, NUL bytes and high bytes: binary, and no key at all. */
const BINARY = Buffer.from([0x30, 0x82, 0x0a, 0x00, 0x02, 0x01, 0x03, 0x30, 0x00, 0xff, 0xfe, 0x00]);

function file(rel, content) {
  const abs = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
  return abs;
}

async function scan(rel, content) {
  return engine.scanFile(file(rel, content), { relativePath: rel });
}

const ruleById = (id) => engine.rules.find((r) => r.id === id);
const KEY_STORE_RULES = ['secret-pkcs12-file', 'secret-java-keystore-file'];

test('the key store rules load', () => {
  assert.deepEqual(errors, []);
  for (const id of KEY_STORE_RULES) assert.equal(ruleById(id)?.mode, 'filename', id);
});

test('a binary cert.p12 is reported once at 0:0 with the rule header and no fix', async () => {
  const result = await scan('cert.p12', BINARY);
  assert.deepEqual(result.notices, []);
  assert.equal(result.findings.length, 1);
  const [f] = result.findings;
  const rule = ruleById('secret-pkcs12-file');
  assert.equal(f.ruleId, rule.id);
  assert.deepEqual(f.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(
    [f.severity, f.confidence, f.category, f.cwe, f.owasp, f.title, f.message],
    [rule.severity, rule.confidence, rule.category, rule.cwe, rule.owasp, rule.title, rule.message],
  );
  assert.deepEqual(f.cwe, ['CWE-798', 'CWE-321']);
});

test('an empty (0-byte) key store is not reported', async () => {
  assert.deepEqual(await scan('empty/cert.p12', Buffer.alloc(0)), { findings: [], notices: [] });
});

test('a text file that names a key store is not reported by the key store rules', async () => {
  const result = await scan('notes.txt', 'Export the client certificate as cert.p12 and keep it out of git.\n');
  assert.deepEqual(result.findings.filter((f) => KEY_STORE_RULES.includes(f.ruleId)), []);
  assert.deepEqual(result.notices, []);
});

test('a matched file gets no other processing: its content is never read into a finding', async () => {
  // A PEM key inside a .pfx (text, so the secret rules would report it in any other file).
  const pem = W.expandFixture('-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA{{random:base64:48}}\n{{random:base64:64}}\n-----END RSA PRIVATE KEY-----\n');
  assert.ok((await scan('key.pem.txt', pem)).findings.some((f) => f.ruleId === 'secret-private-key-pem'), 'the PEM rule sees it elsewhere');
  const result = await scan('server.pfx', pem);
  assert.deepEqual(result.findings.map((f) => f.ruleId), ['secret-pkcs12-file']);
  assert.ok(!JSON.stringify(result).includes('MIIE'), 'nothing of the content in the result');
});

test('names: case-insensitive extensions, Java key stores; trust stores, debug.keystore and .bks are not reported', async () => {
  const reported = async (rel) => (await scan(rel, BINARY)).findings.map((f) => f.ruleId);
  assert.deepEqual(await reported('Signing/Dist.PFX'), ['secret-pkcs12-file']);
  assert.deepEqual(await reported('src/test/resources/client.p12'), ['secret-pkcs12-file'], 'test fixtures are committed key stores too');
  assert.deepEqual(await reported('src/main/resources/server.jks'), ['secret-java-keystore-file']);
  assert.deepEqual(await reported('hadoop/creds.jceks'), ['secret-java-keystore-file']);
  assert.deepEqual(await reported('android/app/release.keystore'), ['secret-java-keystore-file']);
  for (const rel of ['certs/truststore.p12', 'certs/TrustStore.jks', 'certs/cacerts.jks', 'android/app/debug.keystore', 'res/raw/pins.bks', 'cert.p12.bak']) {
    const result = await scan(rel, BINARY);
    assert.deepEqual(result.findings, [], rel);
  }
});

test('a rule limited by `paths` leaves a key store outside them to the other rules', async () => {
  const text = fs.readFileSync(path.join(rulesDir, 'generic', 'secrets', 'keys', 'secret-pkcs12-file.yaml'), 'utf8');
  const { rule, errors: errs } = W.loadRuleText(`${text}\npaths:\n  exclude: ['**/fixtures/**']\n`, '<inline>');
  assert.deepEqual(errs, []);
  const only = new W.Engine([rule]);
  const rel = 'test/fixtures/cert.p12';
  const abs = file(rel, BINARY);
  assert.deepEqual((await only.scanFile(abs, { relativePath: rel })).findings, []);
  assert.equal((await only.scanFile(abs, { relativePath: 'certs/cert.p12' })).findings.length, 1);
});

test('the folder walk lists binary key stores, within the size cap', () => {
  const root = fs.mkdtempSync(path.join(tmp, 'walk-'));
  for (const rel of ['a/cert.p12', 'a/server.pfx', 'b/server.jks', 'b/release.keystore', 'img/logo.png']) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), BINARY);
  }
  fs.writeFileSync(path.join(root, 'a', 'huge.p12'), Buffer.alloc(4096, 1));
  const walked = W.collectFiles([root], { exclude: [], includeGeneric: engine.hasGenericRules, maxBytes: 1024 }, root);
  const rel = (p) => path.relative(root, p).split(path.sep).join('/');
  assert.deepEqual(walked.files.map(rel).sort(), ['a/cert.p12', 'a/server.pfx', 'b/release.keystore', 'b/server.jks']);
  assert.deepEqual(walked.skipped.map((s) => rel(s.path)), ['a/huge.p12']);
});

test('an engine with only key store rules still has the walk list other files', () => {
  assert.equal(new W.Engine([ruleById('secret-pkcs12-file')]).hasGenericRules, true);
});

test('the schema keeps `filenames` to `mode: filename` rules on generic files, without a fix', () => {
  const header = (mode, languages = '[generic]') => `id: secret-test-file
title: Test key store rule
message: "Remove this file from the repository and rotate its key."
severity: error
confidence: high
languages: ${languages}
category: secrets
cwe: [CWE-321]
owasp: [A07:2021]
docs: "A rule used only by the unit tests; it has no meaning beyond them at all."
mode: ${mode}
`;
  const load = (text) => W.loadRuleText(text, '<inline>').errors.map((e) => e.message);
  assert.deepEqual(load(header('filename') + 'filenames: ["*.p12"]\n'), []);
  assert.notDeepEqual(load(header('filename')), [], 'filenames required');
  assert.notDeepEqual(load(header('secret') + 'filenames: ["*.p12"]\nsecret: { regex: x }\n'), [], 'filenames only in mode filename');
  assert.notDeepEqual(load(header('filename', '[python]') + 'filenames: ["*.p12"]\n'), [], 'generic only');
  assert.notDeepEqual(load(header('filename') + 'filenames: ["certs/*.p12"]\n'), [], 'base names, no folders');
  assert.notDeepEqual(load(header('filename') + 'filenames: ["*.p12"]\nfix: { title: Delete, edits: [{ remove: file }] }\n'), [], 'no fix');
});

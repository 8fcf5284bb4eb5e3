// `--format gitlab`: GitLab's SAST report (gl-sast-report.json). Checked against the schema's
// required fields as GitLab documents them (gitlabSastSchema.js says why not the published
// file), and for what GitLab reads: severities, the rule id as the primary identifier then
// CWE/OWASP/advisory ids, lines, ids stable when code moves, suppressed findings left out,
// secrets masked, notices as scan messages.
const { describe, test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { project, write, ward, cleanup, assertNoCrash } = require('./wardProcess');
const { gitlabSastValidator } = require('./gitlabSastSchema');
const { osvRecord, osvZip, CVSS } = require('../osvFixtures');

const T = { timeout: 120000 };
after(cleanup);

// Put together at run time: written whole here it would be a secret in Ward's own repository (test/unit/secrets.test.js).
const STRIPE = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dcQ9xZ'].join('_');
const HELPER = ["const mysql = require('mysql');", 'const db = mysql.createConnection({});', 'function findUser(name) {', "  return db.query(\"SELECT * FROM users WHERE name = '\" + name + \"'\");", '}', 'module.exports = { findUser };', ''].join('\n');
const APP = [
  "const express = require('express');",
  "const { findUser } = require('./lib/users');",
  "const cp = require('child_process');",
  'const app = express();',
  "app.get('/u', (req, res) => {",
  '  findUser(req.query.name);',
  '  // ward-ignore -- the caller checks dir',
  "  cp.exec('ls ' + req.query.dir);",
  '});',
  `const stripe = '${STRIPE}';`,
  '',
].join('\n');

async function gitlab(dir, extra = [], env = {}) {
  const r = await ward(['scan', '--no-config', '-f', 'gitlab', '--fail-on', 'none', ...extra], dir, { env: { WARD_ADVISORIES_DIR: path.join(dir, '.no-db'), ...env } });
  assertNoCrash(assert, r, 'ward scan -f gitlab');
  assert.equal(r.status, 0, r.stderr);
  return { text: r.stdout, report: JSON.parse(r.stdout) };
}

describe('ward scan --format gitlab', { concurrency: 2 }, () => {
  test('a valid SAST report: severities, identifiers, locations, suppressed left out, secrets masked, notices as messages', T, async () => {
    const dir = project({ 'app.js': APP, 'lib/users.js': HELPER, 'package.json': '{"dependencies":{"lodash":"4.17.4"}}\n' });
    const { text, report } = await gitlab(dir);
    const validate = gitlabSastValidator();
    assert.ok(validate(report), JSON.stringify(validate.errors));
    assert.equal(report.version, '15.0.6');
    assert.equal(report.scan.type, 'sast');
    assert.equal(report.scan.status, 'success');
    assert.ok(report.scan.start_time <= report.scan.end_time);
    const json = JSON.parse((await ward(['scan', '--no-config', '-f', 'json', '--fail-on', 'none'], dir, { env: { WARD_ADVISORIES_DIR: path.join(dir, '.no-db') } })).stdout);
    // Every finding that is not suppressed, at its lines.
    const open = json.findings.filter((f) => !f.suppressed);
    assert.ok(json.findings.some((f) => f.suppressed), 'the ignore comment suppresses one');
    assert.deepEqual(report.vulnerabilities.map((v) => `${v.location.file}:${v.location.start_line}-${v.location.end_line} ${v.identifiers[0].value}`).sort(), open.map((f) => `${f.path}:${f.start.line}-${f.end.line} ${f.ruleId}`).sort());
    const sql = report.vulnerabilities.find((v) => v.identifiers[0].value === 'js-sql-injection');
    assert.equal(sql.severity, 'High');
    assert.equal(sql.location.file, 'app.js');
    assert.deepEqual(sql.identifiers[0], { type: 'ward_rule_id', name: 'Ward js-sql-injection', value: 'js-sql-injection', url: 'https://github.com/ward-security/ward/blob/main/docs/rules/js-sql-injection.md' });
    assert.deepEqual(sql.identifiers.find((i) => i.type === 'cwe'), { type: 'cwe', name: 'CWE-89', value: '89', url: 'https://cwe.mitre.org/data/definitions/89.html' });
    assert.match(sql.description, /Path:\n[\s\S]*- lib\/users\.js:4: /, 'the cross-file path is in the description');
    assert.ok(sql.solution, 'the rule advice is the solution');
    // The secret: reported, masked, its value nowhere.
    const secret = report.vulnerabilities.find((v) => v.identifiers[0].value === 'secret-stripe-secret-key');
    assert.ok(secret, text.slice(0, 500));
    assert.match(secret.description, /sk_…Q9xZ/);
    assert.ok(!text.includes(STRIPE) && !text.includes('4eC39HqLyjWDarjtT1zdp7'), 'the secret value is not in the report');
    assert.ok(report.scan.messages.some((m) => m.level === 'warning' && /^package\.json: no npm advisory database/.test(m.value)));
    assert.equal(new Set(report.vulnerabilities.map((v) => v.id)).size, report.vulnerabilities.length, 'ids are unique');
    for (const v of report.vulnerabilities) assert.match(v.id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // The same findings keep their ids when lines are added above them.
    write(dir, { 'app.js': `// a comment\n// another\n${APP}` });
    const moved = (await gitlab(dir)).report;
    assert.deepEqual(moved.vulnerabilities.map((v) => v.id).sort(), report.vulnerabilities.map((v) => v.id).sort());
    assert.equal(moved.vulnerabilities.find((v) => v.identifiers[0].value === 'js-sql-injection').location.start_line, sql.location.start_line + 2);
  });

  test('a vulnerable dependency: Critical from its CVSS score, advisory ids as identifiers', T, async () => {
    const dir = project({ 'package.json': '{\n  "dependencies": {\n    "lodash": "4.17.4"\n  }\n}\n' });
    const zip = path.join(dir, '..', `${path.basename(dir)}-npm.zip`);
    fs.writeFileSync(zip, osvZip([osvRecord({ id: 'GHSA-glab-0001-aaaa', aliases: ['CVE-2099-4001'], summary: 'Prototype pollution', cvss: CVSS.critical, affected: [{ name: 'lodash', ranges: [['0', '4.17.21']] }] })]));
    const db = path.join(dir, '..', `${path.basename(dir)}-db`);
    const imp = await ward(['advisories', 'import', zip, '--folder', db, '--no-config'], dir);
    assert.equal(imp.status, 0, imp.stderr);
    const { report } = await gitlab(dir, [], { WARD_ADVISORIES_DIR: db });
    fs.rmSync(zip);
    fs.rmSync(db, { recursive: true });
    assert.ok(gitlabSastValidator()(report));
    assert.equal(report.vulnerabilities.length, 1);
    const [v] = report.vulnerabilities;
    assert.equal(v.severity, 'Critical');
    assert.deepEqual(v.location, { file: 'package.json', start_line: 3, end_line: 3 });
    assert.deepEqual(v.identifiers.slice(0, 3).map((i) => `${i.type}:${i.value}`), ['ward_rule_id:dep-vulnerable-npm', 'ghsa:GHSA-glab-0001-aaaa', 'cve:CVE-2099-4001']);
  });

  test('the schema check can fail: a report missing what GitLab requires is rejected', T, async () => {
    const dir = project({ 'lib/users.js': HELPER });
    const { report } = await gitlab(dir);
    const validate = gitlabSastValidator();
    assert.ok(validate(report));
    for (const breakIt of [(r) => delete r.scan.start_time, (r) => (r.version = '2.0'), (r) => (r.scan.end_time = new Date().toISOString()), (r) => r.vulnerabilities.push({ id: 'x', identifiers: [], location: {} }), (r) => r.vulnerabilities.push({ id: 'y', severity: 'error', identifiers: [{ type: 'cwe', name: '', value: '1' }], location: {} })]) {
      const copy = JSON.parse(JSON.stringify(report));
      breakIt(copy);
      assert.equal(validate(copy), false, breakIt.toString());
    }
  });
});

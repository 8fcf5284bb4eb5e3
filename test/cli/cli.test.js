// The `ward` command as CI runs it: exit codes, the three output formats, --output, a
// golden SARIF file, `ward test`, ward-ignore comments and which files a folder scan skips.
// Every project is written to a temp dir at run time (no .js fixtures under test/, since
// `node --test test/` would run them as tests).
const { describe, test, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const CLI = path.join(dist, 'cli.js');
const fixtureRules = path.join(__dirname, '..', 'fixtures', 'rules');
const golden = path.join(__dirname, 'golden', 'scan.sarif.json');
const TIMEOUT = 30000;

const temps = [];
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

/** Writes { 'rel/path': text } into a new temp dir and returns it. */
function project(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-cli-'));
  temps.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Runs `node cli.js ...args` in `cwd`; resolves with { status, stdout, stderr }. */
function ward(args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ward ${args.join(' ')} did not finish in ${TIMEOUT} ms`));
    }, TIMEOUT);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** 1-based line and column of `needle` in `text`. */
function lineCol(text, needle) {
  const at = text.indexOf(needle);
  assert.notEqual(at, -1, `"${needle}" not in fixture`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const VULN_JS = [
  "const cp = require('child_process');",
  '',
  'function list(dir) {',
  "  cp.exec('ls ' + dir);",
  '}',
  '',
].join('\n');
const SAFE_JS = ["const cp = require('child_process');", "cp.exec('ls -la');", ''].join('\n');
const VULN_PY = ['import os', '', '', 'def run(name):', '    os.system("ls " + name)', '    os.system("ls -la")', ''].join('\n');

/** The fixture rule folder with the rule's severity changed. */
function rulesWithSeverity(severity) {
  const dir = project({});
  fs.cpSync(fixtureRules, dir, { recursive: true });
  const file = path.join(dir, 'python', 'py-test-os-system.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^severity: \w+$/m, `severity: ${severity}`));
  return dir;
}

describe('ward CLI', { concurrency: 4 }, () => {
  test('exit 0 on a clean folder', { timeout: TIMEOUT }, async () => {
    const dir = project({ 'src/app.js': SAFE_JS, 'tool.py': 'import os\nos.system("ls -la")\n' });
    const r = await ward(['scan', '.'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /0 findings in 2 files/);
  });

  test('exit 1 with a finding at --fail-on; text format with the advice under the finding', { timeout: TIMEOUT }, async () => {
    const dir = project({ 'src/app.js': VULN_JS, 'src/ok.js': SAFE_JS });
    // exec() with a built string is an unsafe API with no proven source: a warning (docs/severity.md).
    const [r, byDefault] = await Promise.all([ward(['scan', '--fail-on', 'warning'], dir), ward(['scan'], dir)]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.equal(byDefault.status, 0, 'a warning is below the default --fail-on error');
    const lines = r.stdout.trim().split('\n');
    // The built command is what is underlined (its column), not the call.
    const at = lineCol(VULN_JS, "'ls ' + dir");
    const finding = lines.filter((l) => / js-child-process-exec /.test(l));
    assert.equal(finding.length, 1, r.stdout);
    const m = /^(\S+):(\d+):(\d+): (error|warning|info) ([a-z0-9-]+) (.+)$/.exec(finding[0]);
    assert.ok(m, `text line has the shape path:line:col: severity rule-id message: ${finding[0]}`);
    assert.deepEqual([m[1], Number(m[2]), Number(m[3]), m[4], m[5]], ['src/app.js', at.line, at.column, 'warning', 'js-child-process-exec']);
    assert.match(m[6], /CWE-78/);
    assert.match(lines[lines.indexOf(finding[0]) + 1], /^ {4}advice: Call `execFile` or `spawn`/);
    assert.match(lines[lines.length - 1], /\b1 finding in 2 files\b/);
  });

  test('--fail-on none exits 0 and still reports; --fail-on compares severities', { timeout: TIMEOUT }, async () => {
    const dir = project({ 'tool.py': VULN_PY });
    const warningRules = rulesWithSeverity('warning');
    const base = ['scan', '.', '--rules', warningRules, '--no-default-rules'];
    const [none, byDefault, atWarning, atInfo] = await Promise.all([
      ward([...base, '--fail-on', 'none'], dir),
      ward(base, dir),
      ward([...base, '--fail-on', 'warning'], dir),
      ward([...base, '--fail-on=info'], dir),
    ]);
    assert.equal(none.status, 0, none.stderr);
    assert.match(none.stdout, /tool\.py:5:15: warning py-test-os-system /);
    assert.equal(byDefault.status, 0, 'a warning is below the default --fail-on error');
    assert.match(byDefault.stdout, /py-test-os-system/);
    assert.equal(atWarning.status, 1);
    assert.equal(atInfo.status, 1);
    const hidden = await ward([...base, '--severity', 'error', '--fail-on', 'warning'], dir);
    assert.equal(hidden.status, 0, '--severity hides the warning, so nothing fails');
    assert.doesNotMatch(hidden.stdout, /py-test-os-system/);
  });

  test('exit 2 on usage errors', { timeout: TIMEOUT }, async () => {
    const dir = project({ 'a.js': VULN_JS });
    const [unknown, format, missing, failOn, command] = await Promise.all([
      ward(['scan', '--frobnicate'], dir),
      ward(['scan', '--format', 'xml'], dir),
      ward(['scan', 'does-not-exist'], dir),
      ward(['scan', '--fail-on', 'sometimes'], dir),
      ward(['scna'], dir),
    ]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown option "--frobnicate"/);
    assert.equal(format.status, 2);
    assert.match(format.stderr, /--format must be text, json, sarif or gitlab/);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file or folder: does-not-exist/);
    assert.equal(failOn.status, 2);
    assert.match(failOn.stderr, /--fail-on/);
    assert.equal(command.status, 2);
    assert.match(command.stderr, /unknown command/);
    for (const r of [unknown, format, missing, failOn, command]) assert.doesNotMatch(r.stderr, /ward: internal error/);
  });

  test('JSON format', { timeout: TIMEOUT }, async () => {
    const dir = project({ 'src/app.js': VULN_JS });
    const r = await ward(['scan', '--format', 'json', '--fail-on', 'warning'], dir);
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.filesScanned, 1);
    assert.equal(typeof report.durationMs, 'number');
    const f = report.findings.filter((x) => x.ruleId === 'js-child-process-exec');
    assert.equal(f.length, 1);
    assert.equal(f[0].path, 'src/app.js');
    assert.deepEqual(f[0].start, lineCol(VULN_JS, "'ls ' + dir"));
    assert.equal(f[0].severity, 'warning');
    assert.deepEqual(f[0].cwe, ['CWE-78']);
    assert.match(f[0].advice, /execFile/);
    assert.ok(f[0].fixes.length >= 1);
    assert.equal(f[0].suppressed, null);
  });

  test('--output writes the report to a file', { timeout: TIMEOUT }, async () => {
    const dir = project({ 'src/app.js': VULN_JS });
    const r = await ward(['scan', 'src', '--format', 'json', '--fail-on', 'warning', '--output', 'out/report.json'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, '', 'nothing on stdout when writing to a file');
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'report.json'), 'utf8'));
    assert.equal(report.findings.filter((x) => x.ruleId === 'js-child-process-exec').length, 1);
    const text = await ward(['scan', '--fail-on', 'warning', '-o', 'report.txt'], dir);
    assert.equal(text.status, 1);
    assert.match(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'), /^src\/app\.js:4:11: warning js-child-process-exec /m);
  });

  test('SARIF output matches the golden file', { timeout: TIMEOUT }, async () => {
    const dir = project({ 'scripts/tool.py': VULN_PY, 'clean.py': 'print("hello")\n' });
    const r = await ward(['scan', '--format', 'sarif', '--rules', fixtureRules, '--no-default-rules'], dir);
    assert.equal(r.status, 1, r.stderr);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    const rule = run.tool.driver.rules.find((x) => x.id === 'py-test-os-system');
    assert.ok(rule.properties.tags.includes('CWE-78'), 'tags carry the CWE');
    assert.deepEqual(rule.properties.cwe, ['CWE-78']);
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(fs.realpathSync(dir) + '/').href);
    assert.equal(run.results.length, 1);
    const loc = run.results[0].locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'scripts/tool.py', 'relative to the scan root');
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(loc.region.startLine, lineCol(VULN_PY, 'os.system("ls " + name)').line);
    assert.equal(run.results[0].ruleIndex, run.tool.driver.rules.indexOf(rule));

    // Volatile fields out; the rest must equal the reviewed golden file.
    run.tool.driver.version = '<version>';
    run.tool.driver.semanticVersion = '<version>';
    run.originalUriBaseIds['%SRCROOT%'].uri = '<root>';
    const actual = JSON.stringify(sarif, null, 2) + '\n';
    if (process.env.WARD_UPDATE_GOLDEN) fs.writeFileSync(golden, actual);
    assert.equal(actual, fs.readFileSync(golden, 'utf8'), 'SARIF differs from test/cli/golden/scan.sarif.json (WARD_UPDATE_GOLDEN=1 rewrites it)');
  });

  test('ward test: passes on good fixtures, fails on a wrong expectation', { timeout: TIMEOUT }, async () => {
    const good = await ward(['test', fixtureRules], os.tmpdir());
    assert.equal(good.status, 0, good.stdout + good.stderr);
    assert.match(good.stdout, /^ok\s+py-test-os-system/m);

    const broken = project({});
    fs.cpSync(fixtureRules, broken, { recursive: true });
    const fixture = path.join(broken, 'python', 'py-test-os-system.test.py');
    fs.writeFileSync(fixture, fs.readFileSync(fixture, 'utf8').replace('# ok: py-test-os-system', '# ruleid: py-test-os-system'));
    const bad = await ward(['test', broken], os.tmpdir());
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /^FAIL py-test-os-system/m);
    assert.match(bad.stdout, /py-test-os-system\.test\.py:\d+:/, 'the failure names the fixture file and line');
  });

  test('a ward-ignore comment suppresses a finding and it does not fail the run', { timeout: TIMEOUT }, async () => {
    const ignored = VULN_JS.replace("  cp.exec('ls ' + dir);", "  // ward-ignore js-child-process-exec -- dir is validated above\n  cp.exec('ls ' + dir);");
    const dir = project({ 'a.js': ignored });
    const [text, json] = await Promise.all([ward(['scan', '--fail-on', 'warning'], dir), ward(['scan', '-f', 'json', '--fail-on', 'warning'], dir)]);
    assert.equal(text.status, 0, text.stdout + text.stderr);
    assert.doesNotMatch(text.stdout, / js-child-process-exec /);
    assert.match(text.stdout, /0 findings in 1 file .*1 suppressed/);
    assert.equal(json.status, 0);
    const f = JSON.parse(json.stdout).findings.find((x) => x.ruleId === 'js-child-process-exec');
    assert.ok(f, 'JSON still lists the suppressed finding');
    assert.deepEqual(f.suppressed, { kind: 'line', justification: 'dir is validated above' });
    // The same comment naming another rule does not hide it.
    const other = project({ 'a.js': ignored.replace('ward-ignore js-child-process-exec', 'ward-ignore js-eval-injection') });
    assert.equal((await ward(['scan', '--fail-on', 'warning'], other)).status, 1);
  });

  test('.gitignore\'d files, node_modules and default excludes are skipped', { timeout: TIMEOUT }, async () => {
    const dir = project({
      '.gitignore': '# build output\ngenerated/\n*.gen.js\n!keep.gen.js\n',
      'src/app.js': SAFE_JS,
      'generated/out.js': VULN_JS,
      'src/api.gen.js': VULN_JS,
      'src/keep.gen.js': VULN_JS,
      'node_modules/lib/index.js': VULN_JS,
      'packages/a/node_modules/x.js': VULN_JS,
      'packages/a/.gitignore': 'local.js\n',
      'packages/a/local.js': VULN_JS,
      'packages/b/local.js': SAFE_JS,
    });
    const r = await ward(['scan', '-f', 'json', '--fail-on', 'warning'], dir);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(
      [...new Set(report.findings.map((f) => f.path))],
      ['src/keep.gen.js'],
      'only the re-included file is reported',
    );
    assert.equal(report.filesScanned, 3, 'src/app.js, src/keep.gen.js, packages/b/local.js');
    assert.equal(r.status, 1);
    // A file named explicitly is scanned even when a folder scan would skip it.
    const direct = await ward(['scan', '--fail-on', 'warning', 'generated/out.js'], dir);
    assert.equal(direct.status, 1, direct.stdout);
  });

  test('a broken rule file is reported with file and line; the other rules still run', { timeout: TIMEOUT }, async () => {
    const rules = project({});
    fs.cpSync(fixtureRules, rules, { recursive: true });
    fs.writeFileSync(path.join(rules, 'python', 'py-broken.yaml'), 'id: py-broken\ntitle: [unclosed\nseverity: error\n');
    const dir = project({ 'tool.py': VULN_PY });
    const r = await ward(['scan', '--rules', rules, '--no-default-rules'], dir);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /rule error: .*py-broken\.yaml:\d+: /);
    assert.match(r.stdout, /py-test-os-system/);
  });

  test('ward rules --docs: the published page of each built-in rule (SARIF helpUri too), the YAML of a rule of your own', { timeout: TIMEOUT }, async () => {
    const dir = project({});
    const r = await ward(['rules', '--docs', '--rules', fixtureRules], dir);
    assert.equal(r.status, 0, r.stderr);
    const lines = Object.fromEntries(r.stdout.trim().split('\n').map((l) => l.split(/\s+/)));
    assert.equal(lines['js-sql-injection'], 'https://github.com/ward-security/ward/blob/main/docs/rules/js-sql-injection.md');
    assert.ok(fs.existsSync(path.join(__dirname, '..', '..', 'docs', 'rules', 'js-sql-injection.md')), 'the page it names is in the repository');
    assert.equal(lines['py-test-os-system'], path.join(fixtureRules, 'python', 'py-test-os-system.yaml'));
    const bad = await ward(['scan', '--docs'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--docs is an option of "ward rules"/);
  });
});

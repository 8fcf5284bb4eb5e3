// The CI half of `ward`: SARIF validated against the SARIF 2.1.0 schema, baselines
// (create, lines moved, still matched; a new finding fails), .ward.yaml, --changed-since
// on a temp git repo, --jobs 2 = --jobs 1, the result cache, and .gitignore semantics
// checked against git itself.
const { describe, test, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { sarifValidator } = require('./sarifSchema');

const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const CLI = path.join(dist, 'cli.js');
const fixtureRules = path.join(__dirname, '..', 'fixtures', 'rules');
const TIMEOUT = 120000;

const temps = [];
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function project(files) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ward-ci-')));
  temps.push(dir);
  write(dir, files);
  return dir;
}

function write(dir, files) {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

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

function git(cwd, ...args) {
  return execFileSync('git', ['-c', 'user.name=Ward Test', '-c', 'user.email=ward@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

const VULN_JS = ["const cp = require('child_process');", '', 'function list(dir) {', "  cp.exec('ls ' + dir);", '}', ''].join('\n');
const VULN_JS_2 = ["const cp = require('child_process');", 'function cat(f) {', "  cp.exec('cat ' + f);", '}', ''].join('\n');
const VULN_PY = ['import os', '', '', 'def run(name):', '    os.system("ls " + name)', '    os.system("ls -la")', ''].join('\n');
const SAFE_JS = "console.log('hello');\n";
// The pattern findings above are warnings (an unsafe API, no proven source: docs/severity.md);
// request data reaching the shell is an error, which the default --fail-on error stops on.
const FLOW_JS = ["const cp = require('child_process');", "const app = require('express')();", "app.get('/ls', (req, res) => {", "  cp.exec('ls ' + req.query.dir);", '});', ''].join('\n');

const findingsOf = (r) => JSON.parse(r.stdout).findings.map((f) => `${f.path}:${f.start.line}:${f.start.column} ${f.ruleId} ${f.suppressed ? f.suppressed.kind : '-'}`).sort();

describe('ward CLI in CI', { concurrency: 4 }, () => {
  test('SARIF validates against the SARIF 2.1.0 schema, with code flows, suppressions and GitHub fields', { timeout: TIMEOUT }, async () => {
    const validate = sarifValidator();
    const taint = [
      "const express = require('express');",
      "const cp = require('child_process');",
      'const app = express();',
      "app.get('/run', (req, res) => {",
      '  const cmd = req.query.cmd;',
      '  cp.exec(cmd);',
      '  // ward-ignore -- constant in practice',
      "  cp.exec('ls ' + req.query.dir);",
      "  res.send('ok');",
      '});',
      '',
    ].join('\n');
    const dir = project({ 'src/app.js': taint, 'tool.py': VULN_PY, 'big.js': '// ' + 'x'.repeat(3 * 1024 * 1024) });
    const r = await ward(['scan', '--format', 'sarif', '--fail-on', 'none'], dir);
    assert.equal(r.status, 0, r.stderr);
    const sarif = JSON.parse(r.stdout);
    const ok = validate(sarif);
    assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const run = sarif.runs[0];
    assert.ok(run.tool.driver.version);
    for (const rule of run.tool.driver.rules) {
      assert.match(rule.helpUri, /^https:\/\//);
      assert.ok(rule.help.text.length > 0, `${rule.id} has help text`);
      assert.match(rule.properties['security-severity'], /^\d+\.\d$/);
      for (const cwe of rule.properties.cwe) assert.ok(rule.properties.tags.includes(`external/cwe/${cwe.toLowerCase()}`));
    }
    assert.ok(run.results.some((x) => x.codeFlows?.[0]?.threadFlows?.[0]?.locations?.length >= 2), 'a taint finding carries its trace as a code flow');
    assert.ok(run.results.some((x) => x.suppressions?.[0]?.kind === 'inSource'), 'the ward-ignore comment is an inSource suppression');
    for (const x of run.results) {
      assert.equal(x.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.doesNotMatch(x.locations[0].physicalLocation.artifactLocation.uri, /^\/|^file:/);
      assert.match(x.partialFingerprints['wardFindingHash/v1'], /^[0-9a-f]{32}$/);
    }
    const notes = run.invocations[0].toolExecutionNotifications.map((n) => n.message.text).join('\n');
    assert.match(notes, /big\.js: file is 3\.0 MB, over the 2\.0 MB limit/, 'the size cap skips big files with a notice');
  });

  test('baseline: create, move lines, still matched; a new finding fails', { timeout: TIMEOUT }, async () => {
    const dir = project({ 'src/a.js': VULN_JS, 'tool.py': VULN_PY, 'src/ok.js': SAFE_JS });
    const created = await ward(['baseline', 'create'], dir);
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /wrote 2 findings to \.ward-baseline\.json/);
    const file = JSON.parse(fs.readFileSync(path.join(dir, '.ward-baseline.json'), 'utf8'));
    assert.equal(file.version, 1);
    assert.deepEqual(file.findings.map((f) => `${f.path} ${f.ruleId}`), ['src/a.js js-child-process-exec', 'tool.py py-os-command-shell']);

    // Without --baseline the build fails; with it, it passes.
    assert.equal((await ward(['scan', '--fail-on', 'warning'], dir)).status, 1);
    const clean = await ward(['scan', '--fail-on', 'warning', '--baseline', '.ward-baseline.json'], dir);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /0 findings in 3 files .*2 suppressed/);

    // Lines move (code added above, the function indented differently): still matched.
    write(dir, {
      'src/a.js': "'use strict';\n// a comment\n\n" + VULN_JS.replace('function list', '\n\nfunction list'),
      'tool.py': '"""Tools."""\nimport sys\n\n' + VULN_PY,
    });
    const moved = await ward(['scan', '--baseline', '.ward-baseline.json', '-f', 'json'], dir);
    assert.equal(moved.status, 0, moved.stdout);
    assert.ok(JSON.parse(moved.stdout).findings.every((f) => f.suppressed?.kind === 'baseline'));

    // A new finding of the same rule in the same file is not covered by the old entry.
    write(dir, { 'src/a.js': fs.readFileSync(path.join(dir, 'src/a.js'), 'utf8') + VULN_JS_2.split('\n').slice(1).join('\n') });
    const fresh = await ward(['scan', '--fail-on', 'warning', '--baseline', '.ward-baseline.json', '-f', 'json'], dir);
    assert.equal(fresh.status, 1, fresh.stdout);
    const open = JSON.parse(fresh.stdout).findings.filter((f) => !f.suppressed);
    const text = fs.readFileSync(path.join(dir, 'src/a.js'), 'utf8');
    const newLine = text.slice(0, text.indexOf("cp.exec('cat '")).split('\n').length;
    assert.deepEqual(open.map((f) => [f.path, f.ruleId, f.start.line]), [['src/a.js', 'js-child-process-exec', newLine]]);
    const sarif = JSON.parse((await ward(['scan', '--baseline', '.ward-baseline.json', '-f', 'sarif'], dir)).stdout);
    assert.equal(sarif.runs[0].results.filter((x) => x.suppressions?.[0]?.kind === 'external').length, 2, 'baselined results are external suppressions');

    // A missing or broken baseline is a usage error, not a silent pass.
    const missing = await ward(['scan', '--baseline', 'nope.json'], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /baseline file not found/);
  });

  test('.ward.yaml: rules, severities, excludes, extra rule folders; read by the shared normaliser', { timeout: TIMEOUT }, async () => {
    const dir = project({
      'src/a.js': VULN_JS,
      'tool.py': VULN_PY,
      'vendor/lib.js': VULN_JS,
      'sub/deep/b.js': VULN_JS_2,
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.ward.yaml': [
        'exclude: ["vendor/**"]',
        'severityOverrides:',
        '  js-child-process-exec: error',
        'extraRuleFolders: [custom-rules]',
        'disabledRules: [py-os-command-shell]',
        '',
      ].join('\n'),
    });
    fs.cpSync(fixtureRules, path.join(dir, 'custom-rules'), { recursive: true });
    const r = await ward(['scan', '-f', 'json', '--fail-on', 'warning'], dir);
    assert.equal(r.status, 1, r.stderr);
    const findings = JSON.parse(r.stdout).findings;
    assert.ok(!findings.some((f) => f.path.startsWith('vendor/')), 'exclude from .ward.yaml');
    assert.ok(findings.some((f) => f.ruleId === 'py-test-os-system'), 'rule from extraRuleFolders');
    assert.ok(!findings.some((f) => f.ruleId === 'py-os-command-shell'), 'disabled rule');
    assert.deepEqual([...new Set(findings.filter((f) => f.ruleId === 'js-child-process-exec').map((f) => f.severity))], ['error']);
    // A wrong value or an unknown key is reported by the shared normaliser and stops the run:
    // CI must not quietly run another scan than the one written down (the editor uses defaults).
    write(dir, { 'wrong.yaml': 'minimumSeverity: banana\ncolour: blue\n' });
    const wrong = await ward(['scan', '--config', 'wrong.yaml'], dir);
    assert.equal(wrong.status, 2, wrong.stdout);
    assert.match(wrong.stderr, /wrong\.yaml: ward\.minimumSeverity: expected "error", "warning" or "info", got "banana"\n/);
    assert.match(wrong.stderr, /unknown setting "colour"/);
    // The same file is found from a subfolder (up to the repository root).
    const sub = await ward(['scan', '-f', 'json', '--fail-on', 'none', '.'], path.join(dir, 'sub'));
    assert.deepEqual([...new Set(JSON.parse(sub.stdout).findings.filter((f) => f.ruleId === 'js-child-process-exec').map((f) => f.severity))], ['error']);
    // --severity beats the file; --no-config ignores it; --config picks another one.
    write(dir, { 'strict.yaml': 'severityOverrides: { js-child-process-exec: off }\ndisabledRules: [py-os-command-shell, py-test-os-system]\n' });
    const other = await ward(['scan', '--config', 'strict.yaml', '--exclude', 'vendor/**', '-f', 'json'], dir);
    assert.equal(other.status, 0, other.stdout);
    const none = await ward(['scan', '--no-config', '-f', 'json'], dir);
    assert.ok(JSON.parse(none.stdout).findings.some((f) => f.path.startsWith('vendor/') && f.severity === 'warning'));
    write(dir, { 'broken.yaml': 'exclude: [unclosed\n' });
    const broken = await ward(['scan', '--config', 'broken.yaml'], dir);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /broken\.yaml: not valid YAML/);
  });

  test('--changed-since scans only files changed since a git ref (committed, unstaged, untracked)', { timeout: TIMEOUT }, async () => {
    const dir = project({ 'a.js': VULN_JS, 'b.js': VULN_JS, 'c.js': VULN_JS, 'd.py': VULN_PY });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'tag', 'base');
    write(dir, { 'b.js': '// changed\n' + VULN_JS });
    git(dir, 'commit', '-q', '-am', 'change b');
    write(dir, { 'c.js': VULN_JS + '// unstaged\n', 'new.js': VULN_JS_2 });
    const r = await ward(['scan', '--changed-since', 'base', '--fail-on', 'warning', '-f', 'json'], dir);
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual([...new Set(report.findings.map((f) => f.path))].sort(), ['b.js', 'c.js', 'new.js']);
    assert.equal(report.filesScanned, 3);
    const none = await ward(['scan', '--changed-since', 'HEAD', '--fail-on', 'warning', 'a.js', 'd.py'], dir);
    assert.equal(none.status, 0, none.stdout);
    const bad = await ward(['scan', '--changed-since', 'no-such-ref'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown git revision "no-such-ref"/);
  });

  test('--jobs 2 gives the same findings as --jobs 1', { timeout: TIMEOUT }, async () => {
    const files = {};
    for (let i = 0; i < 24; i++) {
      files[`src/m${i}.js`] = i % 3 === 0 ? VULN_JS : i % 3 === 1 ? VULN_JS_2 : SAFE_JS;
      files[`py/t${i}.py`] = i % 2 ? VULN_PY : 'print(1)\n';
    }
    files['config/.env'] = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n';
    const dir = project(files);
    const [one, two] = await Promise.all([ward(['scan', '-f', 'json', '--fail-on', 'warning', '--jobs', '1'], dir), ward(['scan', '-f', 'json', '--fail-on', 'warning', '--jobs', '2'], dir)]);
    assert.equal(one.status, 1, one.stderr);
    assert.equal(two.status, 1, two.stderr);
    const a = JSON.parse(one.stdout);
    const b = JSON.parse(two.stdout);
    assert.ok(a.findings.length >= 20);
    delete a.durationMs;
    delete b.durationMs;
    assert.deepEqual(b, a);
  });

  test('cross-file taint is the same in-process, on one worker and on two (summaries computed on the workers)', { timeout: TIMEOUT }, async () => {
    const files = {
      'lib/users.js': ["const mysql = require('mysql');", 'const db = mysql.createConnection({});', 'function findUser(name) {', "  return db.query(\"SELECT * FROM users WHERE name = '\" + name + \"'\");", '}', 'module.exports = { findUser };', ''].join('\n'),
      'app.js': ["const express = require('express');", "const { findUser } = require('./lib/users');", 'const app = express();', "app.get('/u', (req, res) => {", '  findUser(req.query.name);', "  findUser('admin');", '});', ''].join('\n'),
    };
    // Enough other files that a scan of the tree runs on workers (48+).
    for (let i = 0; i < 60; i++) files[`src/m${i}.js`] = i % 3 === 0 ? VULN_JS : SAFE_JS;
    const dir = project(files);
    const sqlOf = (r) => JSON.parse(r.stdout).findings.filter((f) => f.ruleId === 'js-sql-injection');
    const inProcess = await ward(['scan', '-f', 'json', 'app.js', 'lib'], dir);
    const [one, two] = await Promise.all([ward(['scan', '-f', 'json', '--jobs', '1'], dir), ward(['scan', '-f', 'json', '--jobs', '2'], dir)]);
    for (const [name, run] of [['in-process', inProcess], ['one worker', one], ['two workers', two]]) {
      const sql = sqlOf(run);
      assert.deepEqual(sql.map((f) => `${f.path}:${f.start.line}`), ['app.js:5'], `${name}: ${run.stderr}`);
      assert.ok(sql[0].trace.some((t) => t.path === 'lib/users.js' && t.line === 4), `${name}: the trace reaches the helper: ${JSON.stringify(sql[0].trace)}`);
    }
  });

  test('--cache: an unchanged tree is served from the cache; a changed file or rule is rescanned', { timeout: TIMEOUT }, async () => {
    const dir = project({ 'a.js': VULN_JS, 'b.js': SAFE_JS, 'c.py': VULN_PY });
    const rules = project({});
    fs.cpSync(fixtureRules, rules, { recursive: true });
    const args = ['scan', '-f', 'json', '--cache', '.ward-cache', '--rules', rules];
    const first = await ward(args, dir);
    assert.match(first.stderr, /cache: 0 of 3 files unchanged/);
    const second = await ward(args, dir);
    assert.match(second.stderr, /cache: 3 of 3 files unchanged/);
    assert.deepEqual(findingsOf(second), findingsOf(first));
    write(dir, { 'b.js': VULN_JS_2 });
    const third = await ward(args, dir);
    assert.match(third.stderr, /cache: 2 of 3 files unchanged/);
    assert.ok(findingsOf(third).some((f) => f.startsWith('b.js:3:11 js-child-process-exec')), findingsOf(third).join('\n'));
    // Policy is applied after the cache: --severity changes the report without a rescan.
    const filtered = await ward([...args, '--severity', 'error'], dir);
    assert.match(filtered.stderr, /cache: 3 of 3 files unchanged/);
    // A rule edit invalidates everything.
    const ruleFile = path.join(rules, 'python', 'py-test-os-system.yaml');
    fs.writeFileSync(ruleFile, fs.readFileSync(ruleFile, 'utf8').replace(/^severity: \w+$/m, 'severity: info'));
    const fourth = await ward(args, dir);
    assert.match(fourth.stderr, /cache: 0 of 3 files unchanged/);
    assert.ok(JSON.parse(fourth.stdout).findings.some((f) => f.ruleId === 'py-test-os-system' && f.severity === 'info'));
  });

  test('--cache: a changed helper module re-scans the handlers that import it, and nothing else', { timeout: TIMEOUT }, async () => {
    const helper = (query) => ["const mysql = require('mysql');", 'const db = mysql.createConnection({});', 'function findUser(name) {', `  return db.query(${query});`, '}', 'module.exports = { findUser };', ''].join('\n');
    const dir = project({
      'lib/users.js': helper("\"SELECT * FROM users WHERE name = '\" + name + \"'\""),
      'app.js': ["const express = require('express');", "const { findUser } = require('./lib/users');", 'const app = express();', "app.get('/u', (req, res) => {", '  findUser(req.query.name);', '});', ''].join('\n'),
      'a.js': VULN_JS,
      'b.js': SAFE_JS,
    });
    const args = ['scan', '-f', 'json', '--cache', '.ward-cache', '--fail-on', 'none'];
    const sql = (r) => JSON.parse(r.stdout).findings.filter((f) => f.ruleId === 'js-sql-injection').map((f) => f.path);
    const first = await ward(args, dir);
    assert.match(first.stderr, /cache: 0 of 4 files unchanged/);
    assert.deepEqual(sql(first), ['app.js']);
    write(dir, { 'lib/users.js': helper("'SELECT * FROM users WHERE name = ?', [name]") });
    const second = await ward(args, dir);
    // The helper and its importer are scanned again; the unrelated files come from the cache.
    assert.match(second.stderr, /cache: 2 of 4 files unchanged/);
    assert.deepEqual(sql(second), [], 'the handler no longer reaches a built query');
  });

  /** The fenced block after `<!-- name -->` in the README. */
  function readmeBlock(name) {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const m = new RegExp(`<!-- ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(readme);
    assert.ok(m, `README has a ${name} block`);
    return m[1];
  }

  /** A folder with a `ward` command that runs this build, for PATH. */
  function wardShim() {
    const bin = project({ ward: `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n` });
    fs.chmodSync(path.join(bin, 'ward'), 0o755);
    return { ...process.env, NO_COLOR: '1', PATH: `${bin}${path.delimiter}${process.env.PATH}` };
  }

  test('the README pre-commit hook blocks a commit with a new finding and lets a clean one through', { timeout: TIMEOUT }, () => {
    const env = wardShim();
    const dir = project({ 'ok.js': SAFE_JS });
    git(dir, 'init', '-q');
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, readmeBlock('pre-commit-hook'));
    fs.chmodSync(hook, 0o755);
    const commit = (msg) => {
      try {
        execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', msg], { cwd: dir, env, encoding: 'utf8', stdio: 'pipe' });
        return { status: 0 };
      } catch (err) {
        return { status: err.status, output: `${err.stdout}${err.stderr}` };
      }
    };
    git(dir, 'add', '.');
    assert.equal(commit('clean').status, 0);
    write(dir, { 'bad.js': FLOW_JS, 'untracked.js': FLOW_JS });
    git(dir, 'add', 'bad.js');
    const blocked = commit('vulnerable');
    assert.notEqual(blocked.status, 0);
    assert.match(blocked.output, /bad\.js:4:\d+: error js-command-injection/);
    assert.doesNotMatch(blocked.output, /untracked\.js/, 'only staged files are scanned');
    // Baselined: the same finding no longer blocks.
    execFileSync(process.execPath, [CLI, 'baseline', 'create', 'bad.js'], { cwd: dir, env });
    git(dir, 'add', 'bad.js', '.ward-baseline.json');
    assert.equal(commit('baselined').status, 0);
  });

  test('the README GitHub Actions workflow: its run steps work locally and write valid SARIF', { timeout: TIMEOUT }, () => {
    const { parse } = require('yaml');
    const workflow = parse(readmeBlock('github-workflow'));
    assert.ok(workflow.permissions['security-events'] === 'write');
    const steps = workflow.jobs.ward.steps;
    assert.ok(steps.some((st) => st.uses?.startsWith('github/codeql-action/upload-sarif') && st.with.sarif_file === 'ward.sarif'));
    const runSteps = steps.filter((st) => st.run && st.name !== 'Install Ward');
    const env = wardShim();
    const runAll = (dir) => {
      for (const st of runSteps) {
        try {
          execFileSync('bash', ['-e', '-c', st.run], { cwd: dir, env, stdio: 'pipe' });
        } catch (err) {
          return err.status;
        }
      }
      return 0;
    };
    const dir = project({ 'src/app.js': FLOW_JS, 'ok.py': 'print(1)\n' });
    assert.equal(runAll(dir), 1, 'a finding fails the job');
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'ward.sarif'), 'utf8'));
    assert.ok(sarifValidator()(sarif));
    assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'js-command-injection'));
    execFileSync(process.execPath, [CLI, 'baseline', 'create'], { cwd: dir, env });
    assert.equal(runAll(dir), 0, 'with the committed baseline the job passes');
  });

  test('the folder walk honours .gitignore exactly as git does (nested files, anchors, classes, negation)', { timeout: TIMEOUT }, async () => {
    const { collectFiles } = require(path.join(dist, 'engine.js'));
    const names = ['a.js', 'b.js', 'c.py', 'keep.gen.js', 'x.gen.js', 'lib.js', 'data.js'];
    const files = { '.gitignore': ['# comment', '*.gen.js', '!keep.gen.js', '/top-only.js', 'docs/*.js', 'out/', '**/cache/**', '[ab].py', 'trailing.js   ', '\\#hash.js', 'logs', '!logs/important.js', 'lib.js/', ''].join('\n') };
    for (const d of ['', 'src/', 'src/deep/', 'docs/', 'docs/sub/', 'out/', 'x/cache/', 'logs/', 'pkg/', 'pkg/out/']) {
      for (const n of names) files[`${d}${n}`] = SAFE_JS;
    }
    Object.assign(files, {
      'top-only.js': SAFE_JS,
      'src/top-only.js': SAFE_JS,
      'a.py': SAFE_JS,
      'c.py': SAFE_JS,
      'src/b.py': SAFE_JS,
      'trailing.js': SAFE_JS,
      '#hash.js': SAFE_JS,
      'logs/important.js': SAFE_JS,
      'weird/lib.js/inner.js': SAFE_JS,
      'pkg/.gitignore': '*.js\n!a.js\n/sub/\n',
      'pkg/sub/z.py': SAFE_JS,
      'pkg/q/sub/z.py': SAFE_JS,
      'src/deep/.gitignore': '!x.gen.js\nc.py\n',
    });
    const dir = project(files);
    git(dir, 'init', '-q');
    const expected = git(dir, 'ls-files', '--others', '--exclude-standard').split('\n').filter((p) => p && /\.(js|py)$/.test(p)).sort();
    const walked = collectFiles(['.'], { exclude: [], includeGeneric: false }, dir).files.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();
    assert.deepEqual(walked, expected);
    // Scanning a subfolder still applies the .gitignore files above it.
    const sub = collectFiles(['src'], { exclude: [], includeGeneric: false }, dir).files.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();
    assert.deepEqual(sub, expected.filter((p) => p.startsWith('src/')));
  });
});

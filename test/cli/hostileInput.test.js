// Issue 12, items 4 and 9, and `ward` run as a hostile user would: rule folders that are
// missing, files or unreadable; unreadable folders in a scan; --output to a folder or an
// unwritable path; stdout closed early; bad option values and settings; FIFOs, /dev/zero,
// symlink loops, files that vanish, names that are not UTF-8. Each must end in a clear
// message and the right exit code: no stack trace, no hang, no silent clean result.
const { describe, test, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { project, write, ward, cleanup, unprivileged, assertNoCrash, VULN_JS } = require('./wardProcess');

after(cleanup);

const fixtureRules = path.join(__dirname, '..', '..', 'test', 'fixtures', 'rules');
const VULN_PY = ['import os', '', '', 'def run(name):', '    os.system("ls " + name)', ''].join('\n');

function mkfifo(file) {
  execFileSync('mkfifo', [file]);
}

describe('rule folders (item 4)', { concurrency: 4 }, () => {
  test('--rules naming a missing folder, a file or an unreadable folder: exit 2 with the path', { timeout: 120000 }, async () => {
    const dir = project({ 'tool.py': VULN_PY, 'rule.yaml': 'id: x\n' });
    fs.mkdirSync(path.join(dir, 'locked'));
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    const [missing, file, locked, rules] = await Promise.all([
      ward(['scan', '--no-default-rules', '--rules', '/nonexistent/ward-rules', '.'], dir),
      ward(['scan', '--rules', 'rule.yaml', '.'], dir),
      ward(['scan', '--no-default-rules', '--rules', 'locked', '.'], dir, { spawn: unprivileged }),
      ward(['rules', '--rules', '/nonexistent/ward-rules'], dir),
    ]);
    for (const [r, what] of [[missing, 'missing'], [file, 'file'], [locked, 'unreadable'], [rules, 'ward rules']]) {
      assertNoCrash(assert, r, what);
      assert.equal(r.status, 2, `${what}: exit 2\n${r.stdout}${r.stderr}`);
    }
    assert.match(missing.stderr, /--rules: folder not found: \/nonexistent\/ward-rules/);
    assert.doesNotMatch(missing.stdout, /0 findings/, 'no scan without the rules');
    assert.match(file.stderr, /rule\.yaml is a file, not a folder/);
    assert.match(locked.stderr, /cannot read folder .*locked: permission denied/);
    assert.match(rules.stderr, /folder not found: \/nonexistent\/ward-rules/);
    // A subfolder that cannot be read is a rule error with its path, like a broken rule file; the other rules run.
    fs.cpSync(fixtureRules, path.join(dir, 'custom'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'custom', 'locked-sub'));
    fs.chmodSync(path.join(dir, 'custom', 'locked-sub'), 0o000);
    const sub = await ward(['scan', '--no-default-rules', '--rules', 'custom', '.'], dir, { spawn: unprivileged });
    assert.equal(sub.status, 1, sub.stdout + sub.stderr);
    assert.match(sub.stderr, /rule error: .*custom\/locked-sub:1: cannot read folder: EACCES/);
    assert.match(sub.stdout, /py-test-os-system/);
  });

  test('extraRuleFolders in .ward.yaml naming a missing folder: exit 2 with the path', { timeout: 120000 }, async () => {
    const dir = project({ 'tool.py': VULN_PY, '.ward.yaml': 'extraRuleFolders: [security/rules, custom]\n' });
    fs.cpSync(fixtureRules, path.join(dir, 'custom'), { recursive: true });
    const r = await ward(['scan', '.'], dir);
    assertNoCrash(assert, r, 'scan');
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /\.ward\.yaml: extraRuleFolders: folder not found: .*security\/rules/);
    fs.mkdirSync(path.join(dir, 'security', 'rules'), { recursive: true });
    const ok = await ward(['scan', '.', '-f', 'json', '--fail-on', 'none'], dir);
    assert.equal(ok.status, 0, ok.stderr);
    assert.ok(JSON.parse(ok.stdout).findings.some((f) => f.ruleId === 'py-test-os-system'), 'the rules load once the folder exists');
  });

  test('ward test on a missing folder, a file or a folder without rules: exit 2, not "0 passed, 0 failed"', { timeout: 120000 }, async () => {
    const dir = project({ 'rule.yaml': 'id: x\n', 'src/app.js': VULN_JS });
    const [missing, file, empty] = await Promise.all([ward(['test', '/nonexistent/ward-rules'], dir), ward(['test', 'rule.yaml'], dir), ward(['test', 'src'], dir)]);
    assert.equal(empty.status, 2, empty.stdout);
    assert.match(empty.stderr, /no rule files \(\*\.yaml\) in .*src/);
    assert.equal(missing.status, 2, missing.stdout);
    assert.match(missing.stderr, /folder not found: \/nonexistent\/ward-rules/);
    assert.doesNotMatch(missing.stdout, /0 passed/);
    assert.equal(file.status, 2, file.stdout);
    assert.match(file.stderr, /rule\.yaml is a file, not a folder/);
  });

  test('a FIFO, a link to /dev/zero named like a rule file or a link loop does not hang the rule loader', { timeout: 120000 }, async () => {
    const dir = project({ 'tool.py': VULN_PY });
    const rules = path.join(dir, 'rules');
    fs.cpSync(fixtureRules, rules, { recursive: true });
    mkfifo(path.join(rules, 'python', 'fifo-rule.yaml'));
    fs.symlinkSync('/dev/zero', path.join(rules, 'python', 'zero-rule.yaml'));
    // Two links back up: followed blindly, 2^depth folders.
    fs.symlinkSync('..', path.join(rules, 'python', 'up'));
    fs.symlinkSync('../python', path.join(rules, 'python', 'again'));
    mkfifo(path.join(rules, 'python', 'py-test-os-system.test.fifo.py')); // named like a fixture
    const [r, t] = await Promise.all([
      ward(['scan', '--no-default-rules', '--rules', 'rules', '-f', 'json', '--fail-on', 'none', 'tool.py'], dir),
      ward(['test', 'rules'], dir),
    ]);
    assertNoCrash(assert, r, 'scan');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).findings.map((f) => f.ruleId), ['py-test-os-system']);
    assertNoCrash(assert, t, 'ward test');
    assert.equal(t.status, 0, t.stdout + t.stderr);
    assert.match(t.stdout, /^ok {3}py-test-os-system \(1 fixture\)$/m);
  });
});

describe('the folder walk (item 9)', { concurrency: 4 }, () => {
  test('an unreadable folder gets a notice, like an unreadable file', { timeout: 120000 }, async () => {
    const dir = project({ 'ok/a.js': VULN_JS, 'locked/b.js': VULN_JS, 'closed.js': VULN_JS });
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    fs.chmodSync(path.join(dir, 'closed.js'), 0o000);
    const r = await ward(['scan', '.', '-f', 'json'], dir, { spawn: unprivileged });
    assertNoCrash(assert, r, 'scan');
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.findings.map((f) => f.path), ['ok/a.js']);
    const notices = Object.fromEntries(out.notices.map((n) => [n.path, n.message]));
    assert.match(notices.locked ?? '', /cannot read folder: permission denied/, JSON.stringify(out.notices));
    assert.match(notices['closed.js'] ?? '', /cannot read/);
    const text = await ward(['scan', '.'], dir, { spawn: unprivileged });
    assert.match(text.stdout, /^locked:1:1: note ward skipped: cannot read folder: permission denied$/m);
  });

  test('FIFOs, /dev/zero, symlink loops and a vanishing file: no hang, a notice each, the rest reported', { timeout: 120000 }, async () => {
    const dir = project({ 'src/a.js': VULN_JS, 'src/vanish.js': VULN_JS });
    mkfifo(path.join(dir, 'src', 'pipe.js'));
    fs.symlinkSync('..', path.join(dir, 'src', 'up'));
    fs.symlinkSync('loop-b', path.join(dir, 'loop-a'));
    fs.symlinkSync('loop-a', path.join(dir, 'loop-b'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'src', 'zero.js'));
    // Deletes src/vanish.js when the scan first opens it: after the walk listed it.
    write(dir, {
      'vanish-preload.cjs': [
        "const fs = require('node:fs');",
        'const open = fs.openSync;',
        'let gone = false;',
        'fs.openSync = function (p, ...rest) {',
        "  if (!gone && typeof p === 'string' && p.endsWith('vanish.js')) { gone = true; fs.unlinkSync(p); }",
        '  return open.call(this, p, ...rest);',
        '};',
      ].join('\n'),
    });
    const [walk, fifoArg, zeroArg, loopArg] = await Promise.all([
      ward(['scan', 'src', '-f', 'json', '--jobs', '1'], dir, { nodeArgs: ['--require', path.join(dir, 'vanish-preload.cjs')] }),
      ward(['scan', 'src/pipe.js', '-f', 'json'], dir),
      ward(['scan', '/dev/zero', 'src/a.js', '-f', 'json'], dir),
      ward(['scan', 'loop-a', 'src/a.js', '-f', 'json'], dir),
    ]);
    for (const [r, what] of [[walk, 'walk'], [fifoArg, 'fifo'], [zeroArg, '/dev/zero'], [loopArg, 'loop']]) assertNoCrash(assert, r, what);
    const w = JSON.parse(walk.stdout);
    assert.deepEqual(w.findings.map((f) => f.path), ['src/a.js'], 'the link ../ is not followed, so nothing is found twice');
    const notices = Object.fromEntries(w.notices.map((n) => [n.path, n.message]));
    assert.match(notices['src/pipe.js'] ?? '', /not a regular file/, JSON.stringify(w.notices));
    assert.match(notices['src/vanish.js'] ?? '', /cannot read/);
    assert.equal(walk.status, 1);
    assert.equal(fifoArg.status, 0, fifoArg.stderr);
    assert.match(JSON.parse(fifoArg.stdout).notices[0].message, /not a regular file/);
    assert.equal(zeroArg.status, 1, 'src/a.js still reported');
    assert.ok(JSON.parse(zeroArg.stdout).notices.some((n) => /dev\/zero$/.test(n.path) && /not a regular file/.test(n.message)));
    assert.equal(loopArg.status, 1, loopArg.stderr);
    assert.ok(JSON.parse(loopArg.stdout).notices.some((n) => n.path === 'loop-a' && /symbolic links/.test(n.message)));
  });

  test('a .gitignore that is a FIFO or a link to /dev/zero is not read (as git does not follow it)', { timeout: 120000 }, async () => {
    const fifo = project({ 'a.js': VULN_JS });
    mkfifo(path.join(fifo, '.gitignore'));
    const zero = project({ 'sub/a.js': VULN_JS });
    fs.symlinkSync('/dev/zero', path.join(zero, 'sub', '.gitignore'));
    const [f, z] = await Promise.all([ward(['scan', '.'], fifo), ward(['scan', '.'], zero)]);
    assertNoCrash(assert, f, 'fifo');
    assertNoCrash(assert, z, 'zero');
    assert.equal(f.status, 1, f.stderr);
    assert.equal(z.status, 1, z.stderr);
  });

  test('a file name that is not UTF-8 gets a notice instead of vanishing from the scan', { timeout: 120000 }, async () => {
    const dir = project({ 'ok.js': VULN_JS });
    // Node cannot create such a name from a string; the shell can.
    execFileSync('sh', ['-c', `cp ok.js "$(printf 'bad\\377.js')"`], { cwd: dir });
    const r = await ward(['scan', '.', '-f', 'json'], dir);
    assertNoCrash(assert, r, 'scan');
    const out = JSON.parse(r.stdout);
    assert.equal(out.findings.length, 1);
    assert.ok(out.notices.some((n) => /not valid UTF-8/.test(n.message)), JSON.stringify(out.notices));
  });

  test('a path that does not exist fails the run even next to one that does', { timeout: 120000 }, async () => {
    const dir = project({ 'a.js': VULN_JS });
    const r = await ward(['scan', 'a.js', 'typo\x1b[2J.js'], dir);
    assertNoCrash(assert, r, 'scan');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no such file or folder: typo\\x1b\[2J\.js/, 'the name is shown escaped');
  });
});

describe('output, options and settings (item 9)', { concurrency: 4 }, () => {
  test('--output to a folder or an unwritable path: exit 2 before the scan, no stack trace, nothing written', { timeout: 120000 }, async () => {
    const dir = project({ 'a.js': VULN_JS, 'out/keep.txt': 'x' });
    fs.mkdirSync(path.join(dir, 'ro'));
    fs.chmodSync(path.join(dir, 'ro'), 0o555);
    const cache = (name) => path.join(dir, `cache-${name}`);
    const [folder, underFile, readOnly] = await Promise.all([
      ward(['scan', '.', '-o', 'out', '--cache', cache('folder')], dir),
      ward(['scan', '.', '-f', 'sarif', '-o', 'a.js/report.sarif', '--cache', cache('file')], dir),
      ward(['baseline', 'create', '-o', 'ro/sub/base.json', '--cache', cache('ro')], dir, { spawn: unprivileged }),
    ]);
    for (const [r, what] of [[folder, 'folder'], [underFile, 'under a file'], [readOnly, 'read-only']]) {
      assertNoCrash(assert, r, what);
      assert.equal(r.status, 2, `${what}\n${r.stdout}${r.stderr}`);
    }
    assert.match(folder.stderr, /cannot write out: it is a folder/);
    assert.match(underFile.stderr, /cannot write a\.js\/report\.sarif: .*a\.js is a file, not a folder/);
    assert.match(readOnly.stderr, /cannot write ro\/sub\/base\.json: cannot create files in .*ro \(permission denied\)/);
    // The check came first: the scans that would have filled these caches did not run.
    for (const name of ['folder', 'file', 'ro']) assert.ok(!fs.existsSync(cache(name)), `no scan ran (${name})`);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'ro')), []);
  });

  test('--output replaces the file whole; a report that cannot be written leaves the old one', { timeout: 120000 }, async () => {
    const dir = project({ 'a.js': VULN_JS, 'report.json': 'old report\n' });
    const r = await ward(['scan', '.', '-f', 'json', '-o', 'report.json'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).findings.length, 1);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.js', 'report.json'], 'no temporary file left');
    const full = await ward(['scan', '.', '-f', 'json', '-o', '/dev/full'], dir);
    assertNoCrash(assert, full, '/dev/full');
    assert.equal(full.status, 2);
    assert.match(full.stderr, /cannot write \/dev\/full: no space left/);
  });

  test('stdout closed early (ward scan | head -1): no EPIPE trace, the run\'s own exit code', { timeout: 120000 }, async () => {
    const dir = project({ 'a.js': VULN_JS });
    // SARIF carries every rule's help: far more than a pipe holds, so the writer meets the closed end.
    const close = (chunk, child) => child.stdout.destroy();
    const [found, none] = await Promise.all([
      ward(['scan', '.', '-f', 'sarif'], dir, { onStdout: close }),
      ward(['scan', '.', '-f', 'sarif', '--fail-on', 'none'], dir, { onStdout: close }),
    ]);
    for (const r of [found, none]) {
      assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|\n\s+at .*:\d+:\d+/, r.stderr);
      assert.equal(r.signal, null);
    }
    assert.equal(found.status, 1, 'findings at --fail-on: 1, as if the output had been read');
    assert.equal(none.status, 0);
  });

  test('bad option values: exit 2 with a message that quotes the value', { timeout: 120000 }, async () => {
    const dir = project({ 'a.js': VULN_JS });
    const cases = [
      [['--jobs', '0'], /--jobs must be a whole number from 1 to 64, or auto, not "0"/],
      [['--jobs', ''], /--jobs must be a whole number from 1 to 64, or auto, not ""/],
      [['--jobs', '-3'], /--jobs must be .* not "-3"/],
      [['--jobs', '1.5'], /--jobs must be .* not "1\.5"/],
      [['--jobs=65'], /--jobs must be .* not "65"/],
      [['--time-budget', 'abc'], /--time-budget must be a number of milliseconds from 50 to 60000, not "abc"/],
      [['--max-file-size', '-1'], /--max-file-size must be a number of megabytes from 0\.01 to 64, not "-1"/],
      [['--max-file-size', '0x10'], /--max-file-size must be .* not "0x10"/],
      [['--fail-on', 'eror'], /--fail-on must be error, warning, info or none, not "eror"/],
      [['--severity', 'high'], /--severity must be error, warning or info, not "high"/],
      [['--format', 'jsn'], /--format must be text, json, sarif or gitlab, not "jsn"/],
      [['--colour'], /unknown option "--colour"/],
      [['--changed-since=--output=/tmp/x'], /--changed-since needs a git revision .* not "--output=\/tmp\/x"/],
      [['--baseline', ''], /--baseline needs a file or folder name, not ""/],
      [['--config='], /--config needs a file or folder name, not ""/],
      [['-o', ''], /-o needs a file or folder name, not ""/],
      [['--rules', ''], /--rules needs a file or folder name, not ""/],
      [[''], /an empty path/],
      [['--cache', 'a.js'], /--cache a\.js is not a folder/],
    ];
    const results = await Promise.all(cases.map(([args]) => ward(['scan', 'a.js', ...args], dir)));
    results.forEach((r, i) => {
      assertNoCrash(assert, r, cases[i][0].join(' '));
      assert.equal(r.status, 2, `${cases[i][0].join(' ')}: exit 2\n${r.stdout}`);
      assert.match(r.stderr, cases[i][1]);
    });
    write(dir, { '-rf.js': VULN_JS });
    const [auto, two, dashes] = await Promise.all([
      ward(['scan', 'a.js', '--jobs', 'auto'], dir),
      ward(['scan', 'a.js', '-j', '2'], dir),
      ward(['scan', '-f', 'json', '--', '-rf.js'], dir),
    ]);
    assert.equal(auto.status, 1, auto.stderr);
    assert.equal(two.status, 1, two.stderr);
    assert.equal(dashes.status, 1, dashes.stderr);
    assert.deepEqual(JSON.parse(dashes.stdout).findings.map((f) => f.path), ['-rf.js'], 'after --, a name starting with - is a path');
  });

  test('baselines: a string version, a folder, /dev/zero and broken JSON are refused clearly', { timeout: 120000 }, async () => {
    const dir = project({
      'a.js': VULN_JS,
      'string.json': '{ "version": "1", "tool": "ward", "findings": [] }\n',
      'future.json': '{ "version": 2, "tool": "ward", "findings": [] }\n',
      'broken.json': '{ "version": 1, ',
      'folder/x': '',
    });
    const run = (baseline) => ward(['scan', 'a.js', '--baseline', baseline], dir);
    const [string, future, broken, folder, zero] = await Promise.all([run('string.json'), run('future.json'), run('broken.json'), run('folder'), run('/dev/zero')]);
    for (const r of [string, future, broken, folder, zero]) {
      assertNoCrash(assert, r, r.stderr);
      assert.equal(r.status, 2, r.stderr);
    }
    assert.match(string.stderr, /string\.json has "version": "1" \(a string\); this Ward reads baseline version 1/);
    assert.match(future.stderr, /future\.json has baseline version 2; this Ward reads baseline version 1/);
    assert.match(broken.stderr, /broken\.json is not a Ward baseline \(not valid JSON/);
    assert.match(folder.stderr, /cannot read baseline .*folder: is a folder, not a file/);
    assert.match(zero.stderr, /cannot read baseline \/dev\/zero: is not a regular file/);
  });

  test('.ward.yaml: wrong values and unknown keys stop the run (exit 2); invalid YAML, a list, a link to /dev/zero too', { timeout: 120000 }, async () => {
    const dir = project({
      'a.js': VULN_JS,
      'values.yaml': 'minimumSeverity: warnig\nextraRuleFolders: security/rules\nmaxFileSizeMB: "2"\n',
      'unknown.yaml': 'exlude: ["vendor/**"]\n',
      'nested.yaml': 'ward: 3\n',
      'list.yaml': '- exclude\n- vendor\n',
      'invalid.yaml': 'exclude: [unclosed\n',
    });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    const run = (config) => ward(['scan', 'a.js', '--config', config], dir);
    const [values, unknown, nested, list, invalid, zero] = await Promise.all(['values', 'unknown', 'nested', 'list', 'invalid', 'zero'].map((n) => run(`${n}.yaml`)));
    for (const r of [values, unknown, nested, list, invalid, zero]) {
      assertNoCrash(assert, r, r.stderr);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.doesNotMatch(r.stdout, /findings? in/, 'no scan ran');
    }
    assert.match(values.stderr, /values\.yaml: ward\.minimumSeverity: expected "error", "warning" or "info", got "warnig"\n/);
    assert.match(values.stderr, /values\.yaml: ward\.extraRuleFolders: expected a list of folders, got "security\/rules"\n/);
    assert.match(values.stderr, /values\.yaml: ward\.maxFileSizeMB: expected a number from 0\.01 to 64, got "2"\n/);
    assert.match(values.stderr, /fix .*values\.yaml \(or run with --no-config to ignore it\)/);
    assert.match(unknown.stderr, /unknown setting "exlude"/);
    assert.match(nested.stderr, /ward: expected a mapping of settings under "ward:", got 3/);
    assert.match(list.stderr, /list\.yaml: expected a mapping of settings/);
    assert.match(invalid.stderr, /invalid\.yaml: not valid YAML/);
    assert.match(zero.stderr, /cannot read config zero\.yaml: is larger than 1 MB/);
  });
});

// A copy of Ward without its rules (an incomplete build or install) must say so, not report
// every project clean.
test('a build without its built-in rules exits 2 and says so', async () => {
  const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
  const copy = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'ward-norules-'));
  const bin = path.join(copy, 'a', 'b', 'dist');
  fs.mkdirSync(bin, { recursive: true });
  for (const f of fs.readdirSync(dist)) if (/\.(js|wasm)$/.test(f)) fs.copyFileSync(path.join(dist, f), path.join(bin, f));
  fs.writeFileSync(path.join(copy, 'app.js'), VULN_JS);
  try {
    const r = require('node:child_process').spawnSync(process.execPath, [path.join(bin, 'cli.js'), 'scan', copy], { encoding: 'utf8' });
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /built-in rules are missing \(folder not found: .*rules\)/);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

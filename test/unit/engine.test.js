// Engine unit tests: name resolution, constants, fixes, suppressions, policy, settings,
// rule loading. Uses inline rules so they do not depend on the shipped rule set.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const js = W.LANGUAGES.find((l) => l.id === 'javascript');
const tsx = W.LANGUAGES.find((l) => l.id === 'tsx');
const py = W.LANGUAGES.find((l) => l.id === 'python');

function rule(yamlBody, id = 'js-test-rule') {
  const text = `id: ${id}
title: Test rule for the engine
message: "Found {{callee}} here, do the safe thing instead."
severity: error
confidence: high
languages: [${id.startsWith('py') ? 'python' : 'javascript'}]
category: injection
cwe: [CWE-78]
owasp: [A03:2021]
docs: "A rule used only by the engine unit tests; it has no meaning beyond them."
mode: pattern
${yamlBody}`;
  const { rule: r, errors } = W.loadRuleText(text, '<inline>');
  assert.deepEqual(errors, []);
  return r;
}

async function scan(rules, text, lang = js) {
  const engine = new W.Engine(rules);
  return (await engine.scanText(text, lang)).findings;
}

test('calls resolve through require, destructuring, ES imports, aliases and node: prefixes', async () => {
  const r = rule('match:\n  call: child_process.exec\n  args: { 0: { constant: false } }');
  const src = [
    "const cp = require('child_process');",
    "const { exec: run } = require('node:child_process');",
    "import * as cp2 from 'child_process';",
    "import { exec as e2 } from 'child_process';",
    'cp.exec(a);',
    'run(a);',
    'cp2.exec(a);',
    'e2(a);',
    "require('child_process').exec(a);",
    'other.exec(a);',
    'exec(a);',
  ].join('\n');
  const lines = (await scan([r], src, tsx)).map((f) => f.range.start.line);
  assert.deepEqual(lines, [4, 5, 6, 7, 8]);
});

test('constants are folded: literals, concatenations and const names are not findings', async () => {
  const r = rule('match:\n  call: eval\n  args: { 0: { constant: false } }');
  const src = ["const A = 'x';", "const B = A + '1';", 'let c = 1;', "eval('1+1');", 'eval(B);', "eval(`t`);", 'eval(`t${c}`);', 'eval(c);', 'function f(A) { eval(A); }'].join('\n');
  const lines = (await scan([r], src)).map((f) => f.range.start.line);
  assert.deepEqual(lines, [6, 7, 8]);
});

test('python imports: import as, from-import alias, dotted modules', async () => {
  const r = rule('match:\n  call: subprocess.run\n  keywords: { shell: { is: true } }\n  args: { 0: { constant: false } }', 'py-test-rule');
  const src = ['import subprocess as sp', 'from subprocess import run as go', 'sp.run(cmd, shell=True)', 'go(cmd, shell=True)', 'sp.run(cmd)', 'sp.run("ls", shell=True)', 'other.run(cmd, shell=True)'].join('\n');
  const lines = (await scan([r], src, py)).map((f) => f.range.start.line);
  assert.deepEqual(lines, [2, 3]);
});

test('assign and property matchers with value conditions', async () => {
  const a = rule("match:\n  assign: '**.innerHTML'\n  value: { constant: false }\n  operator: ['=', '+=']");
  const p = rule('match:\n  property: rejectUnauthorized\n  value: { is: false }', 'js-test-prop');
  const src = ['el.innerHTML = s;', "el.innerHTML = '<b>x</b>';", 'a.b.innerHTML += s;', 'f().innerHTML = s;', 'x.outerHTML = s;', 'https.get(u, { rejectUnauthorized: false });', 'https.get(u, { rejectUnauthorized: true });'].join('\n');
  const found = (await scan([a, p], src)).map((f) => `${f.ruleId}:${f.range.start.line}`);
  assert.deepEqual(found, ['js-test-rule:0', 'js-test-rule:2', 'js-test-rule:3', 'js-test-prop:5']);
});

test('context filter reads the name a value is given', async () => {
  const r = rule("match:\n  call: Math.random\n  context: '(?i)token|secret'");
  const src = ['const token = Math.random().toString(36);', 'const x = Math.random();', 'function makeSecret() { return Math.random(); }', 'const o = { sessionToken: Math.random() };'].join('\n');
  const lines = (await scan([r], src)).map((f) => f.range.start.line);
  assert.deepEqual(lines, [0, 2, 3]);
});

test('fix templates: command to argv keeps quotes, refuses shell syntax and bare variables', async () => {
  const r = rule(`match:
  call: child_process.exec
  args: { 0: { constant: false } }
fix:
  title: use execFile
  edits:
    - replace: callee-name
      with: "{{ rename(callee-name, 'exec', 'execFile') }}"
    - replace: arg0
      with: "{{ file-and-args(arg0) }}"`);
  const src = ["const cp = require('child_process');", 'cp.exec("ls -l " + d);', 'cp.exec(`git log ${ref} --oneline`);', "cp.exec('cat ' + f + ' | wc');", 'cp.exec(cmd);', "cp.exec('echo --name=' + n);", 'cp.exec(`ls -l ${/* the folder */ d}`);'].join('\n');
  const findings = await scan([r], src);
  const fixed = findings.map((f) => (f.fixes[0] ? W.applyEdits(src.split('\n')[f.range.start.line], f.fixes[0].edits.map((e) => ({ ...e, range: { start: { line: 0, character: e.range.start.character }, end: { line: 0, character: e.range.end.character } } }))) : null));
  // A substitution with a comment beside its value is not read as text: no fix, rather than `execFile('ls', ['-l'])` without the folder.
  assert.deepEqual(fixed, ['cp.execFile("ls", ["-l", d]);', "cp.execFile('git', ['log', ref, '--oneline']);", null, null, "cp.execFile('echo', [`--name=${n}`]);", null]);
});

test('python arg-list fix and keyword removal', async () => {
  const r = rule(`match:
  call: subprocess.run
  keywords: { shell: { is: true } }
  args: { 0: { constant: false } }
fix:
  title: pass a list
  edits:
    - replace: arg0
      with: "{{ arg-list(arg0) }}"
    - remove: "kw:shell"`, 'py-test-fix');
  const src = 'import subprocess\nsubprocess.run(f"ls -l {d}", shell=True, check=True)\nsubprocess.run("ls " + d, shell=True)\n';
  const findings = await scan([r], src, py);
  const out = W.applyEdits(src, findings.flatMap((f) => f.fixes[0].edits));
  assert.equal(out, 'import subprocess\nsubprocess.run(["ls", "-l", str(d)], check=True)\nsubprocess.run(["ls", d])\n');
});

test('ward-ignore comments suppress by line, by next line, by file, and only the named rules', async () => {
  const r = rule('match:\n  call: eval\n  args: { 0: { constant: false } }');
  const src = [
    'eval(a); // ward-ignore js-test-rule -- trusted',
    '// ward-ignore js-test-rule -- reviewed',
    'eval(b);',
    'eval(c); // ward-ignore js-other-rule',
    "const s = '// ward-ignore js-test-rule';",
    'eval(d);',
  ].join('\n');
  const findings = await scan([r], src);
  assert.deepEqual(findings.map((f) => [f.range.start.line, f.suppressed ? f.suppressed.justification : null]), [
    [0, 'trusted'],
    [2, 'reviewed'],
    [3, null],
    [5, null],
  ]);
  const whole = await scan([r], '// ward-ignore-file js-test-rule -- generated\neval(a);');
  assert.equal(whole[0].suppressed.kind, 'file');
});

test('ignore-line edits: indentation, extending an existing comment, JSX children', () => {
  const text = 'function f() {\n  eval(a);\n}\n';
  const e = W.ignoreLineEdit(text, 1, 'js-x-y', '//');
  assert.equal(W.applyEdits(text, [e]), 'function f() {\n  // ward-ignore js-x-y -- <reason>\n  eval(a);\n}\n');
  const again = W.applyEdits(W.applyEdits(text, [e]), [W.ignoreLineEdit(W.applyEdits(text, [e]), 2, 'js-z-w', '//')]);
  assert.match(again, /\/\/ ward-ignore js-x-y, js-z-w -- <reason>/);
  const pyText = '#!/usr/bin/env python\nimport os\n';
  assert.equal(W.applyEdits(pyText, [W.ignoreFileEdit(pyText, 'py-a-b', '#')]), '#!/usr/bin/env python\n# ward-ignore-file py-a-b -- <reason>\nimport os\n');
});

test('policy: disabled rules, severity overrides and minimum severity', () => {
  const f = (ruleId, severity) => ({ ruleId, severity, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
  const out = W.applyPolicy([f('a-b', 'error'), f('c-d', 'warning'), f('e-f', 'info'), f('g-h', 'error')], {
    disabledRules: ['a-b'],
    severityOverrides: { 'c-d': 'info', 'g-h': 'off' },
    minimumSeverity: 'warning',
  });
  assert.deepEqual(out, []);
  const kept = W.applyPolicy([f('c-d', 'warning')], { disabledRules: [], severityOverrides: { 'c-d': 'error' }, minimumSeverity: 'info' });
  assert.equal(kept[0].severity, 'error');
});

test('settings are normalised with defaults and problems for broken values', () => {
  const { settings, problems } = W.normalizeSettings({ enable: 'yes', minimumSeverity: 'warning', exclude: 5, severityOverrides: { a: 'loud', b: 'off' }, debounceMs: 10 });
  assert.equal(settings.enable, true);
  assert.equal(settings.minimumSeverity, 'warning');
  assert.deepEqual(settings.exclude, W.DEFAULT_SETTINGS.exclude);
  assert.deepEqual(settings.severityOverrides, { b: 'off' });
  assert.equal(settings.debounceMs, 10);
  assert.equal(problems.length, 3);
  assert.deepEqual(W.normalizeSettings('nonsense').settings.enable, true);
});

test('path globs behave like gitignore patterns', () => {
  const g = W.compilePathGlobs(['**/node_modules/**', '*.min.js', 'build/', 'src/{a,b}/*.ts']);
  assert.ok(W.matchesAnyGlob('x/node_modules/y/z.js', g));
  assert.ok(W.matchesAnyGlob('deep/dir/app.min.js', g));
  assert.ok(W.matchesAnyGlob('build/out.js', g));
  assert.ok(W.matchesAnyGlob('src/b/x.ts', g));
  assert.ok(!W.matchesAnyGlob('src/c/x.ts', g));
  assert.ok(!W.matchesAnyGlob('app.js', g));
});

test('rule loader reports schema and YAML errors with their line, and bad ids', () => {
  const bad = W.loadRuleText('id: js-x-y\ntitle: Title here\nmessage: Message that is long enough\nseverity: loud\n', 'x.yaml');
  assert.ok(bad.errors.length > 0);
  assert.ok(bad.errors.some((e) => e.line === 4 && /severity/.test(e.message)), JSON.stringify(bad.errors));
  const yamlError = W.loadRuleText('id: [unclosed\n', 'y.yaml');
  assert.ok(yamlError.errors[0].message.startsWith('YAML'));
});

test('a fix recipe must be one a pack writes, for each of the rule\'s languages', () => {
  const withRecipe = (language, recipe) =>
    W.loadRuleText(
      `id: ${language === 'python' ? 'py' : 'js'}-recipe-test\ntitle: Recipe test rule\nmessage: "Found {{call}} here, do the safe thing instead."\nseverity: error\nconfidence: high\nlanguages: [${language}]\ncategory: crypto\ncwe: [CWE-338]\nowasp: [A02:2021]\ndocs: "A rule used only by the engine unit tests; it has no meaning beyond them."\nmode: pattern\nmatch:\n  call: Math.random\nfix:\n  title: Use a secure source\n  recipe: ${recipe}\n`,
      '<inline>',
    ).errors.map((e) => e.message);
  assert.deepEqual(withRecipe('javascript', 'js-secure-random'), []);
  assert.ok(withRecipe('javascript', 'no-such-recipe').some((m) => /unknown fix recipe "no-such-recipe"/.test(m)));
  // The Python recipe exists, but the JavaScript pack does not write it: the rule would never get its fix.
  assert.ok(withRecipe('javascript', 'py-secure-random').some((m) => /fix recipe "py-secure-random" is not written for js/.test(m)));
});

test('secrets are masked', () => {
  assert.equal(W.maskSecret('ghp_abcdefghijklmnopqrstuvwxyz0123456789'), 'ghp_…6789');
  assert.ok(!W.maskSecret('supersecretvalue123').includes('supersecret'));
});

test('bundled rules load from their build-time parse, and an edited file is parsed again', () => {
  const fs = require('node:fs');
  const os = require('node:os');
  const shipped = path.join(dist, 'rules');
  assert.ok(fs.existsSync(path.join(shipped, 'rules.parsed.json')), 'the build writes rules.parsed.json');
  const fromSource = W.loadRuleDirs([path.join(__dirname, '..', '..', 'rules')]);
  const fromBuild = W.loadRuleDirs([shipped]);
  assert.deepEqual(fromBuild.errors, []);
  const shape = (r) => [r.id, r.message, r.severity, r.mode, r.cwe.join(), [...r.languages].sort().join()];
  assert.deepEqual(fromBuild.rules.map(shape), fromSource.rules.map(shape));

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-parsed-'));
  try {
    fs.cpSync(shipped, tmp, { recursive: true });
    // A copy is not the built-in folder: its regexes are checked like any user's (see regexSafety.test.js).
    const copyErrors = W.loadRuleDirs([tmp]).errors.length;
    const folder = path.join(tmp, 'javascript', 'crypto');
    const victim = path.join(folder, fs.readdirSync(folder).find((f) => f.endsWith('.yaml') && !f.includes('.test.')));
    const text = fs.readFileSync(victim, 'utf8');
    fs.writeFileSync(victim, text.replace(/^title: .*$/m, 'title: Edited in place, the loader must read this text'));
    const edited = W.loadRuleDirs([tmp]);
    const id = path.basename(victim, '.yaml');
    assert.equal(edited.rules.find((r) => r.id === id).title, 'Edited in place, the loader must read this text');
    fs.writeFileSync(victim, text.replace(/^severity: .*$/m, 'severity: [broken'));
    const broken = W.loadRuleDirs([tmp]);
    const victimErrors = broken.errors.filter((e) => e.file === victim);
    assert.equal(broken.errors.length, copyErrors + 1);
    assert.equal(victimErrors.length, 1);
    assert.ok(victimErrors[0].line > 1, 'the error names the line');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

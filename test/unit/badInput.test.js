// Bad input never crashes or hangs Ward: binary and oddly encoded files, huge and minified
// files, pathologically deep nesting, empty files, broken rule files and broken settings
// each get a clear notice (or are handled), through the engine and through the CLI.
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const ward = require(path.join(dist, 'engine.js'));
const { Engine, loadEngine, loadRuleDirs, loadRuleText, decodeBytes, checkText, languageForPath, normalizeSettings, DEFAULT_SETTINGS, expandFixture } = ward;
const fixtureRules = path.join(__dirname, '..', 'fixtures', 'rules');
const T = { timeout: 30000 };
const RULE = 'js-child-process-exec';
const PY_RULE = 'py-test-os-system';

const VULN_JS = "const cp = require('child_process');\nfunction f(dir) {\n  cp.exec('ls ' + dir);\n}\n";
const VULN_PY = 'import os\n\n\ndef run(name):\n    os.system("ls " + name)\n';
const JS = languageForPath('a.js');
const PY = languageForPath('a.py');

let engine;
let tmp;
before(() => {
  const { rules } = loadRuleDirs([path.join(dist, 'rules'), fixtureRules]);
  assert.ok(rules.some((r) => r.id === RULE) && rules.some((r) => r.id === PY_RULE));
  engine = new Engine(rules);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-bad-'));
});
after(() => tmp && fs.rmSync(tmp, { recursive: true, force: true }));

const ids = (result, id) => result.findings.filter((f) => f.ruleId === id && !f.suppressed);
const write = (name, data) => {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  return file;
};
const utf16le = (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);
/** ~`bytes` of ordinary (not minified) JavaScript: short lines, no findings. */
const ordinaryJs = (bytes) => {
  const block = 'function add(a, b) {\n  const sum = a + b;\n  return [sum, a, b].map((x) => x * 2);\n}\n';
  return block.repeat(Math.ceil(bytes / block.length));
};
const minifiedJs = (bytes) => 'var a=function(b){return b+1};'.repeat(Math.ceil(bytes / 30));
/** `n` levels of nesting, one level per line (a single huge line would be skipped as minified). */
const deep = (open, inner, close, n) => `${open}\n`.repeat(n) + inner + `\n${close}`.repeat(n);

describe('engine', () => {
  test('binary content is skipped with a notice', T, async () => {
    const bytes = Buffer.concat([Buffer.from(VULN_JS), Buffer.from([0, 1, 2, 0, 255])]);
    assert.match(decodeBytes(bytes).skip, /binary/);
    const result = await engine.scanFile(write('blob.js', bytes));
    assert.deepEqual(result.findings, []);
    assert.equal(result.notices.length, 1);
    assert.equal(result.notices[0].kind, 'skipped');
    assert.match(result.notices[0].message, /binary/);
  });

  test('invalid UTF-8 is skipped with a notice', T, async () => {
    const bytes = Buffer.concat([Buffer.from(VULN_JS), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0x0a])]);
    assert.match(decodeBytes(bytes).skip, /UTF-8/);
    const result = await engine.scanFile(write('latin1.js', bytes));
    assert.equal(result.notices[0]?.kind, 'skipped');
    assert.match(result.notices[0].message, /not valid UTF-8/);
  });

  test('UTF-16 (LE and BE, with BOM) and UTF-8 with BOM are decoded and scanned', T, async () => {
    assert.equal(decodeBytes(utf16le(VULN_JS)).text, VULN_JS);
    assert.equal(decodeBytes(utf16be(VULN_JS)).text, VULN_JS);
    for (const [name, bytes] of [
      ['le.js', utf16le(VULN_JS)],
      ['be.js', utf16be(VULN_JS)],
      ['bom8.js', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VULN_JS)])],
      ['le.py', utf16le(VULN_PY)],
    ]) {
      const result = await engine.scanFile(write(name, bytes));
      assert.deepEqual(result.notices, [], name);
      const found = ids(result, name.endsWith('.py') ? PY_RULE : RULE);
      assert.equal(found.length, 1, name);
      assert.equal(found[0].range.start.line, name.endsWith('.py') ? 4 : 2, `${name}: line counted from the decoded text`);
    }
  });

  test('a 5 MB minified file is skipped for its size; a 1 MB one for being minified', T, async () => {
    const big = minifiedJs(5 * 1024 * 1024);
    assert.match(checkText(big), /MB/);
    const file = await engine.scanFile(write('big.min.js', big));
    assert.equal(file.notices[0]?.kind, 'skipped');
    assert.match(file.notices[0].message, /5\.0 MB, over the 2\.0 MB limit/);
    const text = await engine.scanText(big, JS);
    assert.equal(text.notices[0]?.kind, 'skipped');
    const mini = await engine.scanText(minifiedJs(1024 * 1024) + "\nrequire('child_process').exec('ls '+x);\n", JS);
    assert.equal(mini.notices[0]?.kind, 'partial');
    assert.match(mini.notices[0].message, /minified.*only the secret rules ran/);
    assert.deepEqual(mini.findings, [], 'no code analysis on a minified file');
    assert.equal(checkText(ordinaryJs(1024 * 1024)), undefined, 'a big ordinary file is not mistaken for minified');
  });

  test('secrets in a minified bundle are still found (only code analysis is skipped), through the engine and the CLI', T, async () => {
    const aws = expandFixture('AKIA{{random:A-Z2-7:16}}');
    const gh = expandFixture('{{crc32:ghp}}');
    const bundle = `${minifiedJs(150 * 1024)}var cfg={accessKeyId:"${aws}",token:"${gh}"};${minifiedJs(150 * 1024)}`;
    const result = await engine.scanFile(write('bundle.js', bundle));
    assert.deepEqual(result.findings.map((f) => f.ruleId).sort(), ['secret-aws-access-key-id', 'secret-github-pat-classic']);
    assert.ok(result.findings.every((f) => !f.message.includes(aws) && !f.message.includes(gh)), 'masked');
    assert.equal(result.notices[0]?.kind, 'partial');
    const out = await cli(['scan', path.join(tmp, 'bundle.js'), '--no-config', '--format', 'json'], tmp);
    assert.equal(out.status, 1, out.stderr);
    assert.deepEqual(JSON.parse(out.stdout).findings.map((f) => f.ruleId).sort(), ['secret-aws-access-key-id', 'secret-github-pat-classic']);
  });

  test('the minified check agrees with a line-by-line reference at the boundaries and on random texts', T, () => {
    const limits = { maxBytes: 1 << 20, minifiedLineLength: 50, minifiedAverage: 20 };
    const reference = (text) => {
      const lines = text.split('\n');
      const longest = Math.max(...lines.map((l) => l.length));
      return longest > limits.minifiedLineLength && text.length / lines.length > limits.minifiedAverage;
    };
    const line = (n, c = 'x') => c.repeat(n);
    const fixed = [
      line(50), line(51), `${line(51)}\n`, `\n${line(51)}`, `a\n${line(50)}\nb`, `${line(51)}\r\n${line(10)}`,
      `${line(30)}\r${line(30)}`, line(51, '\u2603'), `${line(25)}\n${line(51)}\n${line(25)}`, '', '\n\n\n',
    ];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let k = 0; k < 400; k++) {
      let text = '';
      const parts = Math.floor(random() * 6);
      for (let p = 0; p < parts; p++) text += line(Math.floor(random() * 70), random() < 0.2 ? '\u00e9' : 'y') + (random() < 0.8 ? '\n' : '\r');
      fixed.push(text);
    }
    for (const text of fixed) {
      assert.equal(checkText(text, limits) !== undefined, reference(text), JSON.stringify(text.slice(0, 80)));
    }
  });

  test('10,000-deep nesting in JavaScript does not crash and later code is still checked', T, async () => {
    const n = 10000;
    const cases = {
      parens: `const x = ${deep('(', '1', ')', n)};\n`,
      arrays: `const y = ${deep('[', '1', ']', n)};\n`,
      objects: `const z = ${deep('{a:', '1', '}', n)};\n`,
      calls: `f${deep('(g', '', ')', n)};\n`,
      // Deep constant concatenation as the command: the "is it constant" check must not recurse off the stack.
      constantArg: `cp.exec(${deep("('a' + ", "'b'", ')', n)});\n`,
      variableArg: `cp.exec(${deep("('a' + ", 'dir', ')', n)});\n`,
    };
    for (const [name, body] of Object.entries(cases)) {
      const text = `const cp = require('child_process');\n${body}cp.exec('rm ' + dir);\n`;
      const result = await engine.scanText(text, JS);
      const lines = ids(result, RULE).map((f) => f.range.start.line);
      if (result.notices.length > 0) {
        assert.match(result.notices[0].message, /.{10}/, `${name}: a notice that says something`);
        continue;
      }
      const last = text.split('\n').length - 2;
      assert.ok(lines.includes(last), `${name}: the finding after the deep expression is reported`);
      if (name === 'variableArg') assert.ok(lines.includes(1), 'a deep non-constant is reported');
    }
    // All of it on one line is skipped as minified, with a notice.
    const oneLine = await engine.scanText(`const x = ${'('.repeat(n)}1${')'.repeat(n)};\n`, JS);
    assert.match(oneLine.notices[0]?.message ?? '', /minified/);
  });

  test('a long constant concatenation is still a constant (no false alarm past a fixed depth)', T, async () => {
    for (const parts of [2, 10, 30, 60]) {
      const words = Array.from({ length: parts }, (_, i) => `'w${i} '`).join(' + ');
      const js = await engine.scanText(`const cp = require('child_process');\nconst A = 'x';\ncp.exec(${words} + A);\ncp.exec(${words} + d);\n`, JS);
      assert.deepEqual(ids(js, RULE).map((f) => f.range.start.line), [3], `${parts} parts`);
      const py = await engine.scanText(`import os\nos.system(${words.replace(/'/g, '"')})\nos.system(${words.replace(/'/g, '"')} + d)\n`, PY);
      assert.deepEqual(ids(py, PY_RULE).map((f) => f.range.start.line), [2], `${parts} parts (Python)`);
    }
  });

  test('10,000-deep nesting in Python does not crash', T, async () => {
    const n = 10000;
    for (const [name, body] of Object.entries({
      parens: `x = ${deep('(', '1', ')', n)}\n`,
      lists: `y = ${deep('[', '1', ']', n)}\n`,
      dicts: `z = ${deep('{"a": ', '1', '}', n)}\n`,
      constantArg: `os.system(${deep('("a" + ', '"b"', ')', n)})\n`,
    })) {
      const text = `import os\n${body}os.system("rm " + name)\n`;
      const result = await engine.scanText(text, PY);
      if (result.notices.length > 0) continue;
      const lines = ids(result, PY_RULE).map((f) => f.range.start.line);
      const last = text.split('\n').length - 2;
      assert.ok(lines.includes(last), `${name}: the finding after the deep expression is reported`);
    }
  });

  test('deep nesting after the findings hides none of them (taint, pattern and secret), with a partial notice', T, async () => {
    const { engine: full } = loadEngine([path.join(dist, 'rules')]);
    const key = expandFixture('AKIA{{random:A-Z2-7:16}}');
    const head = `const cp = require('child_process');\napp.post('/x', (req, res) => {\n  eval(req.body.code);\n  cp.exec("ls " + req.query.dir);\n});\nconst k = "${key}";\n`;
    const bodies = {
      '900 nested ifs': `function f(a) {\n${'if (a) {\n'.repeat(900)}a++;\n${'}\n'.repeat(900)}}\n`,
      '700 nested calls': `g(\n`.repeat(700) + '1' + ')\n'.repeat(700) + ';\n',
      '3,000 nested brackets': `var s = ${'[\n'.repeat(3000)}${']\n'.repeat(3000)};\n`,
    };
    for (const [name, body] of Object.entries(bodies)) {
      const result = await full.scanText(head + body, JS);
      const got = result.findings.map((f) => `${f.range.start.line}:${f.ruleId}`).sort();
      assert.deepEqual(got, ['2:js-code-injection', '3:js-command-injection', '5:secret-aws-access-key-id'], name);
      assert.deepEqual(result.notices.map((n) => n.kind), ['partial'], `${name}: ${JSON.stringify(result.notices)}`);
      assert.match(result.notices[0].message, /nested deeper than \d+ levels \(from line \d+\)/);
    }
    const py = `import os\nfrom flask import request\n@app.route('/')\ndef v():\n    eval(request.args['c'])\n    os.system('ls ' + request.args['d'])\nk = '${key}'\nx = ${'(\n'.repeat(3000)}1${')\n'.repeat(3000)}\n`;
    const result = await full.scanText(py, PY);
    assert.deepEqual(result.findings.map((f) => `${f.range.start.line}:${f.ruleId}`).sort(), ['4:py-code-injection', '5:py-command-injection', '6:secret-aws-access-key-id']);
  });

  test('a source nested 668 calls deep inside a sink is still found, in-process (no stack overflow, no fatal regex compile)', T, async () => {
    const { engine: full } = loadEngine([path.join(dist, 'rules')]);
    for (const n of [400, 668, 2000]) {
      // One line up to 668 (as reported), one level per line past it (a longer line reads as minified).
      const [open, close] = n > 668 ? ['f(\n', ')\n'] : ['f(', ')'];
      const text = `const cp = require('child_process');\napp.get('/', (req, res) => { cp.exec(${open.repeat(n)}req.query.x${close.repeat(n)}); });\n`;
      const result = await full.scanText(text, JS);
      assert.deepEqual(result.findings.map((f) => f.ruleId), ['js-command-injection'], `${n} deep`);
      assert.equal(result.notices[0]?.kind, 'partial');
    }
  });

  test('old Mac line ends (a lone CR): findings, fixes and fingerprints are on the editor\'s lines', T, async () => {
    const { engine: full } = loadEngine([path.join(dist, 'rules')]);
    const text = "const cp = require('child_process');\r\rfunction list(dir) {\r  cp.exec('ls ' + dir);\r}\r";
    const result = await full.scanText(text, JS);
    const f = result.findings.find((x) => x.ruleId === 'js-child-process-exec');
    assert.ok(f, JSON.stringify(result.findings));
    // Lines as an editor counts them (LSP: "\r" ends a line): the call is on the fourth.
    assert.deepEqual(f.range.start, { line: 3, character: 10 });
    assert.equal(text.split(/\r\n|\r|\n/)[f.range.start.line].slice(f.range.start.character, f.range.end.character), "'ls ' + dir");
    const fixed = ward.applyEdits(text, f.fixes[0].edits);
    assert.match(fixed, /cp\.execFile\('ls', \[dir\]\);\r\}/);
    // The baseline fingerprint reads the same code as in the same file with "\n" line ends.
    const unix = text.replace(/\r/g, '\n');
    const g = (await full.scanText(unix, JS)).findings.find((x) => x.ruleId === 'js-child-process-exec');
    assert.deepEqual(ward.fingerprintFindings('a.js', [f], text), ward.fingerprintFindings('a.js', [g], unix));
  });

  test('a FIFO or a device where a source file was is skipped with a notice, not read forever', { ...T, skip: process.platform === 'win32' }, async () => {
    const fifo = path.join(tmp, 'pipe.js');
    require('node:child_process').execFileSync('mkfifo', [fifo]);
    for (const file of [fifo, '/dev/zero']) {
      const result = await engine.scanFile(file);
      assert.deepEqual(result.findings, []);
      assert.match(result.notices[0]?.message ?? '', /not a regular file/, file);
    }
    assert.equal((await engine.exportedSummaries(fifo)).size, 0);
  });

  test('an empty file has no findings and no notices', T, async () => {
    for (const lang of [JS, PY]) assert.deepEqual(await engine.scanText('', lang), { findings: [], notices: [] });
    assert.deepEqual(await engine.scanFile(write('empty.py', '')), { findings: [], notices: [] });
    assert.deepEqual(await engine.scanFile(write('blank.js', '\n\n   \n')), { findings: [], notices: [] });
  });

  test('a tiny time budget on a big file gives a skipped or partial notice, not a hang', T, async () => {
    const text = ordinaryJs(1.5 * 1024 * 1024) + VULN_JS;
    const started = Date.now();
    const result = await engine.scanText(text, JS, { budgetMs: 1 });
    assert.ok(Date.now() - started < 10000);
    assert.equal(result.notices.length, 1, JSON.stringify(result.notices));
    assert.match(result.notices[0].kind, /^(skipped|partial)$/);
    assert.match(result.notices[0].message, /budget|longer than/);

    // Parsed with time to spare, then analysed with 1 ms: a partial result, said so.
    const tree = await engine.parse(JS, text, 60000);
    try {
      const partial = await engine.analyzeTree(tree, text, JS, { budgetMs: 1 });
      assert.equal(partial.notices[0]?.kind, 'partial');
      assert.match(partial.notices[0].message, /findings may be incomplete/);
    } finally {
      tree.delete();
    }
    // And the parser still works afterwards.
    assert.equal(ids(await engine.scanText(VULN_JS, JS), RULE).length, 1);
  });

  test('broken rule files are reported with file and line; the others still load and run', T, () => {
    const yamlError = loadRuleText('id: py-x\ntitle: ok\nmessage: [unclosed\nseverity: error\n', '/r/py-x.yaml');
    assert.equal(yamlError.rule, undefined);
    assert.equal(yamlError.errors.length >= 1, true);
    assert.equal(yamlError.errors[0].file, '/r/py-x.yaml');
    assert.ok(yamlError.errors[0].line >= 3, `line ${yamlError.errors[0].line}`);
    assert.match(yamlError.errors[0].message, /^YAML: /);

    const good = fs.readFileSync(path.join(fixtureRules, 'python', `${PY_RULE}.yaml`), 'utf8');
    const schemaError = loadRuleText(good.replace('severity: error', 'severity: critical'), `/r/${PY_RULE}.yaml`);
    assert.equal(schemaError.rule, undefined);
    const sevLine = good.split('\n').findIndex((l) => l.startsWith('severity:')) + 1;
    assert.deepEqual(schemaError.errors.map((e) => e.line), [sevLine], JSON.stringify(schemaError.errors));
    assert.match(schemaError.errors[0].message, /severity/);
    assert.match(schemaError.errors[0].message, /error, warning, info/);

    const unknownKey = loadRuleText(good.replace('mode: pattern', 'mode: pattern\nmatchh: 1'), `/r/${PY_RULE}.yaml`);
    assert.equal(unknownKey.rule, undefined);
    assert.match(unknownKey.errors[0].message, /matchh/);

    const dir = path.join(tmp, 'rules');
    fs.cpSync(fixtureRules, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'python', 'py-yaml-broken.yaml'), 'id: py-yaml-broken\ntitle: "unterminated\n');
    fs.writeFileSync(path.join(dir, 'python', 'py-schema-broken.yaml'), good.replace(PY_RULE, 'py-schema-broken').replace('confidence: high', 'confidence: sure'));
    fs.writeFileSync(path.join(dir, 'python', 'py-wrong-name.yaml'), good);
    const loaded = loadRuleDirs([dir]);
    assert.deepEqual(loaded.rules.map((r) => r.id), [PY_RULE]);
    const byFile = Object.fromEntries(loaded.errors.map((e) => [path.basename(e.file), e]));
    assert.deepEqual(Object.keys(byFile).sort(), ['py-schema-broken.yaml', 'py-wrong-name.yaml', 'py-yaml-broken.yaml']);
    for (const e of loaded.errors) assert.ok(Number.isInteger(e.line) && e.line >= 1, JSON.stringify(e));
    assert.match(byFile['py-schema-broken.yaml'].message, /confidence/);
    assert.match(byFile['py-wrong-name.yaml'].message, /file name/);
    return new Engine(loaded.rules).scanText(VULN_PY, PY).then((r) => assert.equal(ids(r, PY_RULE).length, 1));
  });

  test('broken settings fall back to defaults and say what was wrong', T, () => {
    const { settings, problems } = normalizeSettings({
      enable: 'yes',
      run: 'sometimes',
      minimumSeverity: 42,
      disabledRules: 'js-eval',
      severityOverrides: { 'js-a': 'loud', 'js-b': 'warning' },
      exclude: [1, 2],
      extraRuleFolders: null,
      maxFileSizeMB: -1,
      fileTimeBudgetMs: Infinity,
      debounceMs: '10',
    });
    assert.deepEqual({ ...settings, severityOverrides: {} }, { ...DEFAULT_SETTINGS, severityOverrides: {} });
    assert.deepEqual(settings.severityOverrides, { 'js-b': 'warning' }, 'good entries are kept, bad ones dropped');
    for (const key of ['enable', 'run', 'minimumSeverity', 'disabledRules', 'severityOverrides.js-a', 'exclude', 'maxFileSizeMB', 'fileTimeBudgetMs', 'debounceMs']) {
      assert.ok(problems.some((p) => p.startsWith(`ward.${key}:`)), `a problem names ward.${key}: ${problems.join(' | ')}`);
    }
    for (const raw of ['nonsense', 42, [1, 2], true]) {
      const r = normalizeSettings(raw);
      assert.deepEqual(r.settings, { ...DEFAULT_SETTINGS });
      assert.equal(r.problems.length, 1);
    }
    assert.deepEqual(normalizeSettings(undefined), { settings: { ...DEFAULT_SETTINGS }, problems: [] });
    // Changing the result does not change the defaults.
    const a = normalizeSettings({}).settings;
    a.exclude.push('x');
    a.disabledRules.push('y');
    assert.deepEqual(normalizeSettings({}).settings, { ...DEFAULT_SETTINGS });
  });
});

function cli(args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(dist, 'cli.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ward ${args.join(' ')} timed out`));
    }, 40000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('CLI', () => {
  test('a deeply nested file fails the build with its findings in-process (pre-commit) and on workers (CI) alike', { timeout: 90000 }, async () => {
    const key = expandFixture('AKIA{{random:A-Z2-7:16}}');
    const text = `const cp = require('child_process');\napp.post('/x', (req, res) => {\n  eval(req.body.code);\n  cp.exec("ls " + req.query.dir);\n});\nconst k = "${key}";\nfunction f(a) {\n${'if (a) {\n'.repeat(900)}a++;\n${'}\n'.repeat(900)}}\n`;
    const small = path.join(tmp, 'deep-small');
    const big = path.join(tmp, 'deep-big');
    for (const dir of [small, big]) fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(small, 'deep.js'), text);
    fs.writeFileSync(path.join(big, 'deep.js'), text);
    // Past the in-process threshold: the scan runs on worker threads.
    for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(big, `f${i}.js`), `module.exports = ${i};\n`);
    const answers = [];
    for (const dir of [small, big]) {
      const r = await cli(['scan', dir, '--no-config', '--format', 'json', '--jobs', '2'], dir);
      assert.equal(r.status, 1, r.stderr);
      const report = JSON.parse(r.stdout);
      answers.push(JSON.stringify({ findings: report.findings.map((f) => `${f.start.line}:${f.ruleId}`).sort(), notices: report.notices.map((n) => n.kind) }));
    }
    assert.equal(answers[0], answers[1]);
    assert.equal(answers[0], JSON.stringify({ findings: ['3:js-code-injection', '4:js-command-injection', '6:secret-aws-access-key-id'], notices: ['partial'] }));
  });

  test('a folder of bad files: each gets a note, good findings still count, no crash', { timeout: 45000 }, async () => {
    const dir = path.join(tmp, 'cli');
    const put = (name, data) => {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), data);
    };
    put('binary.js', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]));
    put('latin1.py', Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a]));
    put('utf16.js', utf16le(VULN_JS));
    put('huge.js', minifiedJs(5 * 1024 * 1024));
    put('deep.js', `const x = ${deep('(', '1', ')', 10000)};\n`);
    put('deep.py', `x = ${deep('[', '1', ']', 10000)}\n`);
    put('empty.js', '');
    const r = await cli(['scan', '--format', 'json', '--fail-on', 'warning'], dir);
    assert.doesNotMatch(r.stderr, /internal error/);
    assert.equal(r.status, 1, 'the UTF-16 file has a finding');
    const report = JSON.parse(r.stdout);
    assert.equal(report.filesScanned, 7);
    const notes = Object.fromEntries(report.notices.map((n) => [n.path, n]));
    assert.match(notes['binary.js']?.message ?? '', /binary/);
    assert.match(notes['latin1.py']?.message ?? '', /UTF-8/);
    assert.match(notes['huge.js']?.message ?? '', /MB/);
    assert.equal(notes['utf16.js'], undefined);
    assert.equal(notes['empty.js'], undefined);
    assert.deepEqual(report.findings.filter((f) => f.ruleId === RULE).map((f) => [f.path, f.start.line]), [['utf16.js', 3]]);

    const text = await cli(['scan', 'binary.js', 'huge.js'], dir);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /^binary\.js:1:1: note ward skipped: binary/m);
    assert.match(text.stdout, /^huge\.js:1:1: note ward skipped: file is 5\.0 MB/m);
  });

  test('a broken rule in --rules is reported on stderr and the scan still runs', T, async () => {
    const rules = path.join(tmp, 'cli-rules');
    fs.cpSync(fixtureRules, rules, { recursive: true });
    fs.writeFileSync(path.join(rules, 'python', 'py-bad.yaml'), 'id: py-bad\nseverity: [\n');
    const dir = path.join(tmp, 'cli-py');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.py'), VULN_PY);
    const r = await cli(['scan', '--rules', rules, '--no-default-rules'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`rule error: ${rules.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/python/py-bad\\.yaml:\\d+: YAML`));
    assert.match(r.stdout, /a\.py:5:15: error py-test-os-system/);
  });
});

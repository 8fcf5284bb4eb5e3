// Hostile files: deep nesting of every construct the grammars allow, long concatenations,
// long lines, odd encodings, random bytes and random mutations of the rule fixtures. Each
// must scan without a crash or a hang; findings planted around the hostile part are
// reported; a file gives the same answer in-process (the main thread's ~1 MB stack) as on
// the scan workers (4 MB stacks).
//
// Seeded: WARD_FUZZ_SEED=<n> replays a run (the seed is printed on failure); WARD_FUZZ_SCALE
// multiplies the work (`npm test` runs scale 1, `npm run fuzz` a larger one).
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dist = path.resolve(process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist'));
const ward = require(path.join(dist, 'engine.js'));
const { loadEngine, languageForPath, expandFixture, ScanPool } = ward;

const SEED = Number(process.env.WARD_FUZZ_SEED || 20261206);
const SCALE = Math.max(1, Number(process.env.WARD_FUZZ_SCALE || 1));
// Generous: the point is the same answer everywhere and no hang, not the budget (a loaded
// machine can take seconds over one of these files; a budget cut would make answers differ).
const BUDGET_MS = 30000;
const T = { timeout: 600000 };

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const pick = (list) => list[Math.floor(random() * list.length)];
const seedNote = `(seed ${SEED}, scale ${SCALE}; replay with WARD_FUZZ_SEED=${SEED} WARD_FUZZ_SCALE=${SCALE})`;

/** Generated at test time: no real-looking key is committed. */
const AWS_KEY = expandFixture('AKIA{{random:A-Z2-7:16}}');

// Planted around every hostile construct: a taint flow, a pattern finding and a secret
// before it, and the same after it. Lines are 1-based; `at` is the planted line's offset.
const JS_HEAD = [
  "const cp = require('child_process');",
  "const tls = require('tls');",
  "app.get('/a', (req, res) => { cp.exec('ls ' + req.query.dir); });",
  'tls.connect({ host: "h", rejectUnauthorized: false });',
  `const KEY_A = "${AWS_KEY}";`,
];
const JS_TAIL = [
  "app.get('/b', (req, res) => { cp.exec('ls ' + req.query.other); });",
  'tls.connect({ host: "h", rejectUnauthorized: false });',
  `const KEY_B = "${AWS_KEY}";`,
];
const JS_EXPECT = { head: [[3, 'js-command-injection'], [4, 'js-tls-reject-unauthorized-false'], [5, 'secret-aws-access-key-id']], tail: [[1, 'js-command-injection'], [2, 'js-tls-reject-unauthorized-false'], [3, 'secret-aws-access-key-id']] };

const PY_HEAD = [
  'import os',
  'import yaml',
  'from flask import Flask, request',
  'app = Flask(__name__)',
  "@app.route('/a')",
  'def a():',
  "    os.system('ls ' + request.args['dir'])",
  'cfg = yaml.load(open("c").read())',
  `KEY_A = "${AWS_KEY}"`,
];
const PY_TAIL = [
  "@app.route('/b')",
  'def b():',
  "    os.system('ls ' + request.args['other'])",
  'cfg2 = yaml.load(open("d").read())',
  `KEY_B = "${AWS_KEY}"`,
];
const PY_EXPECT = { head: [[7, 'py-command-injection'], [8, 'py-yaml-load'], [9, 'secret-aws-access-key-id']], tail: [[3, 'py-command-injection'], [4, 'py-yaml-load'], [5, 'secret-aws-access-key-id']] };

const rep = (s, n) => s.repeat(n);
/** `n` levels of a construct, one level per line (one huge line would be skipped as minified). */
const JS_CONSTRUCTS = {
  'if blocks': (n) => `function f(a) {\n${rep('if (a) {\n', n)}a++;\n${rep('}\n', n)}}`,
  'else-if chain': (n) => `function f(a) {\nif (a === 0) {}\n${Array.from({ length: n }, (_, i) => `else if (a === ${i + 1}) { a++; }`).join('\n')}\n}`,
  blocks: (n) => `${rep('{\n', n)}x = 1;\n${rep('}\n', n)}`,
  calls: (n) => `const v = ${rep('g(\n', n)}req.query.x${rep(')\n', n)};`,
  'calls in a sink': (n) => `cp.exec(${rep('g(\n', n)}x${rep(')\n', n)});`,
  arrays: (n) => `const v = ${rep('[\n', n)}1${rep(']\n', n)};`,
  objects: (n) => `const v = ${rep('{ a:\n', n)}1${rep('}\n', n)};`,
  parens: (n) => `const v = ${rep('(\n', n)}1${rep(')\n', n)};`,
  'member chain': (n) => `const v = a${rep('\n.b', n)};`,
  'method chain': (n) => `const v = a${rep('\n.b()', n)};`,
  'subscript chain': (n) => `const v = a${rep("\n['k']", n)};`,
  ternaries: (n) => `const v = ${rep('a ? b :\n', n)}c;`,
  'nested ternaries': (n) => `const v = ${rep('(a ? (\n', n)}c${rep(') : d)\n', n)};`,
  arrows: (n) => `const v = ${rep('() =>\n', n)}1;`,
  functions: (n) => `${rep('function f() {\n', n)}return 1;\n${rep('}\n', n)}`,
  templates: (n) => `const v = ${rep('`a${\n', n)}x${rep('}`\n', n)};`,
  'concatenation (+)': (n) => `const sql = "SELECT 1"${rep(' +\n"x"', n)};`,
  'concatenation into a sink': (n) => `db.query("SELECT 1"${rep(' +\n"x"', n)} + req.query.id);`,
  'or chain': (n) => `const v = a${rep(' ||\nb', n)};`,
  'and chain in a guard': (n) => `if (a${rep(' &&\nb', n)}) { cp.exec(x); }`,
  'unary operators': (n) => `const v = ${rep('!\n', n)}a;`,
  'typeof chain': (n) => `const v = ${rep('typeof\n', n)}a;`,
  awaits: (n) => `async function f() { return ${rep('await\n', n)}a; }`,
  'new expressions': (n) => `const v = ${rep('new X(\n', n)}1${rep(')\n', n)};`,
  'assignment chain': (n) => `${rep('a =\n', n)}1;`,
  'comma sequence': (n) => `const v = (${rep('a,\n', n)}b);`,
  'array patterns': (n) => `const ${rep('[\n', n)}a${rep(']\n', n)} = v;`,
  'object patterns': (n) => `const ${rep('{ a:\n', n)}b${rep('}\n', n)} = v;`,
  loops: (n) => `${rep('for (;;) {\n', n)}x++;\n${rep('}\n', n)}`,
  'try blocks': (n) => `${rep('try {\n', n)}x++;\n${rep('} catch (e) {}\n', n)}`,
  'switch statements': (n) => `${rep('switch (a) { case 1:\n', n)}x++;\n${rep('}\n', n)}`,
  classes: (n) => `const C = ${rep('class {\nm() { return\n', n)}1${rep('}\n}\n', n)};`,
  'jsx elements': (n) => `const e = ${rep('<div>\n', n)}x${rep('</div>\n', n)};`,
  'callbacks on input': (n) => `app.get('/c', (req, res) => { const v = req.query.x${rep('\n.map((a) => a', n)}${rep(')\n', n)}; });`,
  'spread elements': (n) => `const v = ${rep('[...\n', n)}a${rep(']\n', n)};`,
};
const PY_CONSTRUCTS = {
  'if blocks': (n) => `def f(a):\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}if a:`).join('\n')}\n${' '.repeat(n + 1)}a += 1`,
  'elif chain': (n) => `def f(a):\n    if a == 0:\n        pass\n${Array.from({ length: n }, (_, i) => `    elif a == ${i + 1}:\n        a += 1`).join('\n')}`,
  parens: (n) => `v = ${rep('(\n', n)}1${rep(')\n', n)}`,
  lists: (n) => `v = ${rep('[\n', n)}1${rep(']\n', n)}`,
  dicts: (n) => `v = ${rep('{"a":\n', n)}1${rep('}\n', n)}`,
  tuples: (n) => `v = ${rep('(1,\n', n)}1${rep(')\n', n)}`,
  calls: (n) => `v = ${rep('g(\n', n)}request.args['x']${rep(')\n', n)}`,
  'calls in a sink': (n) => `os.system(${rep('g(\n', n)}x${rep(')\n', n)})`,
  'attribute chain': (n) => `v = (a${rep('\n.b', n)})`,
  'method chain': (n) => `v = (a${rep('\n.b()', n)})`,
  'subscript chain': (n) => `v = (a${rep("\n['k']", n)})`,
  'not chain': (n) => `v = (${rep('not\n', n)}a)`,
  'and chain in a guard': (n) => `if (a${rep(' and\nb', n)}):\n    os.system(x)`,
  'or chain': (n) => `v = (a${rep(' or\nb', n)})`,
  'concatenation (+)': (n) => `sql = ("SELECT 1"${rep(' +\n"x"', n)})`,
  'implicit concatenation': (n) => `sql = ("SELECT 1"${rep('\n"x"', n)})`,
  'conditional expressions': (n) => `v = (${rep('a if b else (\n', n)}c${rep(')\n', n)})`,
  lambdas: (n) => `v = (${rep('lambda:\n', n)}1)`,
  comprehensions: (n) => `v = ${rep('[x for x in\n', n)}y${rep(']\n', n)}`,
  functions: (n) => `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}def f${i}():`).join('\n')}\n${' '.repeat(n)}return 1`,
  'with blocks': (n) => `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}with a as b${i}:`).join('\n')}\n${' '.repeat(n)}pass`,
  'unpacking targets': (n) => `${rep('(\n', n)}a, b${rep(')\n', n)} = v`,
  'awaits': (n) => `async def f():\n    return (${rep('await\n', n)}a)`,
};

let engine;
let tmp;
before(() => {
  ({ engine } = loadEngine([path.join(dist, 'rules')]));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-fuzz-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function hostileFile(lang, construct, depth) {
  const [head, tail, expect] = lang === 'js' ? [JS_HEAD, JS_TAIL, JS_EXPECT] : [PY_HEAD, PY_TAIL, PY_EXPECT];
  const body = construct(depth);
  const tailStart = head.length + body.split('\n').length;
  const text = [...head, body, ...tail].join('\n') + '\n';
  const planted = [...expect.head.map(([line, id]) => `${line}:${id}`), ...expect.tail.map(([line, id]) => `${tailStart + line}:${id}`)];
  return { text, planted };
}

const found = (result) => result.findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`);
const summary = (result) => JSON.stringify({ findings: found(result).sort(), notices: result.notices.map((n) => `${n.kind}:${n.message}`).sort() });

// Python's indentation grows with the depth (n levels: n²/2 spaces), so past ~1,900 levels a
// file is over the 2 MB size limit and skipped by design: the larger runs stop below that.
const DEPTHS = { js: SCALE >= 5 ? [300, 1000, 3000, 8000] : [1200], py: SCALE >= 5 ? [300, 1000, 1900] : [1200] };

describe(`hostile files ${seedNote}`, () => {
  const cases = [];
  for (const [lang, constructs] of [['js', JS_CONSTRUCTS], ['py', PY_CONSTRUCTS]]) {
    for (const [name, construct] of Object.entries(constructs)) for (const depth of DEPTHS[lang]) cases.push({ lang, name, construct, depth });
  }

  test('deep nesting of every construct: no crash, no hang, planted findings reported, same answer on the workers', T, async () => {
    const failures = [];
    const inProcess = new Map();
    const files = [];
    for (const c of cases) {
      const { text, planted } = hostileFile(c.lang, c.construct, c.depth);
      const file = path.join(tmp, `${c.lang}-${c.name.replace(/\W+/g, '-')}-${c.depth}.${c.lang}`);
      fs.writeFileSync(file, text);
      files.push({ path: file, relativePath: path.basename(file) });
      const started = Date.now();
      let result;
      try {
        result = await engine.scanText(text, languageForPath(file), { budgetMs: BUDGET_MS });
      } catch (err) {
        failures.push(`${c.lang} ${c.name} ×${c.depth}: threw ${err.message}`);
        continue;
      }
      const ms = Date.now() - started;
      // Not a timing test: a hang would be minutes; past the budget is far beyond any scan.
      if (ms > BUDGET_MS + 5000) failures.push(`${c.lang} ${c.name} ×${c.depth}: ${ms} ms`);
      const got = new Set(found(result));
      const missing = planted.filter((p) => !got.has(p));
      if (missing.length > 0) failures.push(`${c.lang} ${c.name} ×${c.depth}: missing ${missing.join(', ')}; notices ${JSON.stringify(result.notices)}`);
      if (result.notices.some((n) => n.kind === 'skipped')) failures.push(`${c.lang} ${c.name} ×${c.depth}: skipped ${JSON.stringify(result.notices)}`);
      inProcess.set(path.basename(file), summary(result));
    }
    // The same files on scan workers, whose stacks are four times the main thread's.
    const pool = new ScanPool({ jobs: 2, ruleDirs: [path.join(dist, 'rules')], budgetMs: BUDGET_MS });
    const onWorkers = new Map();
    await pool.scan(files, (file, result) => onWorkers.set(file.relativePath, summary(result)));
    await pool.close();
    for (const [name, answer] of inProcess) {
      if (onWorkers.get(name) !== answer) failures.push(`${name}: in-process ${answer} ≠ on a worker ${onWorkers.get(name)}`);
    }
    assert.deepEqual(failures, [], `${failures.length} of ${cases.length} hostile files ${seedNote}`);
  });

  test('long lines, long concatenations and long files', T, async () => {
    const failures = [];
    const texts = {
      'a 4,900-character line': `${JS_HEAD.join('\n')}\nconst s = "${'x'.repeat(4900)}";\n${JS_TAIL.join('\n')}\n`,
      'a 2,300-part concatenation': `${JS_HEAD.join('\n')}\nconst s = ${Array.from({ length: 2300 }, () => '"a"').join(' +\n')};\n${JS_TAIL.join('\n')}\n`,
      '40,000 statements': `${JS_HEAD.join('\n')}\n${Array.from({ length: 40000 }, (_, i) => `x${i % 7} = x${(i + 3) % 7} + ${i};`).join('\n')}\n${JS_TAIL.join('\n')}\n`,
    };
    for (const [name, text] of Object.entries(texts)) {
      const result = await engine.scanText(text, languageForPath('a.js'), { budgetMs: BUDGET_MS });
      const tailStart = text.split('\n').length - JS_TAIL.length - 1;
      const got = new Set(found(result));
      const want = [...JS_EXPECT.head.map(([l, id]) => `${l}:${id}`), ...JS_EXPECT.tail.map(([l, id]) => `${tailStart + l}:${id}`)];
      const missing = want.filter((p) => !got.has(p));
      // A file that ran out of time may lose data-flow findings, with a notice; never the others.
      const excused = result.notices.some((n) => n.kind === 'partial') ? missing.filter((m) => !m.endsWith('injection')) : missing;
      if (excused.length > 0) failures.push(`${name}: missing ${excused.join(', ')}; notices ${JSON.stringify(result.notices)}`);
    }
    assert.deepEqual(failures, [], seedNote);
  });

  test('odd encodings and random bytes: a notice or findings, never a crash', T, async () => {
    const line = `const KEY = "${AWS_KEY}";\n`;
    const variants = {
      'utf-8 with BOM': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line)]),
      'utf-16le with BOM': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line, 'utf16le')]),
      'utf-16be with BOM': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(line, 'utf16le').swap16()]),
      'CRLF line ends': Buffer.from(`${JS_HEAD.join('\r\n')}\r\n`),
      'CR line ends': Buffer.from(`${JS_HEAD.join('\r')}\r`),
      'U+2028 inside code': Buffer.from(`const a = 1;\u2028${line}`),
      'lone surrogate escapes': Buffer.from(`const s = "\\uD800\\uDFFF\\uDC00";\n${line}`),
      'form feeds and vertical tabs': Buffer.from(`\f\v${line}`),
    };
    const failures = [];
    for (const [name, bytes] of Object.entries(variants)) {
      const file = path.join(tmp, `enc-${name.replace(/\W+/g, '-')}.js`);
      fs.writeFileSync(file, bytes);
      const result = await engine.scanFile(file, { budgetMs: BUDGET_MS });
      if (!result.findings.some((f) => f.ruleId === 'secret-aws-access-key-id') && !/CR line ends/.test(name)) failures.push(`${name}: no secret finding; ${JSON.stringify(result.notices)}`);
    }
    for (let i = 0; i < 20 * SCALE; i++) {
      const size = 1 + Math.floor(random() * 20000);
      const bytes = Buffer.alloc(size);
      for (let j = 0; j < size; j++) bytes[j] = Math.floor(random() * 256);
      // Mostly-text garbage too, which decodes and parses into a forest of ERROR nodes.
      if (i % 2 === 1) for (let j = 0; j < size; j++) bytes[j] = 0x20 + (bytes[j] % 0x5f);
      const file = path.join(tmp, `random-${i}.${pick(['js', 'ts', 'tsx', 'py'])}`);
      fs.writeFileSync(file, bytes);
      try {
        const result = await engine.scanFile(file, { budgetMs: BUDGET_MS });
        assert.ok(Array.isArray(result.findings));
      } catch (err) {
        failures.push(`${path.basename(file)}: threw ${err.message}`);
      }
    }
    assert.deepEqual(failures, [], seedNote);
  });

  test('random mutations of the rule fixtures: no crash, secrets planted after them found', T, async () => {
    const fixtures = [];
    const walk = (dir) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.test\.(js|ts|tsx|py)$/.test(e.name)) fixtures.push(p);
      }
    };
    walk(path.join(__dirname, '..', '..', 'rules'));
    const tokens = ['(', ')', '{', '}', '[', ']', '`', '"', "'", '${', '#', '/*', '*/', '//', '\\', '\n', '    ', 'if ', 'def ', '=>', 'req.query.x', 'request.args', ':', ';', ',', '\u0000', '\uFFFF', '\uD800'];
    const failures = [];
    for (let i = 0; i < 40 * SCALE; i++) {
      const file = pick(fixtures);
      let text = expandFixture(fs.readFileSync(file, 'utf8'));
      const edits = 1 + Math.floor(random() * 8);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (text.length + 1));
        const op = random();
        if (op < 0.35) text = text.slice(0, at) + text.slice(at + Math.floor(random() * 200));
        else if (op < 0.7) text = text.slice(0, at) + pick(tokens).repeat(1 + Math.floor(random() * 50)) + text.slice(at);
        else if (op < 0.85) text = text.slice(0, at) + text.slice(Math.floor(random() * text.length)).slice(0, 500) + text.slice(at);
        else text = text.slice(0, at);
      }
      const ext = path.extname(file);
      // A secret on a line of its own in a comment, which no earlier damage can swallow into code.
      const comment = ext === '.py' ? '#' : '//';
      text += `\n${comment} key ${AWS_KEY}\n`;
      try {
        const result = await engine.scanText(text, languageForPath(`x${ext}`), { budgetMs: BUDGET_MS });
        const lastLine = text.split('\n').length - 2;
        const inString = result.findings.some((f) => f.ruleId === 'secret-aws-access-key-id' && f.range.start.line === lastLine);
        if (!inString && !result.notices.some((n) => n.kind === 'skipped')) failures.push(`${path.basename(file)} mutation ${i}: the planted secret was not found`);
      } catch (err) {
        failures.push(`${path.basename(file)} mutation ${i}: threw ${err.message}`);
      }
    }
    assert.deepEqual(failures, [], seedNote);
  });
});

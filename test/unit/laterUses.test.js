// Pattern-engine features the Java rules brought: followed-by / not-followed-by (what later
// happens to the value a call or new makes), in-function, below, and the fix edits
// add-import and insert-line-after, with the Java adapter's answers behind them.
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const dist = path.resolve(process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist'));
const W = require(path.join(dist, 'engine.js'));
const JAVA = W.languageForPath('A.java');

const rule = (id, body, languages = '[java]') => {
  const loaded = W.loadRuleText(
    `id: ${id}\ntitle: a test rule for pattern features\nmessage: 'matched here'\nadvice: do something else instead\nseverity: warning\nconfidence: high\nkind: unsafe-api\nlanguages: ${languages}\ncategory: config\ncwe: [CWE-1]\nowasp: [A05:2021]\ndocs: A rule used by the pattern feature tests only, nothing more.\nmode: pattern\n${body}\n`,
    `/r/${id}.yaml`,
  );
  assert.deepEqual(loaded.errors ?? [], [], `${id} loads`);
  assert.ok(loaded.rule, `${id} loads`);
  return loaded.rule;
};

let engine;
before(() => {
  engine = new W.Engine([
    rule(
      't-cookie',
      `match:
  new: javax.servlet.http.Cookie
  followed-by:
    - passed-to: ['**.addCookie']
  not-followed-by:
    - method: setSecure
    - escapes: true
      except: ['**.addCookie']
fix:
  title: secure it
  edits:
    - insert-line-after: call
      text: "{{variable}}.setSecure(true);"`,
    ),
    rule(
      't-factory',
      `match:
  call: javax.xml.parsers.DocumentBuilderFactory.newInstance
  not-followed-by:
    - method: setFeature
      args:
        1: { is: true }
    - escapes: true`,
    ),
    rule(
      't-random',
      `match:
  new: java.util.Random
  in-function: '^make'
fix:
  title: secure random
  edits:
    - replace: callee
      with: SecureRandom
    - add-import: java.security.SecureRandom`,
    ),
    rule(
      't-size',
      `match:
  call: java.security.KeyPairGenerator.getInstance
  followed-by:
    - method: initialize
      args:
        0: { below: 2048 }
  report: use-arg0`,
    ),
    rule(
      't-js',
      `match:
  call: makeThing
  not-followed-by:
    - method: secure`,
      '[javascript, python]',
    ),
  ]);
});

const scan = async (text, lang = JAVA) => (await engine.scanText(text, lang)).findings;
const lines = (findings, id) => findings.filter((f) => f.ruleId === id).map((f) => f.range.start.line + 1);
const fixed = (text, findings, id) => W.applyEdits(text, findings.filter((f) => f.ruleId === id).flatMap((f) => f.fixes[0]?.edits ?? []));

test('a cookie is reported only when it reaches addCookie without setSecure in its own scope', async () => {
  const text = [
    'import javax.servlet.http.*;',
    'class A {',
    '  void a(HttpServletResponse r) {',
    '    Cookie c = new Cookie("a", "b");',
    '    r.addCookie(c);',
    '  }',
    '  void b(HttpServletResponse r) {',
    '    Cookie c = new Cookie("a", "b");',
    '    c.setSecure(true);',
    '    r.addCookie(c);',
    '  }',
    '  void c(HttpServletResponse r) {',
    '    Cookie c = new Cookie("a", "b");', // setSecure on another variable of the same name elsewhere does not count
    '    r.addCookie(c);',
    '    if (true) { Cookie d = new Cookie("x", "y"); d.setSecure(true); }',
    '  }',
    '  Cookie d() { Cookie c = new Cookie("a", "b"); return c; }',
    '  void e(HttpServletResponse r) { Cookie c = new Cookie("a", "b"); helper(c); r.addCookie(c); }',
    '  void f(HttpServletResponse r) { r.addCookie(new Cookie("a", "b")); }',
    '  void helper(Cookie c) {}',
    '}',
  ].join('\n');
  assert.deepEqual(lines(await scan(text), 't-cookie'), [4, 13, 19]);
});

test('a field is followed through the whole class: set in the constructor counts', async () => {
  const text = [
    'import javax.xml.parsers.DocumentBuilderFactory;',
    'class A {',
    '  private final DocumentBuilderFactory safe = DocumentBuilderFactory.newInstance();',
    '  private final DocumentBuilderFactory unsafe = DocumentBuilderFactory.newInstance();',
    '  private DocumentBuilderFactory assigned;',
    '  A() throws Exception {',
    '    safe.setFeature("x", true);',
    '    this.assigned = DocumentBuilderFactory.newInstance();',
    '  }',
    '  void init() throws Exception { this.assigned.setFeature("x", true); }',
    '  void local() throws Exception {',
    '    DocumentBuilderFactory f;',
    '    f = DocumentBuilderFactory.newInstance();',
    '    f.setFeature("x", false);',
    '  }',
    '}',
  ].join('\n');
  assert.deepEqual(lines(await scan(text), 't-factory'), [4, 13]);
});

test('try-with-resources variables and chained calls are followed', async () => {
  const text = [
    'import javax.xml.parsers.DocumentBuilderFactory;',
    'class A {',
    '  Object a() throws Exception { return DocumentBuilderFactory.newInstance().newDocumentBuilder(); }',
    '  Object b() throws Exception { return DocumentBuilderFactory.newInstance(); }',
    '}',
  ].join('\n');
  assert.deepEqual(lines(await scan(text), 't-factory'), [3]);
});

test('followed-by captures the call that met it; below compares constant numbers', async () => {
  const text = [
    'import java.security.KeyPairGenerator;',
    'class A {',
    '  static final int BITS = 1024;',
    '  void a() throws Exception {',
    '    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");',
    '    g.initialize(BITS);',
    '  }',
    '  void b(int n) throws Exception {',
    '    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");',
    '    g.initialize(n);',
    '    g.initialize(4096);',
    '  }',
    '}',
  ].join('\n');
  const found = (await scan(text)).filter((f) => f.ruleId === 't-size');
  assert.deepEqual(found.map((f) => [f.range.start.line + 1, f.range.start.character]), [[6, 17]]);
});

test('in-function and add-import: the import goes in order among the others, once', async () => {
  const text = [
    'package demo;',
    '',
    'import java.io.File;',
    'import java.util.Random;',
    '',
    'class A {',
    '  int makeToken() { return new Random().nextInt() + new Random().nextInt(); }',
    '  int shuffle() { return new Random().nextInt(); }',
    '}',
  ].join('\n');
  const findings = await scan(text);
  assert.deepEqual(lines(findings, 't-random'), [7, 7]);
  const out = W.applyAllFixes(text, findings.filter((f) => f.ruleId === 't-random'));
  assert.equal(
    out,
    text
      .replace('import java.util.Random;', 'import java.security.SecureRandom;\nimport java.util.Random;')
      .replace('new Random().nextInt() + new Random().nextInt()', 'new SecureRandom().nextInt() + new SecureRandom().nextInt()'),
  );
});

test('add-import: after the package line, at the top, not when the file can name the class, no fix on a clash', async () => {
  const body = 'class A {\n  int makeKey() { return new java.util.Random().nextInt(); }\n}\n';
  const cases = [
    ['package demo;\n' + body, '\nimport java.security.SecureRandom;\n'],
    [body, 'import java.security.SecureRandom;\n\n'],
    ['import java.security.*;\nimport java.util.*;\n' + body, null],
    ['import java.security.SecureRandom;\nimport java.util.Random;\n' + body, null],
  ];
  for (const [text, inserted] of cases) {
    const findings = (await scan(text)).filter((f) => f.ruleId === 't-random');
    assert.equal(findings.length, 1, text);
    const edits = findings[0].fixes[0].edits;
    const imports = edits.filter((e) => e.newText.includes('import'));
    if (inserted === null) assert.deepEqual(imports, [], text);
    else assert.equal(imports[0].newText, inserted, text);
  }
  const clash = 'import com.example.SecureRandom;\nimport java.util.Random;\n' + body;
  const [f] = (await scan(clash)).filter((x) => x.ruleId === 't-random');
  assert.deepEqual(f.fixes, [], 'SecureRandom means another class here: no fix');
});

test('insert-line-after: indented like the statement, after its trailing comment, CRLF kept, never in a class body', async () => {
  const text = [
    'import javax.servlet.http.*;',
    'class A {',
    '  void a(HttpServletResponse r) {',
    '\t\tCookie c = new Cookie("a", "b"); // session',
    '\t\tr.addCookie(c);',
    '  }',
    '}',
  ].join('\r\n');
  const findings = await scan(text);
  assert.equal(
    fixed(text, findings, 't-cookie'),
    text.replace('// session', '// session\r\n\t\tc.setSecure(true);'),
  );
  const field = [
    'import javax.servlet.http.*;',
    'class A {',
    '  Cookie c = new Cookie("a", "b");',
    '  void a(HttpServletResponse r) { r.addCookie(c); }',
    '}',
  ].join('\n');
  const [f] = (await scan(field)).filter((x) => x.ruleId === 't-cookie');
  assert.ok(f, 'the field cookie is reported');
  assert.deepEqual(f.fixes, [], 'no statement can go in a class body');
});

test('followed-by needs adapter support: JavaScript and Python matchers with it never match', async () => {
  const js = await engine.scanText('const t = makeThing();\n', W.languageForPath('a.js'));
  const py = await engine.scanText('t = makeThing()\n', W.languageForPath('a.py'));
  assert.deepEqual([...lines(js.findings, 't-js'), ...lines(py.findings, 't-js')], []);
});

test('Java argv arrays: String variables as they are, other values through String.valueOf, glued words stay concatenations', async () => {
  const exec = new W.Engine([
    rule(
      't-exec',
      `match:
  call: java.lang.Runtime.getRuntime.exec
fix:
  title: argv
  edits:
    - replace: arg0
      with: "{{ arg-list(arg0) }}"`,
    ),
  ]);
  const text = [
    'class A {',
    '  void a(String dir, int n, java.io.File f) throws Exception {',
    '    Runtime.getRuntime().exec("tar -czf " + dir + "/out.tgz -n" + n + " " + f);',
    '    Runtime.getRuntime().exec("ls " + dir + " | wc -l");',
    '  }',
    '}',
  ].join('\n');
  const findings = (await exec.scanText(text, JAVA)).findings;
  assert.equal(findings.length, 2);
  assert.equal(findings[1].fixes.length, 0, 'a pipe needs the shell: no fix');
  assert.match(W.applyEdits(text, findings[0].fixes[0].edits), /exec\(new String\[\] \{ "tar", "-czf", dir \+ "\/out\.tgz", "-n" \+ n, String\.valueOf\(f\) \}\)/);
});

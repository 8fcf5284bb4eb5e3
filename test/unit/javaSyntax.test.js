// The Java syntax adapter: names resolved through imports, wildcard imports, java.lang and
// variables' declared types; constants folded; pattern rules and secrets on .java files.
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const dist = path.resolve(process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist'));
const ward = require(path.join(dist, 'engine.js'));
const { Engine, loadRuleText, languageForPath, expandFixture } = ward;
const JAVA = languageForPath('A.java');

const rule = (id, match) =>
  loadRuleText(
    `id: ${id}\ntitle: a test rule for Java\nmessage: '{{callee}} matched here'\nadvice: do something else instead\nseverity: warning\nconfidence: high\nkind: unsafe-api\nlanguages: [java]\ncategory: injection\ncwe: [CWE-1]\nowasp: [A03:2021]\ndocs: A rule used by the Java adapter test only, nothing more.\nmode: pattern\nmatch:\n${match}\n`,
    `/r/${id}.yaml`,
  ).rule;

let engine;
before(() => {
  const rules = [
    rule('java-t-digest', '  call: java.security.MessageDigest.getInstance\n  args:\n    0: { matches: "(?i)^md5$" }'),
    rule('java-t-random', '  new: java.util.Random'),
    rule('java-t-query', '  call: [java.sql.Statement.executeQuery, java.sql.Statement.execute]\n  args:\n    0: { constant: false }'),
    rule('java-t-exec', '  call: java.lang.Runtime.exec'),
    rule('java-t-start', '  call: java.lang.ProcessBuilder.start'),
  ];
  for (const r of rules) assert.ok(r, 'the test rule loads');
  engine = new Engine([...rules, ...ward.loadRuleDirs([path.join(dist, 'rules')]).rules.filter((r) => r.mode === 'secret')]);
});

const found = async (text) => (await engine.scanText(text, JAVA)).findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`);

test('calls resolve through explicit and wildcard imports, java.lang and fully qualified names', async () => {
  const text = [
    'package demo;',
    'import java.security.MessageDigest;',
    'import java.util.*;',
    'class A {',
    '  void f() throws Exception {',
    '    MessageDigest.getInstance("MD5");',
    '    new Random();',
    '    new java.util.Random(1);',
    '    Runtime.getRuntime().exec("ls");',
    '    java.security.MessageDigest.getInstance("md5");',
    '    MessageDigest.getInstance("SHA-256");',
    '  }',
    '}',
  ].join('\n');
  assert.deepEqual(await found(text), ['6:java-t-digest', '7:java-t-random', '8:java-t-random', '10:java-t-digest']);
});

test('a method called on a variable resolves to the class the variable is declared with', async () => {
  const text = [
    'import java.sql.*;',
    'class A {',
    '  private Statement field;',
    '  void f(Connection conn, Statement param, String q) throws Exception {',
    '    Statement local = conn.createStatement();',
    '    local.executeQuery(q);',
    '    param.execute(q);',
    '    this.field.executeQuery(q);',
    '    field.executeQuery(q);',
    '    local.executeQuery("SELECT 1");',
    '    for (Statement each : list) each.execute(q);',
    '    try (Statement res = conn.createStatement()) { res.execute(q); }',
    '    var pb = new ProcessBuilder("ls", q);',
    '    pb.start();',
    '    other.execute(q);',
    '  }',
    '}',
  ].join('\n');
  assert.deepEqual(await found(text), ['6:java-t-query', '7:java-t-query', '8:java-t-query', '9:java-t-query', '11:java-t-query', '12:java-t-query', '14:java-t-start']);
});

test('an ambiguous wildcard name stays unresolved; a shadowing local wins over a field', async () => {
  const text = [
    'import java.util.*;',
    'import com.example.*;',
    'class A {',
    '  java.util.Random r;',
    '  void f() { new Random(); }',
    '}',
  ].join('\n');
  // Random is known only in java.util among the wildcard packages Ward knows about: resolved.
  assert.deepEqual(await found(text), ['5:java-t-random']);
});

test('constants: static final fields, concatenation, escapes and text blocks are constant', async () => {
  const text = [
    'import java.security.MessageDigest;',
    'import java.sql.*;',
    'class A {',
    '  static final String ALGO = "M" + "D5";',
    '  static final String Q = """',
    '      SELECT *',
    '      FROM t\\tx',
    '      """;',
    '  String notFinal = "MD5";',
    '  void f(Statement s) throws Exception {',
    '    MessageDigest.getInstance(ALGO);',
    '    MessageDigest.getInstance(notFinal);',
    '    s.executeQuery(Q);',
    '    s.executeQuery("a\\"b" + 1);',
    '  }',
    '}',
  ].join('\n');
  assert.deepEqual(await found(text), ['11:java-t-digest']);
  const tree = await engine.parse(JAVA, text);
  try {
    const q = tree.rootNode.descendantsOfType('string_literal')[2];
    assert.equal(ward.syntaxFor('java').constantValue(q, new ward.Bindings()), 'SELECT *\nFROM t\tx\n');
  } finally {
    tree.delete();
  }
});

test('secrets in Java string literals are found and masked', async () => {
  const key = expandFixture('AKIA{{random:A-Z2-7:16}}');
  const result = await engine.scanText(`class A {\n  static final String K = "${key}";\n}\n`, JAVA);
  assert.deepEqual(result.findings.map((f) => f.ruleId), ['secret-aws-access-key-id']);
  assert.ok(!result.findings[0].message.includes(key));
});

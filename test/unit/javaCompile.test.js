// Java rule fixtures are real code: every `.fixed.java` (what a quick fix leaves) and every
// `.test.java` must compile with javac. Libraries the fixtures use (Servlet, Spring, Jackson…)
// are minimal stub declarations under test/fixtures/java-stubs, found through -sourcepath.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..', '..');
const rulesDir = path.join(root, 'rules', 'java');
const stubs = path.join(root, 'test', 'fixtures', 'java-stubs');

function javaFiles(dir, suffix) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...javaFiles(full, suffix));
    else if (entry.name.endsWith(suffix)) out.push(full);
  }
  return out.sort();
}

const javac = spawnSync('javac', ['-version'], { encoding: 'utf8' });
const skip = javac.error || javac.status !== 0 ? 'javac is not installed (install a JDK, e.g. default-jdk-headless, to compile the Java fixtures)' : false;

/** Each fixture declares its own package, so one javac run compiles a whole set. */
function packageOf(file) {
  return /^\s*package\s+([\w.]+)\s*;/m.exec(fs.readFileSync(file, 'utf8'))?.[1];
}

function compile(files) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-javac-'));
  try {
    const args = ['-proc:none', '-nowarn', '-Xlint:none', '-encoding', 'UTF-8', '-d', out, '-sourcepath', stubs, ...files];
    return spawnSync('javac', args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

for (const [kind, suffix] of [['fixed', '.fixed.java'], ['test', '.test.java']]) {
  test(`every ${suffix} fixture compiles with javac`, { skip }, () => {
    const files = javaFiles(rulesDir, suffix);
    assert.ok(files.length >= (kind === 'fixed' ? 10 : 25), `found ${files.length} ${suffix} files`);
    const seen = new Map();
    for (const f of files) {
      const pkg = packageOf(f);
      assert.ok(pkg, `${path.relative(root, f)} declares no package`);
      assert.ok(!seen.has(pkg), `${path.relative(root, f)} and ${seen.get(pkg)} share package ${pkg}`);
      seen.set(pkg, path.relative(root, f));
    }
    const result = compile(files);
    assert.equal(result.status, 0, `javac failed:\n${(result.stderr || result.stdout).slice(0, 6000)}`);
  });
}

test('the compile check fails on a fixture that does not compile', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-javac-bad-'));
  try {
    const bad = path.join(dir, 'bad.fixed.java');
    fs.writeFileSync(bad, 'package ward.fixtures.bad;\nclass Bad { void f() { undefinedCall(); } }\n');
    assert.notEqual(compile([bad]).status, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

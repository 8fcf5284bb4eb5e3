// What lists languages outside the packs follows the pack registry (server/src/languages/
// registry.ts): the build writes dist/languages.json from it (manifest.ts), copies each
// grammar's wasm by it, gives the client its document selector's languages and the rule
// validator its `languages` names; package.json cannot be generated, so it is checked here.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..', '..');
const dist = process.env.WARD_DIST || path.join(root, 'dist');
const W = require(path.join(dist, 'engine.js'));
const manifest = W.languageManifest();

test('dist/languages.json is the registry as it is (rebuild after changing a pack)', () => {
  const built = JSON.parse(fs.readFileSync(path.join(dist, 'languages.json'), 'utf8'));
  assert.deepEqual(built, manifest);
  // and the manifest is the registry: every grammar, with its extensions and editor ids
  assert.deepEqual(manifest.packs.flatMap((p) => p.grammars.map((g) => g.id)), W.LANGUAGES.map((l) => l.id));
  for (const l of W.LANGUAGES) {
    for (const e of l.extensions) assert.equal(W.languageForPath(`x${e}`)?.id, l.id, e);
    for (const id of l.editorLanguages) assert.equal(W.languageForId(id)?.id, l.id, id);
  }
});

test("package.json's activation events are the packs' editor languages", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const onLanguage = pkg.activationEvents.filter((e) => e.startsWith('onLanguage:')).map((e) => e.slice('onLanguage:'.length));
  assert.deepEqual([...onLanguage].sort(), [...manifest.editorLanguages].sort());
  // package.json contributes no languages of its own: the packs' are VS Code's built-in ones.
  assert.equal(pkg.contributes.languages, undefined);
});

test("every pack grammar's wasm is next to the bundle", () => {
  for (const p of manifest.packs) {
    for (const g of p.grammars) {
      const shipped = path.join(dist, g.wasm);
      assert.ok(fs.existsSync(shipped), shipped);
      assert.equal(fs.statSync(shipped).size, fs.statSync(path.join(root, 'node_modules', g.wasmPackage, g.wasm)).size, g.wasm);
    }
  }
});

test("the client's document selector has every editor language, and the client none of the packs' code", () => {
  const client = fs.readFileSync(path.join(dist, 'extension.js'), 'utf8');
  for (const id of manifest.editorLanguages) assert.ok(client.includes(JSON.stringify(id)), id);
  const meta = JSON.parse(fs.readFileSync(path.join(dist, 'extension.meta.json'), 'utf8'));
  const inputs = Object.keys(Object.values(meta.outputs).find((o) => o.entryPoint === 'client/src/extension.ts').inputs);
  assert.deepEqual(inputs.filter((i) => i.startsWith('server/src/languages/')), []);
  assert.ok(inputs.includes('ward-languages:editor-languages'), inputs.join('\n'));
});

test("a rule's languages may be any name the packs give (the rule validator reads the registry)", () => {
  const names = manifest.packs.flatMap((p) => p.ruleLanguages);
  for (const name of names) {
    const text = `id: x-rule\ntitle: A rule for the languages test\nmessage: "Do not call this function here."\nseverity: warning\nconfidence: high\nlanguages: [${name}]\ncategory: config\ncwe: [CWE-20]\nowasp: [A05:2021]\ndocs: "Written for the test of the names a rule may give its languages."\nmode: pattern\nmatch:\n  call: forbidden\n`;
    const { rule, errors } = W.loadRuleText(text, '/r/x-rule.yaml');
    assert.deepEqual(errors, [], name);
    assert.ok(rule.languages.size > 0, name);
  }
  // rules/rule.schema.json (for editors) names no language the registry does not know
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'rules', 'rule.schema.json'), 'utf8'));
  const kinds = manifest.documentPacks.map((d) => d.kind);
  assert.deepEqual(schema.properties.languages.items.enum.filter((n) => n !== 'generic' && !names.includes(n) && !kinds.includes(n)), []);
});

test('ward rules names the pack of each rule and lists the languages with their files', () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-rules-'));
  const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'rules'], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const packOf = new Map(r.stdout.trim().split('\n').map((l) => l.split(/\s+/).slice(0, 2)));
  for (const p of manifest.packs) {
    assert.ok([...packOf.values()].includes(p.family), `a rule of ${p.family}`);
    assert.ok(r.stderr.includes(`${p.family} = ${p.name} (${p.grammars.flatMap((g) => g.extensions).join(' ')})`), r.stderr);
  }
  assert.equal(packOf.get('java-sql-injection'), 'java');
  assert.equal(packOf.get('secret-aws-access-key-id'), 'generic');
});

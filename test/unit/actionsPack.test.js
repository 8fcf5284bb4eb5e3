// The GitHub Actions pack end to end: workflow files are recognised by their path (and only
// those), scanned by the engine's file scan and `ward scan` with SARIF regions on the exact
// expression and code flows from the event field, `# ward-ignore` comments work, the secret
// rules still read the workflow's text, odd input gives notices, and the editor's document
// selector covers what the pack recognises.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { tempTree } = require('../tempTree');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const root = path.join(__dirname, '..', '..');
const { engine, errors } = W.loadEngine([path.join(root, 'rules')]);
const { dir: tmp, write } = tempTree('ward-actions-');

const WORKFLOW = `name: greet
on:
  issues:
    types: [opened]
permissions:
  contents: read
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - id: t
        env:
          TITLE: \${{ github.event.issue.title }}
        run: echo "title=$TITLE" >> "$GITHUB_OUTPUT"
      - run: echo "Thanks for \${{ steps.t.outputs.title }}"
`;

test('the rules load', () => assert.deepEqual(errors, []));

test('workflows and action metadata are recognised by path, other YAML is not', () => {
  const kind = (p) => W.documentPackForPath(p)?.kind;
  assert.equal(kind('.github/workflows/ci.yml'), 'github-actions');
  assert.equal(kind('/repo/.github/workflows/release.yaml'), 'github-actions');
  assert.equal(kind('C:\\repo\\.github\\workflows\\ci.yml'), 'github-actions');
  assert.equal(kind('tools/my-action/action.yml'), 'github-actions');
  assert.equal(kind('config.yml'), undefined);
  assert.equal(kind('.github/workflows/README.md'), undefined);
  assert.equal(kind('.github/dependabot.yml'), undefined);
  assert.equal(W.languageForPath('.github/workflows/ci.yml'), undefined, 'not a code language');
});

test('an injected step output is reported on the expression, with the way from the event field', async () => {
  const file = write('.github/workflows/greet.yml', WORKFLOW);
  const { findings, notices } = await engine.scanFile(file, { relativePath: '.github/workflows/greet.yml' });
  assert.deepEqual(notices, []);
  const f = findings.find((x) => x.ruleId === 'gha-script-injection');
  assert.ok(f, JSON.stringify(findings.map((x) => x.ruleId)));
  const line = WORKFLOW.split('\n')[14];
  assert.deepEqual(f.range, { start: { line: 14, character: line.indexOf('${{') }, end: { line: 14, character: line.indexOf('}}') + 2 } });
  assert.deepEqual(f.trace.map((s) => s.range.start.line), [12, 12, 13, 14]);
  assert.match(f.trace[0].message, /github\.event\.issue\.title/);
  assert.match(f.message, /github\.event\.issue\.title/);
  assert.equal(f.fixes.length, 1);
  assert.ok(!findings.some((x) => x.ruleId === 'gha-missing-permissions'));
});

test('a ward-ignore comment above the step covers it; one for another rule does not', async () => {
  const ignored = WORKFLOW.replace('      - run: echo "Thanks', '      # ward-ignore gha-script-injection -- the title is checked upstream\n      - run: echo "Thanks');
  const other = WORKFLOW.replace('      - run: echo "Thanks', '      # ward-ignore gha-unpinned-action -- not this one\n      - run: echo "Thanks');
  const a = await engine.scanFile(write('.github/workflows/a.yml', ignored), { relativePath: '.github/workflows/a.yml' });
  const b = await engine.scanFile(write('.github/workflows/b.yml', other), { relativePath: '.github/workflows/b.yml' });
  assert.ok(a.findings.find((x) => x.ruleId === 'gha-script-injection').suppressed);
  assert.ok(!b.findings.find((x) => x.ruleId === 'gha-script-injection').suppressed);
});

test('the secret rules still read workflow files', async () => {
  const text = W.expandFixture('on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      GH: {{crc32:ghp}}\n    steps:\n      - run: make\n');
  const { findings } = await engine.scanFile(write('.github/workflows/s.yml', text), { relativePath: '.github/workflows/s.yml' });
  const secret = findings.find((x) => x.ruleId.startsWith('secret-'));
  assert.ok(secret, JSON.stringify(findings.map((x) => x.ruleId)));
  assert.ok(!JSON.stringify(findings).includes(text.match(/ghp_\w+/)[0]), 'the token is masked');
});

test('odd files give notices, not crashes: not a mapping, no jobs, broken YAML, empty', async () => {
  const cases = { list: '- a\n- b\n', nojobs: 'on: push\nname: x\n', broken: 'on: push\njobs:\n  a: [\n', empty: '' };
  for (const [name, text] of Object.entries(cases)) {
    const rel = `.github/workflows/${name}.yml`;
    const r = await engine.scanFile(write(rel, text), { relativePath: rel });
    assert.ok(Array.isArray(r.findings), name);
    if (name !== 'broken') assert.ok(r.notices.every((n) => n.kind === 'partial'), `${name}: ${JSON.stringify(r.notices)}`);
  }
  const broken = await engine.scanFile(write('.github/workflows/b2.yml', 'on: push\njobs:\n  a:\n    steps:\n      - run: echo ${{ github.head_ref }}\n    x: [\n'), { relativePath: '.github/workflows/b2.yml' });
  assert.ok(broken.notices.length > 0);
  // An unquoted `: ` in a run: line makes the whole file unreadable: the notice says where, not "no jobs".
  const colon = 'name: t\non: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "New issue: ${{ github.event.issue.title }}"\n';
  const r = await engine.scanFile(write('.github/workflows/colon.yml', colon), { relativePath: '.github/workflows/colon.yml' });
  assert.match(r.notices.map((n) => n.message).join('\n'), /not valid YAML near line 7/);
});

test('ward scan: SARIF region on the expression and a code flow from the event field', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'cli-'));
  fs.mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.github', 'workflows', 'greet.yml'), WORKFLOW);
  const sarif = path.join(dir, 'out.sarif');
  try {
    execFileSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', '--format', 'sarif', '--output', sarif, '--no-config', '.'], { cwd: dir, encoding: 'utf8' });
  } catch (err) {
    assert.equal(err.status, 1, err.stderr); // findings
  }
  const run = JSON.parse(fs.readFileSync(sarif, 'utf8')).runs[0];
  const r = run.results.find((x) => x.ruleId === 'gha-script-injection');
  assert.ok(r, JSON.stringify(run.results.map((x) => x.ruleId)));
  const loc = r.locations[0].physicalLocation;
  assert.equal(loc.artifactLocation.uri, '.github/workflows/greet.yml');
  const line = WORKFLOW.split('\n')[14];
  assert.equal(loc.region.startLine, 15);
  assert.equal(loc.region.startColumn, line.indexOf('${{') + 1);
  const flow = r.codeFlows[0].threadFlows[0].locations;
  assert.equal(flow[0].location.physicalLocation.region.startLine, 13);
});

test("the editor's document selector covers each document pack's files (generated from the registry)", () => {
  const client = fs.readFileSync(path.join(dist, 'extension.js'), 'utf8');
  for (const pack of W.DOCUMENT_PACKS) {
    for (const f of pack.editorFiles) {
      assert.ok(client.includes(JSON.stringify(f.pattern)), `${pack.kind}: ${f.pattern} is not in the client's document selector`);
      assert.ok(client.includes(JSON.stringify(f.language)), `${pack.kind}: ${f.language} is not in the client's document selector`);
    }
  }
});

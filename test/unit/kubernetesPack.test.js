// The Kubernetes and Compose packs end to end: manifests are claimed by their first lines
// (any name, several documents, Lists), Compose files by name, other YAML is left to the
// secret rules; Helm template sources get a notice; the file scan, `ward scan` (SARIF on the
// exact value) and the editor's path-less buffers agree; ignore comments work; fixes write
// the securityContext block with the file's own indentation.
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
const { dir: tmp, write } = tempTree('ward-k8s-');

// Four-space indentation, a comment first, a ConfigMap before the workload (Helm's rendered shape).
const MANIFEST = `---
# Source: shop/templates/config.yaml
apiVersion: v1
kind: ConfigMap
metadata:
    name: shop
data:
    mode: production
---
# Source: shop/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
    name: shop
spec:
    template:
        spec:
            containers:
                - name: shop
                  image: example/shop:1.2
                  securityContext:
                      privileged: true
`;

const ids = (r) => r.findings.map((f) => f.ruleId).sort();

test('the rules load', () => assert.deepEqual(errors, []));

test('manifests are claimed by content, Compose files by name, other YAML by neither', () => {
  const byContent = (p, text) => W.documentPackForContent(p, text)?.kind;
  assert.equal(byContent('deploy/shop.yaml', MANIFEST), 'kubernetes');
  assert.equal(byContent(undefined, MANIFEST), 'kubernetes', 'an untitled buffer');
  assert.equal(byContent('values.yaml', 'replicaCount: 2\nimage:\n  repository: nginx\n'), undefined);
  assert.equal(byContent('config.yml', 'kind: Cluster\nname: dev\n'), undefined, 'kind without apiVersion');
  assert.equal(byContent('notes.txt', MANIFEST), undefined, 'only YAML files are asked');
  assert.equal(byContent('nested.yaml', 'spec:\n  apiVersion: v1\n  kind: Pod\n'), undefined, 'nested keys are not a manifest');
  const byPath = (p) => W.documentPackForPath(p)?.kind;
  for (const p of ['docker-compose.yml', 'app/docker-compose.prod.yaml', 'compose.yaml', 'compose.override.yml', 'C:\\app\\compose-dev.yml', 'hack/dev.compose.yml', 'docker.compose.yaml']) assert.equal(byPath(p), 'docker-compose', p);
  for (const p of ['composer.yml', 'my-compose.yml', 'deploy.yaml']) assert.equal(byPath(p), undefined, p);
});

test('a multi-document manifest is scanned by the file scan; the finding is on the value; ignore comments work', async () => {
  const rel = 'deploy/shop.yaml';
  const r = await engine.scanFile(write(rel, MANIFEST), { relativePath: rel });
  assert.deepEqual(r.notices, []);
  const f = r.findings.find((x) => x.ruleId === 'k8s-privileged-container');
  assert.ok(f, JSON.stringify(ids(r)));
  const line = MANIFEST.split('\n').findIndex((l) => l.includes('privileged: true'));
  const col = MANIFEST.split('\n')[line].indexOf('true');
  assert.deepEqual(f.range, { start: { line, character: col }, end: { line, character: col + 4 } });
  const ignored = MANIFEST.replace('                      privileged: true', '                      # ward-ignore k8s-privileged-container -- build node only\n                      privileged: true');
  const again = await engine.scanFile(write('deploy/ignored.yaml', ignored), { relativePath: 'deploy/ignored.yaml' });
  assert.ok(again.findings.find((x) => x.ruleId === 'k8s-privileged-container').suppressed);
  assert.ok(!again.findings.find((x) => x.ruleId === 'k8s-writable-root-filesystem').suppressed, 'other rules stay');
});

test('the fix creates the securityContext field with the file\'s four-space indentation, and the result reads back', async () => {
  const text = MANIFEST.replace('                  securityContext:\n                      privileged: true\n', '');
  const r = await engine.scanPathText(undefined, text);
  const f = r.findings.find((x) => x.ruleId === 'k8s-allow-privilege-escalation');
  assert.ok(f && f.fixes.length === 1, JSON.stringify(ids(r)));
  const fixed = W.applyEdits(text, f.fixes[0].edits);
  assert.ok(fixed.endsWith('                  image: example/shop:1.2\n                  securityContext:\n                      allowPrivilegeEscalation: false\n'), fixed);
  const back = await engine.scanPathText(undefined, fixed);
  assert.deepEqual(back.notices, []);
  assert.ok(!back.findings.some((x) => x.ruleId === 'k8s-allow-privilege-escalation'));
});

test('pod specs in every workload shape: CronJob, List items, init and ephemeral containers', async () => {
  const text = `apiVersion: v1
kind: List
items:
- apiVersion: batch/v1
  kind: CronJob
  metadata: { name: nightly }
  spec:
    jobTemplate:
      spec:
        template:
          spec:
            initContainers:
            - name: prep
              image: example/prep:1
              securityContext: { privileged: true }
            containers:
            - name: job
              image: example/job:1
- apiVersion: v1
  kind: Pod
  metadata: { name: debug }
  spec:
    containers:
    - name: app
      image: example/app:1
    ephemeralContainers:
    - name: dbg
      image: busybox:1.36
      securityContext: { privileged: true }
`;
  const r = await engine.scanPathText('list.yaml', text);
  const privileged = r.findings.filter((x) => x.ruleId === 'k8s-privileged-container').map((x) => x.message);
  assert.equal(privileged.length, 2, JSON.stringify(privileged));
  assert.match(privileged[0], /`prep`/);
  assert.match(privileged[1], /`dbg`/);
});

test('a Helm template source gets a notice and no findings; rendered output with {{ }} inside strings is scanned', async () => {
  const source = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "shop.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: shop
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          securityContext:
            privileged: true
`;
  const r = await engine.scanFile(write('chart/templates/deployment.yaml', source), { relativePath: 'chart/templates/deployment.yaml' });
  assert.deepEqual(r.findings.filter((f) => f.ruleId.startsWith('k8s-')), []);
  assert.equal(r.notices.length, 1);
  assert.match(r.notices[0].message, /Helm template/);
  const rendered = MANIFEST.replace('    mode: production', '    alert: "{{ $labels.instance }} is down"');
  const out = await engine.scanFile(write('rendered/all.yaml', rendered), { relativePath: 'rendered/all.yaml' });
  assert.deepEqual(out.notices, []);
  assert.ok(out.findings.some((f) => f.ruleId === 'k8s-privileged-container'));
});

test('a bundle longer than the YAML grammar reads at once (32,767 lines) is read document by document', async () => {
  const config = (i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  a: "1"\n`;
  const head = Array.from({ length: 5000 }, (_, i) => config(i)).join('');
  const text = head + MANIFEST;
  const r = await engine.scanPathText('bundle.yaml', text);
  assert.deepEqual(r.notices, []);
  const f = r.findings.find((x) => x.ruleId === 'k8s-privileged-container');
  assert.ok(f, JSON.stringify(ids(r)));
  assert.equal(f.range.start.line, text.split('\n').findIndex((l) => l.includes('privileged: true')));
  const ignored = `# ward-ignore-file k8s-privileged-container -- a build node\n${text}`;
  const again = await engine.scanPathText('bundle.yaml', ignored);
  assert.ok(again.findings.find((x) => x.ruleId === 'k8s-privileged-container').suppressed, 'a file-wide ignore at the top covers later parts');
});

test('a kustomize patch is judged on what it sets, not on what it leaves to its base', async () => {
  const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  template:\n    spec:\n      containers:\n      - name: shop\n        env:\n        - name: MODE\n          value: debug\n';
  const quiet = await engine.scanFile(write('overlays/prod/deployment-patch.yaml', patch), { relativePath: 'overlays/prod/deployment-patch.yaml' });
  assert.deepEqual(ids(quiet), []);
  const loud = patch.replace('        env:', '        securityContext:\n          privileged: true\n          readOnlyRootFilesystem: false\n        env:');
  const r = await engine.scanFile(write('overlays/dev/deployment-patch.yaml', loud), { relativePath: 'overlays/dev/deployment-patch.yaml' });
  assert.deepEqual(ids(r), ['k8s-privileged-container', 'k8s-writable-root-filesystem']);
  const same = await engine.scanFile(write('overlays/dev/deployment.yaml', patch), { relativePath: 'overlays/dev/deployment.yaml' });
  assert.ok(ids(same).includes('k8s-run-as-non-root'), 'the same text as a whole manifest is judged whole');
});

test('YAML that is not a manifest gets the secret rules only, without a notice', async () => {
  const text = W.expandFixture('settings:\n  apiVersion: v2\n  kind: thing\ntoken: {{crc32:ghp}}\n');
  const r = await engine.scanFile(write('config/settings.yaml', text), { relativePath: 'config/settings.yaml' });
  assert.deepEqual(r.notices, []);
  assert.deepEqual([...new Set(r.findings.map((f) => f.ruleId.split('-')[0]))], ['secret']);
});

test('secrets written into a manifest are reported without their value', async () => {
  const text = W.expandFixture('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: p\n    image: example/p:1\n    env:\n    - name: DB_PASSWORD\n      value: "{{random:alnum:20}}"\n');
  const value = /value: "(\w+)"/.exec(text)[1];
  const r = await engine.scanPathText('p.yaml', text);
  assert.ok(r.findings.some((f) => f.ruleId === 'k8s-secret-in-env'));
  assert.ok(!JSON.stringify(r.findings).includes(value));
});

test('Compose: findings by name, broken and odd files give notices, not crashes', async () => {
  const compose = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n';
  const r = await engine.scanFile(write('docker-compose.yml', compose), { relativePath: 'docker-compose.yml' });
  assert.deepEqual(ids(r), ['compose-database-port-public', 'compose-docker-socket']);
  for (const [name, text] of Object.entries({ list: '- a\n', empty: '', broken: 'services:\n  a: [\n', noservices: 'volumes:\n  a: {}\n' })) {
    const out = await engine.scanFile(write(`odd/${name}/compose.yaml`, text), { relativePath: `odd/${name}/compose.yaml` });
    assert.ok(Array.isArray(out.findings), name);
  }
});

test('ward scan: manifests of any name and Compose files, SARIF regions on the value', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'cli-'));
  fs.mkdirSync(path.join(dir, 'k8s'));
  fs.writeFileSync(path.join(dir, 'k8s', 'shop.yml'), MANIFEST);
  fs.writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  tools:\n    image: example/tools:1\n    privileged: true\n');
  fs.writeFileSync(path.join(dir, 'values.yaml'), 'securityContext:\n  privileged: true\n');
  const sarif = path.join(dir, 'out.sarif');
  try {
    execFileSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', '--format', 'sarif', '--output', sarif, '--no-config', '.'], { cwd: dir, encoding: 'utf8' });
  } catch (err) {
    assert.equal(err.status, 1, err.stderr);
  }
  const results = JSON.parse(fs.readFileSync(sarif, 'utf8')).runs[0].results;
  const where = (id) => results.filter((x) => x.ruleId === id).map((x) => `${x.locations[0].physicalLocation.artifactLocation.uri}:${x.locations[0].physicalLocation.region.startLine}:${x.locations[0].physicalLocation.region.startColumn}`);
  const line = MANIFEST.split('\n').findIndex((l) => l.includes('privileged: true'));
  assert.deepEqual(where('k8s-privileged-container'), [`k8s/shop.yml:${line + 1}:${MANIFEST.split('\n')[line].indexOf('true') + 1}`]);
  assert.deepEqual(where('compose-privileged'), ['compose.yaml:4:17']);
  assert.ok(!results.some((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'values.yaml'));
});

test("the editor's document selector covers Compose files and YAML documents", () => {
  const client = fs.readFileSync(path.join(root, 'client', 'src', 'languageClient.ts'), 'utf8');
  for (const kind of ['kubernetes', 'docker-compose']) {
    const pack = W.DOCUMENT_PACKS.find((p) => p.kind === kind);
    for (const f of pack.editorFiles) assert.ok(client.includes(`pattern: '${f.pattern}'`), `${kind}: ${f.pattern}`);
  }
});

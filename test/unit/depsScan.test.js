// Manifests and lockfiles of every supported format checked against a small OSV export
// built here (synthetic records): where findings land, direct or transitive with the path,
// the upgrade fix, ignore comments and .ward.yaml entries (with expiry), the database
// missing or out of date, bad input, and the import's own checks.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const { deps, loadEngine, parseConfig } = require(path.join(dist, 'engine.js'));
const { osvRecord, osvZip, makeZip, tempDir, writeTree, CVSS } = require('../osvFixtures');

const rulesDir = path.join(__dirname, '..', '..', 'rules');
const RECORDS = [
  osvRecord({ id: 'GHSA-loda-0001-aaaa', aliases: ['CVE-2099-1001'], summary: 'Prototype pollution', cvss: CVSS.critical, affected: [{ name: 'lodash', ranges: [['0', '4.17.12']] }] }),
  osvRecord({ id: 'GHSA-loda-0002-bbbb', summary: 'Template injection', cvss: CVSS.high, affected: [{ name: 'lodash', ranges: [['0', '4.17.21']] }] }),
  osvRecord({ id: 'GHSA-qs00-0001-cccc', summary: 'Prototype poisoning', cvss: CVSS.medium, affected: [{ name: 'qs', ranges: [['6.5.0', '6.5.3']] }] }),
  osvRecord({ id: 'GHSA-mini-0001-dddd', summary: 'ReDoS', label: 'LOW', affected: [{ name: 'minimist', ranges: [['0', '1.2.6']] }] }),
  osvRecord({ id: 'PYSEC-2099-11', aliases: ['GHSA-djan-0001-eeee', 'CVE-2099-2001'], summary: 'SQL injection', cvss: CVSS.critical, affected: [{ ecosystem: 'PyPI', name: 'Django', ranges: [['3.2', '3.2.14'], ['4.0', '4.0.6']] }] }),
  osvRecord({ id: 'GHSA-reqs-0001-ffff', summary: 'Header leak', cvss: CVSS.medium, affected: [{ ecosystem: 'PyPI', name: 'requests', ranges: [['0', '2.20.0']] }] }),
  osvRecord({ id: 'GHSA-urll-0001-gggg', summary: 'CRLF injection', cvss: CVSS.medium, affected: [{ ecosystem: 'PyPI', name: 'urllib3', ranges: [['0', '1.24.2']] }] }),
  osvRecord({ id: 'GHSA-jack-0001-hhhh', summary: 'Deserialization', cvss: CVSS.critical, affected: [{ ecosystem: 'Maven', name: 'com.fasterxml.jackson.core:jackson-databind', ranges: [['2.9.0', '2.9.10.8']] }] }),
  osvRecord({ id: 'GO-2099-0001', aliases: ['GHSA-xnet-0001-jjjj'], summary: 'HTTP/2 reset flood', cvss: CVSS.high, affected: [{ ecosystem: 'Go', name: 'golang.org/x/net', ranges: [['0', '0.23.0']] }] }),
  osvRecord({ id: 'GHSA-gone-0001-kkkk', withdrawn: '2024-01-01T00:00:00Z', summary: 'Withdrawn', cvss: CVSS.critical, affected: [{ name: 'left-pad', ranges: [['0']] }] }),
];

let db;
test.before(async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'all.zip'), osvZip(RECORDS));
  db = path.join(dir, 'db');
  const result = await deps.importZip(path.join(dir, 'all.zip'), db, { source: 'test' });
  assert.deepEqual(result.imported.map((m) => m.ecosystem).sort(), ['Go', 'Maven', 'PyPI', 'npm']);
});

function scanner(options = {}) {
  const { engine } = loadEngine([rulesDir], undefined, { folder: db, maxAgeDays: 30, ignore: [], ...options });
  return engine;
}

/** Scans `name` in a project of `files`; findings by line (1-based) as "line rule package@version". */
async function scanProject(files, name, engine = scanner()) {
  const dir = writeTree(tempDir(), files);
  const result = await engine.scanFile(path.join(dir, name), { relativePath: name });
  return { result, dir, lines: result.findings.filter((f) => f.dependency).map((f) => `${f.range.start.line + 1} ${f.dependency.name}@${f.dependency.version}`) };
}

const PACKAGE_JSON = `{
  "name": "shop",
  "dependencies": {
    "lodash": "^4.17.4",
    "express": "4.16.0",
    "left-pad": "1.3.0"
  },
  "devDependencies": { "minimist": "1.2.0" }
}
`;

const LOCK_V3 = JSON.stringify({
  name: 'shop', lockfileVersion: 3, requires: true,
  packages: {
    '': { name: 'shop', dependencies: { lodash: '^4.17.4', express: '4.16.0', 'left-pad': '1.3.0' }, devDependencies: { minimist: '1.2.0' } },
    'node_modules/lodash': { version: '4.17.11' },
    'node_modules/express': { version: '4.16.0', dependencies: { qs: '6.5.1', 'body-parser': '1.18.2' } },
    'node_modules/body-parser': { version: '1.18.2', dependencies: { qs: '6.5.1' } },
    'node_modules/qs': { version: '6.5.1' },
    'node_modules/body-parser/node_modules/qs': { version: '6.5.2' },
    'node_modules/left-pad': { version: '1.3.0' },
    'node_modules/minimist': { version: '1.2.0', dev: true },
  },
}, null, 2);

test('package-lock.json v3: each vulnerable install on its key, direct or transitive with the path', async () => {
  const { result, lines } = await scanProject({ 'package.json': PACKAGE_JSON, 'package-lock.json': LOCK_V3 }, 'package-lock.json');
  assert.deepEqual(lines, ['17 lodash@4.17.11', '33 qs@6.5.1', '36 qs@6.5.2', '42 minimist@1.2.0']);
  const [lodash, qs, nested, minimist] = result.findings;
  assert.equal(lodash.severity, 'error');
  assert.equal(lodash.dependency.direct, true);
  assert.deepEqual(lodash.dependency.advisories.map((a) => a.id), ['GHSA-loda-0001-aaaa', 'GHSA-loda-0002-bbbb']);
  assert.equal(lodash.dependency.upgradeTo, '4.17.21');
  assert.equal(lodash.fixes.length, 0, 'a lockfile gets no edit: npm writes it');
  assert.equal(qs.severity, 'warning');
  assert.deepEqual(qs.dependency.path, ['express', 'qs']);
  assert.deepEqual(nested.dependency.path, ['express', 'body-parser', 'qs']);
  assert.match(nested.message, /Brought in by express → body-parser → qs/);
  assert.equal(minimist.severity, 'info', 'a LOW label without a vector');
  assert.ok(!result.findings.some((f) => f.dependency.name === 'left-pad'), 'a withdrawn advisory reports nothing');
});

test('package.json: direct dependencies on their line with the upgrade fix, transitive ones on the line that brings them', async () => {
  const { result, lines } = await scanProject({ 'package.json': PACKAGE_JSON, 'package-lock.json': LOCK_V3 }, 'package.json');
  assert.deepEqual(lines, ['4 lodash@4.17.11', '5 qs@6.5.1', '5 qs@6.5.2', '8 minimist@1.2.0']);
  const lodash = result.findings[0];
  assert.equal(lodash.fixes[0].title, 'Upgrade lodash to 4.17.21 (fixes 2 advisories)');
  assert.deepEqual(lodash.fixes[0].edits, [{ range: { start: { line: 3, character: 16 }, end: { line: 3, character: 22 } }, newText: '4.17.21' }]);
  assert.equal(PACKAGE_JSON.split('\n')[3].slice(16, 22), '4.17.4');
  assert.equal(result.findings[1].fixes.length, 0, 'no edit for a transitive package');
  assert.equal(result.findings[3].fixes[0].edits[0].newText, '1.2.6');
});

test('package.json without a lockfile: exact versions only, and a notice about the ranges', async () => {
  const { result, lines } = await scanProject({ 'package.json': PACKAGE_JSON }, 'package.json');
  assert.deepEqual(lines, ['8 minimist@1.2.0']);
  assert.match(result.notices.map((n) => n.message).join('\n'), /no lockfile beside package.json: 1 version range was not checked/);
});

test('package-lock.json v1, yarn.lock classic and berry, pnpm-lock.yaml v6 and v9', async () => {
  const v1 = JSON.stringify({ name: 'shop', lockfileVersion: 1, dependencies: {
    lodash: { version: '4.17.4' },
    express: { version: '4.16.0', requires: { qs: '6.5.1' }, dependencies: { qs: { version: '6.5.1' } } },
  } }, null, 2);
  const a = await scanProject({ 'package.json': '{"dependencies":{"lodash":"^4.17.4","express":"4.16.0"}}', 'package-lock.json': v1 }, 'package-lock.json');
  assert.deepEqual(a.lines, ['5 lodash@4.17.4', '14 qs@6.5.1']);
  assert.deepEqual(a.result.findings[1].dependency.path, ['express', 'qs']);

  const classic = `# yarn lockfile v1\n\n\nexpress@4.16.0:\n  version "4.16.0"\n  dependencies:\n    qs "~6.5.1"\n\n"lodash@^4.17.4", lodash@^4.17.5:\n  version "4.17.11"\n\nqs@~6.5.1:\n  version "6.5.2"\n`;
  const b = await scanProject({ 'package.json': '{"dependencies":{"lodash":"^4.17.4","express":"4.16.0"}}', 'yarn.lock': classic }, 'yarn.lock');
  assert.deepEqual(b.lines, ['9 lodash@4.17.11', '12 qs@6.5.2']);
  assert.deepEqual(b.result.findings[1].dependency.path, ['express', 'qs']);

  const berry = `__metadata:\n  version: 6\n\n"express@npm:4.16.0":\n  version: 4.16.0\n  resolution: "express@npm:4.16.0"\n  dependencies:\n    qs: "npm:~6.5.1"\n\n"qs@npm:~6.5.1":\n  version: 6.5.1\n  resolution: "qs@npm:6.5.1"\n\n"shop@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "shop@workspace:."\n  dependencies:\n    express: "npm:4.16.0"\n`;
  const c = await scanProject({ 'yarn.lock': berry }, 'yarn.lock');
  assert.deepEqual(c.lines, ['10 qs@6.5.1']);
  assert.equal(c.result.findings[0].dependency.direct, false);

  const pnpm6 = `lockfileVersion: '6.0'\n\ndependencies:\n  express:\n    specifier: 4.16.0\n    version: 4.16.0\n\npackages:\n\n  /express@4.16.0:\n    resolution: {integrity: sha512-x}\n    dependencies:\n      qs: 6.5.1\n    dev: false\n\n  /qs@6.5.1:\n    resolution: {integrity: sha512-y}\n    dev: false\n`;
  const d = await scanProject({ 'pnpm-lock.yaml': pnpm6 }, 'pnpm-lock.yaml');
  assert.deepEqual(d.lines, ['16 qs@6.5.1']);
  assert.deepEqual(d.result.findings[0].dependency.path, ['express', 'qs']);

  const pnpm9 = `lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      lodash:\n        specifier: ^4.17.4\n        version: 4.17.11\n\npackages:\n\n  lodash@4.17.11:\n    resolution: {integrity: sha512-z}\n\nsnapshots:\n\n  lodash@4.17.11: {}\n`;
  const e = await scanProject({ 'pnpm-lock.yaml': pnpm9 }, 'pnpm-lock.yaml');
  assert.deepEqual(e.lines, ['13 lodash@4.17.11']);
  assert.equal(e.result.findings[0].dependency.direct, true);
});

test("pnpm-lock.yaml: versions with a peer suffix (v9 `(peer@1)`, v5 `_peer@1`) still link importers and snapshots; a workspace's own version is not the root package.json's (pnpm, npm, yarn)", async () => {
  // As pnpm 9/10 writes them for any package with a peer dependency (axios with debug, say).
  const pnpm9 = `lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      express:\n        specifier: 4.16.0\n        version: 4.16.0(supports-color@5.5.0)\n\npackages:\n\n  express@4.16.0:\n    resolution: {integrity: sha512-x}\n\n  qs@6.5.1:\n    resolution: {integrity: sha512-y}\n\n  supports-color@5.5.0:\n    resolution: {integrity: sha512-w}\n\nsnapshots:\n\n  express@4.16.0(supports-color@5.5.0):\n    dependencies:\n      qs: 6.5.1(supports-color@5.5.0)\n      supports-color: 5.5.0\n\n  qs@6.5.1(supports-color@5.5.0): {}\n\n  supports-color@5.5.0: {}\n`;
  const lock = await scanProject({ 'pnpm-lock.yaml': pnpm9 }, 'pnpm-lock.yaml');
  assert.deepEqual(lock.lines, ['16 qs@6.5.1']);
  assert.equal(lock.result.findings[0].dependency.direct, false);
  assert.deepEqual(lock.result.findings[0].dependency.path, ['express', 'qs']);
  // package.json reports it on the dependency that brings it in.
  const manifest = await scanProject({ 'package.json': '{\n  "dependencies": {\n    "express": "4.16.0"\n  }\n}\n', 'pnpm-lock.yaml': pnpm9 }, 'package.json');
  assert.deepEqual(manifest.lines, ['3 qs@6.5.1']);

  // A workspace's own version of a package the root declares too stays with the workspace.
  const workspaces = `lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      qs:\n        specifier: 6.5.2\n        version: 6.5.2\n\n  packages/web:\n    dependencies:\n      qs:\n        specifier: 6.5.1\n        version: 6.5.1\n\npackages:\n\n  qs@6.5.1:\n    resolution: {integrity: sha512-y}\n\n  qs@6.5.2:\n    resolution: {integrity: sha512-v}\n\nsnapshots:\n\n  qs@6.5.1: {}\n\n  qs@6.5.2: {}\n`;
  const root = await scanProject({ 'package.json': '{\n  "dependencies": {\n    "qs": "6.5.2"\n  }\n}\n', 'pnpm-lock.yaml': workspaces }, 'package.json');
  assert.deepEqual(root.lines, ['3 qs@6.5.2']);
  const both = await scanProject({ 'pnpm-lock.yaml': workspaces }, 'pnpm-lock.yaml');
  assert.deepEqual(both.lines, ['19 qs@6.5.1', '22 qs@6.5.2']);

  // The same with npm workspaces: the workspace's qs is installed under its own folder.
  const npmWorkspaces = JSON.stringify({ name: 'shop', lockfileVersion: 3, requires: true, packages: {
    '': { name: 'shop', workspaces: ['packages/web'], dependencies: { qs: '6.5.2' } },
    'node_modules/qs': { version: '6.5.2' },
    'node_modules/web': { resolved: 'packages/web', link: true },
    'packages/web': { name: 'web', dependencies: { qs: '6.5.1' } },
    'packages/web/node_modules/qs': { version: '6.5.1' },
  } }, null, 2);
  const npmRoot = await scanProject({ 'package.json': '{\n  "workspaces": ["packages/web"],\n  "dependencies": {\n    "qs": "6.5.2"\n  }\n}\n', 'package-lock.json': npmWorkspaces }, 'package.json');
  assert.deepEqual(npmRoot.lines, ['4 qs@6.5.2']);

  // yarn classic: a workspace's dependency (minimist) is direct in the lockfile, not on the project's package.json.
  const classicWs = `# yarn lockfile v1\n\n\nexpress@4.16.0:\n  version "4.16.0"\n  dependencies:\n    qs "~6.5.1"\n\nminimist@1.2.0:\n  version "1.2.0"\n\nqs@~6.5.1:\n  version "6.5.2"\n`;
  const wsPackage = '{\n  "workspaces": ["packages/*"],\n  "dependencies": {\n    "express": "4.16.0"\n  }\n}\n';
  const classicLock = await scanProject({ 'package.json': wsPackage, 'yarn.lock': classicWs }, 'yarn.lock');
  assert.deepEqual(classicLock.result.findings.map((f) => [f.dependency.name, f.dependency.direct, f.dependency.path.join('>')]), [['minimist', true, 'minimist'], ['qs', false, 'express>qs']]);
  const classicRoot = await scanProject({ 'package.json': wsPackage, 'yarn.lock': classicWs }, 'package.json');
  assert.deepEqual(classicRoot.lines, ['4 qs@6.5.2']);
  // yarn berry: the project's package.json takes its own workspace's dependencies only.
  const berryWs = `__metadata:\n  version: 6\n\n"qs@npm:6.5.1":\n  version: 6.5.1\n  resolution: "qs@npm:6.5.1"\n\n"qs@npm:6.5.2":\n  version: 6.5.2\n  resolution: "qs@npm:6.5.2"\n\n"shop@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "shop@workspace:."\n  dependencies:\n    qs: "npm:6.5.2"\n\n"web@workspace:packages/web":\n  version: 0.0.0-use.local\n  resolution: "web@workspace:packages/web"\n  dependencies:\n    qs: "npm:6.5.1"\n`;
  const berryRoot = await scanProject({ 'package.json': '{\n  "workspaces": ["packages/*"],\n  "dependencies": {\n    "qs": "6.5.2"\n  }\n}\n', 'yarn.lock': berryWs }, 'package.json');
  assert.deepEqual(berryRoot.lines, ['4 qs@6.5.2']);

  const pnpm5 = `lockfileVersion: 5.4\n\nspecifiers:\n  express: 4.16.0\n\ndependencies:\n  express: 4.16.0_supports-color@5.5.0\n\npackages:\n\n  /express/4.16.0_supports-color@5.5.0:\n    resolution: {integrity: sha512-x}\n    dependencies:\n      qs: 6.5.1_supports-color@5.5.0\n    dev: false\n\n  /qs/6.5.1_supports-color@5.5.0:\n    resolution: {integrity: sha512-y}\n    dev: false\n`;
  const v5 = await scanProject({ 'pnpm-lock.yaml': pnpm5 }, 'pnpm-lock.yaml');
  assert.deepEqual(v5.lines, ['17 qs@6.5.1']);
  assert.deepEqual(v5.result.findings[0].dependency.path, ['express', 'qs']);
});

test("a workspace's package.json takes its versions from the root's lockfile (pnpm, npm, yarn berry and classic), and a folder the lockfile does not list says so", async () => {
  const web = '{\n  "name": "web",\n  "dependencies": {\n    "qs": "^6.5.0"\n  }\n}\n';
  const rootJson = '{\n  "workspaces": ["apps/*"],\n  "dependencies": {\n    "qs": "6.5.3"\n  }\n}\n';
  const pnpm = `lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      qs:\n        specifier: 6.5.3\n        version: 6.5.3\n\n  apps/web:\n    dependencies:\n      qs:\n        specifier: ^6.5.0\n        version: 6.5.1\n\npackages:\n\n  qs@6.5.1:\n    resolution: {integrity: sha512-y}\n\n  qs@6.5.3:\n    resolution: {integrity: sha512-v}\n\nsnapshots:\n\n  qs@6.5.1: {}\n\n  qs@6.5.3: {}\n`;
  const npm = JSON.stringify({ name: 'shop', lockfileVersion: 3, requires: true, packages: {
    '': { name: 'shop', workspaces: ['apps/*'], dependencies: { qs: '6.5.3' } },
    'node_modules/qs': { version: '6.5.3' },
    'node_modules/web': { resolved: 'apps/web', link: true },
    'apps/web': { name: 'web', dependencies: { qs: '^6.5.0' } },
    'apps/web/node_modules/qs': { version: '6.5.1' },
  } }, null, 2);
  const berry = `__metadata:\n  version: 6\n\n"qs@npm:6.5.3":\n  version: 6.5.3\n  resolution: "qs@npm:6.5.3"\n\n"qs@npm:^6.5.0":\n  version: 6.5.1\n  resolution: "qs@npm:6.5.1"\n\n"shop@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "shop@workspace:."\n  dependencies:\n    qs: "npm:6.5.3"\n\n"web@workspace:apps/web":\n  version: 0.0.0-use.local\n  resolution: "web@workspace:apps/web"\n  dependencies:\n    qs: "npm:^6.5.0"\n`;
  const classic = `# yarn lockfile v1\n\n\nqs@6.5.3:\n  version "6.5.3"\n\nqs@^6.5.0:\n  version "6.5.1"\n`;
  for (const [lockName, lockText] of [['pnpm-lock.yaml', pnpm], ['package-lock.json', npm], ['yarn.lock', berry], ['yarn.lock', classic]]) {
    const member = await scanProject({ 'package.json': rootJson, [lockName]: lockText, 'apps/web/package.json': web }, 'apps/web/package.json');
    assert.deepEqual(member.lines, ['4 qs@6.5.1'], `${lockName}: ${JSON.stringify(member.result.notices)}`);
    assert.deepEqual(member.result.notices.filter((n) => !/days old/.test(n.message)), [], lockName);
    // The upgrade fix edits the workspace's own range.
    assert.ok(member.result.findings[0].fixes.length > 0, lockName);
    const root = await scanProject({ 'package.json': rootJson, [lockName]: lockText, 'apps/web/package.json': web }, 'package.json');
    assert.deepEqual(root.lines, [], `${lockName}: the root's own qs 6.5.3 is fixed`);
  }
  // A package.json below the root that is no workspace of it (a project template, a test
  // fixture): its ranges are not read from the root's lockfile, and the notice says why.
  for (const [lockName, lockText] of [['pnpm-lock.yaml', pnpm], ['package-lock.json', npm], ['yarn.lock', berry]]) {
    const other = await scanProject({ 'package.json': rootJson, [lockName]: lockText, 'templates/react/package.json': web }, 'templates/react/package.json');
    assert.deepEqual(other.lines, [], lockName);
    assert.ok(other.result.notices.some((n) => n.message.includes(`../../${lockName} does not list this folder (templates/react) as a workspace: 1 version range was not checked`)), `${lockName}: ${JSON.stringify(other.result.notices)}`);
  }
  // A lockfile beside the workspace wins over the root's.
  const own = await scanProject({ 'package.json': rootJson, 'pnpm-lock.yaml': pnpm, 'apps/web/package.json': web, 'apps/web/package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { qs: '^6.5.0' } }, 'node_modules/qs': { version: '6.5.2' } } }) }, 'apps/web/package.json');
  assert.deepEqual(own.lines, ['4 qs@6.5.2']);
  // The lockfiles that decide a workspace's findings, for --cache and the editor: each
  // folder's up to the root's.
  const companions = deps.manifestCompanions(path.join(own.dir, 'apps', 'web', 'package.json'), web).map((p) => path.relative(own.dir, p));
  assert.deepEqual(companions, ['apps/web/package-lock.json', 'apps/web/npm-shrinkwrap.json', 'apps/web/yarn.lock', 'apps/web/pnpm-lock.yaml'].map((p) => path.join(...p.split('/'))));
  const member = await scanProject({ 'package.json': rootJson, 'pnpm-lock.yaml': pnpm, 'apps/web/package.json': web }, 'apps/web/package.json');
  const up = deps.manifestCompanions(path.join(member.dir, 'apps', 'web', 'package.json'), web).map((p) => path.relative(member.dir, p));
  assert.equal(up.length, 12);
  assert.ok(up.includes('pnpm-lock.yaml') && up.includes(path.join('apps', 'yarn.lock')));
});

test('requirements.txt: pins, extras, markers, continuations and hashes, -r includes; unpinned lines counted', async () => {
  const files = {
    'requirements.txt': 'Django[argon2]==3.2.4 ; python_version >= "3.8" \\\n    --hash=sha256:aaaa \\\n    --hash=sha256:bbbb\n-r requirements/base.txt\nrequests>=2.0\nflask==2.3.2  # fine\n',
    'requirements/base.txt': 'urllib3==1.24.1\n',
  };
  const { result, lines } = await scanProject(files, 'requirements.txt');
  assert.deepEqual(lines, ['1 Django@3.2.4', '4 urllib3@1.24.1']);
  assert.equal(result.findings[0].fixes[0].edits[0].newText, '3.2.14');
  assert.deepEqual(result.findings[0].dependency.advisories[0].aliases, ['GHSA-djan-0001-eeee', 'CVE-2099-2001']);
  assert.match(result.notices.map((n) => n.message).join('\n'), /1 requirement is not pinned with ==/);
});

test('poetry.lock (direct from pyproject.toml), uv.lock (graph from the project entry), Pipfile.lock', async () => {
  const poetry = `[[package]]\nname = "requests"\nversion = "2.19.1"\n\n[package.dependencies]\nurllib3 = ">=1.21.1,<1.24"\n\n[[package]]\nname = "urllib3"\nversion = "1.23"\n`;
  const pyproject = `[tool.poetry.dependencies]\npython = "^3.8"\nrequests = "^2.19"\n`;
  const a = await scanProject({ 'poetry.lock': poetry, 'pyproject.toml': pyproject }, 'poetry.lock');
  assert.deepEqual(a.lines, ['1 requests@2.19.1', '8 urllib3@1.23']);
  assert.deepEqual(a.result.findings.map((f) => [f.dependency.direct, f.dependency.path.join('>')]), [[true, 'requests'], [false, 'requests>urllib3']]);

  const uv = `version = 1\n\n[[package]]\nname = "shop"\nversion = "0.1.0"\nsource = { editable = "." }\ndependencies = [\n    { name = "requests" },\n]\n\n[[package]]\nname = "requests"\nversion = "2.19.1"\nsource = { registry = "https://pypi.org/simple" }\ndependencies = [{ name = "urllib3" }]\n\n[[package]]\nname = "urllib3"\nversion = "1.23"\nsource = { registry = "https://pypi.org/simple" }\n`;
  const b = await scanProject({ 'uv.lock': uv }, 'uv.lock');
  assert.deepEqual(b.lines, ['11 requests@2.19.1', '17 urllib3@1.23']);
  assert.deepEqual(b.result.findings[1].dependency.path, ['requests', 'urllib3']);

  // Two versions of one name (per Python version): uv names the version on each edge, and
  // each version is reached through its own edge (before, one was left with no path at all).
  const uvTwo = `version = 1\n\n[[package]]\nname = "shop"\nversion = "0.1.0"\nsource = { editable = "." }\ndependencies = [\n    { name = "requests" },\n    { name = "urllib3", version = "1.23", source = { registry = "https://pypi.org/simple" }, marker = "python_full_version < '3.10'" },\n    { name = "urllib3", version = "1.24.1", source = { registry = "https://pypi.org/simple" }, marker = "python_full_version >= '3.10'" },\n]\n\n[[package]]\nname = "requests"\nversion = "2.19.1"\nsource = { registry = "https://pypi.org/simple" }\ndependencies = [{ name = "urllib3", version = "1.23", source = { registry = "https://pypi.org/simple" } }]\n\n[[package]]\nname = "urllib3"\nversion = "1.23"\nsource = { registry = "https://pypi.org/simple" }\n\n[[package]]\nname = "urllib3"\nversion = "1.24.1"\nsource = { registry = "https://pypi.org/simple" }\n`;
  const two = await scanProject({ 'uv.lock': uvTwo }, 'uv.lock');
  assert.deepEqual(two.result.findings.map((f) => [f.dependency.name, f.dependency.version, f.dependency.direct]), [['requests', '2.19.1', true], ['urllib3', '1.23', true], ['urllib3', '1.24.1', true]]);

  const pipfileLock = JSON.stringify({ _meta: {}, default: { django: { version: '==3.2.4' }, urllib3: { version: '==1.24.1' } }, develop: {} }, null, 2);
  const c = await scanProject({ 'Pipfile.lock': pipfileLock, Pipfile: '[packages]\ndjango = "*"\n' }, 'Pipfile.lock');
  assert.deepEqual(c.result.findings.map((f) => [f.dependency.name, f.dependency.direct]), [['django', true], ['urllib3', false]]);
});

test('pyproject.toml: versions from poetry.lock or uv.lock (a uv workspace member from the root lock), exact pins without one; findings on the declaring line, the fix on the version', async () => {
  const poetryLock = `[[package]]\nname = "django"\nversion = "3.2.4"\n\n[[package]]\nname = "requests"\nversion = "2.19.1"\n\n[package.dependencies]\nurllib3 = ">=1.21.1,<1.25"\n\n[[package]]\nname = "urllib3"\nversion = "1.24.1"\n`;
  // PEP 621 strings (extras, Poetry 2's parentheses, a marker), one per line, and a comment.
  const pep621 = `[project]\nname = "shop"\ndependencies = [\n    "Django>=3.2.4,<4",  # the web framework\n    'requests[socks] (>=2.19.0) ; python_version >= "3.8"',\n]\n\n[tool.ruff]\nline-length = 100\n`;
  const a = await scanProject({ 'pyproject.toml': pep621, 'poetry.lock': poetryLock }, 'pyproject.toml');
  assert.deepEqual(a.lines, ['4 Django@3.2.4', '5 requests@2.19.1', '5 urllib3@1.24.1']);
  const [django, requests, urllib3] = a.result.findings;
  assert.deepEqual(django.fixes[0].edits, [{ range: { start: { line: 3, character: 13 }, end: { line: 3, character: 18 } }, newText: '3.2.14' }]);
  assert.deepEqual(requests.fixes[0].edits, [{ range: { start: { line: 4, character: 24 }, end: { line: 4, character: 30 } }, newText: '2.20.0' }]);
  assert.deepEqual([urllib3.dependency.direct, urllib3.dependency.path, urllib3.fixes], [false, ['requests', 'urllib3'], []]);
  assert.deepEqual(a.result.notices.filter((n) => !/days old/.test(n.message)), []);

  // Poetry's tables without a lockfile: a bare version and `==` are exact, a caret range is not
  // known (and no notice: a library does not lock).
  const poetry = `[tool.poetry]\nname = "shop"\n\n[tool.poetry.dependencies]\npython = "^3.8"\ndjango = "3.2.4"\n"requests" = { version = "==2.19.1", extras = ["socks"] }\nurllib3 = "^1.24"\n\n[tool.poetry.group.dev.dependencies]\nurllib3 = "1.24.1"\n`;
  const b = await scanProject({ 'pyproject.toml': poetry }, 'pyproject.toml');
  assert.deepEqual(b.lines, ['6 django@3.2.4', '7 requests@2.19.1']);
  assert.deepEqual(b.result.findings[0].fixes[0].edits[0], { range: { start: { line: 5, character: 10 }, end: { line: 5, character: 15 } }, newText: '3.2.14' });
  assert.deepEqual(b.result.notices.filter((n) => !/days old/.test(n.message)), []);

  // A uv workspace: the member's pyproject.toml takes its own entry's dependencies from the
  // root's uv.lock; the root's takes the root project's.
  const uv = `version = 1\n\n[[package]]\nname = "shop"\nversion = "0.1.0"\nsource = { virtual = "." }\ndependencies = [{ name = "requests" }]\n\n[[package]]\nname = "api"\nversion = "0.1.0"\nsource = { editable = "packages/api" }\ndependencies = [{ name = "django" }]\n\n[[package]]\nname = "django"\nversion = "3.2.4"\nsource = { registry = "https://pypi.org/simple" }\n\n[[package]]\nname = "requests"\nversion = "2.19.1"\nsource = { registry = "https://pypi.org/simple" }\n`;
  const files = {
    'uv.lock': uv,
    'pyproject.toml': '[project]\nname = "shop"\ndependencies = ["requests>=2"]\n\n[tool.uv.workspace]\nmembers = ["packages/*"]\n',
    'packages/api/pyproject.toml': '[project]\nname = "api"\ndependencies = [\n  "django>=3.2",\n]\n',
    'tools/pyproject.toml': '[project]\nname = "tools"\ndependencies = ["django>=3.2", "requests==2.19.1"]\n',
  };
  assert.deepEqual((await scanProject(files, 'packages/api/pyproject.toml')).lines, ['4 django@3.2.4']);
  assert.deepEqual((await scanProject(files, 'pyproject.toml')).lines, ['3 requests@2.19.1']);
  // Not a member: exact pins only.
  assert.deepEqual((await scanProject(files, 'tools/pyproject.toml')).lines, ['3 requests@2.19.1']);
  const up = deps.manifestCompanions(path.join('/p', 'packages', 'api', 'pyproject.toml'), files['packages/api/pyproject.toml']);
  assert.deepEqual(up.slice(0, 3), ['/p/packages/api/poetry.lock', '/p/packages/api/uv.lock', '/p/packages/uv.lock'].map((p) => path.resolve(p)));

  // A tool's config alone, or text that is not TOML.
  assert.deepEqual((await scanProject({ 'pyproject.toml': '[tool.black]\nline-length = 88\n' }, 'pyproject.toml')).result.findings, []);
  const broken = await scanProject({ 'pyproject.toml': '[project\nname = ' }, 'pyproject.toml');
  assert.ok(broken.result.notices.some((n) => /not valid TOML/.test(n.message)), JSON.stringify(broken.result.notices));
});

test('pom.xml (properties, dependencyManagement, comments, unresolved versions) and gradle.lockfile', async () => {
  const pom = `<?xml version="1.0"?>
<project>
  <version>1.0.0</version>
  <properties>
    <jackson.version>2.9.8</jackson.version>
  </properties>
  <!-- <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>2.9.1</version></dependency> -->
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>com.fasterxml.jackson.core</groupId>
        <artifactId>jackson-databind</artifactId>
        <version>\${jackson.version}</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>org.example</groupId>
      <artifactId>from-parent</artifactId>
    </dependency>
  </dependencies>
</project>
`;
  const { result, lines } = await scanProject({ 'pom.xml': pom }, 'pom.xml');
  assert.deepEqual(lines, ['12 com.fasterxml.jackson.core:jackson-databind@2.9.8']);
  assert.deepEqual(result.findings[0].fixes[0].edits, [{ range: { start: { line: 4, character: 21 }, end: { line: 4, character: 26 } }, newText: '2.9.10.8' }], 'the fix edits the property');
  assert.match(result.notices[0].message, /1 dependency has no version written in this pom/);
  const gradle = '# comment\ncom.fasterxml.jackson.core:jackson-databind:2.9.10.1=runtimeClasspath\nempty=\n';
  const g = await scanProject({ 'gradle.lockfile': gradle }, 'gradle.lockfile');
  assert.deepEqual(g.lines, ['2 com.fasterxml.jackson.core:jackson-databind@2.9.10.1']);
});

test('pom.xml in a multi-module build: versions and properties from the parent pom in the checkout', async () => {
  const parent = `<project>
  <groupId>org.example</groupId>
  <artifactId>shop-parent</artifactId>
  <version>1.0.0</version>
  <properties>
    <jackson.version>2.9.8</jackson.version>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>com.fasterxml.jackson.core</groupId>
        <artifactId>jackson-databind</artifactId>
        <version>\${jackson.version}</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
</project>
`;
  const child = (parentBlock) => `<project>
  ${parentBlock}
  <artifactId>shop-web</artifactId>
  <dependencies>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
    </dependency>
  </dependencies>
</project>
`;
  const parentRef = '<parent><groupId>org.example</groupId><artifactId>shop-parent</artifactId><version>1.0.0</version></parent>';
  const web = await scanProject({ 'pom.xml': parent, 'web/pom.xml': child(parentRef) }, 'web/pom.xml');
  assert.deepEqual(web.lines, ['7 com.fasterxml.jackson.core:jackson-databind@2.9.8']);
  assert.equal(web.result.findings[0].fixes.length, 0, 'the version is in the parent pom: no edit in this file');
  assert.equal(web.result.notices.length, 0);
  // The parent's own finding stays on its managed entry, with the fix on its property.
  const root = await scanProject({ 'pom.xml': parent }, 'pom.xml');
  assert.deepEqual(root.lines, ['12 com.fasterxml.jackson.core:jackson-databind@2.9.8']);
  // <relativePath/> (a parent from a repository), or a pom above that is another project: not read.
  for (const block of [parentRef.replace('</parent>', '<relativePath/></parent>'), parentRef.replace('shop-parent', 'other-parent')]) {
    const r = await scanProject({ 'pom.xml': parent, 'web/pom.xml': child(block) }, 'web/pom.xml');
    assert.deepEqual(r.lines, [], block);
    assert.match(r.result.notices[0].message, /1 dependency has no version written in this pom or its parent poms in this checkout/);
  }
  // A dependency whose version this pom manages itself is reported once, on the managed entry.
  const own = parent.replace('</project>', '  <dependencies>\n    <dependency>\n      <groupId>com.fasterxml.jackson.core</groupId>\n      <artifactId>jackson-databind</artifactId>\n    </dependency>\n  </dependencies>\n</project>');
  const ownScan = await scanProject({ 'pom.xml': own }, 'pom.xml');
  assert.deepEqual(ownScan.lines, ['12 com.fasterxml.jackson.core:jackson-databind@2.9.8']);
  assert.equal(ownScan.result.notices.length, 0);
});

test('go.mod (indirect, replace) and go.sum (only what go.mod selects)', async () => {
  const goMod = 'module example.com/shop\n\ngo 1.21\n\nrequire (\n\tgolang.org/x/net v0.17.0\n\tgolang.org/x/text v0.14.0 // indirect\n)\n\nrequire example.com/old v1.0.0\n\nreplace example.com/old => golang.org/x/net v0.20.0\n';
  const goSum = 'golang.org/x/net v0.10.0/go.mod h1:a=\ngolang.org/x/net v0.17.0 h1:b=\ngolang.org/x/net v0.17.0/go.mod h1:c=\n';
  const a = await scanProject({ 'go.mod': goMod, 'go.sum': goSum }, 'go.mod');
  assert.deepEqual(a.lines, ['6 golang.org/x/net@v0.17.0', '10 golang.org/x/net@v0.20.0']);
  assert.equal(a.result.findings[0].fixes[0].edits[0].newText, 'v0.23.0');
  assert.equal(a.result.findings[1].fixes.length, 0, 'a replaced module is not edited on its require line');
  const b = await scanProject({ 'go.mod': goMod, 'go.sum': goSum }, 'go.sum');
  assert.deepEqual(b.lines, ['2 golang.org/x/net@v0.17.0']);
});

test('ignore comments take out one advisory or the whole finding; .ward.yaml entries expire and say so', async () => {
  const req = 'django==3.2.4  # ward-ignore PYSEC-2099-11 -- only the admin uses the ORM path\n# ward-ignore GHSA-reqs-0001-ffff -- internal hosts only\nrequests==2.19.1\nurllib3==1.24.1  # ward-ignore dep-vulnerable-pypi -- vendored copy\n';
  const { result } = await scanProject({ 'requirements.txt': req }, 'requirements.txt');
  assert.deepEqual(result.findings.map((f) => [f.dependency.name, f.suppressed?.kind, f.suppressed?.justification]), [
    ['django', 'line', 'PYSEC-2099-11: only the admin uses the ORM path'],
    ['requests', 'line', 'GHSA-reqs-0001-ffff: internal hosts only'],
    ['urllib3', 'line', 'vendored copy'],
  ]);
  const config = parseConfig(`ignore:\n  - id: ghsa-loda-0002-bbbb\n    reason: templates are ours\n    expires: 2999-01-01\n  - id: CVE-2099-1001\n    package: lodash\n    reason: checked in 2020\n    expires: 2020-01-01\n  - id: not-an-id\n    reason: x\n`, '/p/.ward.yaml');
  assert.equal(config.problems.length, 1);
  assert.match(config.problems[0], /ignore\[2\]: id must be an advisory id/);
  const engine = scanner({ ignore: config.ignore });
  const lock = await scanProject({ 'package.json': PACKAGE_JSON, 'package-lock.json': LOCK_V3 }, 'package-lock.json', engine);
  const lodash = lock.result.findings[0];
  assert.equal(lodash.suppressed, undefined, 'the expired entry no longer suppresses');
  assert.deepEqual(lodash.dependency.advisories.map((a) => a.id), ['GHSA-loda-0001-aaaa']);
  assert.deepEqual(lodash.dependency.ignored, [{ id: 'GHSA-loda-0002-bbbb', reason: 'templates are ours (/p/.ward.yaml, until 2999-01-01)' }]);
  assert.match(lodash.message, /The ignore entry for CVE-2099-1001 in \/p\/.ward.yaml expired on 2020-01-01/);
});

test('no database, an old database: a notice, never a download; bad files give notices, not crashes', async () => {
  const empty = scanner({ folder: path.join(tempDir(), 'nothing') });
  const { result } = await scanProject({ 'requirements.txt': 'django==3.2.4\n' }, 'requirements.txt', empty);
  assert.deepEqual(result.findings, []);
  assert.match(result.notices[0].message, /no PyPI advisory database in .*run "ward advisories update --ecosystem PyPI"/);
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'old.zip'), osvZip([osvRecord({ id: 'GHSA-old0-0001-aaaa', modified: '2020-01-01T00:00:00Z', cvss: CVSS.high, affected: [{ ecosystem: 'PyPI', name: 'django', ranges: [['0', '9']] }] })]));
  await deps.importZip(path.join(dir, 'old.zip'), path.join(dir, 'db'), { source: 'old.zip' });
  const old = await scanProject({ 'requirements.txt': 'django==3.2.4\n' }, 'requirements.txt', scanner({ folder: path.join(dir, 'db'), maxAgeDays: 7 }));
  assert.equal(old.lines.length, 1, 'an old database still reports what it knows');
  assert.match(old.result.notices[0].message, /the PyPI advisory database is \d+ days old \(newest record 2020-01-01\)/);
  for (const [name, text] of [['package-lock.json', '{ not json'], ['pnpm-lock.yaml', 'a: [\n'], ['poetry.lock', '[[package]\n'], ['pom.xml', '<project><a></b></project>'], ['package.json', '[]']]) {
    const bad = await scanProject({ [name]: text }, name);
    assert.equal(bad.result.findings.length, 0, name);
    assert.match(bad.result.notices.map((n) => n.message).join('\n'), /its dependencies were not checked|not/, name);
  }
});

test('import: a zip that is not OSV, a broken zip and a zip bomb are refused and leave the database as it was', async () => {
  const dir = tempDir();
  const folder = path.join(dir, 'db');
  fs.writeFileSync(path.join(dir, 'good.zip'), osvZip(RECORDS.slice(0, 2)));
  await deps.importZip(path.join(dir, 'good.zip'), folder, { source: 'good', ecosystems: ['npm'] });
  const before = deps.readMeta(path.join(folder, 'npm'));
  const cases = {
    'notosv.zip': makeZip(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.json`, '{"hello": 1}']))),
    'broken.zip': osvZip(RECORDS).subarray(0, 300),
    'text.zip': Buffer.from('not a zip at all'),
    'other.zip': osvZip([RECORDS[4]]),
  };
  for (const [name, bytes] of Object.entries(cases)) {
    fs.writeFileSync(path.join(dir, name), bytes);
    await assert.rejects(deps.importZip(path.join(dir, name), folder, { source: name, ecosystems: ['npm'] }), deps.ImportError, name);
  }
  fs.writeFileSync(path.join(dir, 'bomb.zip'), makeZip({ 'big.json': Buffer.alloc(2 * 1024 * 1024, 32) }));
  await assert.rejects(deps.importZip(path.join(dir, 'bomb.zip'), folder, { source: 'bomb', limits: { maxEntryBytes: 1024 * 1024, maxTotalBytes: 1e9 } }), /over the 1048576-byte limit/);
  assert.deepEqual(deps.readMeta(path.join(folder, 'npm')), before);
  assert.deepEqual(fs.readdirSync(folder), ['npm'], 'no temporary folders left behind');
});

test('import: a zip64 export (more than 65,535 records, as OSV npm has) and a damaged entry', async () => {
  const dir = tempDir();
  const files = { 'GHSA-big0-0001-aaaa.json': JSON.stringify(RECORDS[0]) };
  for (let i = 0; i < 65600; i++) files[`MAL-2099-${i}.json`] = `{"id":"MAL-2099-${i}","modified":"2024-01-01T00:00:00Z"}`;
  fs.writeFileSync(path.join(dir, 'big.zip'), makeZip(files));
  const result = await deps.importZip(path.join(dir, 'big.zip'), path.join(dir, 'db'), { source: 'big', ecosystems: ['npm'] });
  assert.equal(result.records, 65601);
  assert.equal(result.imported[0].advisories, 1);
  const zip = osvZip(RECORDS.slice(0, 3));
  const damaged = Buffer.from(zip);
  damaged[60] ^= 0xff; // inside the first entry's deflated data
  fs.writeFileSync(path.join(dir, 'damaged.zip'), damaged);
  await assert.rejects(deps.importZip(path.join(dir, 'damaged.zip'), path.join(dir, 'db2'), { source: 'damaged' }), /cannot inflate|CRC mismatch|bytes, its header says/);
});

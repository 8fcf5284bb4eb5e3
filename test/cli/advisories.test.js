// `ward advisories update|import|status` and scans of manifests through the CLI. The
// download path runs against HTTP servers this test starts on 127.0.0.1 (a redirect chain,
// a truncated body, a wrong checksum, a forward proxy); no other network is used.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { osvRecord, osvZip, tempDir, writeTree, CVSS } = require('../osvFixtures');

const CLI = path.join(process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist'), 'cli.js');
const NO_PROXY_ENV = { HTTP_PROXY: '', HTTPS_PROXY: '', ALL_PROXY: '', http_proxy: '', https_proxy: '', all_proxy: '', NO_PROXY: '', no_proxy: '' };

function ward(args, { cwd, env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...NO_PROXY_ENV, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const guard = setTimeout(() => child.kill('SIGKILL'), 60000);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

const NPM_ZIP = osvZip([
  osvRecord({ id: 'GHSA-cli0-0001-aaaa', aliases: ['CVE-2099-3001'], summary: 'Prototype pollution', cvss: CVSS.critical, affected: [{ name: 'lodash', ranges: [['0', '4.17.21']] }] }),
  osvRecord({ id: 'GHSA-cli0-0002-bbbb', summary: 'Prototype poisoning', cvss: CVSS.medium, affected: [{ name: 'qs', ranges: [['6.5.0', '6.5.3']] }] }),
]);
const md5 = (b) => crypto.createHash('md5').update(b).digest('base64');

/** The mock bucket: /npm/all.zip through two redirects, and broken variants. */
function startBucket() {
  const hits = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url);
    const url = new URL(req.url, 'http://x');
    const send = (body, headers = {}) => {
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': body.length, ...headers });
      res.end(body);
    };
    switch (url.pathname) {
      case '/npm/all.zip':
        res.writeHead(302, { location: '/hop/npm' });
        return res.end();
      case '/hop/npm':
        res.writeHead(307, { location: `http://127.0.0.1:${server.address().port}/objects/npm.zip` });
        return res.end();
      case '/objects/npm.zip':
        return send(NPM_ZIP, { 'x-goog-hash': `crc32c=AAAAAA==,md5=${md5(NPM_ZIP)}` });
      case '/truncated/npm/all.zip':
        res.writeHead(200, { 'content-length': NPM_ZIP.length });
        res.write(NPM_ZIP.subarray(0, 100));
        return setTimeout(() => res.destroy(), 20);
      case '/badsum/npm/all.zip':
        return send(NPM_ZIP, { 'x-goog-hash': `md5=${md5(Buffer.from('something else'))}` });
      case '/loop/npm/all.zip':
        res.writeHead(301, { location: '/loop/npm/all.zip' });
        return res.end();
      default:
        res.writeHead(404);
        res.end('no such object');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, hits, base: `http://127.0.0.1:${server.address().port}` })));
}

/** A forward proxy for plain-HTTP targets (absolute-form requests), recording what it relays. */
function startProxy() {
  const relayed = [];
  const proxy = http.createServer((req, res) => {
    relayed.push(req.url);
    const target = new URL(req.url);
    const upstream = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve({ proxy, relayed, url: `http://127.0.0.1:${proxy.address().port}` })));
}

test('update: follows redirects, checks the MD5, indexes; broken downloads leave the database unchanged', async (t) => {
  const { server, base } = await startBucket();
  t.after(() => server.close());
  const folder = path.join(tempDir(), 'db');
  const ok = await ward(['advisories', 'update', '--ecosystem', 'npm', '--folder', folder, '--source', base, '--no-config']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, /downloading the npm advisories from http:\/\/127\.0\.0\.1:\d+\/npm\/all\.zip \(network access: only this command uses it\)/);
  assert.match(ok.stderr, /MD5 checked/);
  assert.match(ok.stdout, /npm: 2 advisories for 2 packages/);
  const meta = JSON.parse(fs.readFileSync(path.join(folder, 'npm', 'meta.json'), 'utf8'));
  for (const [source, expected] of [['/truncated', /broke off after \d+ of \d+ bytes|announced/], ['/badsum', /checksum mismatch/], ['/loop', /more than 5 redirects/], ['/missing', /answered 404/]]) {
    const r = await ward(['advisories', 'update', '--ecosystem', 'npm', '--folder', folder, '--source', base + source, '--no-config']);
    assert.equal(r.code, 2, `${source}: ${r.stderr}`);
    assert.match(r.stderr, expected, source);
    assert.match(r.stderr, /the database already there \(if any\) is unchanged/);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(folder, 'npm', 'meta.json'), 'utf8')), meta, source);
  }
  assert.deepEqual(fs.readdirSync(folder), ['npm'], 'no partial downloads left');
});

test('update through HTTP_PROXY; NO_PROXY bypasses it', async (t) => {
  const { server, base } = await startBucket();
  const { proxy, relayed, url } = await startProxy();
  t.after(() => {
    server.close();
    proxy.close();
  });
  const folder = path.join(tempDir(), 'db');
  const r = await ward(['advisories', 'update', '--ecosystem', 'npm', '--folder', folder, '--source', base, '--no-config'], { env: { HTTP_PROXY: url } });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /through the proxy 127\.0\.0\.1:\d+/);
  assert.ok(relayed.some((u) => u.endsWith('/npm/all.zip')) && relayed.some((u) => u.endsWith('/objects/npm.zip')), relayed.join(', '));
  const before = relayed.length;
  const direct = await ward(['advisories', 'update', '--ecosystem', 'npm', '--folder', folder, '--source', base, '--no-config'], { env: { HTTP_PROXY: url, NO_PROXY: '127.0.0.1' } });
  assert.equal(direct.code, 0, direct.stderr);
  assert.equal(relayed.length, before, 'NO_PROXY: not through the proxy');
});

test('import, status, and a scan: manifest line in SARIF, lockfile copy dropped, baseline, database date', async () => {
  const dir = tempDir();
  const folder = path.join(dir, 'db');
  fs.writeFileSync(path.join(dir, 'npm.zip'), NPM_ZIP);
  const imp = await ward(['advisories', 'import', path.join(dir, 'npm.zip'), '--folder', folder, '--no-config']);
  assert.equal(imp.code, 0, imp.stderr);
  const status = await ward(['advisories', 'status', '--folder', folder, '--no-config']);
  assert.match(status.stdout, /npm: 2 advisories for 2 packages, newest record \d{4}-\d{2}-\d{2} \(0 days ago\)/);
  assert.match(status.stdout, /PyPI: not imported/);
  const bad = await ward(['advisories', 'import', path.join(dir, 'nope.zip'), '--folder', folder, '--no-config']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /cannot read .*nope\.zip: ENOENT/);

  const project = writeTree(path.join(dir, 'app'), {
    'package.json': '{\n  "dependencies": {\n    "lodash": "^4.17.4",\n    "express": "4.16.0"\n  }\n}\n',
    'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { lodash: '^4.17.4', express: '4.16.0' } }, 'node_modules/lodash': { version: '4.17.4' }, 'node_modules/express': { version: '4.16.0', dependencies: { qs: '6.5.1' } }, 'node_modules/qs': { version: '6.5.1' } } }, null, 2),
  });
  const env = { WARD_ADVISORIES_DIR: folder };
  const sarif = await ward(['scan', '--format', 'sarif', '--no-config', '.'], { cwd: project, env });
  assert.equal(sarif.code, 1, sarif.stderr);
  const run = JSON.parse(sarif.stdout).runs[0];
  assert.deepEqual(run.results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine, r.level]), [
    ['dep-vulnerable-npm', 'package.json', 3, 'error'],
    ['dep-vulnerable-npm', 'package.json', 4, 'warning'],
  ]);
  assert.deepEqual(run.results[0].properties.advisories, ['GHSA-cli0-0001-aaaa']);
  assert.deepEqual(run.results[1].properties.dependencyPath, ['express', 'qs']);
  assert.match(run.properties.advisoryDatabase, /^npm \d{4}-\d{2}-\d{2}$/);
  assert.ok(run.tool.driver.rules.some((r) => r.id === 'dep-vulnerable-npm' && r.properties.tags.includes('CWE-1395')));

  const base = await ward(['baseline', 'create', '--no-config', '.'], { cwd: project, env });
  assert.equal(base.code, 0, base.stderr);
  const again = await ward(['scan', '--baseline', '.ward-baseline.json', '--no-config', '.'], { cwd: project, env });
  assert.equal(again.code, 0, again.stdout);
  assert.match(again.stdout, /0 findings in 2 files .*2 suppressed/);
  assert.match(again.stdout, /Advisory database: npm \d{4}-/);

  const none = await ward(['scan', '--no-config', '.'], { cwd: project, env: { WARD_ADVISORIES_DIR: path.join(dir, 'empty') } });
  assert.equal(none.code, 0);
  assert.match(none.stdout, /no npm advisory database in .*"ward advisories update --ecosystem npm"/);
});

// A scan of more than a few dozen files runs on worker threads: they must check manifests
// too (they used to start without the advisory database and found nothing).
test('a scan on worker threads reports the same vulnerable dependencies as one in-process', async () => {
  const dir = tempDir();
  const folder = path.join(dir, 'db');
  fs.writeFileSync(path.join(dir, 'npm.zip'), NPM_ZIP);
  assert.equal((await ward(['advisories', 'import', path.join(dir, 'npm.zip'), '--folder', folder, '--no-config'])).code, 0);
  const files = {
    'package.json': '{\n  "dependencies": {\n    "lodash": "4.17.4"\n  }\n}\n',
  };
  for (let i = 0; i < 80; i++) files[`src/m${i}.js`] = `module.exports = ${i};\n`;
  const project = writeTree(path.join(dir, 'app'), files);
  const env = { WARD_ADVISORIES_DIR: folder };
  const ids = async (jobs) => {
    const r = await ward(['scan', '--format', 'json', '--jobs', jobs, '--no-config', '.'], { cwd: project, env });
    return JSON.parse(r.stdout).findings.map((f) => `${f.ruleId} ${f.path}:${f.start.line}`);
  };
  const workers = await ids('2');
  assert.deepEqual(workers, ['dep-vulnerable-npm package.json:3']);
  assert.deepEqual(await ids('1'), workers);
});

// A monorepo: the workspace's package.json reports what it brings in from the root's
// lockfile, and the report keeps that one alert, not also the lockfile's copy.
test("a workspace's vulnerable package is one SARIF result, on the workspace's package.json", async () => {
  const dir = tempDir();
  const folder = path.join(dir, 'db');
  fs.writeFileSync(path.join(dir, 'npm.zip'), NPM_ZIP);
  assert.equal((await ward(['advisories', 'import', path.join(dir, 'npm.zip'), '--folder', folder, '--no-config'])).code, 0);
  const project = writeTree(path.join(dir, 'mono'), {
    'package.json': '{\n  "workspaces": ["apps/*"],\n  "dependencies": {\n    "qs": "6.5.3"\n  }\n}\n',
    'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: {
      '': { workspaces: ['apps/*'], dependencies: { qs: '6.5.3' } },
      'node_modules/qs': { version: '6.5.3' },
      'node_modules/lodash': { version: '4.17.4' },
      'node_modules/web': { resolved: 'apps/web', link: true },
      'apps/web': { name: 'web', dependencies: { lodash: '^4.17.0' } },
    } }, null, 2),
    'apps/web/package.json': '{\n  "name": "web",\n  "dependencies": {\n    "lodash": "^4.17.0"\n  }\n}\n',
  });
  const sarif = await ward(['scan', '--format', 'sarif', '--no-config', '.'], { cwd: project, env: { WARD_ADVISORIES_DIR: folder } });
  assert.equal(sarif.code, 1, sarif.stderr);
  const results = JSON.parse(sarif.stdout).runs[0].results;
  assert.deepEqual(results.map((r) => [r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine, r.properties.advisories[0]]), [
    ['apps/web/package.json', 4, 'GHSA-cli0-0001-aaaa'],
  ]);
});

test('usage errors: unknown subcommand, unknown ecosystem, import without a file', async () => {
  for (const [args, expected] of [[['advisories', 'fetch'], /unknown advisories command "fetch"/], [['advisories', 'update', '--ecosystem', 'cargo'], /unknown ecosystem "cargo"/], [['advisories', 'import'], /needs the zip file/]]) {
    const r = await ward(args);
    assert.equal(r.code, 2);
    assert.match(r.stderr, expected);
  }
});

// A manifest's findings depend on its lockfile (and requirements on their -r includes): a
// cached result must not outlive a change to them. An upgrade in the lockfile alone used to
// leave package.json reporting the old version from the cache.
test('--cache: a lockfile or an included requirements file changed since re-checks the manifest', async () => {
  const dir = tempDir();
  const folder = path.join(dir, 'db');
  fs.writeFileSync(path.join(dir, 'npm.zip'), NPM_ZIP);
  assert.equal((await ward(['advisories', 'import', path.join(dir, 'npm.zip'), '--folder', folder, '--no-config'])).code, 0);
  const lock = (version) => JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { lodash: '^4.17.4' } }, 'node_modules/lodash': { version } } }, null, 2);
  const project = writeTree(path.join(dir, 'app'), {
    'package.json': '{\n  "dependencies": {\n    "lodash": "^4.17.4"\n  }\n}\n',
    'package-lock.json': lock('4.17.4'),
  });
  const env = { WARD_ADVISORIES_DIR: folder };
  const scan = async () => {
    const r = await ward(['scan', '--format', 'json', '--cache', path.join(dir, 'cache'), '--no-config', '--fail-on', 'none', '.'], { cwd: project, env });
    return { findings: JSON.parse(r.stdout).findings.map((f) => `${f.path}:${f.start.line} ${f.dependency.name}@${f.dependency.version}`), cached: /cache: (\d+) of/.exec(r.stderr)?.[1] };
  };
  assert.deepEqual((await scan()).findings, ['package.json:3 lodash@4.17.4']);
  // Rewritten (a new mtime and contents), package.json untouched.
  fs.writeFileSync(path.join(project, 'package-lock.json'), lock('4.17.21'));
  const upgraded = await scan();
  assert.deepEqual(upgraded.findings, []);
  assert.equal(upgraded.cached, '0');
  assert.equal((await scan()).cached, '2');

  // requirements.txt → -r base.txt → -r pins.txt: a pin changed two includes down.
  fs.writeFileSync(path.join(dir, 'py.zip'), osvZip([osvRecord({ id: 'GHSA-cli0-0003-cccc', summary: 'Header leak', cvss: CVSS.medium, affected: [{ ecosystem: 'PyPI', name: 'requests', ranges: [['0', '2.20.0']] }] })]));
  assert.equal((await ward(['advisories', 'import', path.join(dir, 'py.zip'), '--folder', folder, '--no-config'])).code, 0);
  writeTree(project, { 'requirements.txt': '-r reqs/base.txt\n', 'reqs/base.txt': '-r pins.txt\n', 'reqs/pins.txt': 'requests==2.19.0\n' });
  assert.deepEqual((await scan()).findings, ['requirements.txt:1 requests@2.19.0']);
  fs.writeFileSync(path.join(project, 'reqs/pins.txt'), 'requests==2.20.0\n');
  assert.deepEqual((await scan()).findings, []);
});

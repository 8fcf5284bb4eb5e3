// `ward summaries -o FILE` then `ward scan --shard i/n --summaries FILE`: the shards read the
// helper modules' summaries instead of computing them, and their findings together still equal
// one unsharded scan's; a helper changed since the file was written, a file made with other
// settings, a file moved to another checkout and broken files are each handled as stated in
// cli/summariesFile.ts (never a stale summary, never a crash).
const { describe, test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { project, ward, cleanup, assertNoCrash } = require('./wardProcess');

const T = { timeout: 180000 };
after(cleanup);

/** Route i imports helper i; helper i builds SQL from its parameter (or binds it, when `safe`). */
function helper(i, safe = false) {
  const query = safe ? `  return db.query('SELECT * FROM t WHERE name = ?', [name]);` : `  return db.query("SELECT * FROM t WHERE name = '" + name + "'");`;
  return ["const mysql = require('mysql');", 'const db = mysql.createConnection({});', `function find${i}(name) {`, query, '}', `module.exports = { find${i} };`, ''].join('\n');
}

function appFiles(n, safe = new Set()) {
  const files = {};
  for (let i = 0; i < n; i++) {
    files[`lib/helper${i}.js`] = helper(i, safe.has(i));
    files[`routes/route${i}.js`] = [
      "const express = require('express');",
      `const { find${i} } = require('../lib/helper${i}');`,
      'const app = express();',
      `app.get('/r${i}', (req, res) => {`,
      `  find${i}(req.query.name);`,
      '});',
      '',
    ].join('\n');
  }
  return files;
}

const keyOf = (f) => JSON.stringify([f.path, f.start.line, f.start.column, f.ruleId, f.message, f.trace ?? null]);

async function run(dir, args) {
  const r = await ward(args, dir, { env: { WARD_STATS: '1' } });
  assertNoCrash(assert, r, `ward ${args.join(' ')}`);
  return r;
}

async function scanJson(dir, extra = []) {
  const r = await run(dir, ['scan', '-f', 'json', '--no-config', '--fail-on', 'none', ...extra, '.']);
  assert.equal(r.status, 0, r.stderr);
  return { ...JSON.parse(r.stdout), stderr: r.stderr, stats: JSON.parse(/ward: stats: (.*)/.exec(r.stderr)[1]) };
}

async function writeSummaries(dir, file, extra = []) {
  const r = await run(dir, ['summaries', '--no-config', '-o', file, ...extra, '.']);
  assert.equal(r.status, 0, r.stderr);
  return r;
}

describe('ward summaries and ward scan --summaries', { concurrency: 2 }, () => {
  test('shards read every helper from the file, summarise none, and find what one scan finds', T, async () => {
    const dir = project(appFiles(6));
    const file = path.join(dir, 'summaries.json');
    const made = await writeSummaries(dir, file);
    assert.match(made.stdout, /summaries of 6 helper modules imported by 6 of 12 files written to/);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(Object.keys(stored.modules).sort(), [0, 1, 2, 3, 4, 5].map((i) => `lib/helper${i}.js`).sort(), 'modules by root-relative path');
    const whole = await scanJson(dir);
    assert.equal(whole.findings.filter((f) => f.ruleId === 'js-sql-injection').length, 6, 'each route reaches its helper');
    const shards = [];
    for (let i = 1; i <= 3; i++) shards.push(await scanJson(dir, ['--shard', `${i}/3`, '--summaries', file]));
    assert.equal(shards.reduce((t, s) => t + s.stats.summarised, 0), 0, 'no shard summarises a helper');
    assert.equal(shards.reduce((t, s) => t + s.stats.summariesRead, 0), 6, `helpers read from the file: ${shards.map((s) => s.stats.summariesRead)}`);
    const wholeKeys = whole.findings.map(keyOf).sort();
    assert.deepEqual(shards.flatMap((s) => s.findings.map(keyOf)).sort(), wholeKeys);
    // Unsharded with the file: the same findings too.
    const withFile = await scanJson(dir, ['--summaries', file]);
    assert.deepEqual(withFile.findings.map(keyOf).sort(), wholeKeys);
    assert.equal(withFile.stats.summarised, 0);
  });

  test("a helper module's validator (a function returning a check) vouches for its argument, also read from the file", T, async () => {
    const dir = project({
      'utils/request.py': [
        'from django.utils.http import url_has_allowed_host_and_scheme',
        '',
        '',
        'def safe_for_redirect(url):',
        '    return url_has_allowed_host_and_scheme(url, allowed_hosts=None)',
        '',
        '',
        'def short(url):',
        '    return len(url) < 200',
        '',
      ].join('\n'),
      'views.py': [
        'from django.http import HttpResponseRedirect',
        'from utils.request import safe_for_redirect, short',
        '',
        '',
        'def login(request):',
        '    url = request.POST.get("next")',
        '    if url and safe_for_redirect(url):',
        '        return HttpResponseRedirect(url)',
        '    return HttpResponseRedirect("/")',
        '',
        '',
        'def login_short(request):',
        '    url = request.POST.get("next")',
        '    if short(url):',
        '        return HttpResponseRedirect(url)',
        '    return HttpResponseRedirect("/")',
        '',
      ].join('\n'),
    });
    const lines = (r) => r.findings.filter((f) => f.ruleId === 'py-open-redirect').map((f) => f.start.line);
    assert.deepEqual(lines(await scanJson(dir)), [15], 'only the redirect after a length check');
    const file = path.join(dir, 'summaries.json');
    await writeSummaries(dir, file);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(stored.modules['utils/request.py'].summaries.safe_for_redirect.checks, [[0, ['redirect']]]);
    const read = await scanJson(dir, ['--summaries', file]);
    assert.equal(read.stats.summariesRead, 1);
    assert.deepEqual(lines(read), [15]);
  });

  test('a helper changed after the file was written is summarised again (no stale summary)', T, async () => {
    // Helper 0 is safe when the file is written, then made vulnerable.
    const dir = project(appFiles(3, new Set([0])));
    const file = path.join(dir, 'summaries.json');
    await writeSummaries(dir, file);
    fs.writeFileSync(path.join(dir, 'lib/helper0.js'), helper(0));
    const fresh = await scanJson(dir);
    const read = await scanJson(dir, ['--summaries', file]);
    assert.equal(read.stats.summarised, 1, 'the changed helper is summarised here');
    assert.equal(read.stats.summariesRead, 2);
    assert.ok(read.findings.some((f) => f.path === 'routes/route0.js' && f.ruleId === 'js-sql-injection'), 'the new flow through helper 0 is found');
    assert.deepEqual(read.findings.map(keyOf).sort(), fresh.findings.map(keyOf).sort());
  });

  test('a file read in another checkout (another folder) gives that checkout’s paths and findings', T, async () => {
    const files = appFiles(4);
    const a = project(files);
    const b = project(files);
    const file = path.join(a, 'summaries.json');
    await writeSummaries(a, file);
    const own = await scanJson(b);
    const read = await scanJson(b, ['--summaries', file]);
    assert.equal(read.stats.summarised, 0);
    assert.equal(read.stats.summariesRead, 4);
    assert.deepEqual(read.findings.map(keyOf).sort(), own.findings.map(keyOf).sort(), 'traces name the helpers of this checkout');
  });

  test('made with other settings: not used, said, and the scan summarises as without it', T, async () => {
    const dir = project(appFiles(3));
    const file = path.join(dir, 'summaries.json');
    await writeSummaries(dir, file, ['--time-budget', '5000']);
    const read = await scanJson(dir, ['--summaries', file]);
    assert.match(read.stderr, /ward: --summaries .* was made by Ward .* with other rules or settings .*not used/);
    assert.equal(read.stats.summarised, 3);
    assert.equal(read.findings.filter((f) => f.ruleId === 'js-sql-injection').length, 3);
  });

  test('a damaged module entry is summarised here; a file that is not a summaries file is exit 2', T, async () => {
    const dir = project(appFiles(3));
    const file = path.join(dir, 'summaries.json');
    await writeSummaries(dir, file);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    stored.modules['lib/helper1.js'].summaries = { find1: { toReturn: 'all', toSinks: [{ trace: 7 }] } };
    fs.writeFileSync(file, JSON.stringify(stored));
    const read = await scanJson(dir, ['--summaries', file]);
    assert.equal(read.stats.summarised, 1, 'the damaged entry is summarised again');
    assert.equal(read.findings.filter((f) => f.ruleId === 'js-sql-injection').length, 3);
    const bad = {
      'missing.json': null,
      'notjson.json': '{"format": "ward-summ',
      'other.json': JSON.stringify({ version: '2.1.0', runs: [] }),
      'nomodules.json': JSON.stringify({ format: 'ward-summaries', formatVersion: 1 }),
    };
    for (const [name, text] of Object.entries(bad)) {
      if (text !== null) fs.writeFileSync(path.join(dir, name), text);
      const r = await run(dir, ['scan', '--no-config', '--summaries', name, '.']);
      assert.equal(r.status, 2, `${name}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`ward: --summaries ${name.replace('.', '\\.')}: (no such file|not JSON|not a summaries file)`), name);
    }
  });

  test('usage: summaries needs --output; --summaries belongs to scan', T, async () => {
    const dir = project(appFiles(1));
    let r = await run(dir, ['summaries', '.']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /ward summaries needs --output FILE/);
    r = await run(dir, ['stats', '--summaries', 'x.json', '.']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--summaries is an option of "ward scan"/);
    r = await run(dir, ['summaries', '-f', 'sarif', '-o', 's.json', '.']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /leave out --format/);
  });
});

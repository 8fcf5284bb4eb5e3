// The GitHub Action (action.yml) and the GitLab CI template (ci/gitlab/ward.gitlab-ci.yml):
// they parse, every input is used, third-party actions are pinned by commit SHA, inputs never
// reach a script as text (only as variables), and their scripts run here against the built
// CLI as the runners would run them: the scan step's report, exit code and shard outputs,
// the merge step, and the GitLab job's SAST report on a parallel job.
const { describe, test, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');
const { project, cleanup, VULN_JS } = require('./wardProcess');
const { sarifValidator } = require('./sarifSchema');
const { gitlabSastValidator } = require('./gitlabSastSchema');

const T = { timeout: 180000 };
after(cleanup);

const root = path.join(__dirname, '..', '..');
const dist = path.resolve(process.env.WARD_DIST || path.join(root, 'dist'));
const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8'));
const gitlab = parse(fs.readFileSync(path.join(root, 'ci', 'gitlab', 'ward.gitlab-ci.yml'), 'utf8'));

/** `${{ inputs.x }}` and `${{ github.action_path }}` as the runner fills them in (with the inputs' defaults). */
function expand(value, inputs) {
  const all = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, String(v.default ?? '')])), ...inputs };
  return String(value).replace(/\$\{\{\s*(inputs\.([\w-]+)|github\.action_path)\s*\}\}/g, (_, expr, name) => (expr === 'github.action_path' ? path.dirname(dist) : all[name]));
}

/** Runs a step's script the way a composite step runs (bash, its env filled in); returns its status and GITHUB_OUTPUT. */
function runStep(id, inputs, cwd) {
  const step = action.runs.steps.find((s) => s.id === id);
  const outFile = path.join(cwd, `.github-output-${id}`);
  fs.writeFileSync(outFile, '');
  const env = { ...process.env, NO_COLOR: '1', GITHUB_OUTPUT: outFile, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs)])) };
  // The action builds dist/ next to action.yml; the tests' bundle may be elsewhere (WARD_DIST).
  env.WARD_CLI = path.join(dist, 'cli.js');
  const r = spawnSync('bash', ['-e', '-c', step.run], { cwd, env, encoding: 'utf8', timeout: 120000 });
  const outputs = Object.fromEntries(fs.readFileSync(outFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  fs.rmSync(outFile);
  return { status: r.status, stderr: r.stderr, stdout: r.stdout, outputs };
}

describe('CI templates', { concurrency: 2 }, () => {
  test('action.yml: a composite action; every input used; pinned actions; inputs only as variables', () => {
    assert.equal(action.runs.using, 'composite');
    for (const name of ['path', 'format', 'fail-on', 'baseline', 'changed-since', 'shard', 'merge', 'upload', 'category']) assert.ok(action.inputs[name], `input ${name}`);
    const steps = JSON.stringify(action.runs.steps);
    for (const name of Object.keys(action.inputs)) assert.match(steps, new RegExp(`inputs\\.${name.replace('-', '\\-')}\\b`), `input ${name} is used by a step`);
    for (const step of action.runs.steps) {
      if (step.uses) assert.match(step.uses, /^[\w-]+\/[\w./-]+@[0-9a-f]{40}$/, `${step.name}: pinned by commit SHA`);
      if (step.run) {
        assert.equal(step.shell, 'bash', `${step.name}: shell`);
        assert.doesNotMatch(step.run, /\$\{\{/, `${step.name}: no expression pasted into the script`);
      }
    }
    assert.ok(action.runs.steps.some((s) => /^github\/codeql-action\/upload-sarif@/.test(s.uses ?? '')), 'uploads with the official action');
  });

  test('the scan step: report, exit code 1 on findings (the job fails after the upload), shards, paths with spaces, extra options', T, () => {
    const dir = project({ 'src/app.js': VULN_JS, 'my dir/b.js': VULN_JS, 'skip/c.js': VULN_JS });
    const plain = runStep('scan', {}, dir);
    assert.equal(plain.status, 0, plain.stderr);
    assert.deepEqual(plain.outputs, { report: 'ward.sarif', 'exit-code': '1' });
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'ward.sarif'), 'utf8'));
    assert.ok(sarifValidator()(sarif));
    assert.deepEqual([...new Set(sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri))].sort(), ['my%20dir/b.js', 'skip/c.js', 'src/app.js']);

    const some = runStep('scan', { path: 'src\nmy dir', 'fail-on': 'none', format: 'json', args: '--exclude\nskip/**' }, dir);
    assert.equal(some.status, 0, some.stderr);
    assert.deepEqual(some.outputs, { report: 'ward.json', 'exit-code': '0' });
    assert.deepEqual([...new Set(JSON.parse(fs.readFileSync(path.join(dir, 'ward.json'), 'utf8')).findings.map((f) => f.path))].sort(), ['my dir/b.js', 'src/app.js']);

    const shards = [1, 2].map((i) => runStep('scan', { shard: `${i}/2`, 'fail-on': 'none' }, dir));
    shards.forEach((s, i) => {
      assert.equal(s.status, 0, s.stderr);
      assert.deepEqual(s.outputs, { report: `ward-shard-${i + 1}-of-2.sarif`, 'exit-code': '0', artifact: `ward-sarif-${i + 1}-of-2` });
    });

    // The merge step reads what the download step puts in ward-shards/.
    fs.mkdirSync(path.join(dir, 'ward-shards'));
    for (const i of [1, 2]) fs.renameSync(path.join(dir, `ward-shard-${i}-of-2.sarif`), path.join(dir, 'ward-shards', `ward-shard-${i}-of-2.sarif`));
    const merged = runStep('merge', { merge: 'true', output: 'all.sarif' }, dir);
    assert.equal(merged.status, 0, merged.stderr);
    assert.deepEqual(merged.outputs, { report: 'all.sarif' });
    const all = JSON.parse(fs.readFileSync(path.join(dir, 'all.sarif'), 'utf8'));
    delete all.runs[0].invocations[0].properties;
    assert.deepEqual(all, sarif);

    const bad = runStep('scan', { shard: '3/2' }, dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--shard must be i\/n/);
    fs.rmSync(path.join(dir, 'ward-shards'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'ward-shards'));
    const none = runStep('merge', { merge: 'true' }, dir);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no shard SARIF artifacts/);
  });

  test('the GitLab template: a SAST report artifact, kept on failure; a parallel job scans its shard', T, () => {
    const job = gitlab['ward-sast'];
    assert.equal(job.artifacts.reports.sast, 'gl-sast-report.json');
    assert.equal(job.artifacts.when, 'always');
    const script = job.script.find((s) => s.includes('--format gitlab')).replaceAll('/tmp/ward/dist/cli.js', path.join(dist, 'cli.js'));
    const dir = project({ 'a.js': VULN_JS, 'b.js': VULN_JS, 'c.js': VULN_JS, 'd.js': VULN_JS, 'vendor/x.js': VULN_JS });
    const run = (vars) => spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...gitlab.variables, ...vars }, timeout: 120000 });
    const files = (dirReport) => dirReport.vulnerabilities.map((v) => v.location.file).sort();
    const whole = run({ WARD_FAIL_ON: 'warning', WARD_ARGS: '--exclude vendor/**' });
    assert.equal(whole.status, 1, `fails on findings: ${whole.stderr}`);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'gl-sast-report.json'), 'utf8'));
    assert.ok(gitlabSastValidator()(report));
    assert.deepEqual(files(report), ['a.js', 'b.js', 'c.js', 'd.js']);
    const parts = [1, 2].map((i) => {
      const r = run({ CI_NODE_INDEX: String(i), CI_NODE_TOTAL: '2', WARD_FAIL_ON: 'none', WARD_ARGS: '--exclude vendor/**' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`shard ${i}/2`));
      return files(JSON.parse(fs.readFileSync(path.join(dir, 'gl-sast-report.json'), 'utf8')));
    });
    assert.deepEqual(parts.flat().sort(), files(report));
    assert.ok(parts.every((p) => p.length > 0));
  });
});

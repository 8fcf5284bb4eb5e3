// The Terraform pack end to end: `.tf` files are recognised by extension, scanned by the
// engine's file scan and `ward scan` with SARIF regions on the exact value, variables and
// locals declared in the folder's other `.tf` files are resolved (and re-read when they
// change), JSON policies in heredocs are located value by value, `#`, `//` and `/* */`
// ward-ignore comments work, odd input gives notices, and fixed fixtures pass
// `terraform fmt -check` where a terraform binary is installed.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');
const { tempTree } = require('../tempTree');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const root = path.join(__dirname, '..', '..');
const { engine, errors } = W.loadEngine([path.join(root, 'rules')]);
const { dir: tmp, write } = tempTree('ward-terraform-');

const ids = (r) => r.findings.filter((f) => !f.suppressed).map((f) => f.ruleId);

test('the rules load, and there are at least 30 Terraform rules across AWS, Google Cloud and Azure', () => {
  assert.deepEqual(errors, []);
  const tf = fs.readdirSync(path.join(root, 'rules', 'terraform')).filter((f) => /^tf-[a-z0-9-]+\.yaml$/.test(f));
  assert.ok(tf.length >= 30, String(tf.length));
  for (const cloud of ['aws', 'gcp', 'azure']) assert.ok(tf.filter((f) => f.startsWith(`tf-${cloud}-`)).length >= 5, cloud);
});

test('.tf files are Terraform; .tfvars and other HCL are not', () => {
  const kind = (p) => W.documentPackForPath(p)?.kind;
  assert.equal(kind('main.tf'), 'terraform');
  assert.equal(kind('/repo/infra/network.TF'), 'terraform');
  assert.equal(kind('C:\\repo\\infra\\main.tf'), 'terraform');
  assert.equal(kind('prod.tfvars'), undefined);
  assert.equal(kind('main.tf.json'), undefined);
  assert.equal(kind('nomad.hcl'), undefined);
  assert.equal(W.languageForPath('main.tf'), undefined, 'not a code language');
});

test("a variable's default and a local from the folder's other files are resolved, and re-read when they change", async () => {
  write('mod/variables.tf', 'variable "public" {\n  default = true\n}\n\nvariable "ssh_sources" {\n  type    = list(string)\n  default = ["0.0.0.0/0"]\n}\n');
  write('mod/locals.tf', 'locals {\n  encrypt = false\n}\n');
  const main = write(
    'mod/main.tf',
    [
      'resource "aws_db_instance" "db" {',
      '  instance_class      = "db.t3.micro"',
      '  publicly_accessible = var.public',
      '  storage_encrypted   = local.encrypt',
      '}',
      '',
      'resource "aws_security_group_rule" "ssh" {',
      '  type        = "ingress"',
      '  from_port   = 22',
      '  to_port     = 22',
      '  protocol    = "tcp"',
      '  cidr_blocks = var.ssh_sources',
      '}',
      '',
    ].join('\n'),
  );
  const r = await engine.scanFile(main, { relativePath: 'mod/main.tf' });
  assert.deepEqual(r.notices, []);
  const pub = r.findings.find((f) => f.ruleId === 'tf-aws-rds-public');
  assert.ok(pub, JSON.stringify(ids(r)));
  assert.deepEqual(pub.range, { start: { line: 2, character: 24 }, end: { line: 2, character: 34 } }, 'on the reference');
  assert.match(pub.message, /var\.public \(true\)/);
  assert.equal(pub.fixes.length, 0, 'the value is decided elsewhere: no fix that rewrites the reference');
  assert.ok(ids(r).includes('tf-aws-rds-unencrypted'));
  assert.ok(ids(r).includes('tf-aws-sg-admin-port'));
  // The same file alone (an editor buffer with no folder, or the text only) knows no defaults.
  const alone = await engine.scanDocumentText(W.documentPackForPath('main.tf'), fs.readFileSync(main, 'utf8'), {});
  assert.ok(!ids(alone).includes('tf-aws-rds-public') && !ids(alone).includes('tf-aws-sg-admin-port'), JSON.stringify(ids(alone)));
  // A changed neighbour is read again (its facts are cached by size and modification time).
  const vars = path.join(tmp, 'mod/variables.tf');
  fs.writeFileSync(vars, 'variable "public" {\n  default = false\n}\n\nvariable "ssh_sources" {\n  type    = list(string)\n  default = ["10.0.0.0/8"]\n}\n');
  fs.utimesSync(vars, new Date(), new Date(Date.now() + 5000));
  const again = await engine.scanFile(main, { relativePath: 'mod/main.tf' });
  assert.ok(!ids(again).includes('tf-aws-rds-public') && !ids(again).includes('tf-aws-sg-admin-port'), JSON.stringify(ids(again)));
  assert.ok(ids(again).includes('tf-aws-rds-unencrypted'), 'the local still resolves');
});

test("a companion resource in another file of the folder counts (storage account network rules)", async () => {
  write('az/rules.tf', 'resource "azurerm_storage_account_network_rules" "r" {\n  storage_account_id = azurerm_storage_account.sa.id\n  default_action     = "Deny"\n}\n');
  const main = write('az/main.tf', 'resource "azurerm_storage_account" "sa" {\n  name = "x"\n}\n\nresource "azurerm_storage_account" "other" {\n  name = "y"\n}\n');
  const r = await engine.scanFile(main, { relativePath: 'az/main.tf' });
  const open = r.findings.filter((f) => f.ruleId === 'tf-azure-storage-open-network');
  assert.deepEqual(open.map((f) => f.range.start.line), [4], 'only the account nobody restricts');
});

test('a policy in a heredoc is read as JSON: the finding is on the "*" itself, interpolations are unknown strings', async () => {
  const text = [
    'resource "aws_iam_role_policy" "p" {',
    '  role   = aws_iam_role.r.id',
    '  policy = <<-EOT',
    '    {',
    '      "Statement": [{',
    '        "Effect": "Allow",',
    '        "Action": "*",',
    '        "Resource": "*"',
    '      }, {',
    '        "Effect": "Allow",',
    '        "Action": "${var.action}",',
    '        "Resource": "*"',
    '      }]',
    '    }',
    '  EOT',
    '}',
    '',
  ].join('\n');
  const r = await engine.scanFile(write('heredoc/main.tf', text), { relativePath: 'heredoc/main.tf' });
  const found = r.findings.filter((f) => f.ruleId === 'tf-aws-iam-wildcard-policy');
  assert.equal(found.length, 1, JSON.stringify(ids(r)));
  const line = text.split('\n')[6];
  assert.deepEqual(found[0].range, { start: { line: 6, character: line.indexOf('"*"') }, end: { line: 6, character: line.indexOf('"*"') + 3 } });
});

test('ward-ignore comments in the three HCL comment styles', async () => {
  const body = (comment) => `${comment}\nresource "aws_ebs_volume" "v" {\n  availability_zone = "us-west-2a"\n}\n`;
  for (const comment of ['# ward-ignore tf-aws-ebs-unencrypted -- scratch volume', '// ward-ignore tf-aws-ebs-unencrypted -- scratch volume', '/* ward-ignore tf-aws-ebs-unencrypted -- scratch volume */']) {
    const r = await engine.scanFile(write(`ignore/${comment.slice(0, 2).replace(/\W/g, 'x')}/main.tf`, body(comment)), {});
    const f = r.findings.find((x) => x.ruleId === 'tf-aws-ebs-unencrypted');
    assert.ok(f && f.suppressed, comment);
  }
  const other = await engine.scanFile(write('ignore/other/main.tf', body('# ward-ignore tf-aws-rds-public -- another rule')), {});
  assert.ok(!other.findings.find((x) => x.ruleId === 'tf-aws-ebs-unencrypted').suppressed);
  // Text that only looks like a comment (inside a string) does not suppress.
  const inString = await engine.scanFile(write('ignore/string/main.tf', 'resource "aws_ebs_volume" "v" {\n  availability_zone = "# ward-ignore tf-aws-ebs-unencrypted"\n}\n'), {});
  assert.ok(!inString.findings.find((x) => x.ruleId === 'tf-aws-ebs-unencrypted').suppressed);
});

test('a hard-coded password is one finding (the secret rule on the same value folds into it), masked', async () => {
  const pw = W.expandFixture('{{random:alnum:24}}');
  const r = await engine.scanFile(write('pw/main.tf', `resource "aws_db_instance" "db" {\n  instance_class    = "db.t3.micro"\n  storage_encrypted = true\n  password          = "${pw}"\n}\n`), {});
  const onValue = r.findings.filter((f) => f.range.start.line === 3);
  assert.deepEqual(onValue.map((f) => f.ruleId), ['tf-hardcoded-secret']);
  assert.ok(!JSON.stringify(r.findings).includes(pw), 'the value is not in any message');
});

test('odd files give notices or nothing, never a crash: broken HCL, empty, deep nesting, a cycle of locals', async () => {
  const cases = {
    broken: 'resource "aws_ebs_volume" "v" {\n  encrypted = \n',
    empty: '',
    json: '{"resource": {}}',
    deep: `locals {\n  x = ${'['.repeat(3000)}1${']'.repeat(3000)}\n}\n`,
    cycle: 'locals {\n  a = local.b\n  b = local.a\n}\n\nresource "aws_db_instance" "d" {\n  storage_encrypted   = true\n  publicly_accessible = local.a\n}\n',
    self: 'variable "v" {\n  default = var.v\n}\n\nresource "aws_db_instance" "d" {\n  storage_encrypted   = true\n  publicly_accessible = var.v\n}\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    const r = await engine.scanFile(write(`odd/${name}/main.tf`, text), {});
    assert.ok(Array.isArray(r.findings), name);
    assert.ok(r.notices.every((n) => n.kind === 'partial' || n.kind === 'skipped'), `${name}: ${JSON.stringify(r.notices)}`);
    if (name === 'cycle' || name === 'self') assert.deepEqual(ids(r), [], name);
  }
  const broken = await engine.scanFile(path.join(tmp, 'odd/broken/main.tf'), {});
  assert.match(broken.notices.map((n) => n.message).join(' '), /not valid HCL/);
});

test('ward scan: SARIF region on the exact value, relative path', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'cli-'));
  const text = 'resource "aws_db_instance" "db" {\n  instance_class      = "db.t3.micro"\n  storage_encrypted   = true\n  publicly_accessible = true\n}\n';
  fs.mkdirSync(path.join(dir, 'infra'));
  fs.writeFileSync(path.join(dir, 'infra', 'main.tf'), text);
  const sarif = path.join(dir, 'out.sarif');
  try {
    execFileSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', '--format', 'sarif', '--output', sarif, '--no-config', '.'], { cwd: dir, encoding: 'utf8' });
  } catch (err) {
    assert.ok(err.status === 0 || err.status === 1, err.stderr);
  }
  const run = JSON.parse(fs.readFileSync(sarif, 'utf8')).runs[0];
  const r = run.results.find((x) => x.ruleId === 'tf-aws-rds-public');
  assert.ok(r, JSON.stringify(run.results.map((x) => x.ruleId)));
  const loc = r.locations[0].physicalLocation;
  assert.equal(loc.artifactLocation.uri, 'infra/main.tf');
  assert.deepEqual([loc.region.startLine, loc.region.startColumn, loc.region.endColumn], [4, 25, 29]);
});

test('ward scan --cache: a changed variables.tf re-scans the other .tf files of its folder', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'cache-'));
  fs.writeFileSync(path.join(dir, 'variables.tf'), 'variable "public" {\n  default = false\n}\n');
  fs.writeFileSync(path.join(dir, 'main.tf'), 'resource "aws_db_instance" "db" {\n  storage_encrypted   = true\n  publicly_accessible = var.public\n}\n');
  const scan = () => {
    const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', '-f', 'json', '--no-config', '--fail-on', 'none', '--cache', '.ward-cache', '.'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return { ids: JSON.parse(r.stdout).findings.map((f) => f.ruleId), stderr: r.stderr };
  };
  assert.deepEqual(scan().ids, []);
  assert.match(scan().stderr, /cache: 2 of 2 files unchanged/);
  fs.writeFileSync(path.join(dir, 'variables.tf'), 'variable "public" {\n  default = true\n}\n');
  const after = scan();
  assert.deepEqual(after.ids, ['tf-aws-rds-public'], after.stderr);
  assert.match(after.stderr, /cache: 0 of 2 files unchanged/);
});

test('fixed fixtures are what terraform fmt writes (where a terraform binary is installed)', (t) => {
  const probe = spawnSync('terraform', ['version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    t.skip('no terraform binary here; the rule tests still re-parse every fixed file');
    return;
  }
  const dir = path.join(root, 'rules', 'terraform');
  const fixed = fs.readdirSync(dir).filter((f) => f.endsWith('.fixed.tf'));
  assert.ok(fixed.length >= 15, String(fixed.length));
  const r = spawnSync('terraform', ['fmt', '-check', '-list=true', ...fixed], { cwd: dir, encoding: 'utf8', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } });
  assert.equal(r.status, 0, `not as terraform fmt writes them:\n${r.stdout}${r.stderr}`);
});

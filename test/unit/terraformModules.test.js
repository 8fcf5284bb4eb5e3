// Terraform local module calls are expanded: the called folder's resources are checked with
// the call's arguments bound to the module's variables, and an unsafe value the call passes
// is reported where it is passed (the exact value in the calling file, with a trace to the
// module's resource and, where the rule has one, a fix of the passed value). Registry sources
// are not expanded; cycles, self-references and `count = 0` calls end quietly; `ward scan`
// gives the SARIF region on the passed value, and its cache re-scans a caller whose module changed.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { tempTree } = require('../tempTree');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const root = path.join(__dirname, '..', '..');
const { engine } = W.loadEngine([path.join(root, 'rules')]);
const { dir: tmp, write } = tempTree('ward-tf-modules-');

const live = (r) => r.findings.filter((f) => !f.suppressed);
const ids = (r) => live(r).map((f) => f.ruleId);

const BUCKET_MODULE = {
  'variables.tf': 'variable "acl" {\n  default = "private"\n}\n\nvariable "encrypted" {\n  default = true\n}\n\nvariable "ssh_from" {\n  type    = list(string)\n  default = []\n}\n',
  'main.tf': [
    'resource "aws_s3_bucket_acl" "this" {',
    '  bucket = "site"',
    '  acl    = var.acl',
    '}',
    '',
    'resource "aws_ebs_volume" "data" {',
    '  availability_zone = "eu-west-1a"',
    '  encrypted         = var.encrypted',
    '}',
    '',
    'resource "aws_security_group_rule" "ssh" {',
    '  type        = "ingress"',
    '  from_port   = 22',
    '  to_port     = 22',
    '  protocol    = "tcp"',
    '  cidr_blocks = var.ssh_from',
    '}',
    '',
  ].join('\n'),
};

function bucketModule(dir) {
  for (const [name, text] of Object.entries(BUCKET_MODULE)) write(`${dir}/${name}`, text);
}

test('an unsafe value passed to a local module is reported on the value the caller wrote, with a trace into the module', async () => {
  bucketModule('a/modules/bucket');
  const main = write(
    'a/main.tf',
    [
      'module "site" {',
      '  source    = "./modules/bucket"',
      '  acl       = "public-read"',
      '  encrypted = false',
      '  ssh_from  = ["10.0.0.0/8", "0.0.0.0/0"]',
      '}',
      '',
      'module "private" {',
      '  source = "./modules/bucket/"',
      '  acl    = "private"',
      '}',
      '',
      'module "registry" {',
      '  source  = "terraform-aws-modules/s3-bucket/aws"',
      '  version = "4.1.0"',
      '  acl     = "public-read"',
      '}',
      '',
    ].join('\n'),
  );
  const r = await engine.scanFile(main, { relativePath: 'a/main.tf' });
  assert.deepEqual(r.notices, []);
  assert.deepEqual(ids(r).sort(), ['tf-aws-ebs-unencrypted', 'tf-aws-s3-public-acl', 'tf-aws-sg-admin-port'], JSON.stringify(live(r).map((f) => [f.ruleId, f.message])));
  const acl = live(r).find((f) => f.ruleId === 'tf-aws-s3-public-acl');
  assert.deepEqual(acl.range, { start: { line: 2, character: 14 }, end: { line: 2, character: 27 } }, 'on "public-read" in the call');
  assert.match(acl.message, /module\.site\.aws_s3_bucket_acl\.this/);
  assert.match(acl.message, /acl = "public-read"/);
  assert.equal(acl.trace.length, 2);
  assert.equal(acl.trace[1].file, path.join(tmp, 'a/modules/bucket/main.tf'));
  assert.equal(acl.trace[1].range.start.line, 2, 'the module line that uses it');
  const ssh = live(r).find((f) => f.ruleId === 'tf-aws-sg-admin-port');
  assert.deepEqual(ssh.range, { start: { line: 4, character: 29 }, end: { line: 4, character: 40 } }, 'on the open item of the list, not the list');
  const ebs = live(r).find((f) => f.ruleId === 'tf-aws-ebs-unencrypted');
  assert.deepEqual(ebs.fixes.map((f) => f.edits), [[{ range: { start: { line: 3, character: 14 }, end: { line: 3, character: 19 } }, newText: 'true' }]], 'the fix rewrites the passed value');
  // The module alone (its defaults) is safe, so its own files report nothing.
  const own = await engine.scanFile(path.join(tmp, 'a/modules/bucket/main.tf'), {});
  assert.deepEqual(ids(own), []);
});

test('a value passed on through a nested module, a variable of the caller, and a ward-ignore comment on the argument', async () => {
  bucketModule('b/modules/bucket');
  write('b/modules/wrapper/main.tf', 'variable "open_to" {}\n\nmodule "inner" {\n  source   = "../bucket"\n  ssh_from = var.open_to\n}\n');
  write('b/variables.tf', 'variable "everyone" {\n  default = ["0.0.0.0/0"]\n}\n');
  const main = write(
    'b/main.tf',
    'module "outer" {\n  source  = "./modules/wrapper"\n  open_to = var.everyone\n}\n\nmodule "quiet" {\n  source = "./modules/bucket"\n  # ward-ignore tf-aws-s3-public-acl -- a public website bucket\n  acl = "public-read"\n}\n',
  );
  const r = await engine.scanFile(main, {});
  const ssh = live(r).filter((f) => f.ruleId === 'tf-aws-sg-admin-port');
  assert.equal(ssh.length, 1, JSON.stringify(live(r).map((f) => f.ruleId)));
  assert.equal(ssh[0].range.start.line, 2, 'on var.everyone in the call');
  assert.match(ssh[0].message, /module\.outer\.module\.inner\.aws_security_group_rule\.ssh/);
  assert.ok(!ids(r).includes('tf-aws-s3-public-acl'), 'the ignore comment covers the passed value');
  assert.ok(r.findings.some((f) => f.ruleId === 'tf-aws-s3-public-acl' && f.suppressed), 'it is still found, suppressed');
});

test('cycles, a module calling its own folder, deep chains and count = 0 calls end quietly', async () => {
  write('c/x/main.tf', 'variable "acl" {}\nmodule "y" {\n  source = "../y"\n  acl    = var.acl\n}\nresource "aws_s3_bucket_acl" "b" {\n  bucket = "b"\n  acl    = var.acl\n}\n');
  write('c/y/main.tf', 'variable "acl" {}\nmodule "x" {\n  source = "../x"\n  acl    = var.acl\n}\nmodule "self" {\n  source = "./"\n  acl    = var.acl\n}\n');
  const main = write('c/main.tf', 'module "x" {\n  source = "./x"\n  acl    = "public-read-write"\n}\n\nmodule "off" {\n  source = "./x"\n  count  = 0\n  acl    = "authenticated-read"\n}\n');
  const r = await engine.scanFile(main, {});
  assert.deepEqual(r.notices, []);
  assert.deepEqual(live(r).map((f) => [f.ruleId, f.range.start.line]), [['tf-aws-s3-public-acl', 2]], 'once, and not for the call that creates nothing');
  let chain = 'd';
  for (let i = 0; i < 12; i++) {
    write(`${chain}/main.tf`, `variable "acl" {\n  default = "private"\n}\nmodule "next" {\n  source = "./m"\n  acl    = var.acl\n}\nresource "aws_s3_bucket_acl" "b" {\n  bucket = "b"\n  acl    = var.acl\n}\n`);
    chain += '/m';
  }
  const deep = await engine.scanDocumentText(W.documentPackForPath('main.tf'), 'module "top" {\n  source = "./d"\n  acl    = "public-read"\n}\n', { absolutePath: path.join(tmp, 'top.tf') });
  assert.equal(live(deep).length, 1, 'the levels within reach report the value once');
});

test('ward scan: the SARIF result is on the passed value with a code flow into the module, and --cache re-scans the caller when the module changes', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'cli-'));
  fs.mkdirSync(path.join(dir, 'modules', 'db'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'modules', 'db', 'main.tf'), 'variable "public" {\n  default = false\n}\n\nresource "aws_db_instance" "db" {\n  storage_encrypted   = true\n  publicly_accessible = var.public\n}\n');
  fs.writeFileSync(path.join(dir, 'main.tf'), 'module "db" {\n  source = "./modules/db"\n  public = true\n}\n');
  const scan = (...args) => {
    const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', '--no-config', '--fail-on', 'none', ...args, '.'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r;
  };
  scan('-f', 'sarif', '--output', 'out.sarif');
  const run = JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8')).runs[0];
  const res = run.results.filter((x) => x.ruleId === 'tf-aws-rds-public');
  assert.equal(res.length, 1, JSON.stringify(run.results.map((x) => x.ruleId)));
  const loc = res[0].locations[0].physicalLocation;
  assert.equal(loc.artifactLocation.uri, 'main.tf');
  assert.deepEqual([loc.region.startLine, loc.region.startColumn, loc.region.endColumn], [3, 12, 16]);
  const flow = res[0].codeFlows[0].threadFlows[0].locations.map((l) => l.location.physicalLocation.artifactLocation.uri);
  assert.deepEqual(flow, ['main.tf', 'modules/db/main.tf']);
  const cached = () => JSON.parse(scan('-f', 'json', '--cache', '.ward-cache').stdout).findings.map((f) => f.ruleId);
  assert.deepEqual(cached(), ['tf-aws-rds-public']);
  fs.writeFileSync(path.join(dir, 'modules', 'db', 'main.tf'), 'variable "public" {\n  default = false\n}\n\nresource "aws_db_instance" "db" {\n  storage_encrypted   = true\n  publicly_accessible = false\n}\n');
  assert.deepEqual(cached(), [], 'the caller is scanned again');
});

test('dynamic blocks and for_each inside a module: the rules the caller passes are expanded, and an open one is reported on the caller\'s value', async () => {
  write(
    'e/modules/sg/main.tf',
    [
      'variable "rules" {',
      '  default = []',
      '}',
      'variable "volumes" {',
      '  default = {}',
      '}',
      '',
      'resource "aws_security_group" "this" {',
      '  name = "sg"',
      '  dynamic "ingress" {',
      '    for_each = var.rules != null ? var.rules : []',
      '    content {',
      '      from_port   = ingress.value.port',
      '      to_port     = ingress.value.port',
      '      protocol    = "tcp"',
      '      cidr_blocks = ingress.value.cidrs',
      '    }',
      '  }',
      '}',
      '',
      'resource "aws_ebs_volume" "this" {',
      '  for_each          = var.volumes',
      '  availability_zone = "eu-west-1a"',
      '  encrypted         = each.value.encrypted',
      '}',
      '',
    ].join('\n'),
  );
  const main = write(
    'e/main.tf',
    [
      'module "sg" {',
      '  source = "./modules/sg"',
      '  rules = [',
      '    { port = 443, cidrs = ["0.0.0.0/0"] },',
      '    { port = 22, cidrs = ["10.0.0.0/8", "0.0.0.0/0"] },',
      '  ]',
      '  volumes = {',
      '    data = { encrypted = true }',
      '    logs = { encrypted = false }',
      '    tmp  = {}',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const r = await engine.scanFile(main, {});
  assert.deepEqual(r.notices, []);
  assert.deepEqual(
    live(r).map((f) => [f.ruleId, f.range.start.line, f.range.start.character]).sort(),
    [['tf-aws-ebs-unencrypted', 8, 25], ['tf-aws-sg-admin-port', 4, 40]],
    'port 22 open to the world, the logs volume; not port 443, not the volume that says nothing',
  );
  // The module alone: no rules, no volumes by default.
  assert.deepEqual(ids(await engine.scanFile(path.join(tmp, 'e/modules/sg/main.tf'), {})), []);
});

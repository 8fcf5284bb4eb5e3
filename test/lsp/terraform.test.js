// A Terraform file in the editor, over the protocol against the real server: opened as
// `terraform` (unsaved), a public database gets a diagnostic on the value, the quick fix
// writes `publicly_accessible = false` and the diagnostic goes; a variable declared in
// another `.tf` file of the folder (on disk) is resolved for the buffer; saving a sibling
// `.tf` file, or changing a called module's file on disk, checks the open file again.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { Client } = require('./client');

const RULE = 'tf-aws-rds-public';
const MAIN = `resource "aws_db_instance" "db" {
  instance_class      = "db.t3.micro"
  storage_encrypted   = true
  publicly_accessible = true
}

resource "aws_db_instance" "replica" {
  instance_class      = "db.t3.micro"
  storage_encrypted   = true
  publicly_accessible = var.replica_public
}
`;

let client;
let workspace;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-terraform-lsp-'));
  fs.mkdirSync(path.join(workspace, 'infra'));
  fs.writeFileSync(path.join(workspace, 'infra', 'variables.tf'), 'variable "replica_public" {\n  type    = bool\n  default = true\n}\n');
  client = new Client(workspace);
  await client.initialize();
});

after(async () => {
  if (client) await client.shutdown();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

const publicDbs = (ds) => ds.filter((d) => d.source === 'Ward' && d.code === RULE);

test('a public database is underlined on the value, the variable from the folder is resolved, and the fix makes it private', { timeout: 60000 }, async () => {
  const uri = client.open('infra/main.tf', 'terraform', MAIN);
  const pub = await client.nextDiagnostics(uri, 0, (ds) => publicDbs(ds).length === 2, RULE);
  const [literal, viaVariable] = publicDbs(pub.diagnostics).sort((a, b) => a.range.start.line - b.range.start.line);
  assert.deepEqual(literal.range, { start: { line: 3, character: 24 }, end: { line: 3, character: 28 } });
  assert.equal(viaVariable.range.start.line, 9);
  assert.match(viaVariable.message, /var\.replica_public/);
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: literal.range, context: { diagnostics: [literal], only: ['quickfix'] } });
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  const edits = fix.edit.changes?.[uri] ?? fix.edit.documentChanges.find((c) => c.textDocument?.uri === uri).edits;
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'terraform', 1, MAIN), edits);
  assert.equal(fixed, MAIN.replace('publicly_accessible = true', 'publicly_accessible = false'));
  const mark = client.mark(uri);
  client.change(uri, [{ text: fixed }]);
  await client.nextDiagnostics(uri, mark, (ds) => publicDbs(ds).length === 1, 'one left: the one decided by the variable');
});

test('saving another .tf file of the folder, or changing a called local module on disk, checks the open .tf files again', { timeout: 90000 }, async () => {
  fs.mkdirSync(path.join(workspace, 'net', 'modules', 'db'), { recursive: true });
  const varsPath = path.join(workspace, 'net', 'variables.tf');
  fs.writeFileSync(varsPath, 'variable "db_public" {\n  default = true\n}\n');
  const modulePath = path.join(workspace, 'net', 'modules', 'db', 'main.tf');
  fs.writeFileSync(modulePath, 'variable "public" {}\n\nresource "aws_db_instance" "db" {\n  storage_encrypted   = true\n  publicly_accessible = var.public\n}\n');
  const main = 'resource "aws_db_instance" "db" {\n  storage_encrypted   = true\n  publicly_accessible = var.db_public\n}\n\nmodule "reports" {\n  source = "./modules/db"\n  public = true\n}\n';
  const uri = client.open('net/main.tf', 'terraform', main);
  await client.nextDiagnostics(uri, 0, (ds) => publicDbs(ds).length === 2, 'the variable default and the value passed to the module');
  // The sibling is edited in the editor and saved: the open main.tf reads its new default.
  const varsUri = client.open('net/variables.tf', 'terraform', fs.readFileSync(varsPath, 'utf8'));
  const fixedVars = 'variable "db_public" {\n  default = false\n}\n';
  client.change(varsUri, [{ text: fixedVars }]);
  fs.writeFileSync(varsPath, fixedVars);
  let mark = client.mark(uri);
  client.notify('textDocument/didSave', { textDocument: { uri: varsUri } });
  const afterSave = await client.nextDiagnostics(uri, mark, (ds) => publicDbs(ds).length === 1, 'main.tf checked again after variables.tf was saved');
  assert.equal(publicDbs(afterSave.diagnostics)[0].range.start.line, 7, 'left: the value passed to the module');
  // The module's file changes on disk (not open): the caller is checked again.
  fs.writeFileSync(modulePath, 'variable "public" {}\n\nresource "aws_db_instance" "db" {\n  storage_encrypted   = true\n  publicly_accessible = false\n}\n');
  mark = client.mark(uri);
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(modulePath).href, type: 2 }] });
  await client.nextDiagnostics(uri, mark, (ds) => publicDbs(ds).length === 0, 'main.tf checked again after the module changed');
});

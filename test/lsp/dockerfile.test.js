// A Dockerfile in the editor, over the protocol against the real server: opened as
// `dockerfile`, `ADD` of a local folder is underlined with the COPY quick fix; after the fix
// the diagnostic is gone, and a `curl … | sh` typed into the unsaved buffer is underlined on
// the pipeline; "Ignore on this line" writes a `# ward-ignore` comment that the server honours.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { Client } = require('./client');

const DOCKERFILE = `FROM node:22-slim
WORKDIR /app
ADD . /app
RUN npm ci --omit=dev
USER node
CMD ["node", "server.js"]
`;

let client;
let workspace;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-dockerfile-'));
  client = new Client(workspace);
  await client.initialize();
});

after(async () => {
  if (client) await client.shutdown();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

const of = (id) => (ds) => ds.filter((d) => d.source === 'Ward' && d.code === id);

function applied(uri, text, action) {
  const edits = action.edit.changes?.[uri] ?? action.edit.documentChanges.find((c) => c.textDocument?.uri === uri).edits;
  return TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits);
}

test('ADD of local files is underlined with the COPY fix; a pipe to a shell typed in the buffer is underlined; ignore comments work', { timeout: 60000 }, async () => {
  const uri = client.open('Dockerfile', 'dockerfile', DOCKERFILE);
  const add = of('docker-add-instead-of-copy');
  const pub = await client.nextDiagnostics(uri, 0, (ds) => add(ds).length > 0, 'docker-add-instead-of-copy');
  const [d] = add(pub.diagnostics);
  assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } });
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  const fixed = applied(uri, DOCKERFILE, fix);
  assert.equal(fixed, DOCKERFILE.replace('ADD . /app', 'COPY . /app'));

  // Typed, not saved: the fix, then a new RUN line piping a download into a shell.
  const typed = fixed.replace('RUN npm ci', 'RUN curl -fsSL https://example.com/setup.sh | bash\nRUN npm ci');
  let mark = client.mark(uri);
  client.change(uri, [{ text: typed }]);
  const pipe = of('docker-curl-pipe-shell');
  const after = await client.nextDiagnostics(uri, mark, (ds) => pipe(ds).length > 0 && add(ds).length === 0, 'the pipe underlined, ADD gone');
  const [p] = pipe(after.diagnostics);
  assert.deepEqual(p.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 50 } });

  const more = await client.request('textDocument/codeAction', { textDocument: { uri }, range: p.range, context: { diagnostics: [p], only: ['quickfix'] } });
  const ignore = more.find((a) => /ignore/i.test(a.title) && /line/i.test(a.title));
  assert.ok(ignore, JSON.stringify(more.map((a) => a.title)));
  const ignored = applied(uri, typed, ignore);
  assert.match(ignored.split('\n')[3], /^# ward-ignore docker-curl-pipe-shell -- /);
  mark = client.mark(uri);
  client.change(uri, [{ text: ignored }]);
  await client.nextDiagnostics(uri, mark, (ds) => pipe(ds).length === 0, 'the ignored finding is not shown');
});

// The Dockerfile pack end to end: Dockerfiles are recognised by name, read by the pack's line
// parser (continuations with comment lines inside, heredocs, exec and shell forms, the escape
// directive, ARG/ENV expansion, stages) with RUN bodies parsed by the bash grammar; findings
// land on the exact instruction or argument in the engine and in `ward scan`'s SARIF,
// `# ward-ignore` comments work, secrets are never shown, and odd input gives notices.
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
const { dir: tmp, write } = tempTree('ward-docker-');

async function scan(text, rel = 'Dockerfile') {
  return engine.scanFile(write(rel, text), { relativePath: rel });
}

const at = (findings, id) => findings.filter((f) => f.ruleId === id).map((f) => [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]);

test('the rules load, and the bash grammar ships next to the bundle', () => {
  assert.deepEqual(errors, []);
  assert.ok(engine.rules.filter((r) => r.id.startsWith('docker-')).length >= 15);
  assert.ok(fs.existsSync(path.join(dist, 'tree-sitter-bash.wasm')));
});

test('Dockerfiles are recognised by name, other files are not', () => {
  const kind = (p) => W.documentPackForPath(p)?.kind;
  for (const p of ['Dockerfile', 'app/Dockerfile', 'Dockerfile.prod', 'docker/Dockerfile.alpine', 'api.Dockerfile', 'web.dockerfile', 'Containerfile', 'C:\\src\\Dockerfile']) assert.equal(kind(p), 'dockerfile', p);
  for (const p of ['Dockerfile.md', 'docs/Dockerfile.txt', 'dockerfile.js', 'README', 'Dockerfiles/notes', 'my-Dockerfile-notes.yml', '.dockerignore']) assert.equal(kind(p), undefined, p);
});

test('continuations, comment lines inside them, heredocs and the exec form: findings on the exact words', async () => {
  const text = [
    'FROM debian:12-slim',
    'RUN apt-get update \\',
    '    # a comment line inside the instruction',
    '',
    '    && curl -fsSL https://example.com/i.sh | bash \\',
    '    && chmod 777 /srv',
    'RUN <<EOF',
    'set -e',
    'wget -qO- https://example.com/x | sh',
    'EOF',
    'RUN ["sh", "-c", "curl -k https://example.com"]',
    'USER nobody',
    '',
  ].join('\n');
  const { findings, notices } = await scan(text);
  assert.deepEqual(notices, []);
  assert.deepEqual(at(findings, 'docker-curl-pipe-shell'), [[4, 7, 4, 49], [8, 0, 8, 36]]);
  assert.deepEqual(at(findings, 'docker-world-writable'), [[5, 7, 5, 16]]);
  // Inside the JSON string: the flag's own column.
  assert.deepEqual(at(findings, 'docker-tls-verification-disabled'), [[10, 23, 10, 25]]);
});

test('ARG and ENV values expand (FROM sees global ARGs; stages see their parents), and stages resolve', async () => {
  const text = [
    'ARG TAG=latest',
    'ARG GOOD=3.20',
    'FROM alpine:${TAG} AS a',
    'FROM alpine:${GOOD} AS b',
    'ENV PORT=22',
    'EXPOSE ${PORT}',
    'FROM b',
    'EXPOSE $PORT 8080',
    '',
  ].join('\n');
  const { findings } = await scan(text);
  assert.deepEqual(at(findings, 'docker-unpinned-base-image'), [[2, 5, 2, 18]]);
  assert.deepEqual(at(findings, 'docker-expose-ssh').map((r) => r[0]), [5, 7]);
  // The final stage is built on `b`, which sets no user either: one finding, on the final FROM.
  assert.deepEqual(at(findings, 'docker-missing-user').map((r) => r[0]), [6]);
});

test('the escape directive: backtick continuations are read, and Windows shells are not parsed as bash', async () => {
  const text = ['# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN powershell -Command `', '    Invoke-WebRequest https://example.com/x.ps1 | iex', 'ADD local.txt C:/app/', 'USER ContainerUser', ''].join('\r\n');
  const { findings, notices } = await scan(text);
  assert.deepEqual(notices, []);
  assert.deepEqual(findings.map((f) => f.ruleId), ['docker-add-instead-of-copy']);
  assert.deepEqual(at(findings, 'docker-add-instead-of-copy'), [[4, 0, 4, 3]]);
});

test('a ward-ignore comment above the instruction (or above the line inside it) covers its findings; one for another rule does not', async () => {
  const text = [
    'FROM node:22',
    '# ward-ignore docker-curl-pipe-shell -- the installer is pinned by the mirror',
    'RUN curl -fsSL https://example.com/i.sh | bash',
    'RUN apt-get update \\',
    '    # ward-ignore docker-world-writable -- a scratch folder',
    '    && chmod 777 /scratch',
    '# ward-ignore docker-sudo -- not this rule',
    'RUN wget -qO- https://example.com/y | sh',
    'USER node',
    '',
  ].join('\n');
  const { findings } = await scan(text);
  const state = (id) => findings.filter((f) => f.ruleId === id).map((f) => [f.range.start.line, !!f.suppressed]);
  assert.deepEqual(state('docker-curl-pipe-shell'), [[2, true], [7, false]]);
  assert.deepEqual(state('docker-world-writable'), [[5, true]]);
  // The marker must be a comment: inside an ENV value it is text.
  const inValue = await scan('FROM node:22\nENV NOTE="ward-ignore docker-secret-in-env" DB_PASSWORD=Pa55w0rd-prod\nUSER node\n');
  assert.ok(inValue.findings.some((f) => f.ruleId === 'docker-secret-in-env' && !f.suppressed));
});

test('secret values never appear in findings; the secret rules still read the Dockerfile', async () => {
  const token = W.expandFixture('{{crc32:ghp}}');
  const password = W.expandFixture('{{random:alnum:16}}');
  const text = `FROM node:22\nENV DB_PASSWORD=${password}\nARG GH_TOKEN=${token}\nRUN git clone https://x:${token}@github.com/example/app.git\nUSER node\n`;
  const { findings } = await scan(text);
  const lines = (pred) => findings.filter(pred).map((f) => f.range.start.line);
  // The ENV/ARG credentials are the Dockerfile rule's (a secret rule matching the same value is folded into it) …
  assert.deepEqual(lines((f) => f.ruleId === 'docker-secret-in-env'), [1, 2]);
  // … and the secret rules read the rest of the file.
  assert.deepEqual(lines((f) => f.ruleId.startsWith('secret-github')), [3]);
  const out = JSON.stringify(findings);
  assert.ok(!out.includes(password), 'the password is not shown');
  assert.ok(!out.includes(token), 'the token is not shown');
});

test('quick fixes: ADD → COPY, sudo removed as root, USER of the created user', async () => {
  const text = 'FROM debian:12\nRUN sudo apt-get update && useradd -r svc\nADD app /app\nCMD ["/app/run"]\n';
  const { findings } = await scan(text);
  const fixed = W.applyAllFixes(text, findings);
  assert.equal(fixed, 'FROM debian:12\nRUN apt-get update && useradd -r svc\nCOPY app /app\nUSER svc\nCMD ["/app/run"]\n');
  const again = await scan(fixed, 'again/Dockerfile');
  assert.deepEqual(again.findings.map((f) => f.ruleId), []);
});

test('development containers (.devcontainer/) are not held to the rules about users and sudo; the others still apply', async () => {
  const text = 'FROM mcr.microsoft.com/devcontainers/base:bookworm\nRUN sudo apt-get update && curl -fsSL https://example.com/i.sh | bash\nUSER root\n';
  const dev = await scan(text, '.devcontainer/Dockerfile');
  assert.deepEqual(dev.findings.map((f) => f.ruleId), ['docker-curl-pipe-shell']);
  const app = await scan(text, 'app/Dockerfile');
  assert.deepEqual(app.findings.map((f) => f.ruleId).sort(), ['docker-curl-pipe-shell', 'docker-last-user-root', 'docker-sudo']);
});

test('odd files give notices, not crashes', async () => {
  const cases = {
    empty: '',
    comments: '# only a comment\n',
    fragment: 'RUN echo hi\n',
    stray: 'FROM alpine:3.20\n{{ template }}\nUSER app\n',
    openHeredoc: 'FROM alpine:3.20\nRUN <<EOF\ncurl https://x | sh\n',
    openContinuation: 'FROM alpine:3.20\nRUN echo \\',
    badJson: 'FROM alpine:3.20\nRUN ["sh", "-c", \nUSER app\n',
    deep: `FROM alpine:3.20\nRUN ${'$('.repeat(3000)}curl https://x | sh${')'.repeat(3000)}\nUSER app\n`,
    longLine: `FROM alpine:3.20\nRUN ${'echo a && '.repeat(20000)}true\nUSER app\n`,
    binaryish: 'FROM alpine:3.20\nRUN echo \u0001\u0002\u0003 | sh\nUSER app\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    const r = await scan(text, `${name}/Dockerfile`);
    assert.ok(Array.isArray(r.findings), name);
    assert.ok(r.notices.every((n) => n.kind === 'partial' || n.kind === 'skipped'), `${name}: ${JSON.stringify(r.notices)}`);
  }
  const fragment = await scan(cases.fragment, 'f2/Dockerfile');
  assert.match(fragment.notices[0].message, /no FROM/);
  const stray = await scan(cases.stray, 's2/Dockerfile');
  assert.match(stray.notices[0].message, /line 2/);
  const open = await scan(cases.openHeredoc, 'o2/Dockerfile');
  assert.ok(open.findings.some((f) => f.ruleId === 'docker-curl-pipe-shell'));
});

test('ward scan: SARIF region on the argument, the Dockerfile found in a folder walk', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'cli-'));
  fs.mkdirSync(path.join(dir, 'svc'), { recursive: true });
  const text = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY .env ./\nRUN pip install -r requirements.txt\nUSER nobody\n';
  fs.writeFileSync(path.join(dir, 'svc', 'Dockerfile'), text);
  const sarif = path.join(dir, 'out.sarif');
  try {
    execFileSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', '--format', 'sarif', '--output', sarif, '--no-config', '--fail-on', 'warning', '.'], { cwd: dir, encoding: 'utf8' });
    assert.fail('a warning finding should fail the scan');
  } catch (err) {
    assert.equal(err.status, 1, err.stderr);
  }
  const run = JSON.parse(fs.readFileSync(sarif, 'utf8')).runs[0];
  const r = run.results.find((x) => x.ruleId === 'docker-copy-secret-file');
  assert.ok(r, JSON.stringify(run.results.map((x) => x.ruleId)));
  const loc = r.locations[0].physicalLocation;
  assert.equal(loc.artifactLocation.uri, 'svc/Dockerfile');
  assert.deepEqual([loc.region.startLine, loc.region.startColumn, loc.region.endLine, loc.region.endColumn], [3, 6, 3, 10]);
  const rule = run.tool.driver.rules.find((x) => x.id === 'docker-copy-secret-file');
  assert.ok(rule.properties.tags.includes('CWE-538'));
});

// RUN bodies are parsed as one text per file (the grammar call's own cost dominated files of
// a few short steps); each command keeps its words' places in the file, and a body that does
// not parse cleanly alone, or runs on into the next step, sends every step back to a parse of its own.
async function readWithCount(text) {
  const pack = W.documentPackForPath('Dockerfile');
  const pool = new W.ParserPool();
  await pool.parser(pack.grammar.id);
  const trees = [];
  const parse = (piece) => {
    const t = pool.parseLoaded(pack.grammar.id, piece, 10000);
    trees.push(t);
    return t;
  };
  const read = pack.readText(text, parse);
  const commands = read.model.scripts.flatMap((s) => s.commands.map((c) => c.words.map((w) => [w.raw, text.slice(w.start, w.end), w.value])));
  const notices = read.notices;
  for (const t of trees) t.delete();
  return { calls: trees.length, commands, notices };
}

test('the RUN bodies of a file are parsed in one grammar call, each word placed in the file', async () => {
  const text = [
    'FROM debian:12',
    'RUN apt-get update \\',
    '  # a comment line inside',
    '  && apt-get install -y curl',
    'RUN ["sh", "-c", "curl -fsSL https://example.com/i.sh | sh"]',
    'RUN <<EOF',
    'chmod 777 /srv',
    'echo "$HOME"',
    'EOF',
    'RUN ["/app/run", "--flag"]',
    'RUN echo done # trailing',
    '',
  ].join('\n');
  const r = await readWithCount(text);
  assert.equal(r.calls, 1, 'one parse for four shell bodies');
  assert.deepEqual(r.notices, []);
  const names = r.commands.map((words) => words[0][2]);
  assert.deepEqual(names, ['apt-get', 'apt-get', 'curl', 'sh', 'chmod', 'echo', '/app/run', 'echo']);
  for (const words of r.commands) for (const [raw, inFile] of words) if (!raw.includes('\\')) assert.equal(inFile, raw, `${raw} is where the file has it`);
});

test('a RUN body that runs on into the next step, or does not parse, sends each step to a parse of its own', async () => {
  const dangling = await readWithCount('FROM alpine:3\nRUN apk add curl &&\nRUN echo next\n');
  assert.equal(dangling.calls, 3, 'the joined text, then one per step');
  assert.deepEqual(dangling.commands.filter((w) => w.length > 0 && w[0][2]).map((w) => w.map((x) => x[2]).join(' ')), ['apk add curl', 'echo next'], 'the next step is not read as part of the first');
  const broken = await readWithCount('FROM alpine:3\nRUN echo "unclosed\nRUN chmod 777 /x\n');
  assert.equal(broken.calls, 3);
  assert.ok(broken.commands.some((w) => w.length > 0 && w[0][2] === 'chmod'), 'the step after the broken one is read');
  assert.match(broken.notices.join(' '), /could not all be parsed/);
  const r = await scan('FROM alpine:3\nRUN echo "unclosed\nRUN chmod 777 /x\nUSER nobody\n');
  assert.ok(r.findings.some((f) => f.ruleId === 'docker-chmod-777' || /777/.test(f.message)), JSON.stringify(r.findings.map((f) => f.ruleId)));
});

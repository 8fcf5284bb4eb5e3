// The rule pages (scripts/ruleDocs.mjs, built into dist/docs and committed to docs/rules) show
// what Ward says, what to do and why, and link the severity policy that sits beside them.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = path.join(__dirname, '..', '..');

test('a rule page shows the message, the advice and the why, and links the severity policy', async () => {
  const { writeRuleDocs } = await import(pathToFileURL(path.join(root, 'scripts', 'ruleDocs.mjs')).href);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-docs-'));
  try {
    const n = writeRuleDocs(path.join(root, 'rules'), path.join(out, 'rules'));
    assert.ok(n > 250);
    const page = fs.readFileSync(path.join(out, 'rules', 'js-child-process-exec.md'), 'utf8');
    assert.match(page, /\| Severity \| warning \(unsafe-api, confidence high; see the \[severity policy\]\(\.\.\/severity\.md\)\) \|/);
    assert.match(page, /## What Ward says\n\n`<callee>` runs a shell command built from a variable\n\n\*\*What to do:\*\* Call `execFile`/);
    assert.match(page, /## Why it matters\n\nThe shell parses the whole string/);
    assert.match(page, /## Details\n\n`child_process\.exec`/);
    assert.ok(fs.existsSync(path.join(out, 'severity.md')), 'the policy the pages link to is copied beside them');
    // A rule whose why is its docs' first paragraph does not show that paragraph twice.
    const sql = fs.readFileSync(path.join(out, 'rules', 'js-sql-injection.md'), 'utf8');
    const lead = 'Building SQL text from request data lets an attacker change the query';
    assert.equal(sql.split(lead).length - 1, 1, sql);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

// The pages in docs/rules are what users and the rule links in the editor read: a rule
// landed without running `npm run docs` would link to a missing or stale page.
test('docs/rules is up to date with rules/ (run `npm run docs` after changing a rule)', async () => {
  const { writeRuleDocs } = await import(pathToFileURL(path.join(root, 'scripts', 'ruleDocs.mjs')).href);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-docs-'));
  try {
    writeRuleDocs(path.join(root, 'rules'), path.join(out, 'rules'));
    const committed = path.join(root, 'docs', 'rules');
    const fresh = fs.readdirSync(path.join(out, 'rules')).filter((f) => f.endsWith('.md')).sort();
    const present = fs.readdirSync(committed).filter((f) => f.endsWith('.md')).sort();
    assert.deepEqual(present.filter((f) => !fresh.includes(f)), [], 'pages for rules that no longer exist');
    assert.deepEqual(fresh.filter((f) => !present.includes(f)), [], 'rules without a committed page');
    const stale = fresh.filter((f) => fs.readFileSync(path.join(out, 'rules', f), 'utf8') !== fs.readFileSync(path.join(committed, f), 'utf8'));
    assert.deepEqual(stale, [], 'pages that differ from their rule');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

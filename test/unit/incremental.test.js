// Re-analysing only the statements an edit touched must give the same findings as
// analysing the whole file again.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const js = W.LANGUAGES.find((l) => l.id === 'javascript');

function generate(n) {
  const out = ["const cp = require('child_process');", "const express = require('express');", 'const app = express();', ''];
  for (let i = 0; out.length < n; i++) {
    out.push(
      `function helper${i}(dir) {`,
      i % 3 === 0 ? `  return cp.execSync('ls ' + dir);` : `  return dir.trim();`,
      '}',
      `app.get('/r${i}', (req, res) => {`,
      i % 4 === 0 ? `  helper${i}(req.query.d);` : `  res.json({ ok: ${i} });`,
      i % 5 === 0 ? `  eval(req.body.code${i});` : `  res.end();`,
      '});',
      '',
    );
  }
  return out.join('\n');
}

const key = (f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;

function applyChange(text, line, oldLines, insert) {
  const lines = text.split('\n');
  lines.splice(line, oldLines, ...insert);
  return lines.join('\n');
}

test('region analysis + merge equals a full analysis after edits', async () => {
  const { engine } = W.loadEngine([path.join(__dirname, '..', '..', 'rules')]);
  let text = generate(2000);
  let tree = await engine.parse(js, text, 60000);
  let findings = (await engine.analyzeTree(tree, text, js, { budgetMs: 60000, incremental: true })).findings;
  // Edits: add a vulnerable line inside a handler, delete a statement, change a helper's
  // summary (which must fall back to a full analysis), add lines at the top.
  const edits = [
    { line: 805, remove: 0, insert: ["  cp.exec('rm ' + req.query.x);"] },
    { line: 1209, remove: 1, insert: [] },
    { line: 9, remove: 1, insert: ["  return cp.execSync('cat ' + dir);"] },
    { line: 40, remove: 0, insert: ['', '// a comment', ''] },
  ];
  let regionRuns = 0;
  for (const e of edits) {
    const newText = applyChange(text, e.line, e.remove, e.insert);
    const dirty = W.trackEdit(undefined, e.line, e.line + e.remove, e.line + e.insert.length);
    const newTree = await engine.parse(js, newText, 60000);
    const full = (await engine.analyzeTree(newTree, newText, js, { budgetMs: 60000, incremental: true })).findings;
    const region = W.regionFor(newTree, dirty);
    let merged = full;
    if (region) {
      try {
        const partial = await engine.analyzeTree(newTree, newText, js, { budgetMs: 60000, region });
        merged = W.mergeFindings(findings, partial.findings, region, dirty.lineDelta);
        regionRuns++;
      } catch (err) {
        if (!(err instanceof W.RegionInvalidated)) throw err;
      }
    }
    assert.deepEqual(merged.map(key).sort(), full.map(key).sort(), `after editing line ${e.line}`);
    tree.delete();
    text = newText;
    tree = newTree;
    findings = full;
  }
  assert.ok(regionRuns >= 2, `most edits should be handled by region analysis (${regionRuns})`);
});

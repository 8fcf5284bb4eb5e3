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

// Java: all code lives in a class, so the top-level statement an edit touches is the whole
// class; the pack's membersOf hook narrows the region to the methods the edit touched.
const java = W.LANGUAGES.find((l) => l.id === 'java');

function generateJava(n) {
  const out = [
    'package bench;',
    '',
    'import java.io.IOException;',
    'import javax.servlet.http.HttpServletRequest;',
    'import javax.servlet.http.HttpServletResponse;',
    '',
    'public class Handlers {',
    '    private static final String BASE = "/data/";',
    '    private String last = "";',
    '',
  ];
  for (let i = 0; out.length < n; i++) {
    out.push(
      `    void run${i}(String cmd) throws IOException {`,
      i % 3 === 0 ? '        Runtime.getRuntime().exec(cmd);' : `        Runtime.getRuntime().exec(BASE + "ls${i}");`,
      '    }',
      '',
      `    void handle${i}(HttpServletRequest request, HttpServletResponse response) throws IOException {`,
      `        String id = request.getParameter("id${i}");`,
      i % 4 === 0 ? `        run${i}(id);` : `        run${i}("x${i}");`,
      i % 5 === 0 ? '        Runtime.getRuntime().exec("cat " + id);' : `        response.setStatus(${200 + (i % 7)});`,
      '    }',
      '',
    );
  }
  out.push('}', '');
  return out.join('\n');
}

/** The 0-based line holding `needle`. */
function lineOf(text, needle) {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `no line with ${needle}`);
  return i;
}

test('Java: region analysis of the methods an edit touched + merge equals a full analysis', async () => {
  const { engine } = W.loadEngine([path.join(__dirname, '..', '..', 'rules')]);
  const options = { budgetMs: 60000, absolutePath: path.join(__dirname, 'Handlers.java') };
  let text = generateJava(2000);
  let tree = await engine.parse(java, text, 60000);
  let findings = (await engine.analyzeTree(tree, text, java, { ...options, incremental: true })).findings;
  assert.ok(findings.length > 20, `the generated class has findings (${findings.length})`);
  // Edits: a vulnerable line inside a handler; a statement deleted from another; a helper's
  // summary changed (its callers may report differently: a whole-file analysis); comment
  // lines between methods; a field changed (other methods may read it: the whole class).
  const edits = [
    (t) => ({ line: lineOf(t, '"id101"') + 1, remove: 0, insert: ['        Runtime.getRuntime().exec("rm " + request.getParameter("x"));'], narrowed: true }),
    (t) => ({ line: lineOf(t, 'run148(id);'), remove: 1, insert: [], narrowed: true }),
    (t) => ({ line: lineOf(t, 'exec(BASE + "ls40")'), remove: 1, insert: ['        Runtime.getRuntime().exec(cmd);'], narrowed: true }),
    (t) => ({ line: lineOf(t, 'void run60(') - 1, remove: 0, insert: ['    // a comment', ''], narrowed: true }),
    (t) => ({ line: lineOf(t, 'private String last'), remove: 1, insert: ['    private String last = "x";'], narrowed: false }),
  ];
  let regionRuns = 0;
  for (const make of edits) {
    const e = make(text);
    const newText = applyChange(text, e.line, e.remove, e.insert);
    const dirty = W.trackEdit(undefined, e.line, e.line + e.remove, e.line + e.insert.length);
    const newTree = await engine.parse(java, newText, 60000);
    const region = W.regionFor(newTree, dirty, 'java');
    assert.equal(!!region?.members, e.narrowed, `region after editing line ${e.line}: ${JSON.stringify(region)}`);
    if (region) assert.ok(region.end.row - region.start.row <= 12, `the region is the edited method (${JSON.stringify(region)})`);
    // Without the pack's hook the whole class is the region: most of the file, so none.
    assert.equal(W.regionFor(newTree, dirty), undefined);
    // As the server does: the region first (the summary cache holds the text before the edit),
    // the whole file only where the region analysis says a summary changed.
    let merged;
    if (region) {
      try {
        const partial = await engine.analyzeTree(newTree, newText, java, { ...options, region });
        merged = W.mergeFindings(findings, partial.findings, region, dirty.lineDelta);
        regionRuns++;
      } catch (err) {
        if (!(err instanceof W.RegionInvalidated)) throw err;
      }
    }
    const full = (await engine.analyzeTree(newTree, newText, java, { ...options, incremental: true })).findings;
    merged ??= full;
    assert.deepEqual(merged.map(key).sort(), full.map(key).sort(), `after editing line ${e.line}`);
    tree.delete();
    text = newText;
    tree = newTree;
    findings = full;
  }
  assert.ok(regionRuns >= 3, `edits inside methods should be handled by region analysis (${regionRuns})`);
});

// Tree-sitter's error recovery can read text far from an edit otherwise once the file does
// not parse (a fuzzed edit sequence: a deleted brace turned 150 nested ifs 1,000 lines
// below into a flat run, so a region's analysis kept findings a whole-file one no longer
// had). A region stands only where every statement that does not parse, now and at the
// last analysis, lies inside it.
test('statements that do not parse confine region analysis to them', async () => {
  const { engine } = W.loadEngine([path.join(__dirname, '..', '..', 'rules')]);
  const text = generate(2000);
  const at = lineOf(text, "app.get('/r100'");
  const broken = applyChange(text, at + 1, 0, ['  const half = ;']);
  const tree = await engine.parse(js, broken, 60000);
  const spans = W.brokenSpans(tree, js.family);
  assert.equal(spans.length, 1, JSON.stringify(spans));
  const [start, end] = spans[0];
  assert.ok(start <= at && end >= at + 1, `the broken handler (${start}-${end}) holds the edit at ${at + 1}`);

  const dirty = W.trackEdit(undefined, at + 1, at + 1, at + 2);
  const own = W.regionFor(tree, dirty, js.family);
  assert.ok(own, 'an edit inside one handler has a region');
  assert.equal(W.errorsInside(own, spans, [], dirty), true, 'the error is the edited handler');
  // An edit elsewhere while the handler stays broken: the whole file.
  const elsewhere = W.trackEdit(undefined, 20, 20, 21);
  const other = W.regionFor(tree, elsewhere, js.family);
  assert.ok(other && other.end.row <= start);
  assert.equal(W.errorsInside(other, spans, [], elsewhere), false);
  // The last analysis saw an error that the edit's region does not cover (in that text's
  // rows: three lines added above it move it down by three).
  const added = W.trackEdit(undefined, 20, 20, 23);
  const above = { start: { row: 18, column: 0 }, end: { row: 30, column: 0 } };
  assert.equal(W.errorsInside(above, [], [[start, end]], added), false);
  assert.equal(W.errorsInside({ start: { row: start + 3, column: 0 }, end: { row: end + 4, column: 0 } }, [], [[start, end]], added), true);
  assert.equal(W.errorsInside({ start: { row: start + 4, column: 0 }, end: { row: end + 4, column: 0 } }, [], [[start, end]], added), false);

  // Rows whose syntax changed join the edited rows.
  assert.deepEqual(W.withChangedRows({ start: 10, end: 12, lineDelta: 1 }, [{ startPosition: { row: 40 }, endPosition: { row: 44 } }]), { start: 10, end: 44, lineDelta: 1 });
  tree.delete();
});

test('Java: an error inside one method is that method, not the class', async () => {
  const { engine } = W.loadEngine([path.join(__dirname, '..', '..', 'rules')]);
  const text = generateJava(2000);
  const at = lineOf(text, 'void handle70(');
  const broken = applyChange(text, at + 1, 0, ['        String half = ;']);
  const tree = await engine.parse(java, broken, 60000);
  const spans = W.brokenSpans(tree, 'java');
  assert.ok(spans.length >= 1 && spans.every(([s, e]) => e - s < 12), `method-sized spans: ${JSON.stringify(spans)}`);
  const dirty = W.trackEdit(undefined, at + 1, at + 1, at + 2);
  const region = W.regionFor(tree, dirty, 'java');
  assert.ok(region?.members, JSON.stringify(region));
  assert.equal(W.errorsInside(region, spans, [], dirty), true);
  // Without the pack's members the error is the whole class.
  assert.deepEqual(W.brokenSpans(tree), [[tree.rootNode.children.find((c) => c.hasError).startPosition.row, tree.rootNode.children.find((c) => c.hasError).endPosition.row]]);
  tree.delete();
});

// A region analysis (an edit inside one function of a large file) must read a bounded
// number of functions, whatever the size of the file: counted, not timed.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const rules = path.join(__dirname, '..', '..', 'rules');
const key = (f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;

/** Express-style handlers registered by name, every 10th sending its input to a command; `helper` is called by every 7th. */
function jsHandlers(n) {
  const out = ["const cp = require('child_process');", "const express = require('express');", 'const app = express();', '', 'function helper(dir) {', "  return cp.execSync('ls ' + dir);", '}', ''];
  for (let i = 0; out.length < n; i++) {
    out.push(
      `function h${i}(req, res) {`,
      `  const v = req.query.p${i};`,
      i % 7 === 0 ? '  helper(v);' : i % 10 === 0 ? "  cp.exec('ls ' + v, () => res.send('ok'));" : `  res.send({ n: ${i} });`,
      '}',
      `app.get('/p${i}', h${i});`,
      '',
    );
  }
  return out.join('\n');
}

function pyHandlers(n) {
  const out = ['import os', 'from flask import Flask, request', '', 'app = Flask(__name__)', '', 'def helper(d):', "    return os.popen('ls ' + d).read()", ''];
  for (let i = 0; out.length < n; i++) {
    out.push(`@app.route('/p${i}')`, `def h${i}():`, `    v = request.args.get('p${i}', '')`, i % 7 === 0 ? '    return helper(v)' : i % 10 === 0 ? "    os.system('ls ' + v)" : `    return str(len(v))`, '');
  }
  return out.join('\n');
}

/** Servlet-style handler methods of one class (all Java code lives in a class: the pack narrows a region to methods). */
function javaHandlers(n) {
  const out = ['package t;', '', 'import java.io.IOException;', 'import javax.servlet.http.HttpServletRequest;', 'import javax.servlet.http.HttpServletResponse;', '', 'public class Handlers {', '    String helper(String d) throws IOException {', '        Runtime.getRuntime().exec("ls " + d);', '        return "";', '    }', ''];
  for (let i = 0; out.length < n; i++) {
    out.push(
      `    void h${i}(HttpServletRequest req, HttpServletResponse res) throws IOException {`,
      `        String v = req.getParameter("p${i}");`,
      i % 7 === 0 ? '        helper(v);' : i % 10 === 0 ? '        Runtime.getRuntime().exec("ls " + v);' : `        res.setStatus(${200 + (i % 5)});`,
      '    }',
      '',
    );
  }
  out.push('}', '');
  return out.join('\n');
}

/** net/http handler functions; `helper` runs a command and is called by every 7th. */
function goHandlers(n) {
  const out = ['package main', '', 'import (', '\t"net/http"', '\t"os/exec"', ')', '', 'func helper(d string) string {', '\texec.Command("sh", "-c", "ls "+d).Run()', '\treturn ""', '}', ''];
  for (let i = 0; out.length < n; i++) {
    out.push(
      `func h${i}(w http.ResponseWriter, r *http.Request) {`,
      `\tv := r.URL.Query().Get("p${i}")`,
      i % 7 === 0 ? '\thelper(v)' : i % 10 === 0 ? '\texec.Command("sh", "-c", "ls "+v).Run()' : `\tw.WriteHeader(${200 + (i % 5)})`,
      '}',
      '',
    );
  }
  return out.join('\n');
}

/** The row after the first line matching `re` at or after the middle of the file. */
function middleLine(text, re, from = 0.5) {
  const lines = text.split('\n');
  let i = Math.floor(lines.length * from);
  while (!re.test(lines[i])) i++;
  return i + 1;
}

async function editAndCount(engine, lang, text, line, inserted) {
  const tree = await engine.parse(lang, text, 60000);
  const before = await engine.analyzeTree(tree, text, lang, { budgetMs: 60000, incremental: true });
  const lines = text.split('\n');
  lines.splice(line, 0, inserted);
  const edited = lines.join('\n');
  const newTree = await engine.parse(lang, edited, 60000);
  const region = W.regionFor(newTree, W.trackEdit(undefined, line, line, line + 1), lang.family);
  assert.ok(region, 'an edit inside one handler is a region');
  const partial = await engine.analyzeTree(newTree, edited, lang, { budgetMs: 60000, region, incremental: true });
  const work = engine.taint.lastRegionWork;
  const lookedInto = engine.taint.summaries.definitions.lastLookedInto;
  const lookedIntoLines = engine.taint.summaries.definitions.lastLookedIntoLines;
  const merged = W.mergeFindings(before.findings, partial.findings, region, 1);
  const full = await engine.analyzeTree(newTree, edited, lang, { budgetMs: 60000 });
  tree.delete();
  newTree.delete();
  return { work, lookedInto, lookedIntoLines, merged: merged.map(key).sort(), full: full.findings.map(key).sort(), added: partial.findings.length };
}

for (const [id, generate, handler, sink, call] of [
  ['javascript', jsHandlers, /^ {2}const v = /, "  cp.exec('rm ' + v);", '  helper(v + 1);'],
  ['python', pyHandlers, /^ {4}v = request/, "    os.system('rm ' + v)", '    helper(v + "1")'],
  ['go', goHandlers, /^\tv := r\.URL/, '\texec.Command("sh", "-c", "rm "+v).Run()', '\thelper(v + "1")'],
  ['java', javaHandlers, /^ {8}String v = req/, '        Runtime.getRuntime().exec("rm " + v);', '        helper(v + "1");'],
]) {
  const lang = W.LANGUAGES.find((l) => l.id === id);

  test(`${id}: an edit inside one of thousands of handlers walks that handler only, at any file size`, async () => {
    for (const size of [2000, 6000]) {
      const { engine } = W.loadEngine([rules]);
      const text = generate(size);
      const r = await editAndCount(engine, lang, text, middleLine(text, handler), sink);
      // The handler is registered by name (`app.get('/p', h)`, a decorator), not called: its new
      // summary cannot change other findings, so no whole-file analysis follows.
      assert.deepEqual(r.work, { walked: 1, cached: 0 }, `${size} lines`);
      assert.equal(r.lookedInto, 1, `${size} lines: only the edited statement is looked into`);
      assert.ok(r.lookedIntoLines <= 6, `${size} lines: only the edited handler's lines are looked into (${r.lookedIntoLines})`);
      assert.equal(r.added >= 1, true, 'the new sink is reported');
      assert.deepEqual(r.merged, r.full, `${size} lines: region + kept findings = a whole-file analysis`);
    }
  });

  test(`${id}: a handler that calls a helper reads the helper's summary from the cache`, async () => {
    const { engine } = W.loadEngine([rules]);
    const text = generate(3000);
    const r = await editAndCount(engine, lang, text, middleLine(text, handler), call);
    assert.deepEqual(r.work, { walked: 1, cached: 1 });
    assert.deepEqual(r.merged, r.full);
  });

  test(`${id}: a new summary of a function called elsewhere still asks for a whole-file analysis`, async () => {
    const { engine } = W.loadEngine([rules]);
    const text = generate(3000);
    const tree = await engine.parse(lang, text, 60000);
    await engine.analyzeTree(tree, text, lang, { budgetMs: 60000, incremental: true });
    // `helper` now returns its argument too (a new summary), and handlers call it.
    const lines = text.split('\n');
    const at = lines.findIndex((l) => /helper\((String )?d(ir)?( string)?\)/.test(l)) + 1;
    lines.splice(at, 0, { python: '    return d', java: '        return d;', go: '\treturn d' }[id] ?? '  return dir;');
    const edited = lines.join('\n');
    const newTree = await engine.parse(lang, edited, 60000);
    const region = W.regionFor(newTree, W.trackEdit(undefined, at, at, at + 1), lang.family);
    await assert.rejects(engine.analyzeTree(newTree, edited, lang, { budgetMs: 60000, region, incremental: true }), W.RegionInvalidated);
    tree.delete();
    newTree.delete();
  });
}

// A pattern rule that defers to data flow (`defers-to`) is proved inside the region being
// re-checked: a whole-file proving walk per edit made a 20,000-line file ten times slower.
test('javascript: the defers-to proof walks the edited region, and region + kept findings equal a whole-file analysis', async () => {
  const { engine } = W.loadEngine([rules]);
  const out = ["const cp = require('child_process');", ''];
  for (let i = 0; out.length < 3000; i++) {
    out.push(`function f${i}() {`, i % 2 ? `  const d = 'tmp${i}';` : `  const d = process.argv[${i % 9}];`, "  cp.exec('ls ' + d);", '}', '');
  }
  const text = out.join('\n');
  const lang = W.languageForId('javascript');
  const line = middleLine(text, /^function f\d+\(\) \{$/);
  const tree = await engine.parse(lang, text, 60000);
  const before = await engine.analyzeTree(tree, text, lang, { budgetMs: 60000, incremental: true });
  const lines = text.split('\n');
  lines.splice(line, 0, "  cp.exec('ls ' + process.argv[1]);");
  const edited = lines.join('\n');
  const newTree = await engine.parse(lang, edited, 60000);
  const region = W.regionFor(newTree, W.trackEdit(undefined, line, line, line + 1));
  assert.ok(region, 'an edit inside one function is a region');
  const partial = await engine.analyzeTree(newTree, edited, lang, { budgetMs: 60000, region, incremental: true });
  assert.equal(engine.taint.lastProofOnPass, true, 'the proof walked the region, not the whole file');
  const merged = W.mergeFindings(before.findings, partial.findings, region, 1).map(key).sort();
  const full = (await engine.analyzeTree(newTree, edited, lang, { budgetMs: 60000 })).findings.map(key).sort();
  assert.deepEqual(merged, full);
  const execs = full.filter((k) => k.startsWith('js-child-process-exec@')).length;
  assert.ok(execs > 250 && execs < 320, `the argv calls are reported, the constant ones are not: ${execs}`);
  tree.delete();
  newTree.delete();
});

// The whole-file proof for `defers-to` walks the functions holding the values asked about and
// those they call, not every function of the file (it had doubled a large file's first analysis).
test('javascript: the whole-file defers-to proof walks only the functions the asked values depend on', async () => {
  const { engine } = W.loadEngine([rules]);
  const out = ["const cp = require('child_process');", ''];
  for (let i = 0; out.length < 3000; i++) {
    if (i === 100) out.push('function build() {', "  return 'ls /tmp';", '}', 'function probe(req) {', '  const n = parseInt(req.query.n, 10);', "  cp.exec(build() + ' ' + n);", '}', '');
    if (i === 200) out.push('function leak(x) {', "  cp.exec('ls ' + x);", '}', '');
    out.push(`function f${i}(req, res) {`, `  res.send({ n: req.query.p${i} });`, '}', '');
  }
  const text = out.join('\n');
  const lang = W.languageForId('javascript');
  const tree = await engine.parse(lang, text, 60000);
  const { findings } = await engine.analyzeTree(tree, text, lang, { budgetMs: 60000 });
  const execs = findings.filter((f) => f.ruleId === 'js-child-process-exec').map((f) => text.split('\n')[f.range.start.line].trim());
  assert.deepEqual(execs, ["cp.exec('ls ' + x);"], 'the command built from a constant helper and a number is proven; the parameter is not');
  // probe, build, leak (each walked once or twice to the fixed point): not the 700 others.
  assert.ok(engine.taint.lastProofWalks > 0 && engine.taint.lastProofWalks <= 8, `proof walks: ${engine.taint.lastProofWalks}`);
  tree.delete();
});

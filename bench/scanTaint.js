#!/usr/bin/env node
// Scan a folder with the taint rules (models loaded), print every finding with its trace
// head, and a summary line. Usage: node bench/scanTaint.js DIR [rule-id-regex] [--exclude path-regex]
const fs = require('node:fs');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', 'dist');
const { Engine, loadEngine, languageForPath } = require(path.join(dist, 'engine.js'));

async function main() {
  const [dir, filter] = process.argv.slice(2);
  const only = filter && !filter.startsWith('--') ? new RegExp(filter) : /./;
  const ex = process.argv.indexOf('--exclude');
  const exclude = ex > 0 ? new RegExp(process.argv[ex + 1]) : null;
  const loaded = loadEngine([path.join(__dirname, '..', 'rules')]);
  for (const e of loaded.errors) console.error(`rule error ${e.file}:${e.line} ${e.message}`);
  const engine = new Engine(loaded.engine.rules.filter((r) => r.mode === 'taint' && only.test(r.id)));
  engine.taint = loaded.engine.taint;
  const files = [];
  const walk = (d) => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      let st;
      try { st = fs.lstatSync(full); } catch { continue; }
      if (st.isSymbolicLink() || (exclude && exclude.test(full))) continue;
      if (st.isDirectory()) walk(full);
      else if (languageForPath(full) && !/\.d\.ts$|\.min\.js$/.test(name)) files.push(full);
    }
  };
  walk(dir);
  let count = 0;
  let lines = 0;
  const perRule = {};
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    lines += text.split('\n').length;
    const r = await engine.scanFile(file, { relativePath: path.relative(dir, file) });
    for (const n of r.notices ?? []) console.error(`notice ${file}: ${n.message}`);
    for (const f of r.findings) {
      if (f.suppressed) continue;
      count++;
      perRule[f.ruleId] = (perRule[f.ruleId] ?? 0) + 1;
      const src = text.split('\n')[f.range.start.line] ?? '';
      const source = f.trace?.[0] ? `  <- line ${f.trace[0].range.start.line + 1}: ${f.trace[0].message}` : '';
      console.log(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}\n    ${src.trim().slice(0, 160)}\n   ${source}`);
    }
  }
  console.log(`\n${count} findings in ${files.length} files, ${lines} lines ${JSON.stringify(perRule)}`);
}
main().catch((e) => { console.error(e); process.exit(2); });

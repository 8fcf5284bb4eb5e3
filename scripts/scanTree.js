#!/usr/bin/env node
// Developer tool: scan a folder with the built engine and print findings, to hunt false
// alarms on real code. Usage: node scripts/scanTree.js DIR [rule-id-regex] [--max N]
const fs = require('node:fs');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', 'dist');
const { Engine, loadRuleDirs, languageForPath } = require(path.join(dist, 'engine.js'));

async function main() {
  const [dir, filter] = process.argv.slice(2);
  const maxArg = process.argv.indexOf('--max');
  const max = maxArg > 0 ? Number(process.argv[maxArg + 1]) : 20000;
  const only = filter && !filter.startsWith('--') ? new RegExp(filter) : undefined;
  const { rules, errors } = loadRuleDirs([path.join(__dirname, '..', 'rules')]);
  for (const e of errors) console.error(`rule error ${e.file}:${e.line} ${e.message}`);
  const engine = new Engine(rules.filter((r) => !only || only.test(r.id)));
  const files = [];
  const walk = (d) => {
    for (const name of fs.readdirSync(d)) {
      const full = path.join(d, name);
      let st;
      try { st = fs.lstatSync(full); } catch { continue; }
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) walk(full);
      else if (languageForPath(full) && files.length < max) files.push(full);
    }
  };
  walk(dir);
  let count = 0;
  let lines = 0;
  for (const file of files) {
    const r = await engine.scanFile(file, { relativePath: path.relative(dir, file) });
    lines += fs.readFileSync(file, 'utf8').split('\n').length;
    for (const f of r.findings) {
      if (f.suppressed) continue;
      count++;
      const src = fs.readFileSync(file, 'utf8').split('\n')[f.range.start.line] ?? '';
      console.log(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}\n    ${src.trim().slice(0, 160)}`);
    }
  }
  console.log(`\n${count} findings in ${files.length} files, ${lines} lines`);
}
main().catch((e) => { console.error(e); process.exit(2); });

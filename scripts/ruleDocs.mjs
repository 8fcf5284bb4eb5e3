// Renders each rule's Markdown page (and an index) from its YAML, so the docs a
// diagnostic links to can never drift from the rule. Used by esbuild.mjs (into dist/docs)
// and by `npm run docs` (into docs/rules, committed for readers on the web).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

function ruleFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('_') || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...ruleFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

const cweLink = (c) => `[${c}](https://cwe.mitre.org/data/definitions/${c.replace('CWE-', '')}.html)`;

function page(rule, file, rulesDir) {
  const lines = [
    `# ${rule.id}`,
    '',
    `**${rule.title}**`,
    '',
    `| | |`,
    `|---|---|`,
    `| Severity | ${rule.severity} (confidence ${rule.confidence}) |`,
    `| Languages | ${rule.languages.join(', ')} |`,
    `| Category | ${rule.category} |`,
    `| CWE | ${rule.cwe.map(cweLink).join(', ')} |`,
    `| OWASP Top 10 | ${rule.owasp.join(', ')} |`,
    `| Quick fix | ${rule.fix ? rule.fix.title : 'none'} |`,
    `| Rule file | \`rules/${relative(rulesDir, file)}\` |`,
    '',
    '## What Ward says',
    '',
    rule.message.replace(/\{\{\s*([\w:.-]+)\s*\}\}/g, '<$1>'),
    '',
    '## Why it matters and what to do',
    '',
    rule.docs.trim(),
    '',
  ];
  if (rule.references?.length) lines.push('## References', '', ...rule.references.map((r) => `- ${r}`), '');
  // A file reported by its name is binary: it cannot hold a comment.
  const suppress = rule.mode === 'filename'
    ? `Record the file in the baseline (\`ward baseline create\`, then \`ward scan --baseline .ward-baseline.json\`), or leave its folder out with \`exclude\` in \`.ward.yaml\`.`
    : `Add \`ward-ignore ${rule.id} -- <reason>\` in a comment on the line above (or the same line), or \`ward-ignore-file ${rule.id} -- <reason>\` for the whole file.`;
  lines.push('## Suppressing', '', suppress, '');
  return lines.join('\n');
}

export function writeRuleDocs(rulesDir, outDir) {
  mkdirSync(outDir, { recursive: true });
  const rows = [];
  for (const file of ruleFiles(rulesDir)) {
    let rule;
    try {
      rule = parse(readFileSync(file, 'utf8'));
    } catch {
      continue; // the rule loader reports broken files with their line
    }
    if (!rule || typeof rule.id !== 'string' || !Array.isArray(rule.languages) || !Array.isArray(rule.cwe)) continue;
    writeFileSync(join(outDir, `${rule.id}.md`), page(rule, file, rulesDir));
    rows.push(`| [${rule.id}](${rule.id}.md) | ${rule.languages.join(', ')} | ${rule.severity} | ${rule.cwe.join(', ')} | ${rule.fix ? 'yes' : ''} | ${rule.title} |`);
  }
  writeFileSync(
    join(outDir, 'README.md'),
    ['# Ward rules', '', `${rows.length} rules.`, '', '| Rule | Languages | Severity | CWE | Fix | What it finds |', '|---|---|---|---|---|---|', ...rows, ''].join('\n'),
  );
  return rows.length;
}

if (process.argv[1] && process.argv[1].endsWith('ruleDocs.mjs')) {
  const root = new URL('..', import.meta.url).pathname;
  const n = writeRuleDocs(join(root, 'rules'), join(root, 'docs', 'rules'));
  console.log(`wrote ${n} rule pages to docs/rules`);
}

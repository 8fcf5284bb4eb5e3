// Renders each rule's Markdown page (and an index) from its YAML, so the docs a
// diagnostic links to can never drift from the rule. Used by esbuild.mjs (into dist/docs)
// and by `npm run docs` (into docs/rules, committed for readers on the web).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { buildSync } from 'esbuild';
import { parse } from 'yaml';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The engine's own tables, not a copy: the links of a CWE or OWASP category
 * (server/src/engine/ruleLinks.ts) and which taint sink kinds get a quick fix
 * (server/src/fixes/catalog.ts, built from what the language packs write), bundled and loaded here.
 */
function engineFacts() {
  const out = buildSync({
    stdin: {
      contents: "export * from './server/src/engine/ruleLinks'; export { quickFixesOf } from './server/src/fixes/catalog';",
      resolveDir: repo,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    logLevel: 'error',
    // As esbuild.mjs: jsonc-parser's UMD build requires its own files at run time, its ESM build bundles.
    alias: { 'jsonc-parser': join(repo, 'node_modules/jsonc-parser/lib/esm/main.js') },
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

function ruleFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('_') || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...ruleFiles(full));
    else if (/\.ya?ml$/.test(name) && !/\.(test|fixed)(\.[\w-]+)*\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

// The same defaults as the rule compiler (ruleCompiler.ts) for rules that leave these out.
const leadParagraph = (docs) => (docs.trim().split(/\n\s*\n/)[0] ?? '').replace(/\s*\n\s*/g, ' ').trim();
function kindOf(rule) {
  if (rule.kind) return rule.kind;
  if (rule.mode === 'taint') return 'flow';
  if (rule.mode === 'secret' || rule.mode === 'filename') return 'secret';
  if (rule.mode === 'dependency') return 'vulnerable-dependency';
  return rule.category === 'crypto' ? 'weak-crypto' : 'unsafe-api';
}

function page(rule, file, rulesDir, facts, all) {
  // A dependency finding's fix is computed from the advisories (the nearest fixed version), not declared.
  const fixes = rule.mode === 'dependency' ? ['upgrade a manifest\'s direct dependency to the lowest fixed version in its major'] : facts.quickFixesOf(rule, all);
  const why = typeof rule.why === 'string' ? rule.why.trim().replace(/\s*\n\s*/g, ' ') : leadParagraph(rule.docs);
  // Without its own `why`, the rule's why is the docs' first paragraph: not twice on the page.
  const details = typeof rule.why === 'string' ? rule.docs.trim() : rule.docs.trim().split(/\n\s*\n/).slice(1).join('\n\n').trim();
  const lines = [
    `# ${rule.id}`,
    '',
    `**${rule.title}**`,
    '',
    `| | |`,
    `|---|---|`,
    rule.mode === 'dependency'
      ? `| Severity | from each advisory's CVSS score: error at 7.0 and above, warning from 4.0, info below (up to ${rule.severity}; see the [severity policy](../severity.md)) |`
      : `| Severity | ${rule.severity} (${kindOf(rule)}, confidence ${rule.confidence}; see the [severity policy](../severity.md)) |`,
    `| Languages | ${rule.languages.join(', ')} |`,
    `| Category | ${rule.category} |`,
    `| CWE | ${rule.cwe.map(facts.cweLink).join(', ')} |`,
    `| OWASP Top 10 | ${rule.owasp.map(facts.owaspLink).join(', ')} |`,
    `| Quick fix | ${fixes.length ? fixes.join('; ') : 'none'} |`,
    `| Rule file | \`rules/${relative(rulesDir, file)}\` |`,
    '',
    '## What Ward says',
    '',
    rule.message.replace(/\{\{\s*([\w:.-]+)\s*\}\}/g, '<$1>'),
    '',
    ...(rule.advice ? [`**What to do:** ${rule.advice.trim()}`, ''] : []),
    '## Why it matters',
    '',
    why,
    '',
    ...(details ? ['## Details', '', details, ''] : []),
  ];
  if (rule.references?.length) lines.push('## References', '', ...rule.references.map((r) => `- ${r}`), '');
  // A file reported by its name is binary: it cannot hold a comment.
  const suppress = rule.mode === 'dependency'
    ? `Name the advisory where the file has comments: \`# ward-ignore GHSA-xxxx-xxxx-xxxx -- <reason>\` on the dependency's line or the line above (\`ward-ignore ${rule.id}\` ignores the whole finding), or add an entry with a reason and an expiry date to the \`ignore\` list of \`.ward.yaml\` (see [dependencies](../dependencies.md)).`
    : rule.mode === 'filename'
    ? `Record the file in the baseline (\`ward baseline create\`, then \`ward scan --baseline .ward-baseline.json\`), or leave its folder out with \`exclude\` in \`.ward.yaml\`.`
    : `Add \`ward-ignore ${rule.id} -- <reason>\` in a comment on the line above (or the same line), or \`ward-ignore-file ${rule.id} -- <reason>\` for the whole file.`;
  lines.push('## Suppressing', '', suppress, '');
  return lines.join('\n');
}

export function writeRuleDocs(rulesDir, outDir) {
  mkdirSync(outDir, { recursive: true });
  const rows = [];
  const facts = engineFacts();
  const rules = [];
  for (const file of ruleFiles(rulesDir)) {
    let rule;
    try {
      rule = parse(readFileSync(file, 'utf8'));
    } catch {
      continue; // the rule loader reports broken files with their line
    }
    if (!rule || typeof rule.id !== 'string' || !Array.isArray(rule.languages) || !Array.isArray(rule.cwe)) continue;
    rules.push({ rule, file });
  }
  const all = rules.map((r) => r.rule);
  for (const { rule, file } of rules) {
    writeFileSync(join(outDir, `${rule.id}.md`), page(rule, file, rulesDir, facts, all));
    rows.push(`| [${rule.id}](${rule.id}.md) | ${rule.languages.join(', ')} | ${rule.severity} | ${rule.cwe.join(', ')} | ${rule.mode === 'dependency' || facts.quickFixesOf(rule, all).length ? 'yes' : ''} | ${rule.title} |`);
  }
  // The pages link to the severity policy one folder up: a copy goes beside them when they are built elsewhere (dist/docs).
  const policy = join(rulesDir, '..', 'docs', 'severity.md');
  const policyCopy = join(outDir, '..', 'severity.md');
  if (existsSync(policy) && resolve(policy) !== resolve(policyCopy)) copyFileSync(policy, policyCopy);
  writeFileSync(
    join(outDir, 'README.md'),
    ['# Ward rules', '', `${rows.length} rules. Severities follow the [severity policy](../severity.md).`, '', '| Rule | Languages | Severity | CWE | Fix | What it finds |', '|---|---|---|---|---|---|', ...rows, ''].join('\n'),
  );
  return rows.length;
}

if (process.argv[1] && process.argv[1].endsWith('ruleDocs.mjs')) {
  const n = writeRuleDocs(join(repo, 'rules'), join(repo, 'docs', 'rules'));
  console.log(`wrote ${n} rule pages to docs/rules`);
}

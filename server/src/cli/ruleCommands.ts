/** `ward test` (rule fixtures) and `ward rules` (the rules a scan would load). */
import { resolve, sep } from 'node:path';
import { loadEngine } from '../wiring/engineLoader';
import { defaultAdvisoryFolder } from '../deps/advisoryStore';
import { findRuleFiles, loadRuleDirs } from '../engine/ruleLoader';
import { ruleFolderProblem } from '../engine/ruleFolders';
import { publicDocsUrl } from '../engine/ruleLinks';
import { testRule } from '../engine/ruleTests';
import { builtinRulesDir } from '../engine/builtinRules';
import type { ScanArgs } from './args';
import { CliError, readConfig, ruleDirs, say } from './commandSetup';
import { terminalSafe } from './terminalText';
import { documentPackOf, languageSpec, PACKS } from '../languages/registry';
import type { Rule } from '../engine/rule';

/** The packs a rule runs in (`js`, `python`), or `generic` for a rule of no language (secrets, dependencies). */
function packsOf(rule: Rule): string {
  // A document pack's kind (github-actions) names itself; a grammar id names its pack's family.
  const families = [...new Set([...rule.languages].map((id) => (documentPackOf(id) ? id : languageSpec(id).family)))];
  return families.length > 0 ? families.join(',') : 'generic';
}

export async function runTests(args: ScanArgs): Promise<number> {
  // Like the project's own rule tests: each rule alone on its fixtures. The built-in rules
  // load too (unless --no-default-rules), so custom taint rules can use the built-in
  // models and annotations may name built-in rules, but only the given folders' rules run.
  const dirs = args.paths.map((p) => resolve(p));
  // No rules found is not "0 failed": a mistyped folder would pass.
  const problems = dirs.flatMap((d) => ruleFolderProblem(d) ?? (findRuleFiles(d).length === 0 ? `no rule files (*.yaml) in ${d}` : []));
  if (problems.length > 0) throw new CliError(problems);
  const all = [...(args.noDefaultRules ? [] : [builtinRulesDir()]), ...dirs];
  // Dependency rules' fixtures bring their own advisories: the database folder is not read.
  const loaded = loadEngine(all, undefined, { folder: defaultAdvisoryFolder(), maxAgeDays: 7, ignore: [] });
  const inDirs = (file: string): boolean => dirs.some((d) => file === d || file.startsWith(d + sep));
  const errors = loaded.errors.filter((e) => inDirs(e.file) || !e.file.startsWith(builtinRulesDir()));
  const t = terminalSafe;
  for (const e of errors) process.stdout.write(`FAIL ${t(e.file)}:${e.line}: ${t(e.message)}\n`);
  const engine = loaded.engine;
  const rules = engine.rules.filter((r) => inDirs(r.file));
  const known = new Set(engine.rules.map((r) => r.id));
  let failed = errors.length;
  for (const rule of rules) {
    const result = await testRule(engine, rule, known);
    if (result.failures.length === 0) process.stdout.write(`ok   ${t(rule.id)} (${result.fixtures.length} fixture${result.fixtures.length === 1 ? '' : 's'})\n`);
    else {
      failed++;
      process.stdout.write(`FAIL ${t(rule.id)}\n${result.failures.map((f) => `     ${t(f.file)}:${f.line}: ${t(f.message)}`).join('\n')}\n`);
    }
  }
  process.stdout.write(`${rules.length - (failed - errors.length)} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

function loadRules(args: ScanArgs): ReturnType<typeof loadRuleDirs> {
  return loadRuleDirs(ruleDirs(args, args.command === 'rules' ? readConfig(args) : undefined));
}

export function listRules(args: ScanArgs): number {
  const { rules, errors } = loadRules(args);
  const builtin = builtinRulesDir() + sep;
  for (const r of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
    // The published page of a built-in rule (the editor opens the copy bundled with it); a
    // rule of your own has no page: its YAML is its documentation.
    const line = args.docs
      ? `${r.id.padEnd(44)} ${r.file.startsWith(builtin) ? publicDocsUrl(r.id) : r.file}`
      : `${r.id.padEnd(44)} ${packsOf(r).padEnd(8)} ${r.severity.padEnd(8)} ${r.cwe.join(',').padEnd(10)} ${r.title}`;
    process.stdout.write(terminalSafe(line) + '\n');
  }
  // The languages the packs cover, and by which files: the list above names packs by id.
  say(`languages: ${PACKS.map((p) => `${p.family} = ${p.name} (${p.grammars.flatMap((g) => g.extensions).join(' ')})`).join('; ')}`);
  for (const e of errors) say(`rule error: ${e.file}:${e.line}: ${e.message}`);
  return errors.length > 0 ? 2 : 0;
}

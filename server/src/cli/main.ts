/** `ward`: the engine as a command for CI and pre-commit hooks. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { SEVERITY_RANK } from '../engine/finding';
import { applyPolicy } from '../engine/policy';
import { loadRuleDirs } from '../engine/ruleLoader';
import { testRule } from '../engine/ruleTests';
import { Engine } from '../engine/scan';
import { TaintMatcher } from '../engine/taintMatcher';
import { loadTaintModels } from '../taint/models';
import { DEFAULT_LIMITS } from '../engine/inputGuards';
import { builtinRulesDir } from '../lsp/engines';
import { DEFAULT_SETTINGS } from '../settings';
import { parseArgs, ScanArgs, USAGE, UsageError } from './args';
import { collectFiles } from './files';
import { jsonReport } from './jsonReport';
import type { FileReport, ScanReport } from './report';
import { sarifReport } from './sarif';
import { textReport } from './textReport';

const VERSION = '0.1.0';

function ruleDirs(args: ScanArgs): string[] {
  return [...(args.noDefaultRules ? [] : [builtinRulesDir()]), ...args.rules.map((d) => resolve(d))];
}

function loadRules(args: ScanArgs): ReturnType<typeof loadRuleDirs> {
  return loadRuleDirs(ruleDirs(args));
}

async function scan(args: ScanArgs): Promise<number> {
  const started = performance.now();
  const { rules, errors } = loadRules(args);
  for (const e of errors) process.stderr.write(`ward: rule error: ${e.file}:${e.line}: ${e.message}\n`);
  const enabled = rules.filter((r) => !args.disable.includes(r.id));
  const engine = new Engine(enabled);
  engine.taint = new TaintMatcher(loadTaintModels(ruleDirs(args)));
  const { root, files, missing } = collectFiles(args.paths, { exclude: [...DEFAULT_SETTINGS.exclude, ...args.exclude], includeGeneric: engine.hasGenericRules });
  for (const m of missing) process.stderr.write(`ward: no such file or folder: ${m}\n`);
  if (missing.length > 0 && files.length === 0) return 2;
  const reports: FileReport[] = [];
  const policy = { disabledRules: args.disable, severityOverrides: {}, minimumSeverity: args.minimumSeverity };
  for (const file of files) {
    const path = relative(root, file).split(sep).join('/');
    const result = await engine.scanFile(file, { relativePath: path, budgetMs: args.budgetMs, limits: DEFAULT_LIMITS });
    const findings = applyPolicy(result.findings, policy);
    if (findings.length > 0 || result.notices.length > 0) reports.push({ path, findings, notices: result.notices });
  }
  const report: ScanReport = { version: VERSION, root, rules: enabled, files: reports, filesScanned: files.length, durationMs: performance.now() - started };
  const out =
    args.format === 'json' ? jsonReport(report)
    : args.format === 'sarif' ? sarifReport(report)
    : textReport(report, args.color && !args.output);
  if (args.output) {
    mkdirSync(dirname(resolve(args.output)), { recursive: true });
    writeFileSync(args.output, out);
    if (args.format !== 'text') process.stderr.write(textReport({ ...report, files: [] }, false));
  } else process.stdout.write(out);
  if (args.failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[args.failOn];
  const failing = reports.some((r) => r.findings.some((f) => !f.suppressed && SEVERITY_RANK[f.severity] >= threshold));
  return failing ? 1 : 0;
}

async function runTests(args: ScanArgs): Promise<number> {
  const dirs = args.paths.map((p) => resolve(p));
  const { rules, errors } = loadRuleDirs(dirs);
  for (const e of errors) process.stdout.write(`FAIL ${e.file}:${e.line}: ${e.message}\n`);
  const engine = new Engine(rules);
  engine.taint = new TaintMatcher(loadTaintModels(dirs));
  const known = new Set(rules.map((r) => r.id));
  let failed = errors.length;
  for (const rule of rules) {
    const result = await testRule(engine, rule, known);
    if (result.failures.length === 0) process.stdout.write(`ok   ${rule.id} (${result.fixtures.length} fixture${result.fixtures.length === 1 ? '' : 's'})\n`);
    else {
      failed++;
      process.stdout.write(`FAIL ${rule.id}\n${result.failures.map((f) => `     ${f.file}:${f.line}: ${f.message}`).join('\n')}\n`);
    }
  }
  process.stdout.write(`${rules.length - (failed - errors.length)} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

function listRules(args: ScanArgs): number {
  const { rules, errors } = loadRules(args);
  for (const r of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
    process.stdout.write(`${r.id.padEnd(44)} ${r.severity.padEnd(8)} ${r.cwe.join(',').padEnd(10)} ${r.title}\n`);
  }
  for (const e of errors) process.stderr.write(`ward: rule error: ${e.file}:${e.line}: ${e.message}\n`);
  return errors.length > 0 ? 2 : 0;
}

async function main(argv: string[]): Promise<number> {
  let args: ScanArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`ward: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  switch (args.command) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'rules':
      return listRules(args);
    case 'test':
      return runTests(args);
    case 'scan':
      return scan(args);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`ward: internal error: ${err.stack ?? err.message}\n`);
    process.exitCode = 2;
  },
);

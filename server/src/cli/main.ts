/** `ward`: the engine as a command for CI and pre-commit hooks. */
import { resolve } from 'node:path';
import { projectPath } from '../engine/paths';
import { Baseline, BaselineEntry, BaselineError, DEFAULT_BASELINE_FILE, serializeBaseline } from '../engine/baseline';
import { ConfigError } from '../engine/config';
import { SEVERITY_RANK } from '../engine/finding';
import { parseArgs, ScanArgs, USAGE, UsageError } from './args';
import { advisoriesCommand } from './advisoriesCommand';
import { checkBeforeScan, CliError, readConfig, say } from './commandSetup';
import { gitlabReport } from './gitlabReport';
import { jsonReport } from './jsonReport';
import { OutputError, writeWhole } from './outputFile';
import { listRules, runTests } from './ruleCommands';
import { sarifReport } from './sarif';
import { mergeSarifCommand } from './sarifMerge';
import { runScan, VERSION } from './scanRun';
import { statsReport } from './stats';
import { summariesCommand } from './summariesFile';
import { terminalSafe } from './terminalText';
import { textReport } from './textReport';
import { tuneJitForBatch } from './jitSettings';

async function scan(args: ScanArgs): Promise<number> {
  checkBeforeScan(args, args.output);
  const config = readConfig(args);
  const baselineFile = args.baseline ? resolve(args.baseline) : config.baseline;
  const baseline = baselineFile ? Baseline.read(baselineFile, projectPath(process.cwd(), baselineFile)) : undefined;
  const { report, files: reports } = await runScan(args, config, baseline, baselineFile ? [baselineFile] : []);
  const out =
    args.format === 'json' ? jsonReport(report)
    : args.format === 'sarif' ? sarifReport(report)
    : args.format === 'gitlab' ? gitlabReport(report)
    : textReport(report, args.color && !args.output);
  if (args.output) {
    writeWhole(args.output, out);
    // The report went to the file; the terminal gets its summary line (counts included).
    if (args.format !== 'text') process.stderr.write(`${textReport(report, false).trimEnd().split('\n').pop()}\n`);
  } else process.stdout.write(out);
  if (args.failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[args.failOn];
  const failing = reports.some((r) => r.findings.some((f) => !f.suppressed && SEVERITY_RANK[f.severity] >= threshold));
  return failing ? 1 : 0;
}

async function stats(args: ScanArgs): Promise<number> {
  if (args.format === 'sarif' || args.format === 'gitlab') throw new CliError([`ward stats writes text or json, not ${args.format}`]);
  checkBeforeScan(args, args.output);
  const { report } = await runScan(args, readConfig(args), undefined);
  const out = statsReport(report, args.format);
  if (args.output) writeWhole(args.output, out);
  else process.stdout.write(out);
  return 0;
}

async function createBaseline(args: ScanArgs): Promise<number> {
  const config = readConfig(args);
  const target = args.output ?? config.baseline ?? DEFAULT_BASELINE_FILE;
  checkBeforeScan(args, target);
  const { files } = await runScan(args, config, undefined, [resolve(target)]);
  const entries: BaselineEntry[] = [];
  for (const file of files) {
    file.findings.forEach((f, i) => {
      if (!f.suppressed) entries.push({ fingerprint: file.fingerprints![i]!, ruleId: f.ruleId, path: file.path, message: f.message });
    });
  }
  writeWhole(target, serializeBaseline(entries));
  process.stdout.write(`Ward ${VERSION}: wrote ${entries.length} finding${entries.length === 1 ? '' : 's'} to ${terminalSafe(target)}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'advisories') return advisoriesCommand(argv.slice(1));
  if (argv[0] === 'merge-sarif') return mergeSarifCommand(argv.slice(1));
  let args: ScanArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`ward: ${terminalSafe(err.message)}\n\n${USAGE}`);
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
    case 'stats':
      return stats(args);
    case 'baseline-create':
      return createBaseline(args);
    case 'summaries':
      checkBeforeScan(args, args.output);
      return summariesCommand(args, readConfig(args));
  }
}

// `ward scan | head -1`: the reader went away. Not an error of the scan: stop writing, no
// stack trace, and exit with the code the run computes (1 when it found something).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') process.exitCode = 2;
  });
}

tuneJitForBatch();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    if (err instanceof CliError || err instanceof ConfigError || err instanceof BaselineError || err instanceof OutputError) {
      for (const line of err instanceof CliError ? err.lines : [err.message]) say(line);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`ward: internal error: ${err.stack ?? err.message}\n`);
    process.exitCode = 2;
  },
);

/** Command-line parsing for `ward`; a usage error is an exit code 2 with a clear message. */
import type { Severity } from '../engine/finding';
import { parseShard, Shard } from './shard';

export class UsageError extends Error {}

export interface ScanArgs {
  command: 'scan' | 'stats' | 'test' | 'rules' | 'baseline-create' | 'summaries' | 'help' | 'version';
  paths: string[];
  format: 'text' | 'json' | 'sarif' | 'gitlab';
  output?: string;
  failOn: Severity | 'none';
  /** Unset means the config's `minimumSeverity` (default info). */
  minimumSeverity?: Severity;
  rules: string[];
  exclude: string[];
  disable: string[];
  noDefaultRules: boolean;
  /** Unset means the config's `fileTimeBudgetMs`. */
  budgetMs?: number;
  /** Unset means the config's `maxFileSizeMB`. */
  maxFileSizeMB?: number;
  color: boolean;
  config?: string;
  noConfig: boolean;
  baseline?: string;
  changedSince?: string;
  /** `--shard i/n`: only this job's part of the files (shard.ts). */
  shard?: Shard;
  /** `--summaries FILE`: helper modules' summaries written by `ward summaries` (summariesFile.ts). */
  summaries?: string;
  /** 0 = automatic. */
  jobs: number;
  cache?: string;
  noGitignore: boolean;
  /** `ward rules --docs`: each rule's documentation page instead of its summary. */
  docs: boolean;
}

const SEVERITIES = ['error', 'warning', 'info'];

/** A decimal number from `min` to `max`; "abc", "", "1e999", "0x10" and out-of-range values are usage errors that quote the value. */
function numberIn(flag: string, v: string, min: number, max: number, unit: string): number {
  const n = /^\s*[+]?(\d+\.?\d*|\.\d+)\s*$/.test(v) ? Number(v) : NaN;
  if (!(n >= min && n <= max)) throw new UsageError(`${flag} must be a number of ${unit} from ${min} to ${max}, not "${v}"`);
  return n;
}

function pathArg(a: string): string {
  if (a === '') throw new UsageError('an empty path: name a file or folder (or leave it out to scan ".")');
  return a;
}

export function parseArgs(argv: string[]): ScanArgs {
  const args: ScanArgs = {
    command: 'help',
    paths: [],
    format: 'text',
    failOn: 'error',
    rules: [],
    exclude: [],
    disable: [],
    noDefaultRules: false,
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
    noConfig: false,
    jobs: 0,
    noGitignore: false,
    docs: false,
  };
  let [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return args;
  if (command === '--version' || command === '-v' || command === 'version') return { ...args, command: 'version' };
  if (command === 'baseline') {
    const sub = rest[0];
    if (sub !== 'create') throw new UsageError(sub ? `unknown baseline command "${sub}" (try "ward baseline create")` : 'ward baseline needs a command: create');
    rest = rest.slice(1);
    args.command = 'baseline-create';
  } else if (command === 'scan' || command === 'stats' || command === 'test' || command === 'rules' || command === 'summaries') args.command = command;
  else throw new UsageError(`unknown command "${command}"`);
  const value = (i: number, flag: string): string => {
    const v = rest[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  let onlyPaths = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    // After "--" every argument is a path, even one that starts with "-".
    if (onlyPaths) {
      args.paths.push(pathArg(a));
      continue;
    }
    if (a === '--') {
      onlyPaths = true;
      continue;
    }
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = (): string => {
      if (inline !== undefined) return inline;
      const v = value(i, flag);
      i++;
      return v;
    };
    // An empty file or folder name ("$UNSET_VAR") would quietly mean "none" or ".".
    const takePath = (): string => {
      const v = take();
      if (v === '') throw new UsageError(`${flag} needs a file or folder name, not ""`);
      return v;
    };
    switch (flag) {
      case '--format':
      case '-f': {
        const f = take();
        if (f !== 'text' && f !== 'json' && f !== 'sarif' && f !== 'gitlab') throw new UsageError(`--format must be text, json, sarif or gitlab, not "${f}"`);
        args.format = f;
        break;
      }
      case '--output':
      case '-o':
        args.output = takePath();
        break;
      case '--fail-on': {
        const f = take();
        if (!SEVERITIES.includes(f) && f !== 'none') throw new UsageError(`--fail-on must be error, warning, info or none, not "${f}"`);
        args.failOn = f as ScanArgs['failOn'];
        break;
      }
      case '--severity':
      case '--min-severity': {
        const f = take();
        if (!SEVERITIES.includes(f)) throw new UsageError(`${flag} must be error, warning or info, not "${f}"`);
        args.minimumSeverity = f as Severity;
        break;
      }
      case '--rules':
        args.rules.push(takePath());
        break;
      case '--exclude':
        args.exclude.push(take());
        break;
      case '--disable':
        args.disable.push(...take().split(','));
        break;
      case '--no-default-rules':
        args.noDefaultRules = true;
        break;
      case '--time-budget':
        // The same ranges as ward.fileTimeBudgetMs and ward.maxFileSizeMB (settings.ts).
        args.budgetMs = numberIn(flag, take(), 50, 60000, 'milliseconds');
        break;
      case '--max-file-size':
        args.maxFileSizeMB = numberIn(flag, take(), 0.01, 64, 'megabytes');
        break;
      case '--config':
      case '-c':
        args.config = takePath();
        break;
      case '--no-config':
        args.noConfig = true;
        break;
      case '--baseline':
        args.baseline = takePath();
        break;
      case '--changed-since': {
        const ref = take();
        // Passed to git as an argument: "-…" would be read as one of git's options.
        if (ref === '' || ref.startsWith('-')) throw new UsageError(`--changed-since needs a git revision (a branch, tag or commit), not "${ref}"`);
        args.changedSince = ref;
        break;
      }
      case '--shard': {
        const v = take();
        const shard = parseShard(v);
        if (!shard) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n (this job's number and the number of jobs, such as 2/4), not "${v}"`);
        args.shard = shard;
        break;
      }
      case '--summaries':
        args.summaries = takePath();
        break;
      case '--jobs':
      case '-j': {
        const v = take();
        if (v === 'auto') args.jobs = 0;
        else if (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 64) args.jobs = Number(v);
        else throw new UsageError(`${flag} must be a whole number from 1 to 64, or auto, not "${v}"`);
        break;
      }
      case '--cache':
        args.cache = takePath();
        break;
      case '--no-gitignore':
        args.noGitignore = true;
        break;
      case '--docs':
        if (args.command !== 'rules') throw new UsageError('--docs is an option of "ward rules"');
        args.docs = true;
        break;
      case '--no-color':
        args.color = false;
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option "${a}"${a.length > 1 ? '' : ' (stdin is not read; name the files)'}`);
        args.paths.push(pathArg(a));
    }
  }
  // A baseline or statistics of one shard would look like the whole project's.
  if (args.shard && args.command !== 'scan') throw new UsageError('--shard is an option of "ward scan"');
  if (args.summaries && args.command !== 'scan') throw new UsageError('--summaries is an option of "ward scan" (ward summaries -o FILE writes the file)');
  if (args.command === 'summaries' && !args.output) throw new UsageError('ward summaries needs --output FILE (the file that ward scan --summaries FILE reads)');
  if (args.command === 'summaries' && args.format !== 'text') throw new UsageError('ward summaries writes its own file format: leave out --format');
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}

export const USAGE = `Usage: ward <command> [options]

Commands:
  ward scan [PATH...]         scan files and folders (default: .)
  ward stats [PATH...]        findings per category and rule, and how many carry a quick fix
                              (text or --format json; takes the scan options)
  ward baseline create [PATH...]
                              write the current findings' fingerprints to a baseline file
                              (--output, default .ward-baseline.json); commit it
  ward merge-sarif FILE... -o OUT
                              merge the SARIF of the jobs of a sharded scan (--shard) into one run
  ward summaries [PATH...] -o FILE
                              summarise the helper modules that request handlers import (cross-file
                              taint), for the jobs of a sharded scan to read (--summaries FILE);
                              takes the scan options that choose files and rules
  ward test [RULES_DIR...]    run rule fixtures (ruleid:/ok: annotations, .fixed files)
  ward rules                  list the rules that would run
  ward rules --docs           each rule's documentation page (built-in: the published page;
                              yours: its YAML file)

Options for scan (and baseline create):
  -f, --format text|json|sarif|gitlab
                                 output format (default text; gitlab: GitLab's SAST report,
                                 gl-sast-report.json)
  -o, --output FILE              write the report to FILE instead of stdout
  --fail-on error|warning|info|none
                                 exit 1 when a finding at or above this severity is found (default error)
  --severity error|warning|info  report only findings at or above this severity (default info)
  --rules DIR                    also load rules from DIR (repeatable)
  --no-default-rules             load only the rules given with --rules
  --disable ID[,ID]              disable rules
  --exclude GLOB                 skip matching paths (repeatable; node_modules, dist, .git… are skipped by default)
  -c, --config FILE              settings file (default: the nearest .ward.yaml up to the repository root)
  --no-config                    ignore .ward.yaml
  --baseline FILE                findings in this baseline are reported as suppressed and do not fail the run
  --changed-since REF            scan only files changed since git REF (merge base with HEAD), plus uncommitted ones
  --shard I/N                    scan only part I of N of the files (a CI matrix of N jobs covers each file
                                 once; merge their SARIF with ward merge-sarif)
  --summaries FILE               read the helper modules' summaries from FILE (ward summaries) instead of
                                 summarising them in this job; a helper changed since is summarised here
  -j, --jobs N|auto              worker threads (default auto: one per core, up to 8; small scans run in-process)
  --cache DIR                    reuse results of unchanged files from DIR (content hash + rules version)
  --max-file-size MB             skip larger files (default 2, or maxFileSizeMB in .ward.yaml)
  --time-budget MS               per-file analysis budget (default 3000)
  --no-gitignore                 scan files .gitignore excludes too

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or internal error.
`;

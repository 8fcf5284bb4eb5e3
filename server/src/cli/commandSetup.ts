/**
 * What a command reads and checks before it runs (settings, rule folders, where its
 * results go), and how it reports a problem: a CliError is exit code 2 with its lines on
 * stderr, each made safe for a terminal.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { LoadedConfig, loadConfig } from '../engine/config';
import { ruleFolderProblem } from '../engine/ruleFolders';
import { builtinRulesDir } from '../engine/builtinRules';
import { normalizeSettings } from '../settings';
import type { ScanArgs } from './args';
import { checkWritable } from './outputFile';
import { terminalSafe } from './terminalText';

/** A usage or input error: exit code 2, its lines on stderr. */
export class CliError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** One line on stderr; paths and values in it came from the user or the repository (see terminalText.ts). */
export function say(message: string): void {
  process.stderr.write(`ward: ${terminalSafe(message)}\n`);
}

export function readConfig(args: ScanArgs): LoadedConfig {
  if (args.noConfig) return { dir: process.cwd(), settings: normalizeSettings(undefined).settings, ruleFolders: [], ignore: [], problems: [] };
  const config = loadConfig(args.config, process.cwd());
  if (config.problems.length > 0) {
    // The editor warns and uses defaults; in CI a mistyped key or value must not quietly
    // run a different scan (other rules, other files) than the one written down.
    for (const p of config.problems) say(`config: ${p.replace(/; (?:using the default|ignored)$/, '')}`);
    throw new CliError([`fix ${config.file ?? 'the config file'} (or run with --no-config to ignore it)`]);
  }
  return config;
}

/**
 * The rule folders to load. A folder that was asked for and cannot be used is an error:
 * scanning without its rules would look like a clean result.
 */
export function ruleDirs(args: ScanArgs, config?: LoadedConfig): string[] {
  // An incomplete install or build (dist/ without its rules) would otherwise scan with none.
  const builtin = args.noDefaultRules ? undefined : ruleFolderProblem(builtinRulesDir());
  const problems = [
    ...(builtin ? [`Ward's built-in rules are missing (${builtin}): reinstall Ward, or rebuild it with npm run build`] : []),
    ...(config?.ruleFolders ?? []).flatMap((d) => ruleFolderProblem(d) ?? []).map((p) => `${config?.file ?? 'config'}: extraRuleFolders: ${p}`),
    ...args.rules.flatMap((d) => ruleFolderProblem(resolve(d)) ?? []).map((p) => `--rules: ${p}`),
  ];
  if (problems.length > 0) throw new CliError(problems);
  return [...(args.noDefaultRules ? [] : [builtinRulesDir()]), ...(config?.ruleFolders ?? []), ...args.rules.map((d) => resolve(d))];
}

/** What can be known wrong before a scan that may take minutes: where its results go. */
export function checkBeforeScan(args: ScanArgs, output: string | undefined): void {
  if (output) checkWritable(output);
  if (args.cache) {
    let isDir = true;
    try {
      isDir = statSync(args.cache).isDirectory();
    } catch {
      // Created by the scan.
    }
    if (!isDir) throw new CliError([`--cache ${args.cache} is not a folder`]);
  }
}

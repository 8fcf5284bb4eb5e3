/** `--changed-since REF`: the files git says changed, so a pull request's check scans only those. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { CliError } from './commandSetup';

function git(cwd: string, gitArgs: string[]): string {
  return execFileSync('git', gitArgs, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** Absolute paths changed since `ref`'s merge base with HEAD: committed, staged, unstaged and untracked. */
export function changedSince(ref: string, cwd: string): Set<string> {
  let top: string;
  try {
    top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    throw new CliError(['--changed-since needs a git repository']);
  }
  let base: string;
  try {
    base = git(cwd, ['merge-base', ref, 'HEAD']).trim();
  } catch {
    try {
      base = git(cwd, ['rev-parse', '--verify', `${ref}^{commit}`]).trim();
    } catch {
      throw new CliError([`--changed-since: unknown git revision "${ref}"`]);
    }
  }
  const diff = git(top, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRT', base, '--']);
  const untracked = git(top, ['ls-files', '--others', '--exclude-standard', '-z']);
  return new Set([...diff.split('\0'), ...untracked.split('\0')].filter(Boolean).map((p) => resolve(top, p)));
}

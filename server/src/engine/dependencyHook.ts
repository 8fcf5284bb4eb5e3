/**
 * The engine's hook for dependency checks (software composition analysis): manifests and
 * lockfiles (package-lock.json, requirements.txt, pom.xml, go.mod, …) are a kind of file
 * the engine recognises by name, like the secret rules' generic files; what they hold is
 * checked by the scanner in server/src/deps/, which the wiring plugs in here (as the taint
 * engine fills Engine.taint). The engine itself reads no advisory database.
 */
import type { FileResult } from './finding';
import type { IgnoreEntry } from './ignoreList';
import type { Rule } from './rule';

/** Where the advisory database is and how it is judged: plain data, cloned to scan workers. */
export interface DependencyCheckOptions {
  /** The advisory database's folder. */
  folder: string;
  /** Past this many days since its newest record, scans say the database is out of date. */
  maxAgeDays: number;
  ignore: readonly IgnoreEntry[];
  now?: () => number;
}

export interface DependencyScanOptions {
  /** Path relative to the project root, for messages. */
  relativePath?: string;
}

export interface DependencyScanner {
  /** Whether a file of this path (by its base name) is a manifest or lockfile it reads. */
  handles(path: string): boolean;
  /**
   * Findings of the `dependency` rules in `rules` for the file's text; `path` locates the
   * files beside it (package.json's lockfile, requirements' `-r` includes).
   */
  scan(path: string, text: string, rules: readonly Rule[], options: DependencyScanOptions): FileResult;
  /**
   * The files (absolute paths, existing or not) whose contents decide this manifest's findings
   * besides its own text: a result cache reuses its result only while they are unchanged.
   */
  companions(path: string, text: string): string[];
  /** A `dependency` rule's fixture (`<id>.test.yaml`: records and manifests), findings on the fixture's lines. */
  scanFixture(text: string, rule: Rule): FileResult;
}

/** Two results of one file (its secrets and its dependencies) as one. */
export function mergeResults(a: FileResult, b: FileResult): FileResult {
  if (a.findings.length === 0 && a.notices.length === 0) return b;
  if (b.findings.length === 0 && b.notices.length === 0) return a;
  const findings = [...a.findings, ...b.findings].sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character || x.ruleId.localeCompare(y.ruleId));
  return { findings, notices: [...a.notices, ...b.notices] };
}

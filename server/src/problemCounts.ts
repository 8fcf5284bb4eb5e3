/**
 * Ward's problem counts and how they are worded, shared by the server (scan summary) and the
 * client (status bar) so both say the same thing the same way. Imported by both, relatively.
 */

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
  /** Files with at least one problem. */
  files: number;
}

export const NO_PROBLEMS: ProblemCounts = { errors: 0, warnings: 0, infos: 0, files: 0 };

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function total(c: ProblemCounts): number {
  return c.errors + c.warnings + c.infos;
}

/** `3 errors, 1 warning, 1 info` (severities with none left out); `no problems`. */
export function bySeverity(c: ProblemCounts): string {
  const parts: string[] = [];
  if (c.errors) parts.push(plural(c.errors, 'error'));
  if (c.warnings) parts.push(plural(c.warnings, 'warning'));
  if (c.infos) parts.push(plural(c.infos, 'info'));
  return parts.length ? parts.join(', ') : 'no problems';
}

/** `5 problems in 2 files (3 errors, 1 warning, 1 info)`; `no problems`. */
export function describeCounts(c: ProblemCounts): string {
  const n = total(c);
  if (n === 0) return 'no problems';
  return `${plural(n, 'problem')} in ${plural(c.files, 'file')} (${bySeverity(c)})`;
}

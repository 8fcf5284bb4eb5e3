/**
 * When a per-file time budget (ward.fileTimeBudgetMs) is spent: its wall-clock end is past
 * and the process has used that much CPU time since it began, or the wall clock has run four
 * times over. On a busy machine (other processes, other workers' files) the wall clock runs on
 * while a file waits for a core; measured by it alone, the same file came out partial on one
 * run and whole on the next. Shared by the parser (languages/) and the analysis (engine/).
 */

/** How far a loaded machine may stretch a budget's wall-clock time. */
const MAX_STRETCH = 4;

export function budgetSpent(endsAt: number, budgetMs: number, cpuFrom: NodeJS.CpuUsage | undefined): boolean {
  const now = Date.now();
  if (now <= endsAt) return false;
  if (!cpuFrom || now > endsAt + (MAX_STRETCH - 1) * budgetMs) return true;
  const used = process.cpuUsage(cpuFrom);
  return (used.user + used.system) / 1000 >= budgetMs;
}

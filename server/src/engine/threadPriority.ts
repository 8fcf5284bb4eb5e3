/**
 * Lowers the calling thread's OS scheduling priority (Linux: `setpriority` on the thread's
 * own id, which `/proc/thread-self` names). Elsewhere the call would change the whole
 * process's priority, so it does nothing there. Returns whether the priority was lowered.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

export function lowerThreadPriority(niceness = 10): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, niceness);
    return true;
  } catch {
    return false; // no /proc, or not permitted: run at normal priority
  }
}

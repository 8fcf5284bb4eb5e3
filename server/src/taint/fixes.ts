/**
 * Quick fixes for taint findings where a safe form exists: a parameterised query, a path
 * kept under its root, a redirect to this site only… Each language pack writes the fixes
 * for the sink kinds it has them for (`fixes.taint` of languages/<lang>/index.ts, the same
 * declarations the catalog and the rule pages read). A fix that cannot be made exactly is
 * not offered.
 */
import type { FileContext } from '../engine/fileContext';
import type { Fix } from '../engine/finding';
import { packFor } from '../languages/registry';
import type { SinkHit, Summary } from './context';

/** The fixes for one taint finding, best first: the first one made is preferred, the others are offered beside it. */
export function taintFixes(ctx: FileContext, hit: SinkHit, local?: ReadonlyMap<string, Summary>): Fix[] {
  const byKind = packFor(ctx.adapter.family).fixes.taint;
  if (!Object.prototype.hasOwnProperty.call(byKind, hit.kind)) return [];
  const out: Fix[] = [];
  try {
    for (const fix of Object.values(byKind[hit.kind]!)) {
      const made = fix.make(ctx, hit, local);
      if (made) out.push(out.length > 0 ? { ...made, preferred: false } : made);
    }
  } catch {
    // Code a fix did not foresee (or a bug in it) costs the fixes, not the finding.
    return [];
  }
  return out;
}

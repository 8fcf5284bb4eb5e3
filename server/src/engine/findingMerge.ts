/** How one file's findings are merged: a data-flow finding takes in a pattern one on the same code, one finding per rule and place. */
import { anchorOf, Finding, Range } from './finding';

/**
 * A taint finding says more than a pattern finding for the same weakness on the same code
 * (it names the source and shows the path): the pattern one is folded into it, as a related
 * note where it underlines something else (`noent: true` beside the tainted XML), and its fix
 * is offered on the taint finding.
 */
export function preferTaint(findings: Finding[]): Finding[] {
  const isTraced = (f: Finding): boolean => !!f.trace && f.trace.length > 0;
  if (!findings.some(isTraced)) return findings;
  // By start position: a file can have thousands of findings, and pairing them all was quadratic.
  const at = new Map<string, Finding[]>();
  const keyOf = (f: Finding): string => `${anchorOf(f).start.line}:${anchorOf(f).start.character}`;
  for (const f of findings) {
    const key = keyOf(f);
    const list = at.get(key);
    if (list) list.push(f);
    else at.set(key, [f]);
  }
  const sameWeakness = (t: Finding, f: Finding): boolean => t.cwe.some((c) => f.cwe.includes(c));
  const out: Finding[] = [];
  for (const f of findings) {
    const here = at.get(keyOf(f))!;
    if (isTraced(f)) {
      // The dropped pattern finding's fix (e.g. `execFile` with an argument list) still
      // applies: the taint finding offers it too, first (dropping the shell beats quoting).
      const folded = here.filter((p) => !isTraced(p) && sameWeakness(f, p));
      const donor = folded.find((p) => p.fixes.length > 0);
      // The same edits from both (eval → JSON.parse) are offered once.
      const lent = new Set(donor?.fixes.map((x) => JSON.stringify(x.edits)));
      const own = f.fixes.filter((x) => !lent.has(JSON.stringify(x.edits))).map((x) => ({ ...x, preferred: false }));
      let merged = donor ? { ...f, fixes: [...donor.fixes, ...own] } : f;
      const notes = folded.filter((p) => p.ruleId !== f.ruleId && !sameStart(p.range, f.range)).map((p) => ({ ruleId: p.ruleId, message: p.message, range: p.range }));
      if (notes.length > 0) merged = { ...merged, also: [...(merged.also ?? []), ...notes] };
      out.push(merged);
    } else if (!here.some((t) => isTraced(t) && sameWeakness(t, f))) out.push(f);
  }
  return out;
}

function sameStart(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}

/** Hard-coded credentials (CWE-798) and passwords (CWE-259). */
const SECRET_CWES = new Set(['CWE-798', 'CWE-259']);

/** Secret findings not already told by a pack's own check on the same value (a workflow's hard-coded credential). */
export function secretsNotTold(secrets: Finding[], mine: Finding[]): Finding[] {
  const told = mine.filter((f) => f.cwe.some((c) => SECRET_CWES.has(c)));
  return told.length === 0 ? secrets : secrets.filter((s) => !told.some((t) => t.cwe.some((c) => s.cwe.includes(c)) && within(s.range, t.range)));
}

function within(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

export function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    // One finding per rule and code (two patterns of a rule may underline different parts of one call).
    const r = anchorOf(f);
    const key = `${f.ruleId}:${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

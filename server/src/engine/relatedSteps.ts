/**
 * The trace steps worth listing under a finding. The finding itself is the sink: a step
 * inside the code it is about (the final "reaches `db.query`", a source written inside the call,
 * "passed to `helper()`" at the call that is reported) would only repeat the finding's
 * location. The editor's related information and the CLI's text report list the rest;
 * JSON and SARIF keep the whole trace, since a SARIF code flow ends at its sink.
 */
import { anchorOf, Finding, Position, Range, TraceStep } from './finding';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function within(inner: Range, outer: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

export function relatedSteps(f: Pick<Finding, 'range' | 'anchor' | 'trace'>): TraceStep[] {
  // Inside the code the finding is about (the whole call), not only the underlined argument.
  const own = anchorOf(f);
  return (f.trace ?? []).filter((step) => step.file !== undefined || !within(step.range, own));
}

/** What several checks read out of a workflow: its scalars, its `if:` conditions, its scripts and matches in them. */
import type { CheckHit } from '../../documentPack';
import { get, rangeOf, YamlScalar, YamlValue } from '../../yaml/document';
import type { Workflow } from '../workflow';

/** Every scalar of the workflow (keys' values at any depth), for checks that read expressions anywhere. */
export function scalars(v: YamlValue | undefined, out: YamlScalar[] = []): YamlScalar[] {
  if (!v) return out;
  if (v.type === 'scalar') out.push(v);
  else if (v.type === 'seq') for (const i of v.items) scalars(i, out);
  else for (const p of v.pairs) scalars(p.value, out);
  return out;
}

/** The `if:` values of the jobs and steps. */
export function conditionsOf(workflow: Workflow): YamlValue[] {
  const conditions: YamlValue[] = [];
  for (const job of workflow.jobs) {
    const jobIf = get(job.map, 'if');
    if (jobIf) conditions.push(jobIf);
    for (const step of job.steps) {
      const stepIf = get(step.map, 'if');
      if (stepIf) conditions.push(stepIf);
    }
  }
  return conditions;
}

/** The `run:` scripts of the workflow. */
export function scripts(workflow: Workflow): YamlScalar[] {
  return workflow.jobs.flatMap((j) => j.steps.flatMap((s) => (s.run ? [s.run] : [])));
}

/** A hit for each match of `pattern` in a scalar's text that `captures` keeps (undefined drops it). */
export function matchesIn(workflow: Workflow, value: YamlScalar, pattern: RegExp, captures: (m: RegExpMatchArray) => Record<string, string> | undefined): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const m of value.node.text.matchAll(pattern)) {
    const found = captures(m);
    if (!found) continue;
    const start = value.node.startIndex + m.index!;
    hits.push({ range: rangeOf(workflow.file, start, start + m[0].length), captures: found });
  }
  return hits;
}

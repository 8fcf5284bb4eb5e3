/**
 * Checks of a workflow's settings: token permissions, `secrets: inherit`, the old
 * `set-env`/`add-path` commands switched back on, self-hosted runners for pull requests.
 */
import type { CheckHit } from '../../documentPack';
import { get, nodeRange, rangeOf, YamlMap, YamlValue } from '../../yaml/document';
import { addReadPermissionsFix } from '../fixes/addKeys';
import { fileWrites } from '../flow';
import type { Workflow } from '../workflow';
import { stringList } from '../../ruleOptions';

/** No `permissions:` at the top and some job without its own: the token gets the repository's default (often write to everything). */
export function missingPermissions(workflow: Workflow): CheckHit[] {
  if (workflow.isAction || workflow.permissions) return [];
  // A reusable workflow's token is the caller's, capped by the caller's permissions: the caller is where to set them.
  if (workflow.triggers.size > 0 && [...workflow.triggers.keys()].every((t) => t === 'workflow_call')) return [];
  const open = workflow.jobs.filter((j) => !j.permissions && !j.uses);
  if (open.length === 0) return [];
  const at = workflow.on?.keyNode ?? workflow.root.pairs[0]?.keyNode;
  if (!at) return [];
  return [{ range: nodeRange(at), captures: { jobs: open.map((j) => j.id).join(', ') }, fixes: addReadPermissionsFix(workflow) }];
}

/** `permissions: write-all` at the top or on a job. */
export function writeAllPermissions(workflow: Workflow): CheckHit[] {
  const pairs = [workflow.permissions, ...workflow.jobs.map((j) => j.permissions)];
  return pairs.flatMap((p) => (p?.value?.type === 'scalar' && p.value.value === 'write-all' ? [{ range: nodeRange(p.value.node), anchor: nodeRange(p.node), captures: { where: p === workflow.permissions ? 'every job' : 'this job' } }] : []));
}

/** A job that calls a reusable workflow with `secrets: inherit`. */
export function secretsInherit(workflow: Workflow): CheckHit[] {
  return workflow.jobs.flatMap((j) => {
    const s = get(j.map, 'secrets');
    return s?.type === 'scalar' && s.value === 'inherit' ? [{ range: nodeRange(s.node), captures: { job: j.id, workflow: j.uses?.value ?? 'the called workflow' } }] : [];
  });
}

const TRUE = /^(?:true|yes|on|1)$/i;

/** `ACTIONS_ALLOW_UNSECURE_COMMANDS: true` in any `env:` block, or written to `$GITHUB_ENV`. */
export function unsecureCommands(workflow: Workflow, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const names = new Set(stringList(options, 'variables'));
  const hits: CheckHit[] = [];
  const envs: (YamlMap | undefined)[] = [workflow.env, ...workflow.jobs.flatMap((j) => [j.env, ...j.steps.map((s) => s.env)])];
  for (const env of envs) {
    for (const p of env?.pairs ?? []) {
      if (names.has(p.key) && p.value?.type === 'scalar' && TRUE.test(p.value.value.trim())) hits.push({ range: nodeRange(p.node), captures: { name: p.key } });
    }
  }
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      if (!step.run) continue;
      for (const w of fileWrites(step.run.node.text)) {
        const value = step.run.node.text.slice(w.valueStart, w.valueEnd).replace(/['"\s]/g, '');
        if (w.file === 'GITHUB_ENV' && names.has(w.name) && TRUE.test(value)) {
          const base = step.run.node.startIndex;
          hits.push({ range: rangeOf(workflow.file, base + w.start, base + w.valueEnd), captures: { name: w.name } });
        }
      }
    }
  }
  return hits;
}

/** `runs-on: self-hosted` (or a label list with it) in a workflow that pull requests start. */
export function selfHostedOnPullRequests(workflow: Workflow, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const triggers = stringList(options, 'triggers').filter((t) => workflow.triggers.has(t));
  if (triggers.length === 0) return [];
  return workflow.jobs.flatMap((j) => {
    const labels = labelsOf(j.runsOn);
    const self = labels.find((l) => l.value === 'self-hosted');
    return self ? [{ range: nodeRange(self.node), captures: { job: j.id, trigger: triggers[0]! } }] : [];
  });
}

function labelsOf(v: YamlValue | undefined): { value: string; node: NonNullable<YamlValue>['node'] }[] {
  if (!v) return [];
  if (v.type === 'scalar') return [{ value: v.value.trim(), node: v.node }];
  if (v.type === 'seq') return v.items.flatMap((i) => (i.type === 'scalar' ? [{ value: i.value.trim(), node: i.node }] : []));
  if (v.type === 'map') return labelsOf(get(v, 'labels'));
  return [];
}


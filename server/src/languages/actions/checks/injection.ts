/**
 * `untrusted-expression`: an untrusted value (`options.sources`, and `workflow_dispatch`
 * string inputs with `options.dispatch-inputs`) expanded by `${{ }}` into a `run:` script or
 * an `actions/github-script` script, directly or through env, step and job outputs. The
 * runner pastes the text into the script before the shell (or Node) reads it, so quotes in
 * the script do not help. `untrusted-env-write`: the same values written to `$GITHUB_ENV`
 * (a newline in them sets any variable for the later steps: `NODE_OPTIONS`, `LD_PRELOAD`).
 */
import type { CheckHit } from '../../documentPack';
import { nodeRange, rangeOf, YamlScalar } from '../../yaml/document';
import { fileWrites, TaintedExpression, WorkflowFlow } from '../flow';
import { moveToEnvFix } from '../fixes/moveToEnv';
import { parseUses, Step, Workflow } from '../workflow';
import { flag, stringList } from '../../ruleOptions';

function flowFor(workflow: Workflow, options: Readonly<Record<string, unknown>>): WorkflowFlow {
  return new WorkflowFlow(workflow, { sources: stringList(options, 'sources'), dispatchInputs: flag(options, 'dispatch-inputs'), actionInputs: flag(options, 'action-inputs') });
}

function isGithubScript(step: Step): boolean {
  if (!step.uses) return false;
  const ref = parseUses(step.uses.value);
  return ref.owner.toLowerCase() === 'actions' && ref.repo.toLowerCase() === 'github-script';
}

export function untrustedExpression(workflow: Workflow, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const flow = flowFor(workflow, options);
  const hits: CheckHit[] = [];
  const file = workflow.file;
  // Anchored on the whole script: an ignore comment or annotation above `run:` covers the expressions in it.
  const report = (found: TaintedExpression[], sink: string, fixes: CheckHit['fixes'], script: YamlScalar): void => {
    for (const e of found) {
      const t = e.taints[0]!;
      const range = rangeOf(file, e.start, e.end);
      hits.push({
        range,
        anchor: nodeRange(script.node),
        captures: { expression: e.text, source: t.source, sink },
        trace: [...flow.traceOf(e, t), { range, message: `pasted into the \`${sink}\` script` }],
        fixes,
      });
    }
  };
  for (const job of workflow.jobs) {
    job.steps.forEach((step, i) => {
      if (step.run) {
        const found = flow.taintedExpressions(step.run, job, i);
        if (found.length > 0) report(found, 'run:', moveToEnvFix(workflow, job, step, found, 'shell'), step.run);
      }
      const script = step.with?.pairs.find((p) => p.key === 'script')?.value;
      if (script?.type === 'scalar' && isGithubScript(step)) {
        const found = flow.taintedExpressions(script, job, i);
        if (found.length > 0) report(found, 'github-script', moveToEnvFix(workflow, job, step, found, 'javascript', script), script);
      }
    });
  }
  return hits;
}

export function untrustedEnvWrite(workflow: Workflow, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const flow = flowFor(workflow, options);
  const files = new Set(stringList(options, 'files'));
  const hits: CheckHit[] = [];
  const file = workflow.file;
  for (const job of workflow.jobs) {
    job.steps.forEach((step, i) => {
      const run = step.run;
      if (!run) return;
      const base = run.node.startIndex;
      for (const w of fileWrites(run.node.text)) {
        if (!files.has(w.file)) continue;
        const taints = flow.valueTaints(run, w.valueStart, w.valueEnd, job, i);
        if (taints.length === 0) continue;
        const range = rangeOf(file, base + w.start, base + w.valueEnd);
        const t = taints[0]!;
        hits.push({
          range,
          captures: { name: w.name, source: t.source, file: `$${w.file}` },
          trace: [...t.steps, { range, message: `written to \`$${w.file}\`` }],
        });
      }
    });
  }
  return hits;
}

/**
 * Where attacker-controlled text goes inside one workflow: event fields (`github.event.issue.title`)
 * and, for the rules that ask, `workflow_dispatch` inputs; through `env:` (workflow, job,
 * step), step outputs written to `$GITHUB_OUTPUT`, `$GITHUB_ENV` writes, and job outputs read
 * with `needs.<job>.outputs.<name>`. Each tainted name keeps the steps that led to it, so a
 * finding can show the way from the event field.
 */
import type { DocStep } from '../documentPack';
import { get, nodeRange, rangeOf, scalar, YamlFile, YamlScalar } from '../yaml/document';
import { expressionsIn, pathMatcher, referencesIn } from './expressions';
import type { Job, Step, Workflow } from './workflow';

export interface Taint {
  /** The untrusted field (`github.event.issue.title`). */
  source: string;
  /** From the field to the place the value is now named, source first. */
  steps: DocStep[];
}

export interface FlowOptions {
  /** Dotted-path globs of the untrusted fields. */
  sources: readonly string[];
  /** `inputs.*` of `workflow_dispatch` (string inputs) count as untrusted. */
  dispatchInputs: boolean;
  /** `inputs.*` of a composite action (`action.yml`) count as untrusted: its callers choose them. */
  actionInputs?: boolean;
}

/** A `${{ … }}` expression found in a scalar, with the untrusted values it expands. */
export interface TaintedExpression {
  start: number;
  end: number;
  text: string;
  body: string;
  taints: Taint[];
}

export class WorkflowFlow {
  private readonly isSource: (path: string) => string | undefined;
  private readonly jobOutputs = new Map<string, Map<string, Taint[]>>();
  private readonly dispatchInputs = new Set<string>();
  /** Per job, per step index: the env names set through `$GITHUB_ENV` by earlier steps, and the outputs of steps by id. */
  private readonly stepState = new Map<Job, { githubEnv: Map<string, Taint[]>[]; outputs: Map<string, Map<string, Taint[]>> }>();

  constructor(
    readonly workflow: Workflow,
    readonly options: FlowOptions,
  ) {
    this.isSource = pathMatcher(options.sources);
    if (options.dispatchInputs) {
      const dispatch = workflow.triggers.get('workflow_dispatch');
      const inputs = get(dispatch, 'inputs');
      if (inputs?.type === 'map') {
        for (const p of inputs.pairs) {
          const type = scalar(get(p.value, 'type')) ?? 'string';
          // Booleans, numbers and choices cannot carry a command.
          if (type === 'string') this.dispatchInputs.add(p.key);
        }
      }
    }
  }

  get file(): YamlFile {
    return this.workflow.file;
  }

  /** The untrusted fields a context path reads, in the scope of `job`'s step `stepIndex`. */
  taintOfPath(path: string, job: Job | undefined, stepIndex: number): Taint[] {
    const source = this.isSource(path) ?? this.objectHoldingSource(path);
    if (source) return [{ source: path, steps: [] }];
    const parts = path.split('.');
    if (this.dispatchInputs.size > 0 && ((parts[0] === 'inputs' && parts.length === 2) || (parts[0] === 'github' && parts[1] === 'event' && parts[2] === 'inputs' && parts.length === 4))) {
      const name = parts[parts.length - 1]!;
      if (this.dispatchInputs.has(name)) return [{ source: `inputs.${name}`, steps: [] }];
    }
    if (this.options.actionInputs && this.workflow.isAction && parts[0] === 'inputs' && parts.length === 2) return [{ source: path, steps: [] }];
    if (!job) return [];
    if (parts[0] === 'env' && parts.length === 2) return this.envTaint(parts[1]!, job, stepIndex);
    if (parts[0] === 'steps' && parts[2] === 'outputs' && parts.length === 4) return this.state(job).outputs.get(parts[1]!)?.get(parts[3]!) ?? [];
    if (parts[0] === 'needs' && parts[2] === 'outputs' && parts.length === 4) return this.outputsOfJob(parts[1]!).get(parts[3]!) ?? [];
    return [];
  }

  /** `github.event.issue` (an object that holds an untrusted field), read whole with `toJSON(…)`. */
  private objectHoldingSource(path: string): string | undefined {
    if (!path.startsWith('github.event')) return undefined;
    return this.options.sources.find((g) => g.toLowerCase().startsWith(path.toLowerCase() + '.'));
  }

  /** The `${{ }}` expressions of a scalar, with what each expands that is untrusted (only those with some). */
  taintedExpressions(value: YamlScalar, job: Job | undefined, stepIndex: number): TaintedExpression[] {
    const raw = value.node.text;
    const base = value.node.startIndex;
    const out: TaintedExpression[] = [];
    for (const e of expressionsIn(raw)) {
      const taints = referencesIn(e.body)
        .filter((r) => !r.decidesOnly)
        .flatMap((r) => this.taintOfPath(r.path, job, stepIndex));
      if (taints.length > 0) out.push({ start: base + e.start, end: base + e.end, text: raw.slice(e.start, e.end), body: e.body.trim(), taints });
    }
    return out;
  }

  /** An environment variable's taint: the step's `env`, the job's, the workflow's, then `$GITHUB_ENV` writes of earlier steps. */
  envTaint(name: string, job: Job, stepIndex: number): Taint[] {
    // `env: { X: ${{ env.X }} }` reads the outer X: a name being resolved reads as clean inside itself.
    const key = `${job.id}:${stepIndex}:${name}`;
    if (this.resolving.has(key)) return [];
    this.resolving.add(key);
    try {
      return this.envTaintOnce(name, job, stepIndex);
    } finally {
      this.resolving.delete(key);
    }
  }

  private readonly resolving = new Set<string>();

  private envTaintOnce(name: string, job: Job, stepIndex: number): Taint[] {
    const step = job.steps[stepIndex];
    for (const [scope, map, i] of [['step', step?.env, stepIndex], ['job', job.env, -1], ['workflow', this.workflow.env, -1]] as const) {
      const pair = map?.pairs.find((p) => p.key === name);
      if (!pair || pair.value?.type !== 'scalar') continue;
      const found = this.taintedExpressions(pair.value, scope === 'workflow' ? undefined : job, scope === 'step' ? i : -1);
      const hop: DocStep = { range: nodeRange(pair.keyNode), message: `${scope} env \`${name}\` is set from it` };
      return found.flatMap((e) => e.taints.map((t) => ({ source: t.source, steps: [...(t.steps.length ? t.steps : [this.sourceStep(e, t)]), hop] })));
    }
    if (stepIndex > 0) return this.state(job).githubEnv[stepIndex - 1]?.get(name) ?? [];
    return [];
  }

  private sourceStep(e: TaintedExpression, t: Taint): DocStep {
    return { range: rangeOf(this.file, e.start, e.end), message: `\`${t.source}\` is set by whoever triggers the workflow` };
  }

  /** The taints a finding shows: the source step first (when the value is read directly), then the hops. */
  traceOf(e: TaintedExpression, t: Taint): DocStep[] {
    return t.steps.length > 0 ? t.steps : [this.sourceStep(e, t)];
  }

  private state(job: Job): { githubEnv: Map<string, Taint[]>[]; outputs: Map<string, Map<string, Taint[]>> } {
    let s = this.stepState.get(job);
    if (s) return s;
    s = { githubEnv: [], outputs: new Map() };
    this.stepState.set(job, s);
    let env = new Map<string, Taint[]>();
    job.steps.forEach((step, i) => {
      const writes = this.scriptWrites(step, job, i);
      if (writes.env.size > 0) env = new Map([...env, ...writes.env]);
      s!.githubEnv[i] = env;
      if (step.id && writes.outputs.size > 0) s!.outputs.set(step.id, writes.outputs);
    });
    return s;
  }

  /** What a `run:` script writes to `$GITHUB_ENV` and `$GITHUB_OUTPUT` that is untrusted. */
  private scriptWrites(step: Step, job: Job, i: number): { env: Map<string, Taint[]>; outputs: Map<string, Taint[]> } {
    const env = new Map<string, Taint[]>();
    const outputs = new Map<string, Taint[]>();
    if (!step.run) return { env, outputs };
    const run = step.run;
    const raw = run.node.text;
    for (const w of fileWrites(raw)) {
      const taints = this.valueTaints(run, w.valueStart, w.valueEnd, job, i);
      if (taints.length === 0) continue;
      const hop: DocStep = { range: rangeOf(this.file, run.node.startIndex + w.start, run.node.startIndex + w.valueEnd), message: `written to \`$${w.file}\` as \`${w.name}\`` };
      const carried = taints.map((t) => ({ source: t.source, steps: [...t.steps, hop] }));
      if (w.file === 'GITHUB_ENV') env.set(w.name, carried);
      else if (w.file === 'GITHUB_OUTPUT') outputs.set(w.name, carried);
    }
    return { env, outputs };
  }

  /** The untrusted values in a slice of a script: `${{ }}` expressions and `$VAR`s of tainted env names. */
  valueTaints(run: YamlScalar, from: number, to: number, job: Job, i: number): Taint[] {
    const raw = run.node.text;
    const piece = raw.slice(from, to);
    const out: Taint[] = [];
    for (const e of this.taintedExpressions(run, job, i)) {
      const rel = e.start - run.node.startIndex;
      if (rel >= from && rel < to) out.push(...e.taints.map((t) => ({ source: t.source, steps: this.traceOf(e, t) })));
    }
    for (const m of piece.matchAll(/\$\{?([A-Za-z_]\w*)\}?/g)) {
      const name = m[1]!;
      if (name.startsWith('GITHUB_')) continue;
      out.push(...this.envTaint(name, job, i));
    }
    return out;
  }

  /** A job's outputs (`outputs: { x: ${{ steps.s.outputs.y }} }`) that carry untrusted text. */
  outputsOfJob(id: string, seen = new Set<string>()): Map<string, Taint[]> {
    const known = this.jobOutputs.get(id);
    if (known) return known;
    const out = new Map<string, Taint[]>();
    const job = this.workflow.jobs.find((j) => j.id === id);
    if (!job || seen.has(id)) return out;
    seen.add(id);
    this.jobOutputs.set(id, out);
    for (const p of job.outputs?.pairs ?? []) {
      if (p.value?.type !== 'scalar') continue;
      const found = this.taintedExpressions(p.value, job, job.steps.length);
      const hop: DocStep = { range: nodeRange(p.keyNode), message: `job output \`${id}.${p.key}\`` };
      const taints = found.flatMap((e) => e.taints.map((t) => ({ source: t.source, steps: [...this.traceOf(e, t), hop] })));
      if (taints.length > 0) out.set(p.key, taints);
    }
    return out;
  }
}

export interface FileWrite {
  file: 'GITHUB_ENV' | 'GITHUB_OUTPUT' | 'GITHUB_PATH';
  name: string;
  /** Offsets in the script text: the command, and the value written. */
  start: number;
  valueStart: number;
  valueEnd: number;
}

/**
 * `echo "name=value" >> $GITHUB_OUTPUT` (and `>> "$GITHUB_ENV"`, `${GITHUB_ENV}`, `printf`),
 * one command a line; heredoc-style multi-line values (`name<<EOF`) are read up to the
 * delimiter, and the old `::set-output name=x::value` command too. A `$GITHUB_PATH` write
 * (`echo "$DIR" >> "$GITHUB_PATH"`) is a write of `PATH`.
 */
export function fileWrites(script: string): FileWrite[] {
  const out: FileWrite[] = [];
  let offset = 0;
  for (const line of script.split('\n')) {
    const target = line.match(/>>\s*"?\$\{?(GITHUB_ENV|GITHUB_OUTPUT)\}?"?/);
    const cmd = line.match(/^(\s*)(?:echo|printf)\s+(?:-[neE]+\s+)?(['"]?)([A-Za-z_][\w-]*)=/);
    if (target && cmd) {
      const valueStart = cmd[0].length;
      const valueEnd = target.index!;
      out.push({ file: target[1] as FileWrite['file'], name: cmd[3]!, start: offset + cmd[1]!.length, valueStart: offset + valueStart, valueEnd: offset + valueEnd });
    }
    const path = line.match(/^(\s*)(?:echo|printf)\s+(?:-[neE]+\s+)?(.*?)\s*>>\s*"?\$\{?GITHUB_PATH\}?"?/);
    if (path) {
      const valueStart = line.indexOf(path[2]!, path[1]!.length);
      out.push({ file: 'GITHUB_PATH', name: 'PATH', start: offset + path[1]!.length, valueStart: offset + valueStart, valueEnd: offset + valueStart + path[2]!.length });
    }
    const old = line.match(/::set-output name=([\w-]+)::/);
    if (old) out.push({ file: 'GITHUB_OUTPUT', name: old[1]!, start: offset + old.index!, valueStart: offset + old.index! + old[0].length, valueEnd: offset + line.length });
    offset += line.length + 1;
  }
  return out;
}

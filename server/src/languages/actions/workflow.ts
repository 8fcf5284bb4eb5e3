/**
 * A GitHub Actions workflow (or a composite action's `action.yml`) read from the YAML model:
 * its triggers, top-level settings, jobs and steps, each with the YAML values the checks
 * need (and so their places in the text).
 */
import { firstErrorLine, get, pairOfKey, scalar, YamlFile, YamlMap, YamlPair, YamlScalar, YamlValue } from '../yaml/document';

export interface Step {
  map: YamlMap;
  id?: string;
  name?: string;
  uses?: YamlScalar;
  run?: YamlScalar;
  with?: YamlMap;
  env?: YamlMap;
  /** `if:` of the step. */
  condition?: string;
}

export interface Job {
  id: string;
  pair: YamlPair;
  map: YamlMap;
  steps: Step[];
  env?: YamlMap;
  permissions?: YamlPair;
  runsOn?: YamlValue;
  /** A reusable workflow the job calls (`uses:` at job level). */
  uses?: YamlScalar;
  outputs?: YamlMap;
  needs: string[];
  condition?: string;
}

export interface Workflow {
  file: YamlFile;
  root: YamlMap;
  /** An `action.yml`: no triggers, its steps are the composite action's. */
  isAction: boolean;
  /** The events that start it (`on:` as a string, a list or a mapping). */
  triggers: Map<string, YamlValue | undefined>;
  /** The `on:` pair, where trigger findings point. */
  on?: YamlPair;
  permissions?: YamlPair;
  env?: YamlMap;
  jobs: Job[];
}

export function readWorkflow(file: YamlFile): Workflow | { notice: string } {
  const root = file.documents[0];
  if (!root || root.type !== 'map') return { notice: 'not a workflow: the file is not a YAML mapping' };
  const runs = get(root, 'runs');
  const isAction = !!runs && !pairOfKey(root, 'jobs');
  // `on` is a YAML 1.1 boolean to some readers; GitHub reads it as the key `on`, as does this grammar.
  const on = pairOfKey(root, 'on') ?? pairOfKey(root, 'true');
  if (!isAction && !pairOfKey(root, 'jobs')) {
    // Invalid YAML (`run: echo "a: b"` unquoted) loses keys after it: say where, not "no jobs".
    const bad = firstErrorLine(file);
    return { notice: bad ? `not valid YAML near line ${bad} (GitHub would reject the workflow too: an unquoted value holding \": \"?)` : 'not a workflow: no `jobs:`' };
  }
  const jobs: Job[] = [];
  const jobsMap = get(root, 'jobs');
  if (jobsMap?.type === 'map') for (const pair of jobsMap.pairs) if (pair.value?.type === 'map') jobs.push(readJob(pair, pair.value));
  if (isAction && runs?.type === 'map') {
    const steps = get(runs, 'steps');
    const pair = pairOfKey(root, 'runs')!;
    jobs.push({ id: '(action)', pair, map: runs, steps: readSteps(steps), needs: [] });
  }
  return { file, root, isAction, triggers: triggersOf(on?.value), on, permissions: pairOfKey(root, 'permissions'), env: mapOf(get(root, 'env')), jobs };
}

function triggersOf(on: YamlValue | undefined): Map<string, YamlValue | undefined> {
  const out = new Map<string, YamlValue | undefined>();
  if (!on) return out;
  if (on.type === 'scalar') out.set(on.value, undefined);
  else if (on.type === 'seq') {
    for (const i of on.items) if (i.type === 'scalar') out.set(i.value, undefined);
  } else for (const p of on.pairs) out.set(p.key, p.value);
  return out;
}

function readJob(pair: YamlPair, map: YamlMap): Job {
  const needs = get(map, 'needs');
  return {
    id: pair.key,
    pair,
    map,
    steps: readSteps(get(map, 'steps')),
    env: mapOf(get(map, 'env')),
    permissions: pairOfKey(map, 'permissions'),
    runsOn: get(map, 'runs-on'),
    uses: scalarOf(get(map, 'uses')),
    outputs: mapOf(get(map, 'outputs')),
    needs: needs?.type === 'scalar' ? [needs.value] : needs?.type === 'seq' ? needs.items.flatMap((i) => (i.type === 'scalar' ? [i.value] : [])) : [],
    condition: scalar(get(map, 'if')),
  };
}

function readSteps(steps: YamlValue | undefined): Step[] {
  if (steps?.type !== 'seq') return [];
  return steps.items.flatMap((s) =>
    s.type !== 'map'
      ? []
      : [{
          map: s,
          id: scalar(get(s, 'id')),
          name: scalar(get(s, 'name')),
          uses: scalarOf(get(s, 'uses')),
          run: scalarOf(get(s, 'run')),
          with: mapOf(get(s, 'with')),
          env: mapOf(get(s, 'env')),
          condition: scalar(get(s, 'if')),
        }],
  );
}

function mapOf(v: YamlValue | undefined): YamlMap | undefined {
  return v?.type === 'map' ? v : undefined;
}

function scalarOf(v: YamlValue | undefined): YamlScalar | undefined {
  return v?.type === 'scalar' && v.style !== 'alias' ? v : undefined;
}

/** `owner/repo@ref` (or `owner/repo/path@ref`), `./local`, `docker://image`. */
export interface ActionRef {
  owner: string;
  repo: string;
  path: string;
  ref?: string;
  local: boolean;
  docker: boolean;
}

export function parseUses(uses: string): ActionRef {
  const v = uses.trim();
  if (v.startsWith('./') || v.startsWith('../')) return { owner: '', repo: '', path: v, local: true, docker: false };
  if (v.startsWith('docker://')) return { owner: '', repo: '', path: v, local: false, docker: true, ref: v.includes('@sha256:') ? v.slice(v.indexOf('@') + 1) : undefined };
  const at = v.indexOf('@');
  const name = at < 0 ? v : v.slice(0, at);
  const [owner = '', repo = '', ...rest] = name.split('/');
  return { owner, repo, path: rest.join('/'), ref: at < 0 ? undefined : v.slice(at + 1), local: false, docker: false };
}

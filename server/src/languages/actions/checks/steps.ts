/**
 * Checks of what steps run: actions pinned by a movable ref, scripts piped from the network
 * into a shell, pull-request code checked out by privileged triggers, checkout credentials
 * left in the workspace an artifact uploads.
 */
import type { CheckHit, DocStep } from '../../documentPack';
import { get, nodeRange, rangeOf, scalar } from '../../yaml/document';
import { persistCredentialsFix } from '../fixes/addKeys';
import { Job, parseUses, Step, Workflow } from '../workflow';
import { stringList } from '../../ruleOptions';
import { matchesIn, scripts } from './walk';

const FULL_SHA = /^[0-9a-f]{40}$/i;

/** `owner/repo@v1` or `@main` for an owner not in `options.trusted-owners` (first-party actions by default). */
export function unpinnedAction(workflow: Workflow, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const trusted = new Set(stringList(options, 'trusted-owners').map((o) => o.toLowerCase()));
  const uses = workflow.jobs.flatMap((j) => [j.uses, ...j.steps.map((s) => s.uses)]);
  return uses.flatMap((u) => {
    if (!u || u.value.includes('${{')) return [];
    const ref = parseUses(u.value);
    if (ref.local || ref.docker || trusted.has(ref.owner.toLowerCase())) return [];
    if (ref.ref && FULL_SHA.test(ref.ref)) return [];
    const at = u.node.text.indexOf('@');
    const range = at < 0 ? nodeRange(u.node) : rangeOf(workflow.file, u.node.startIndex + at + 1, u.node.startIndex + u.node.text.trimEnd().replace(/['"]$/, '').length);
    return [{ range, anchor: nodeRange(u.node), captures: { action: `${ref.owner}/${ref.repo}${ref.path ? '/' + ref.path : ''}`, ref: ref.ref ?? '(no ref)' } }];
  });
}

/** `curl … | sh`, `wget -O- … | bash`, `bash <(curl …)`, `sh -c "$(curl …)"` in a `run:` script. */
export function pipeToShell(workflow: Workflow): CheckHit[] {
  const pattern = /\b(?:curl|wget)\b[^|\n;&]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:ba|z|da|k)?sh\b|\b(?:ba|z)?sh\s+<\(\s*(?:curl|wget)\b|\b(?:ba|z)?sh\s+-c\s+"\$\(\s*(?:curl|wget)\b/g;
  return scripts(workflow).flatMap((s) => matchesIn(workflow, s, pattern, (m) => ({ command: m[0].replace(/\s+/g, ' ') })));
}

function isAction(step: Step, owner: string, repo: string): boolean {
  if (!step.uses) return false;
  const ref = parseUses(step.uses.value);
  return ref.owner.toLowerCase() === owner && ref.repo.toLowerCase() === repo;
}

/**
 * `pull_request_target` / `workflow_run` (which run with the base repository's secrets and
 * a write token) checking out the pull request's head, then running anything after it.
 */
export function privilegedCheckout(workflow: Workflow, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const trigger = stringList(options, 'triggers').find((t) => workflow.triggers.has(t));
  if (!trigger) return [];
  const heads = stringList(options, 'head-refs');
  const isHead = (text: string): boolean => heads.some((h) => text.replace(/\s+/g, '').includes(h));
  const hits: CheckHit[] = [];
  for (const job of workflow.jobs) {
    job.steps.forEach((step, i) => {
      let at: CheckHit['range'] | undefined;
      if (isAction(step, 'actions', 'checkout')) {
        const ref = get(step.with, 'ref');
        const repo = get(step.with, 'repository');
        const head = [ref, repo].find((v) => v?.type === 'scalar' && isHead(v.value));
        if (head) at = nodeRange(head.node);
      } else if (step.run) {
        const m = /\bgh\s+pr\s+checkout\b|\bgit\s+(?:fetch|checkout)\b[^\n]*(?:refs\/pull\/|\$\{\{\s*github\.(?:head_ref|event\.pull_request\.head))/.exec(step.run.node.text);
        if (m) at = rangeOf(workflow.file, step.run.node.startIndex + m.index, step.run.node.startIndex + m.index + m[0].length);
      }
      if (!at) return;
      const runner = laterRunner(job, i);
      if (!runner) return;
      const trace: DocStep[] = [];
      if (workflow.on) trace.push({ range: nodeRange(workflow.on.keyNode), message: `\`${trigger}\` runs with the base repository's secrets and token` });
      trace.push({ range: at, message: "the pull request's code is checked out" });
      trace.push({ range: runner.range, message: runner.what });
      hits.push({ range: at, captures: { trigger }, trace });
    });
  }
  return hits;
}

/** The first step after `i` that runs code from the workspace (a script, a local action, a build tool action). */
function laterRunner(job: Job, i: number): { range: CheckHit['range']; what: string } | undefined {
  for (const s of job.steps.slice(i + 1)) {
    if (s.run) return { range: nodeRange(s.run.node), what: 'and a script runs in that checkout (builds, tests and install scripts execute its code)' };
    if (s.uses && !isAction(s, 'actions', 'upload-artifact') && !isAction(s, 'actions', 'checkout')) {
      return { range: nodeRange(s.uses.node), what: `and \`${s.uses.value}\` runs in that checkout` };
    }
  }
  return undefined;
}

/**
 * `actions/checkout` leaves the token in `.git/config` unless `persist-credentials: false`;
 * an artifact of the whole workspace with hidden files then publishes it.
 */
export function persistedCredentials(workflow: Workflow): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const job of workflow.jobs) {
    const uploads = job.steps.filter((s) => isAction(s, 'actions', 'upload-artifact') && uploadsGitFolder(s));
    if (uploads.length === 0) continue;
    for (const step of job.steps) {
      if (!isAction(step, 'actions', 'checkout')) continue;
      const persist = scalar(get(step.with, 'persist-credentials'));
      if (persist !== undefined && /^(?:false|no|off)$/i.test(persist.trim())) continue;
      hits.push({
        range: nodeRange(step.uses!.node),
        captures: { upload: uploads[0]!.name ?? uploads[0]!.uses!.value },
        trace: [
          { range: nodeRange(step.uses!.node), message: 'the checkout writes the token into `.git/config`' },
          { range: nodeRange(uploads[0]!.uses!.node), message: 'and this artifact uploads the workspace, `.git` included' },
        ],
        fixes: persistCredentialsFix(workflow, step),
      });
    }
  }
  return hits;
}

/** The upload's `path:` covers the checkout's `.git` (the workspace root), with hidden files included. */
function uploadsGitFolder(step: Step): boolean {
  const path = scalar(get(step.with, 'path'));
  if (path === undefined) return false;
  const broad = path.split('\n').map((p) => p.trim()).some((p) => /^(?:\.\/?|\*|\*\*(?:\/\*)?|\$\{\{\s*github\.workspace\s*\}\}\/?|\.git(?:\/.*)?)$/.test(p));
  if (!broad) return false;
  const hidden = scalar(get(step.with, 'include-hidden-files'));
  if (hidden !== undefined) return /^(?:true|yes|on)$/i.test(hidden.trim());
  // upload-artifact leaves hidden files out since v4.4.0; `@v4` and later tags get that, a SHA or an older tag may not.
  const ref = parseUses(step.uses!.value).ref ?? '';
  const m = /^v(\d+)(?:\.(\d+))?/.exec(ref);
  if (!m) return true;
  const major = Number(m[1]);
  const minor = m[2] === undefined ? Infinity : Number(m[2]);
  return major < 4 || (major === 4 && minor < 4);
}

/**
 * Literal credentials: values of credential-named keys in `env:`/`with:` that look
 * machine-made, and a container's or service's registry `credentials.password`.
 */
export function hardcodedCredentials(workflow: Workflow, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const names = new RegExp(stringList(options, 'names').join('|'), 'i');
  const hits: CheckHit[] = [];
  const check = (key: string, v: ReturnType<typeof get>, where: string, always = false): void => {
    if (v?.type !== 'scalar' || v.style === 'alias' || v.value.includes('${{')) return;
    const value = v.value.trim();
    if (!value || !(always || (names.test(key) && machineMade(value)))) return;
    hits.push({ range: nodeRange(v.node), captures: { key, where } });
  };
  const maps = (label: string, m: ReturnType<typeof get>): void => {
    if (m?.type === 'map') for (const p of m.pairs) check(p.key, p.value, label);
  };
  maps('env', workflow.env);
  for (const job of workflow.jobs) {
    maps('env', job.env);
    for (const step of job.steps) {
      maps('env', step.env);
      maps('with', step.with);
    }
    const containers = [get(job.map, 'container'), ...(() => {
      const services = get(job.map, 'services');
      return services?.type === 'map' ? services.pairs.map((p) => p.value) : [];
    })()];
    for (const c of containers) check('password', get(get(c, 'credentials'), 'password'), 'container credentials', true);
  }
  return hits;
}

/** Mixed letters and digits, 16+ characters, no spaces or path/URL shape: a key, not a word or a setting. */
function machineMade(value: string): boolean {
  if (value.length < 16 || /\s|^(?:https?:|\/|\.\/)/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(value)).length;
  return classes >= 2 && /\d/.test(value) && !/^[0-9a-f-]{36}$/i.test(value);
}

/**
 * A `workflow_run` job (privileged: secrets, write token) that downloads the artifacts of the
 * run that triggered it, which a fork's pull request produced, and then runs something.
 */
export function triggeringRunArtifact(workflow: Workflow, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const trigger = stringList(options, 'triggers').find((t) => workflow.triggers.has(t));
  if (!trigger) return [];
  const downloaders = new Set(stringList(options, 'downloaders').map((d) => d.toLowerCase()));
  const hits: CheckHit[] = [];
  for (const job of workflow.jobs) {
    job.steps.forEach((step, i) => {
      if (!step.uses) return;
      const ref = parseUses(step.uses.value);
      const name = `${ref.owner}/${ref.repo}`.toLowerCase();
      const script = scalar(get(step.with, 'script')) ?? '';
      const fromRun =
        (downloaders.has(name) && /github\.event\.workflow_run\.(?:id|workflow_id)|\bworkflow_run\b/.test(step.with?.node.text ?? '')) ||
        (name === 'actions/github-script' && /listWorkflowRunArtifacts|downloadArtifact/.test(script) && /workflow_run/.test(script));
      if (!fromRun) return;
      const runner = laterRunner(job, i);
      if (!runner) return;
      const trace: DocStep[] = [];
      if (workflow.on) trace.push({ range: nodeRange(workflow.on.keyNode), message: `\`${trigger}\` runs with the base repository's secrets and token` });
      trace.push({ range: nodeRange(step.uses.node), message: 'the triggering run\'s artifacts are downloaded (a fork\'s pull request wrote them)' });
      trace.push({ range: runner.range, message: runner.what.replace('in that checkout', 'after it') });
      hits.push({ range: nodeRange(step.uses.node), captures: { trigger }, trace });
    });
  }
  return hits;
}

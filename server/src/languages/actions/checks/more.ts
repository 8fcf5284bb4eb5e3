/**
 * Checks of single expressions and settings: every secret handed to a step at once, bot
 * conditions an attacker can satisfy, container images without a fixed version, TLS
 * verification turned off in scripts.
 */
import type { CheckHit } from '../../documentPack';
import { get, nodeRange, rangeOf, YamlMap, YamlValue } from '../../yaml/document';
import { expressionsIn } from '../expressions';
import { parseUses, Workflow } from '../workflow';
import { stringList } from '../../ruleOptions';
import { conditionsOf, scalars } from './walk';

/** `toJSON(secrets)` or `secrets[...]` with a computed name: the step gets every secret of the repository. */
export function allSecrets(workflow: Workflow): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const s of scalars(workflow.root)) {
    for (const e of expressionsIn(s.node.text)) {
      const body = e.body.replace(/'(?:[^']|'')*'/g, "''");
      const whole = /\btoJSON\s*\(\s*secrets\s*\)/i.test(body) || /\bsecrets\s*\[\s*(?!'')[^\]]/.test(body);
      if (!whole) continue;
      const start = s.node.startIndex + e.start;
      hits.push({ range: rangeOf(workflow.file, start, s.node.startIndex + e.end), captures: { expression: e.body.trim() } });
    }
  }
  return hits;
}

/**
 * `if: github.actor == 'dependabot[bot]'` (and `triggering_actor`) in a workflow that pull
 * requests or other workflows start: the actor is whoever caused the latest event, which an
 * attacker can arrange to be the bot (a bot rebasing the attacker's pull request).
 */
export function spoofableBotCondition(workflow: Workflow, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const trigger = stringList(options, 'triggers').find((t) => workflow.triggers.has(t));
  if (!trigger) return [];
  const hits: CheckHit[] = [];
  for (const c of conditionsOf(workflow)) {
    if (c.type !== 'scalar') continue;
    const m = /\bgithub\.(?:actor|triggering_actor)\s*==\s*'([^']*\[bot\])'|'([^']*\[bot\])'\s*==\s*github\.(?:actor|triggering_actor)\b/.exec(c.node.text);
    if (!m) continue;
    const start = c.node.startIndex + m.index;
    hits.push({ range: rangeOf(workflow.file, start, start + m[0].length), captures: { bot: m[1] ?? m[2]!, trigger } });
  }
  return hits;
}

/** `container:`/`services:` images and `docker://` steps without a tag, with `:latest`, or (`require-digest`) without a digest. */
export function unpinnedImage(workflow: Workflow): CheckHit[] {
  const hits: CheckHit[] = [];
  const check = (image: YamlValue | undefined): void => {
    if (image?.type !== 'scalar' || image.style === 'alias' || image.value.includes('${{')) return;
    const ref = image.value.trim().replace(/^docker:\/\//, '');
    if (!ref || ref.includes('@sha256:')) return;
    const lastSlash = ref.lastIndexOf('/');
    const colon = ref.indexOf(':', lastSlash + 1);
    const tag = colon < 0 ? undefined : ref.slice(colon + 1);
    if (tag !== undefined && tag !== 'latest') return;
    hits.push({ range: nodeRange(image.node), captures: { image: ref } });
  };
  for (const job of workflow.jobs) {
    const container = get(job.map, 'container');
    check(container?.type === 'scalar' ? container : get(container, 'image'));
    const services = get(job.map, 'services');
    if (services?.type === 'map') for (const p of services.pairs) check(p.value?.type === 'scalar' ? p.value : get(p.value, 'image'));
    for (const step of job.steps) if (step.uses && parseUses(step.uses.value).docker) check(step.uses);
  }
  return hits;
}

/** `curl -k`, `wget --no-check-certificate`, `git -c http.sslVerify=false`, `npm config set strict-ssl false`, `NODE_TLS_REJECT_UNAUTHORIZED=0` in scripts and env. */
export function tlsVerificationOff(workflow: Workflow): CheckHit[] {
  const pattern = /\bcurl\b[^\n|;&]*?\s(?:-k|--insecure|-[a-zA-Z]*k[a-zA-Z]*)(?=\s|$)|\bwget\b[^\n|;&]*?\s--no-check-certificate\b|\bgit\b[^\n|;&]*?http\.sslVerify[= ](?:false|0)\b|\bnpm\s+config\s+set\s+strict-ssl\s+false\b|\bNODE_TLS_REJECT_UNAUTHORIZED=0\b|\bGIT_SSL_NO_VERIFY=(?:1|true)\b/g;
  const hits: CheckHit[] = [];
  const envMaps: (YamlMap | undefined)[] = [workflow.env];
  for (const job of workflow.jobs) {
    envMaps.push(job.env);
    for (const step of job.steps) {
      envMaps.push(step.env);
      if (!step.run) continue;
      for (const m of step.run.node.text.matchAll(pattern)) {
        const start = step.run.node.startIndex + m.index!;
        hits.push({ range: rangeOf(workflow.file, start, start + m[0].length), captures: { command: m[0].replace(/\s+/g, ' ') } });
      }
    }
  }
  for (const env of envMaps) {
    for (const p of env?.pairs ?? []) {
      const v = p.value?.type === 'scalar' ? p.value.value.trim() : '';
      if ((p.key === 'NODE_TLS_REJECT_UNAUTHORIZED' && v === '0') || (p.key === 'GIT_SSL_NO_VERIFY' && /^(?:1|true)$/i.test(v))) {
        hits.push({ range: nodeRange(p.node), captures: { command: `${p.key}: ${v}` } });
      }
    }
  }
  return hits;
}

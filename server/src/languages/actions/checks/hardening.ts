/**
 * Checks of how a workflow handles its secrets and its runner: fields of a JSON secret that
 * the log masking does not know, passwords on a command line, string `contains()` conditions
 * a crafted branch name satisfies, job containers with the host's privileges, and scripts or
 * packages fetched over plain HTTP.
 */
import type { CheckHit } from '../../documentPack';
import { get, nodeRange, rangeOf, YamlValue } from '../../yaml/document';
import { expressionsIn } from '../expressions';
import type { Workflow } from '../workflow';
import { conditionsOf, matchesIn, scalars, scripts } from './walk';

/**
 * `${{ fromJSON(secrets.CREDS).password }}`: the runner masks a secret's whole value in the
 * logs, not the fields of the JSON inside it, so the field is printed in clear.
 */
export function unredactedSecretField(workflow: Workflow): CheckHit[] {
  const hits: CheckHit[] = [];
  const pattern = /\bfromJSON\s*\(\s*secrets\.([A-Za-z_][\w-]*)\s*\)\s*(?:\.\s*[A-Za-z_][\w-]*|\[\s*'[^']*'\s*\])/gi;
  for (const s of scalars(workflow.root)) {
    for (const e of expressionsIn(s.node.text)) {
      for (const m of e.body.matchAll(pattern)) {
        const at = s.node.startIndex + e.bodyStart + m.index!;
        hits.push({ range: rangeOf(workflow.file, at, at + m[0].length), captures: { secret: m[1]!, expression: m[0].replace(/\s+/g, '') } });
      }
    }
  }
  return hits;
}

/** `docker login -p "$PASS"` and the same for podman, buildah, skopeo, helm registry and oras. */
export function passwordArgument(workflow: Workflow): CheckHit[] {
  const pattern = /\b(?:docker|podman|buildah|skopeo|oras|helm\s+registry)\s+login\b[^\n;&|]*?\s(-p|--password)(?:\s+|=)(?!-)\S+/g;
  return scripts(workflow).flatMap((s) => matchesIn(workflow, s, pattern, (m) => ({ command: m[0].split(/\s+/).slice(0, 2).join(' '), flag: m[1]! })));
}

/** Context values a pull request's author or a pusher chooses: a branch name, the actor. */
const CHOSEN = /^(?:github\.(?:ref|ref_name|head_ref|actor|triggering_actor)|github\.event\.pull_request\.head\.(?:ref|label)|github\.event\.workflow_run\.head_branch)$/;

/**
 * `contains('refs/heads/main refs/heads/release', github.ref)`: on a string, `contains` is a
 * substring test, so a branch named `main` is not the only one that passes — `mai`, `ref` or
 * `heads/release refs` do too. On a list (`fromJSON('[…]')`) it compares whole items.
 */
export function unsoundContains(workflow: Workflow): CheckHit[] {
  const pattern = /\bcontains\s*\(\s*'((?:[^']|'')*)'\s*,\s*([\w.]+)\s*\)/gi;
  const hits: CheckHit[] = [];
  for (const c of conditionsOf(workflow)) {
    if (c.type !== 'scalar') continue;
    for (const m of c.node.text.matchAll(pattern)) {
      // A one-word string compared as a substring of a chosen value is the opposite use (`contains(github.ref, 'release')`).
      if (!CHOSEN.test(m[2]!) || !/[\s,;|]/.test(m[1]!.trim())) continue;
      const start = c.node.startIndex + m.index!;
      hits.push({ range: rangeOf(workflow.file, start, start + m[0].length), captures: { value: m[2]!, list: m[1]! } });
    }
  }
  return hits;
}

/** `docker run` options of a job container or service that give it the runner host: privileged, host PID, the Docker socket. */
export function privilegedJobContainer(workflow: Workflow): CheckHit[] {
  const option = /--privileged(?:=true)?(?=\s|$)|--cap-add[= ](?:ALL|SYS_ADMIN)\b|--pid[= ]host\b|--security-opt[= ](?:seccomp|apparmor)[=:]unconfined\b|(?:-v|--volume)[= ]\/var\/run\/docker\.sock\b/gi;
  const hits: CheckHit[] = [];
  const check = (container: YamlValue | undefined, where: string): void => {
    if (container?.type !== 'map') return;
    const options = get(container, 'options');
    if (options?.type === 'scalar') {
      for (const m of options.node.text.matchAll(option)) {
        const start = options.node.startIndex + m.index!;
        hits.push({ range: rangeOf(workflow.file, start, start + m[0].length), captures: { option: m[0], container: where } });
      }
    }
    const volumes = get(container, 'volumes');
    if (volumes?.type === 'seq') {
      for (const v of volumes.items) {
        if (v?.type === 'scalar' && /^\/var\/run\/docker\.sock(?::|$)/.test(v.value.trim())) hits.push({ range: nodeRange(v.node), captures: { option: v.value.trim(), container: where } });
      }
    }
  };
  for (const job of workflow.jobs) {
    check(get(job.map, 'container'), `\`${job.id}\` container`);
    const services = get(job.map, 'services');
    if (services?.type === 'map') for (const p of services.pairs) check(p.value, `service \`${p.key}\``);
  }
  return hits;
}

/** A host on the internet: a dotted name that is not local, private or reserved for tests, or a public IPv4 address. */
function publicHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!h.includes('.') || h.includes('$') || h.includes('{')) return false;
  if (/\.(?:local|localhost|internal|lan|home|test|example|invalid|svc|cluster\.local)$/.test(h)) return false;
  const ip = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(h);
  if (ip) {
    const [a, b] = [Number(ip[1]), Number(ip[2])];
    return !(a === 10 || a === 127 || a === 0 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254));
  }
  return true;
}

/**
 * `curl http://…`, `wget http://…`, `pip install --index-url http://…`, `--trusted-host`,
 * an npm/yarn registry over `http://`: code the job runs, fetched where anyone on the path
 * can replace it.
 */
export function cleartextDownload(workflow: Workflow): CheckHit[] {
  const fetch = /\b(?:curl|wget|Invoke-WebRequest|iwr|Invoke-RestMethod|irm)\b[^\n|;&]*?\bhttp:\/\/([^\s/'"`:?#)]+)/gi;
  const index = /(?:--(?:extra-)?index-url|(?<=\s)-i|--registry|--find-links|\bconfig\s+set\s+(?:registry|[\w@-]+:registry))[= ]+['"]?http:\/\/([^\s/'"`:?#)]+)/g;
  const trusted = /--trusted-host[= ]+(\S+)/g;
  return scripts(workflow).flatMap((s) => [
    ...matchesIn(workflow, s, fetch, (m) => (publicHost(m[1]!) ? { what: 'A download', host: m[1]! } : undefined)),
    ...matchesIn(workflow, s, index, (m) => (publicHost(m[1]!) ? { what: 'A package index', host: m[1]! } : undefined)),
    ...matchesIn(workflow, s, trusted, (m) => ({ what: 'A `--trusted-host` package index', host: m[1]!.replace(/['"]/g, '') })),
  ]);
}

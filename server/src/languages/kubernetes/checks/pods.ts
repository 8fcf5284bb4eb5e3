/**
 * Pod-wide and per-container checks outside `securityContext`: the host's namespaces and
 * paths, the service account token, images without a fixed version, resource limits and
 * credentials written into `env`.
 */
import type { CheckHit } from '../../documentPack';
import { get, nodeRange, pairOfKey, scalar } from '../../yaml/document';
import { addPair } from '../../yaml/edits';
import { classifyHostPath, HostPathClass } from '../../containers/hostPaths';
import { isFloatingImage } from '../../containers/images';
import { isLiteralSecret } from '../../containers/secrets';
import { stringList } from '../../ruleOptions';
import { isFalse, isTrue, Manifest } from '../manifest';
import { captures, containerHit, podRange, valueHit } from './common';

/** `hostNetwork`/`hostPID`/`hostIPC: true` (the rule's `options.field`). */
export function hostNamespace(m: Manifest, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const field = stringList(options, 'field')[0] ?? 'hostNetwork';
  return m.pods.flatMap((pod) => {
    const v = get(pod.map, field);
    return isTrue(v) ? [valueHit(v, undefined, pod.owner, { field })] : [];
  });
}

/** `hostPath` volumes of the rule's `options.class`: the runtime's socket, a sensitive tree, or any other path. */
export function hostPath(m: Manifest, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const wanted = (stringList(options, 'class')[0] ?? 'other') as HostPathClass;
  const hits: CheckHit[] = [];
  for (const pod of m.pods) {
    const volumes = get(pod.map, 'volumes');
    if (volumes?.type !== 'seq') continue;
    for (const volume of volumes.items) {
      const path = get(get(volume, 'hostPath'), 'path');
      if (path?.type !== 'scalar' || !path.value.trim()) continue;
      if (classifyHostPath(path.value) !== wanted) continue;
      const readOnly = pod.containers.some((c) => {
        const mounts = get(c.map, 'volumeMounts');
        return mounts?.type === 'seq' && mounts.items.some((mt) => scalar(get(mt, 'name')) === scalar(get(volume, 'name')) && isTrue(get(mt, 'readOnly')));
      });
      hits.push(valueHit(path, undefined, pod.owner, { path: path.value.trim(), volume: scalar(get(volume, 'name')) ?? '', access: readOnly ? 'read-only' : 'writable' }));
    }
  }
  return hits;
}

/**
 * A pod on the namespace's `default` service account that does not set
 * `automountServiceAccountToken: false`: it gets an API token it has no use for (a pod that
 * talks to the API runs under its own service account). A `default` ServiceAccount in the
 * same file that turns the mount off covers its pods.
 */
export function automountedToken(m: Manifest): CheckHit[] {
  const defaultOff = m.objects.some((o) => o.kind === 'ServiceAccount' && o.name === 'default' && isFalse(get(o.map, 'automountServiceAccountToken')));
  return m.pods.flatMap((pod) => {
    const account = scalar(get(pod.map, 'serviceAccountName')) ?? scalar(get(pod.map, 'serviceAccount'));
    if (account && account !== 'default') return [];
    const v = get(pod.map, 'automountServiceAccountToken');
    if (isFalse(v) || (v === undefined && (defaultOff || m.isPatch))) return [];
    if (v) return [valueHit(v, undefined, pod.owner)];
    const fixes = pod.map.pairs.length > 0 && !pairOfKey(pod.map, 'automountServiceAccountToken')
      ? [{ title: 'Add `automountServiceAccountToken: false`', edits: [addPair(m.file, pod.map, 'automountServiceAccountToken', 'false')], preferred: true }]
      : [];
    return [{ range: podRange(pod), anchor: nodeRange(pod.specKey), captures: captures(undefined, pod.owner), fixes }];
  });
}

/** `image:` without a tag or digest, or with `:latest`. */
export function floatingImage(m: Manifest): CheckHit[] {
  return m.pods.flatMap((pod) =>
    pod.containers.flatMap((c) => {
      const image = get(c.map, 'image');
      return image?.type === 'scalar' && image.style !== 'alias' && isFloatingImage(image.value) ? [valueHit(image, c, pod.owner, { image: image.value.trim() })] : [];
    }),
  );
}

/** No `resources.limits` for the rule's `options.resources` (memory): one container can starve the node. */
export function missingLimits(m: Manifest, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const wanted = stringList(options, 'resources');
  if (m.isPatch) return [];
  return m.pods.flatMap((pod) =>
    pod.containers.flatMap((c) => {
      if (c.group === 'ephemeralContainers') return []; // they take no resources field
      const limits = get(get(c.map, 'resources'), 'limits');
      const missing = wanted.filter((r) => get(limits, r) === undefined);
      return missing.length > 0 ? [containerHit(c, { resources: missing.join(' and ') })] : [];
    }),
  );
}

/** `env` entries whose name says credential (the rule's `options.names`) with a literal `value:`. */
export function literalSecretEnv(m: Manifest, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const names = new RegExp(stringList(options, 'names').join('|'), 'i');
  return m.pods.flatMap((pod) =>
    pod.containers.flatMap((c) => {
      const env = get(c.map, 'env');
      if (env?.type !== 'seq') return [];
      return env.items.flatMap((entry) => {
        const name = scalar(get(entry, 'name'));
        const value = get(entry, 'value');
        if (!name || value?.type !== 'scalar' || value.style === 'alias' || !names.test(name) || !isLiteralSecret(name, value.value)) return [];
        return [valueHit(value, c, pod.owner, { variable: name })];
      });
    }),
  );
}

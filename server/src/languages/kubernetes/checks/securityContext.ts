/**
 * Container `securityContext` checks: privileged mode, privilege escalation, root users,
 * capabilities, a writable root filesystem, unmasked `/proc`, and seccomp or AppArmor
 * turned off. Fixes set the field to its safe value (languages/kubernetes/fixes.ts).
 */
import type { CheckHit } from '../../documentPack';
import { get, nodeRange, pairOfKey, YamlValue } from '../../yaml/document';
import { capabilityName } from '../../containers/capabilities';
import { securityContextFix, replaceValue } from '../fixes';
import { Container, effective, isFalse, isTrue, Manifest } from '../manifest';
import { stringList } from '../../ruleOptions';
import { captures, containerHit, removeItem, valueHit } from './common';

function containers(m: Manifest): Container[] {
  return m.pods.flatMap((p) => p.containers);
}

export function privileged(m: Manifest): CheckHit[] {
  return containers(m).flatMap((c) => {
    const v = get(c.securityContext, 'privileged');
    if (!isTrue(v)) return [];
    return [valueHit(v, c, c.pod.owner, {}, [{ title: 'Set `privileged: false`', edits: [replaceValue(m.file, v, 'false')], preferred: true }])];
  });
}

/** `allowPrivilegeEscalation` missing (it defaults to true) or not false. */
export function privilegeEscalation(m: Manifest): CheckHit[] {
  return containers(m).flatMap((c) => {
    const v = get(c.securityContext, 'allowPrivilegeEscalation');
    if (isFalse(v) || (m.isPatch && !v)) return [];
    const fixes = securityContextFix(m.file, c, ['allowPrivilegeEscalation'], 'false', 'Set `allowPrivilegeEscalation: false`');
    return [v ? valueHit(v, c, c.pod.owner, {}, fixes) : containerHit(c, {}, fixes)];
  });
}

function uid(v: YamlValue | undefined): number | undefined {
  return v?.type === 'scalar' && /^\d+$/.test(v.value.trim()) ? Number(v.value) : undefined;
}

/** Neither `runAsNonRoot: true` nor a non-zero `runAsUser`, for the container or its pod: the image's user decides, often root. */
export function runAsNonRoot(m: Manifest): CheckHit[] {
  return containers(m).flatMap((c) => {
    const user = uid(effective(c, 'runAsUser'));
    if (user !== undefined) return []; // a UID is chosen: root-user reports 0
    const v = effective(c, 'runAsNonRoot');
    if (isTrue(v) || (m.isPatch && !v)) return [];
    // Windows pods run as a named user, not a UID.
    if (get(c.securityContext, 'windowsOptions') || get(c.pod.securityContext, 'windowsOptions')) return [];
    const fixes = securityContextFix(m.file, c, ['runAsNonRoot'], 'true', 'Set `runAsNonRoot: true` (the image must name a non-root user)');
    return [v && get(c.securityContext, 'runAsNonRoot') === v ? valueHit(v, c, c.pod.owner, {}, fixes) : containerHit(c, {}, fixes)];
  });
}

/** `runAsUser: 0` on a container, or on the pod where a container does not choose its own. */
export function runAsRootUser(m: Manifest): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const pod of m.pods) {
    const own = get(pod.securityContext, 'runAsUser');
    if (uid(own) === 0 && pod.containers.some((c) => get(c.securityContext, 'runAsUser') === undefined)) hits.push(valueHit(own!, undefined, pod.owner));
    for (const c of pod.containers) {
      const v = get(c.securityContext, 'runAsUser');
      if (uid(v) === 0) hits.push(valueHit(v!, c, pod.owner));
    }
  }
  return hits;
}

/** `capabilities.add` entries from the rule's `capabilities` list; the fix removes the entry. */
export function addedCapabilities(m: Manifest, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const dangerous = new Set(stringList(options, 'capabilities').map(capabilityName));
  return containers(m).flatMap((c) => {
    const add = get(get(c.securityContext, 'capabilities'), 'add');
    if (add?.type !== 'seq') return [];
    return add.items.flatMap((item, i) => {
      if (item.type !== 'scalar' || !dangerous.has(capabilityName(item.value))) return [];
      const edit = removeItem(m.file, add, i);
      return [valueHit(item, c, c.pod.owner, { capability: capabilityName(item.value) }, edit ? [{ title: `Remove \`${item.value}\` from the added capabilities`, edits: [edit], preferred: true }] : [])];
    });
  });
}

/** No `capabilities.drop: [ALL]`: the container keeps the runtime's default set (`NET_RAW`, `CHOWN`, `SETUID`…). */
export function capabilitiesNotDropped(m: Manifest): CheckHit[] {
  return containers(m).flatMap((c) => {
    if (isTrue(get(c.securityContext, 'privileged'))) return []; // privileged has every capability: that rule says so
    const drop = get(get(c.securityContext, 'capabilities'), 'drop');
    if (drop?.type === 'seq' && drop.items.some((i) => i.type === 'scalar' && capabilityName(i.value) === 'ALL')) return [];
    if (m.isPatch && !drop) return [];
    let fixes = securityContextFix(m.file, c, ['capabilities', 'drop'], '["ALL"]', 'Drop all capabilities (`capabilities: drop: ["ALL"]`), then add back only those it needs');
    if (drop?.type === 'seq') {
      const first = drop.items[0];
      fixes = [];
      if (drop.flow && first) fixes = [{ title: 'Add `ALL` to the dropped capabilities', edits: [{ range: { start: { line: first.node.startPosition.row, character: first.node.startPosition.column }, end: { line: first.node.startPosition.row, character: first.node.startPosition.column } }, newText: '"ALL", ' }], preferred: true }];
      else if (!drop.flow && first && /^\s*-\s*$/.test(m.file.text.slice(m.file.lineStarts[first.node.startPosition.row]!, first.node.startIndex))) {
        const lineStart = m.file.lineStarts[first.node.startPosition.row]!;
        const prefix = m.file.text.slice(lineStart, first.node.startIndex);
        const eol = m.file.text.includes('\r\n') ? '\r\n' : '\n';
        const at = { line: first.node.startPosition.row, character: 0 };
        fixes = [{ title: 'Add `ALL` to the dropped capabilities', edits: [{ range: { start: at, end: at }, newText: `${prefix}ALL${eol}` }], preferred: true }];
      }
    }
    const dropKey = pairOfKey(get(c.securityContext, 'capabilities'), 'drop')?.keyNode;
    return [dropKey ? { range: nodeRange(dropKey), captures: captures(c, c.pod.owner), fixes } : containerHit(c, {}, fixes)];
  });
}

/** `readOnlyRootFilesystem` missing or false: a compromised process can change the image's files. */
export function writableRootFilesystem(m: Manifest): CheckHit[] {
  return containers(m).flatMap((c) => {
    if (c.group === 'ephemeralContainers') return []; // debugging sessions need to write
    const v = get(c.securityContext, 'readOnlyRootFilesystem');
    if (isTrue(v) || (m.isPatch && !v)) return [];
    const fixes = securityContextFix(m.file, c, ['readOnlyRootFilesystem'], 'true', 'Set `readOnlyRootFilesystem: true` (mount an `emptyDir` where it must write)');
    return [v ? valueHit(v, c, c.pod.owner, {}, fixes) : containerHit(c, {}, fixes)];
  });
}

/** `procMount: Unmasked`: the host's `/proc` paths the runtime masks are visible. */
export function procMountUnmasked(m: Manifest): CheckHit[] {
  return containers(m).flatMap((c) => {
    const v = get(c.securityContext, 'procMount');
    if (v?.type !== 'scalar' || v.value !== 'Unmasked') return [];
    return [valueHit(v, c, c.pod.owner, {}, [{ title: 'Set `procMount: Default`', edits: [replaceValue(m.file, v, 'Default')], preferred: true }])];
  });
}

/**
 * A profile turned off: `seccompProfile`/`appArmorProfile` `type: Unconfined` on the pod or a
 * container, or the annotations older clusters read (`…/pod: unconfined`). `options.field`
 * names the profile (`seccompProfile`), `options.annotations` the annotation prefixes.
 */
export function unconfinedProfile(m: Manifest, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const field = stringList(options, 'field')[0] ?? 'seccompProfile';
  const prefixes = stringList(options, 'annotations');
  const hits: CheckHit[] = [];
  const fix = (v: YamlValue, text: string): CheckHit['fixes'] => (v.type === 'scalar' && v.style !== 'alias' ? [{ title: `Use the runtime's default profile (\`${text}\`)`, edits: [replaceValue(m.file, v, text)], preferred: true }] : []);
  for (const pod of m.pods) {
    const podType = get(get(pod.securityContext, field), 'type');
    if (podType?.type === 'scalar' && podType.value === 'Unconfined') hits.push(valueHit(podType, undefined, pod.owner, {}, fix(podType, 'RuntimeDefault')));
    for (const c of pod.containers) {
      const t = get(get(c.securityContext, field), 'type');
      if (t?.type === 'scalar' && t.value === 'Unconfined') hits.push(valueHit(t, c, pod.owner, {}, fix(t, 'RuntimeDefault')));
    }
    // Annotations live in the metadata beside the pod spec (a Pod's own, a template's).
    const annotations = get(get(pod.holder, 'metadata'), 'annotations');
    if (annotations?.type !== 'map') continue;
    for (const p of annotations.pairs) {
      if (!prefixes.some((prefix) => p.key.startsWith(prefix)) || p.value?.type !== 'scalar' || p.value.value.trim().toLowerCase() !== 'unconfined') continue;
      hits.push(valueHit(p.value, undefined, pod.owner, {}, fix(p.value, 'runtime/default')));
    }
  }
  return hits;
}


/**
 * Compose checks: privileged services, the host's namespaces, the Docker socket and the
 * host's sensitive trees mounted, capabilities added, seccomp/AppArmor turned off,
 * credentials written into `environment`, database ports published on every interface,
 * images without a fixed version.
 */
import type { CheckHit, DocFix } from '../documentPack';
import { get, nodeRange, rangeOf, scalar, YamlScalar, YamlValue } from '../yaml/document';
import { capabilityName } from '../containers/capabilities';
import { classifyHostPath, HostPathClass } from '../containers/hostPaths';
import { isFloatingImage } from '../containers/images';
import { isLiteralSecret } from '../containers/secrets';
import { stringList } from '../ruleOptions';
import { removeItem } from '../kubernetes/checks/common';
import type { ComposeFile, Service } from './compose';

function hit(v: YamlValue, service: Service, extra: Record<string, string> = {}, fixes: DocFix[] = []): CheckHit {
  return { range: nodeRange(v.node), captures: { service: service.name, ...extra }, fixes };
}

const plainTrue = (v: YamlValue | undefined): v is YamlScalar => v?.type === 'scalar' && v.style !== 'alias' && /^(?:true|True|TRUE|yes|on)$/.test(v.value.trim());

export function privileged(c: ComposeFile): CheckHit[] {
  return c.services.flatMap((s) => {
    const v = get(s.map, 'privileged');
    if (!plainTrue(v)) return [];
    return [hit(v, s, {}, [{ title: 'Set `privileged: false`', edits: [{ range: nodeRange(v.node), newText: 'false' }], preferred: true }])];
  });
}

/** `network_mode`, `pid`, `ipc`, `uts` or `userns_mode` (the rule's `options.fields`) set to `host`. */
export function hostNamespace(c: ComposeFile, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const fields = stringList(options, 'fields');
  return c.services.flatMap((s) =>
    fields.flatMap((field) => {
      const v = get(s.map, field);
      return v?.type === 'scalar' && v.value.trim() === 'host' ? [hit(v, s, { field, setting: `${field}: host` })] : [];
    }),
  );
}

/** The host side of each `volumes:` entry that binds a host path (short `src:dst[:mode]` or long `type: bind`). */
function bindSources(s: Service): { source: string; node: YamlValue; readOnly: boolean }[] {
  const volumes = get(s.map, 'volumes');
  if (volumes?.type !== 'seq') return [];
  return volumes.items.flatMap((v) => {
    if (v.type === 'scalar') {
      const parts = v.value.trim().split(':');
      if (parts.length < 2 || !parts[0]!.startsWith('/')) return [];
      return [{ source: parts[0]!, node: v, readOnly: /(?:^|,)ro(?:,|$)/.test(parts[2] ?? '') }];
    }
    const source = get(v, 'source');
    if (scalar(get(v, 'type')) !== 'bind' || source?.type !== 'scalar' || !source.value.startsWith('/')) return [];
    return [{ source: source.value.trim(), node: source, readOnly: /^(?:true|yes)$/i.test(scalar(get(v, 'read_only')) ?? '') }];
  });
}

/** Host paths of the rule's `options.class` bound into a service: the runtime's socket or a sensitive tree. */
export function hostMount(c: ComposeFile, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const wanted = (stringList(options, 'class')[0] ?? 'socket') as HostPathClass;
  return c.services.flatMap((s) =>
    bindSources(s).flatMap((b) => (classifyHostPath(b.source) === wanted ? [hit(b.node, s, { path: b.source, access: b.readOnly ? 'read-only' : 'writable' })] : [])),
  );
}

/** `cap_add` entries from the rule's `capabilities` list; the fix removes the entry. */
export function addedCapabilities(c: ComposeFile, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const dangerous = new Set(stringList(options, 'capabilities').map(capabilityName));
  return c.services.flatMap((s) => {
    const add = get(s.map, 'cap_add');
    if (add?.type !== 'seq') return [];
    return add.items.flatMap((item, i) => {
      if (item.type !== 'scalar' || !dangerous.has(capabilityName(item.value))) return [];
      const edit = removeItem(c.file, add, i);
      return [hit(item, s, { capability: capabilityName(item.value) }, edit ? [{ title: `Remove \`${item.value}\` from \`cap_add\``, edits: [edit], preferred: true }] : [])];
    });
  });
}

/** `security_opt` entries that turn a protection off (`seccomp:unconfined`, `apparmor:unconfined`, `label:disable`). */
export function unconfined(c: ComposeFile): CheckHit[] {
  return c.services.flatMap((s) => {
    const opts = get(s.map, 'security_opt');
    if (opts?.type !== 'seq') return [];
    return opts.items.flatMap((item, i) => {
      if (item.type !== 'scalar') return [];
      const m = /^(seccomp|apparmor)[:=]unconfined$|^(label)[:=]disable$/i.exec(item.value.trim().replace(/\s+/g, ''));
      if (!m) return [];
      const edit = removeItem(c.file, opts, i);
      return [hit(item, s, { option: item.value.trim() }, edit ? [{ title: `Remove \`${item.value.trim()}\` (the default profile applies)`, edits: [edit], preferred: true }] : [])];
    });
  });
}

/** `environment:` entries (mapping or `NAME=value` list) named like a credential with a literal value. */
export function literalSecretEnv(c: ComposeFile, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const names = new RegExp(stringList(options, 'names').join('|'), 'i');
  return c.services.flatMap((s) => {
    const env = get(s.map, 'environment');
    const found: CheckHit[] = [];
    if (env?.type === 'map') {
      for (const p of env.pairs) {
        if (p.value?.type === 'scalar' && p.value.style !== 'alias' && names.test(p.key) && isLiteralSecret(p.key, p.value.value)) found.push(hit(p.value, s, { variable: p.key }));
      }
    } else if (env?.type === 'seq') {
      for (const item of env.items) {
        if (item.type !== 'scalar') continue;
        const eq = item.value.indexOf('=');
        if (eq <= 0) continue;
        const name = item.value.slice(0, eq).trim();
        if (names.test(name) && isLiteralSecret(name, item.value.slice(eq + 1))) found.push(hit(item, s, { variable: name }));
      }
    }
    return found;
  });
}

/**
 * `ports:` publishing a port from the rule's `options.ports` (databases, caches) on every
 * interface: no host address, or `0.0.0.0`/`::`. The fix binds it to 127.0.0.1.
 */
export function publicDatabasePort(c: ComposeFile, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const ports = new Map(stringList(options, 'ports').map((p) => {
    const [n, name] = p.split(/\s*=\s*/);
    return [n!, name ?? n!] as [string, string];
  }));
  return c.services.flatMap((s) => {
    const list = get(s.map, 'ports');
    if (list?.type !== 'seq') return [];
    return list.items.flatMap((item) => {
      if (item.type === 'scalar') {
        const spec = item.value.trim().replace(/\/(?:tcp|udp)$/, '');
        // [IP:][HOST:]CONTAINER; an IPv6 address is in brackets.
        const m = /^(?:(\[[^\]]*\]|\d+\.\d+\.\d+\.\d+):)?(?:([\d-]*):)?([\d-]+)$/.exec(spec);
        if (!m || (m[1] && !/^(?:0\.0\.0\.0|\[::\])$/.test(m[1]))) return [];
        const container = m[3]!;
        if (!ports.has(container)) return [];
        const fixes: DocFix[] = [];
        if (item.style !== 'alias' && item.style !== 'block') {
          const open = item.style === 'plain' ? 0 : 1;
          const start = item.node.startIndex + open;
          const text = item.node.text.slice(open, item.node.text.length - open);
          // `0.0.0.0:5432:5432` → `127.0.0.1:5432:5432`, `5432:5432` → `127.0.0.1:5432:5432`, `5432` (a random host port) → `127.0.0.1::5432`.
          const value = m[1] ? `127.0.0.1${text.slice(m[1].length)}` : m[2] === undefined ? `127.0.0.1::${text}` : `127.0.0.1:${text}`;
          // A plain `127.0.0.1:5432:5432` is still a string to YAML (colons without a space).
          fixes.push({ title: 'Publish it on 127.0.0.1 only', edits: [{ range: rangeOf(c.file, start, start + text.length), newText: value }], preferred: true });
        }
        return [hit(item, s, { port: container, what: ports.get(container)! }, fixes)];
      }
      const target = scalar(get(item, 'target'));
      const hostIp = scalar(get(item, 'host_ip'));
      if (!target || !ports.has(target) || get(item, 'published') === undefined || (hostIp && !/^(?:0\.0\.0\.0|::)$/.test(hostIp))) return [];
      return [hit(get(item, 'target')!, s, { port: target, what: ports.get(target)! })];
    });
  });
}

export function floatingImage(c: ComposeFile): CheckHit[] {
  return c.services.flatMap((s) => {
    const image = get(s.map, 'image');
    // A service that builds its image names the result: no pull, nothing moves.
    if (image?.type !== 'scalar' || image.style === 'alias' || get(s.map, 'build') !== undefined || !isFloatingImage(image.value)) return [];
    return [hit(image, s, { image: image.value.trim() })];
  });
}

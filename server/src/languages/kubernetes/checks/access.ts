/**
 * Who may do what: RBAC roles with wildcards or secret reads, bindings of `cluster-admin`
 * and bindings to everyone, and Services that put an administration port on a node or a
 * load balancer.
 */
import type { CheckHit } from '../../documentPack';
import { get, nodeRange, scalar, YamlValue } from '../../yaml/document';
import { stringList } from '../../ruleOptions';
import type { K8sObject, Manifest } from '../manifest';
import { captures, valueHit } from './common';

const ROLE_KINDS = new Set(['Role', 'ClusterRole']);
const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);

interface RoleRule {
  role: K8sObject;
  apiGroups: string[];
  verbs: YamlValue[];
  resources: YamlValue[];
  restricted: boolean;
}

function items(v: YamlValue | undefined): YamlValue[] {
  return v?.type === 'seq' ? v.items : v?.type === 'scalar' && v.value ? [v] : [];
}

function roleRules(m: Manifest): RoleRule[] {
  return m.objects.filter((o) => ROLE_KINDS.has(o.kind)).flatMap((role) => {
    const rules = get(role.map, 'rules');
    return rules?.type === 'seq'
      ? rules.items.map((r) => ({ role, apiGroups: items(get(r, 'apiGroups')).map(text), verbs: items(get(r, 'verbs')), resources: items(get(r, 'resources')), restricted: items(get(r, 'resourceNames')).length > 0 }))
      : [];
  });
}

const text = (v: YamlValue): string => (v.type === 'scalar' ? v.value.trim() : '');

/**
 * `"*"` in a role rule's `options.field` (`verbs` or `resources`), except in rules that only
 * reach read-only API groups (`options.readOnlyApiGroups`: the metrics APIs, whose only verbs are reads).
 */
export function rbacWildcard(m: Manifest, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const field = stringList(options, 'field')[0] === 'resources' ? 'resources' : 'verbs';
  const readOnly = new Set(stringList(options, 'readOnlyApiGroups'));
  return roleRules(m).flatMap((r) => {
    if (r.apiGroups.length > 0 && r.apiGroups.every((g) => readOnly.has(g))) return [];
    return r[field].filter((v) => text(v) === '*').map((v) => valueHit(v, undefined, r.role));
  });
}

/** `get`/`list`/`watch` on `secrets` (every secret of the namespace, or the cluster), not narrowed by `resourceNames`. */
export function rbacSecretsRead(m: Manifest): CheckHit[] {
  const reads = new Set(['get', 'list', 'watch', '*']);
  return roleRules(m).flatMap((r) => {
    if (r.restricted || !r.verbs.some((v) => reads.has(text(v)))) return [];
    const verbs = r.verbs.map(text).filter((v) => reads.has(v)).join(', ');
    return r.resources.filter((v) => text(v) === 'secrets').map((v) => valueHit(v, undefined, r.role, { verbs, scope: r.role.kind === 'ClusterRole' ? 'every namespace' : 'its namespace' }));
  });
}

interface Subject {
  kind: string;
  name: string;
  node: YamlValue;
}

function bindings(m: Manifest): { binding: K8sObject; role: string; roleNode?: YamlValue; subjects: Subject[] }[] {
  return m.objects.filter((o) => BINDING_KINDS.has(o.kind)).map((binding) => {
    const roleNode = get(get(binding.map, 'roleRef'), 'name');
    const subjects = items(get(binding.map, 'subjects')).flatMap((s) => {
      const name = get(s, 'name');
      return name?.type === 'scalar' ? [{ kind: scalar(get(s, 'kind')) ?? '', name: name.value.trim(), node: name }] : [];
    });
    return { binding, role: roleNode ? text(roleNode) : '', roleNode, subjects };
  });
}

/** A binding of the `cluster-admin` role (the rule's `options.roles`) to anyone. */
export function adminBinding(m: Manifest, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const roles = new Set(stringList(options, 'roles'));
  return bindings(m).flatMap((b) => {
    if (!b.roleNode || !roles.has(b.role)) return [];
    const who = b.subjects.map((s) => `${s.kind} ${s.name}`).join(', ') || 'no subject';
    return [valueHit(b.roleNode, undefined, b.binding, { role: b.role, subjects: who })];
  });
}

/**
 * A binding whose subjects are everyone: anonymous or unauthenticated users with any role
 * but the few public ones Kubernetes itself binds (`options.publicRoles`), and every
 * authenticated user or every service account with an administrative role (`options.adminRoles`).
 */
export function bindingToEveryone(m: Manifest, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const publicRoles = new Set(stringList(options, 'publicRoles'));
  const adminRoles = new Set(stringList(options, 'adminRoles'));
  const anonymous = new Set(['system:anonymous', 'system:unauthenticated']);
  const everyoneSignedIn = new Set(['system:authenticated', 'system:serviceaccounts']);
  return bindings(m).flatMap((b) =>
    b.subjects.flatMap((s) => {
      const bad = (anonymous.has(s.name) && !publicRoles.has(b.role)) || (everyoneSignedIn.has(s.name) && adminRoles.has(b.role));
      return bad ? [valueHit(s.node, undefined, b.binding, { role: b.role, subject: s.name })] : [];
    }),
  );
}

/**
 * A Service of type `LoadBalancer` or `NodePort` with a port from `options.ports` (SSH, the
 * Docker API, databases, caches): reachable from outside the cluster, unless the load
 * balancer is internal or limited by `loadBalancerSourceRanges`.
 */
export function exposedAdminPort(m: Manifest, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const ports = new Map(stringList(options, 'ports').map((p) => {
    const [n, name] = p.split(/\s*=\s*/);
    return [n!, name ?? n!] as [string, string];
  }));
  const internal = stringList(options, 'internalAnnotations');
  const hits: CheckHit[] = [];
  for (const svc of m.objects.filter((o) => o.kind === 'Service')) {
    const spec = get(svc.map, 'spec');
    const type = scalar(get(spec, 'type'));
    if (type !== 'LoadBalancer' && type !== 'NodePort') continue;
    if (type === 'LoadBalancer' && items(get(spec, 'loadBalancerSourceRanges')).some((r) => !/^(?:0\.0\.0\.0\/0|::\/0)$/.test(text(r)))) continue;
    const annotations = get(get(svc.map, 'metadata'), 'annotations');
    if (type === 'LoadBalancer' && annotations?.type === 'map' && annotations.pairs.some((p) => internal.some((a) => p.key === a.split('=')[0] && (!a.includes('=') || scalar(p.value)?.toLowerCase() === a.split('=')[1])))) continue;
    for (const port of items(get(spec, 'ports'))) {
      for (const key of ['port', 'targetPort']) {
        const v = get(port, key);
        const n = v ? text(v) : '';
        if (!v || !ports.has(n)) continue;
        hits.push({ range: nodeRange(v.node), captures: { ...captures(undefined, svc), port: n, service: ports.get(n)!, type } });
        break;
      }
    }
  }
  return hits;
}

/**
 * AWS policies: identity policies that allow every action on every resource, and resource
 * policies that allow anyone (`Principal: "*"`) with no condition. Rules name where policies
 * are written (`policies: { aws_iam_policy: policy, aws_iam_role: inline_policy.policy }`);
 * `aws_iam_policy_document` data sources are read wherever they are (a policy attribute that
 * refers to one is not read again).
 */
import type { CheckHit } from '../../documentPack';
import { blocksOf } from '../../hcl/document';
import { scalarText } from '../../hcl/values';
import { moduleResources, TfBlock, TfModule } from '../module';
import { isWildcard, Statement, statementsOfDocument, statementsOfValue } from '../policy';
import { hit, strings } from './common';

interface Policy {
  owner: TfBlock;
  statements: Statement[];
}

function policiesOf(m: TfModule, options: Readonly<Record<string, unknown>>): Policy[] {
  const where = (options.policies ?? {}) as Record<string, string>;
  const out: Policy[] = [];
  for (const b of m.blocks) {
    if (b.kind === 'data' && b.type === 'aws_iam_policy_document') out.push({ owner: b, statements: statementsOfDocument(m, b) });
    if (b.kind !== 'resource' || typeof where[b.type] !== 'string') continue;
    const path = where[b.type]!.split('.');
    const name = path.pop()!;
    let bodies = [b.block.body];
    for (const p of path) bodies = bodies.flatMap((x) => blocksOf(x, p).map((y) => y.body));
    for (const body of bodies) {
      const attr = body.attributes.find((a) => a.name === name);
      if (attr) out.push({ owner: b, statements: statementsOfValue(m.value(attr)) });
    }
  }
  return out;
}

/** `Allow` of `"*"` (or `"*:*"`) actions on `"*"` resources in a policy without principals (an identity policy). */
export function wildcardPolicy(m: TfModule, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const p of policiesOf(m, options)) {
    for (const s of p.statements) {
      if (s.effect !== 'Allow' || s.notAction || s.notResource || s.principals.length > 0) continue;
      const action = s.actions.find(isWildcard);
      if (!action || !s.resources.some(isWildcard)) continue;
      hits.push(hit(m, action.span, s.span, { resource: p.owner.address }));
    }
  }
  return hits;
}

/**
 * `Allow` to the `"*"` principal without a `Condition`. A policy document used only by VPC
 * endpoints (`endpointTypes`) is not public: an endpoint policy's `"*"` is bounded by the network.
 */
export function publicPrincipal(m: TfModule, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const endpoints = new Set(strings(options, 'endpointTypes'));
  const resources = moduleResources(m);
  const hits: CheckHit[] = [];
  for (const p of policiesOf(m, options)) {
    if (p.owner.kind === 'data') {
      const users = resources.filter((r) => r.refs.includes(`${p.owner.type}.${p.owner.name}`));
      if (users.length > 0 && users.every((u) => endpoints.has(u.type))) continue;
    }
    for (const s of p.statements) {
      if (s.effect !== 'Allow' || s.hasCondition) continue;
      const star = s.principals.find((v) => scalarText(v) === '*');
      if (star) hits.push(hit(m, star.span, s.span, { resource: p.owner.address }));
    }
  }
  return hits;
}

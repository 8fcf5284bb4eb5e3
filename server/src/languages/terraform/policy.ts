/**
 * AWS policy statements, wherever a Terraform file writes them: JSON in a heredoc or a string,
 * `jsonencode({ … })`, or an `aws_iam_policy_document` data source's `statement` blocks. Each
 * statement keeps the spans of its values, so a finding underlines the `"*"` itself.
 */
import { blocksOf, HclBody, Span } from '../hcl/document';
import { jsonOf } from '../hcl/json';
import { itemsOf, member, scalarText, Value } from '../hcl/values';
import type { TfBlock, TfModule } from './module';

export interface Statement {
  /** `Allow` unless written otherwise. */
  effect: string;
  actions: Value[];
  /** `NotAction`: everything but the listed actions. */
  notAction: boolean;
  resources: Value[];
  notResource: boolean;
  /** Principal identifiers (`"*"`, `{ AWS = "*" }` → the `"*"`); empty for identity policies. */
  principals: Value[];
  hasCondition: boolean;
  /** Something about the statement is not known (a dynamic block, an unknown value). */
  partial: boolean;
  span: Span;
}

/** Statements of a policy value (JSON text, or the object `jsonencode` was given). */
export function statementsOfValue(v: Value | undefined): Statement[] {
  if (!v) return [];
  const doc = v.kind === 'object' ? v : jsonOf(v);
  if (!doc || doc.kind !== 'object') return [];
  return itemsOf(member(doc, 'Statement')).flatMap((s) => (s.kind === 'object' ? [jsonStatement(s)] : []));
}

function jsonStatement(s: Value & { kind: 'object' }): Statement {
  const get = (k: string): Value | undefined => member(s, k);
  const principal = get('Principal') ?? get('NotPrincipal');
  const principals = principal ? (principal.kind === 'object' ? principal.entries.flatMap((e) => itemsOf(e.value)) : itemsOf(principal)) : [];
  const effect = scalarText(get('Effect')) ?? 'Allow';
  return {
    effect,
    actions: itemsOf(get('Action') ?? get('NotAction')),
    notAction: !get('Action') && !!get('NotAction'),
    resources: itemsOf(get('Resource') ?? get('NotResource')),
    notResource: !get('Resource') && !!get('NotResource'),
    principals: get('NotPrincipal') ? [] : principals,
    hasCondition: !!get('Condition'),
    partial: s.entries.some((e) => e.value.kind === 'unknown'),
    span: s.span,
  };
}

/** Statements of an `aws_iam_policy_document` data source. */
export function statementsOfDocument(m: TfModule, doc: TfBlock): Statement[] {
  return blocksOf(doc.block.body, 'statement').map((st) => blockStatement(m, st.body, st.span));
}

function blockStatement(m: TfModule, body: HclBody, span: Span): Statement {
  const attr = (name: string): Value | undefined => {
    const a = body.attributes.find((x) => x.name === name);
    return a ? m.value(a) : undefined;
  };
  const principals = [...blocksOf(body, 'principals')].flatMap((p) => {
    const type = p.body.attributes.find((a) => a.name === 'type');
    const ids = p.body.attributes.find((a) => a.name === 'identifiers');
    const t = type ? scalarText(m.value(type)) : undefined;
    return t === 'AWS' || t === '*' ? itemsOf(ids ? m.value(ids) : undefined) : [];
  });
  const actions = attr('actions') ?? attr('not_actions');
  const resources = attr('resources') ?? attr('not_resources');
  return {
    effect: scalarText(attr('effect')) ?? 'Allow',
    actions: itemsOf(actions),
    notAction: !attr('actions') && !!attr('not_actions'),
    resources: itemsOf(resources),
    notResource: !attr('resources') && !!attr('not_resources'),
    principals,
    hasCondition: blocksOf(body, 'condition').length > 0 || body.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === 'condition'),
    partial: body.blocks.some((b) => b.type === 'dynamic') || [actions, resources].some((v) => v?.kind === 'unknown'),
    span,
  };
}

export function isWildcard(v: Value): boolean {
  const s = scalarText(v);
  return s === '*' || s === '*:*';
}

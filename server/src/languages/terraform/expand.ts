/**
 * Blocks that Terraform repeats, expanded where the collection is known: `dynamic "ingress"
 * { for_each = …  content { … } }` becomes one `ingress` block per element, and a resource with
 * `for_each` or `count` one block per instance, with `ingress.value` / `each.value` /
 * `count.index` resolved in their attributes. A collection that is not known (a data source, a
 * function Ward does not evaluate) leaves the block as written: a `dynamic` block then stands
 * for settings nobody can tell, and `each.*` stays unknown, so nothing is reported from it.
 *
 * An expanded attribute is a copy of the written one, evaluated in the element's scope (the
 * module keeps which scope goes with which copy); its span is the written one, so findings of
 * several elements on the same words are one finding.
 */
import type { HclAttribute, HclBlock, HclBody } from '../hcl/document';
import { at, Scope, Value } from '../hcl/values';

/** More elements than this are not expanded (the block stays as written). */
const MAX_ELEMENTS = 64;

export interface Expander {
  /** The module's scope (attributes outside any repeated block are evaluated in it). */
  base: Scope;
  /** A copy of `attr` that is evaluated in `scope`. */
  scoped(attr: HclAttribute, scope: Scope): HclAttribute;
  value(attr: HclAttribute): Value;
}

type Element = [key: Value, value: Value];

/** The elements of a known `for_each` collection (a list or set: key = value for sets, index for dynamic lists). */
function elementsOf(v: Value | undefined, listKeys: 'index' | 'value'): Element[] | undefined {
  if (v?.kind === 'list') return v.items.map((item, i) => [listKeys === 'index' ? { kind: 'number', value: i, span: item.span } : item, item]);
  if (v?.kind === 'object') return v.entries.map((e) => [{ kind: 'string', value: e.key, span: e.keySpan }, e.value]);
  return undefined;
}

/** A scope where `<name>.key` and `<name>.value` are the element's (`count.index` for counts). */
function elementScope(parent: Scope, name: string, fields: Record<string, Value>): Scope {
  return {
    reference(root, field, span) {
      if (root !== name) return parent.reference(root, field, span);
      const v = fields[field];
      return v ? at(v, span, `${name}.${field}`) : undefined;
    },
  };
}

function hasDynamic(body: HclBody): boolean {
  return body.blocks.some((b) => b.type === 'dynamic' || hasDynamic(b.body));
}

/** Whether an attribute of `body` (or of its blocks) names `root.` (`each.value`, `count.index`). */
function mentions(body: HclBody, root: string): boolean {
  const word = new RegExp(`\\b${root}\\.`);
  const walk = (b: HclBody): boolean => b.attributes.some((a) => word.test(a.expr.text)) || b.blocks.some((c) => walk(c.body));
  return walk(body);
}

/** `body` with its known `dynamic` blocks expanded, its attributes evaluated in `scope`. */
export function expandBody(body: HclBody, scope: Scope, x: Expander): HclBody {
  if (scope === x.base && !hasDynamic(body)) return body;
  return {
    attributes: scope === x.base ? body.attributes : body.attributes.map((a) => x.scoped(a, scope)),
    blocks: body.blocks.flatMap((b) => (b.type === 'dynamic' ? expandDynamic(b, scope, x) : [{ ...b, body: expandBody(b.body, scope, x) }])),
    inner: body.inner,
  };
}

function expandDynamic(d: HclBlock, scope: Scope, x: Expander): HclBlock[] {
  const label = d.labels[0];
  const forEach = d.body.attributes.find((a) => a.name === 'for_each');
  const content = d.body.blocks.find((b) => b.type === 'content');
  if (!label || !forEach || !content) return [d];
  const elements = elementsOf(x.value(scope === x.base ? forEach : x.scoped(forEach, scope)), 'index');
  if (!elements || elements.length > MAX_ELEMENTS) return [{ ...d, body: expandBody(d.body, scope, x) }];
  const iterator = d.body.attributes.find((a) => a.name === 'iterator')?.expr.text.trim() || label;
  return elements.map(([key, value]) => ({
    type: label,
    labels: [],
    span: d.span,
    typeSpan: d.typeSpan,
    body: expandBody(content.body, elementScope(scope, iterator, { key, value }), x),
    close: content.close,
  }));
}

/**
 * A resource's instances: one block per `for_each` element or `count` index when the
 * collection is known (and not empty: a block that creates nothing is left out before),
 * the block itself otherwise; `dynamic` blocks inside expanded either way.
 */
export function expandInstances(block: HclBlock, x: Expander): HclBlock[] {
  const forEach = block.body.attributes.find((a) => a.name === 'for_each');
  const count = block.body.attributes.find((a) => a.name === 'count');
  const whole = (): HclBlock[] => [{ ...block, body: expandBody(block.body, x.base, x) }];
  if (forEach) {
    if (!mentions(block.body, 'each')) return whole();
    const elements = elementsOf(x.value(forEach), 'value');
    if (!elements || elements.length === 0 || elements.length > MAX_ELEMENTS) return whole();
    return elements.map(([key, value]) => ({ ...block, body: expandBody(block.body, elementScope(x.base, 'each', { key, value }), x) }));
  }
  if (count) {
    if (!mentions(block.body, 'count')) return whole();
    const n = x.value(count);
    if (n.kind !== 'number' || !Number.isInteger(n.value) || n.value < 1 || n.value > MAX_ELEMENTS) return whole();
    return Array.from({ length: n.value }, (_, i) => ({ ...block, body: expandBody(block.body, elementScope(x.base, 'count', { index: { kind: 'number', value: i, span: count.span } }), x) }));
  }
  return whole();
}

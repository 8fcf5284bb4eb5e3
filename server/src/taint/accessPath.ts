/** Access paths (`req.query.id`) of expressions, and the source models that match them. */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import type { SourceModel } from './models';

const MEMBER = new Set(['member_expression', 'attribute']);
const SUBSCRIPT = new Set(['subscript_expression', 'subscript']);

/** `a.b['c'].d` → ['a', 'b', 'c', 'd']; null when a part is not a name or a constant key. */
export function accessPath(ctx: FileContext, node: SyntaxNode): string[] | null {
  switch (node.type) {
    case 'identifier':
    case 'this':
    case 'shorthand_property_identifier':
      return [node.text];
    case 'parenthesized_expression':
    case 'non_null_expression':
    case 'as_expression':
      return node.namedChildCount >= 1 ? accessPath(ctx, node.namedChild(0)!) : null;
    default:
      break;
  }
  if (MEMBER.has(node.type)) {
    const obj = node.childForFieldName('object');
    const prop = node.childForFieldName('property') ?? node.childForFieldName('attribute');
    const base = obj ? accessPath(ctx, obj) : null;
    return base && prop ? [...base, prop.text] : null;
  }
  if (SUBSCRIPT.has(node.type)) {
    const obj = node.childForFieldName('object') ?? node.childForFieldName('value');
    const index = node.childForFieldName('index') ?? node.childForFieldName('subscript');
    const base = obj ? accessPath(ctx, obj) : null;
    const key = index ? ctx.adapter.constantValue(index, ctx.bindings) : undefined;
    return base && (typeof key === 'string' || typeof key === 'number') ? [...base, String(key)] : null;
  }
  return null;
}

/** The source model a path on a value with `role` hits: `req` + ['query', 'id'] → the request `query` source. */
export function roleSource(sources: readonly SourceModel[], role: string, rest: string[]): SourceModel | undefined {
  for (const s of sources) {
    if (s.role !== role || !s.members) continue;
    for (let n = 1; n <= Math.min(rest.length, 3); n++) if (s.members.has(rest.slice(0, n).join('.'))) return s;
  }
  return undefined;
}

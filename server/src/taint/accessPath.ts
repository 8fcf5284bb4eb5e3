/** Access paths (`req.query.id`) of expressions, and the source models that match them. */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import type { SourceModel } from './models';

/**
 * `a.b['c'].d` → ['a', 'b', 'c', 'd']; null when a part is not a name or a constant key.
 * A loop down the object chain, not recursion: a chain's length is the input's to choose.
 */
export function accessPath(ctx: FileContext, node: SyntaxNode): string[] | null {
  const syn = ctx.syntax;
  const parts: string[] = [];
  let n = node;
  for (;;) {
    switch (syn.kind(n)) {
      case 'name':
      case 'self':
        parts.push(n.text);
        return parts.reverse();
      case 'paren':
      case 'cast':
        if (n.namedChildCount < 1) return null;
        n = n.namedChild(0)!;
        continue;
      case 'member': {
        const obj = syn.child(n, 'object');
        const prop = syn.child(n, 'property');
        if (!obj || !prop) return null;
        parts.push(prop.text);
        // `this.target` where a bare `target` is the same field: one variable, `target`.
        if (syn.kind(obj) === 'self' && syn.receiverField?.(n)) return parts.reverse();
        n = obj;
        continue;
      }
      case 'subscript': {
        const obj = syn.child(n, 'object');
        const index = syn.child(n, 'index');
        if (!obj || !index) return null;
        const key = ctx.adapter.constantValue(index, ctx.bindings);
        if (typeof key !== 'string' && typeof key !== 'number') return null;
        parts.push(String(key));
        n = obj;
        continue;
      }
      default:
        return null;
    }
  }
}

/** The source model a path on a value with `role` hits: `req` + ['query', 'id'] → the request `query` source. */
export function roleSource(sources: readonly SourceModel[], role: string, rest: string[]): SourceModel | undefined {
  for (const s of sources) {
    if (s.role !== role || !s.members) continue;
    if (s.notMembers && rest.some((_, i) => s.notMembers!.has(rest.slice(0, i + 1).join('.')))) continue;
    for (let n = 1; n <= Math.min(rest.length, 3); n++) if (s.members.has(rest.slice(0, n).join('.'))) return s;
  }
  return undefined;
}

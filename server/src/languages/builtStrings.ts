/**
 * `a + b + c` read as the pieces of one string, for any language whose packs say which
 * nodes are `binary` with a `+` operator: the left spine is followed with a loop (a chain is
 * as deep as it is long: SQL built over hundreds of lines), and each side that is a string
 * (or another `+`) is read by the pack's own `stringPieces`.
 */
import type { SyntaxNode } from './parser';
import type { Bindings } from './syntax';
import type { Piece, TaintSyntax } from './taintSyntax';

export function concatPieces(syn: Pick<TaintSyntax, 'kind' | 'child' | 'operator' | 'stringPieces'>, node: SyntaxNode, bindings: Bindings): Piece[] | null {
  const sides: SyntaxNode[] = [];
  let n = node;
  for (;;) {
    const l = syn.child(n, 'left');
    const r = syn.child(n, 'right');
    if (!l || !r) return null;
    sides.push(r);
    if (l.type === node.type && syn.operator(l) === '+') {
      n = l;
      continue;
    }
    sides.push(l);
    break;
  }
  const out: Piece[] = [];
  for (let i = sides.length - 1; i >= 0; i--) {
    const side = sides[i]!;
    const inner = side.type === node.type || syn.kind(side) === 'string' ? syn.stringPieces(side, bindings) : null;
    if (inner) out.push(...inner);
    else out.push({ node: side });
  }
  return out;
}

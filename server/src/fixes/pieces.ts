/**
 * A string expression as its constant pieces and the values spliced between them
 * (`'SELECT … ' + id`, `` `…${id}` ``, `f"…{id}"`): what fixes that rebuild a string
 * (parameterised SQL, quoted shell words, a path under a root) work on. The same reading as
 * a command's (engine/commandArgs.ts: kinds, and the adapter's template pieces), to any
 * depth the tree can have.
 */
import type { SyntaxNode } from '../languages/parser';
import type { TextPiece } from '../languages/syntax';
import { NESTING_LIMIT } from '../languages/nesting';
import type { FileContext } from '../engine/fileContext';
import { flatten as flattenPieces } from '../engine/commandArgs';

export type Piece = TextPiece;

/** Appends the pieces of `node` to `out`; false when it cannot be read as pieces (too deep, an escape in an f-string). */
export function flatten(ctx: FileContext, node: SyntaxNode, out: Piece[]): boolean {
  // Too deep to rewrite: no fix rather than a stack overflow.
  return flattenPieces(ctx, node, out, 0, NESTING_LIMIT);
}

/** The values among pieces. */
export function valuesOf(pieces: Piece[]): SyntaxNode[] {
  return pieces.filter((p): p is { expr: SyntaxNode } => 'expr' in p).map((p) => p.expr);
}

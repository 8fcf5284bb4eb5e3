/**
 * A string expression as its constant pieces and the values spliced between them
 * (`'SELECT … ' + id`, `` `…${id}` ``, `f"…{id}"`): what fixes that rebuild a string
 * (parameterised SQL, quoted shell words, a path under a root) work on.
 */
import type { SyntaxNode } from '../languages/parser';
import { NESTING_LIMIT } from '../engine/nesting';
import type { FileContext } from '../engine/fileContext';

export type Piece = { text: string } | { expr: SyntaxNode };

/** Appends the pieces of `node` to `out`; false when it cannot be read as pieces (too deep, an escape in an f-string). */
export function flatten(ctx: FileContext, node: SyntaxNode, out: Piece[], depth = 0): boolean {
  // Too deep to rewrite: no fix rather than a stack overflow.
  if (depth > NESTING_LIMIT) return false;
  const value = ctx.adapter.constantValue(node, ctx.bindings);
  if (typeof value === 'string') {
    out.push({ text: value });
    return true;
  }
  if (node.type === 'parenthesized_expression' && node.namedChildCount === 1) return flatten(ctx, node.namedChild(0)!, out, depth + 1);
  if ((node.type === 'binary_expression' || node.type === 'binary_operator') && node.childForFieldName('operator')?.text === '+') {
    return flatten(ctx, node.childForFieldName('left')!, out, depth + 1) && flatten(ctx, node.childForFieldName('right')!, out, depth + 1);
  }
  if (node.type === 'template_string') {
    for (const c of node.namedChildren) {
      if (!c) continue;
      if (c.type === 'string_fragment') out.push({ text: c.text });
      else if (c.type === 'template_substitution' && c.namedChildCount === 1) out.push({ expr: c.namedChild(0)! });
      else return false;
    }
    return true;
  }
  if (node.type === 'string' && ctx.adapter.family === 'python') {
    for (const c of node.namedChildren) {
      if (!c) continue;
      if (c.type === 'string_content') {
        if (c.text.includes('\\') || /\{\{|\}\}/.test(c.text)) return false;
        out.push({ text: c.text });
      } else if (c.type === 'interpolation') {
        const e = c.childForFieldName('expression');
        if (!e || c.namedChildCount !== 1) return false;
        out.push({ expr: e });
      }
    }
    return true;
  }
  // Any other expression is a value spliced into the SQL.
  out.push({ expr: node });
  return true;
}

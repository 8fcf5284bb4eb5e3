/**
 * The `sanitized: KIND` value test: the value was made safe for a sink kind by a sanitizer
 * the taint models know (`shlex.quote`, `encodeURIComponent`), or by a function of this
 * file that the taint analysis shows to be one from its body (the `safeRedirect` helper
 * the open-redirect fix writes). A pattern rule whose sink a taint rule also covers uses
 * it, so that code the taint analysis accepts (the result of its own quick fix) is not
 * reported by the pattern rule instead.
 *
 * Markup (`html`) may also be built from constant text and such calls — concatenation,
 * template strings, f-strings, or Python `%` formatting (`"<b>%s</b>" % escape(x)`).
 *
 * A shell command (`command`) is read as a whole: a string built from constant text and
 * such calls, each spliced in where it is one plain argument of a constant program
 * (quotedArgumentFits). A bare call would name the program itself.
 */
import type { SyntaxNode } from '../languages/parser';
import { flatten, Piece, quotedArgumentFits } from './commandArgs';
import type { FileContext } from './fileContext';

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

function isCall(node: SyntaxNode): boolean {
  return node.type === 'call_expression' || node.type === 'call';
}

export function isSanitized(ctx: FileContext, node: SyntaxNode, kind: string): boolean {
  const sanitizes = ctx.sanitizes;
  if (!sanitizes) return false;
  const value = unwrap(node);
  if (kind === 'html') return isCall(value) ? sanitizes(value, kind) : builtFromSanitized(ctx, value, kind);
  if (kind !== 'command') return isCall(value) && sanitizes(value, kind);
  const pieces: Piece[] = [];
  if (!flatten(ctx, value, pieces)) return false;
  let command = '';
  let values = 0;
  for (const piece of pieces) {
    if ('text' in piece) {
      command += piece.text;
      continue;
    }
    const call = unwrap(piece.expr);
    if (!isCall(call) || !quotedArgumentFits(command) || !sanitizes(call, kind)) return false;
    command += 'x'; // the quoted value reads as one word
    values++;
  }
  return values > 0;
}

/** Constant text with every spliced-in value a call that sanitizes for `kind`. */
function builtFromSanitized(ctx: FileContext, value: SyntaxNode, kind: string): boolean {
  let exprs: SyntaxNode[];
  if (value.type === 'binary_operator' && value.childForFieldName('operator')?.text === '%') {
    if (typeof ctx.adapter.constantValue(value.childForFieldName('left')!, ctx.bindings) !== 'string') return false;
    const right = unwrap(value.childForFieldName('right')!);
    exprs = right.type === 'tuple' ? right.namedChildren.filter((c): c is SyntaxNode => !!c) : [right];
  } else {
    const pieces: Piece[] = [];
    if (!flatten(ctx, value, pieces)) return false;
    exprs = pieces.filter((p): p is Extract<Piece, { expr: SyntaxNode }> => 'expr' in p).map((p) => p.expr);
  }
  return exprs.length > 0 && exprs.every((e) => isCall(unwrap(e)) && ctx.sanitizes!(unwrap(e), kind));
}

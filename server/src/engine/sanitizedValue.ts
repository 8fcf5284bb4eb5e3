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

function unwrap(ctx: FileContext, node: SyntaxNode): SyntaxNode {
  let n = node;
  while (ctx.syntax.kind(n) === 'paren' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

export function isSanitized(ctx: FileContext, node: SyntaxNode, kind: string): boolean {
  const sanitizes = ctx.sanitizes;
  if (!sanitizes) return false;
  const value = unwrap(ctx, node);
  const isCall = (n: SyntaxNode): boolean => ctx.syntax.kind(n) === 'call';
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
    const call = unwrap(ctx, piece.expr);
    if (!isCall(call) || !quotedArgumentFits(command) || !sanitizes(call, kind)) return false;
    command += 'x'; // the quoted value reads as one word
    values++;
  }
  return values > 0;
}

/** Constant text with every spliced-in value a call that sanitizes for `kind`. */
function builtFromSanitized(ctx: FileContext, value: SyntaxNode, kind: string): boolean {
  const syn = ctx.syntax;
  const isCall = (n: SyntaxNode): boolean => syn.kind(n) === 'call';
  let exprs: SyntaxNode[];
  // `'<b>%s</b>' % (escape(x),)`: the format's pieces; otherwise constant text folded through names.
  const formatted = syn.kind(value) === 'binary' && syn.operator(value) === '%' ? syn.stringPieces(value, ctx.bindings) : null;
  if (formatted) {
    exprs = formatted.filter((p): p is Extract<typeof p, { node: SyntaxNode }> => 'node' in p).map((p) => p.node);
  } else {
    if (syn.kind(value) === 'binary' && syn.operator(value) === '%') return false;
    const pieces: Piece[] = [];
    if (!flatten(ctx, value, pieces)) return false;
    exprs = pieces.filter((p): p is Extract<Piece, { expr: SyntaxNode }> => 'expr' in p).map((p) => p.expr);
  }
  return exprs.length > 0 && exprs.every((e) => isCall(unwrap(ctx, e)) && ctx.sanitizes!(unwrap(ctx, e), kind));
}

/**
 * Request data pasted into an HTML response: each value spliced into the markup is escaped
 * with the language's escaper (the pack's: `escapeHtml(x)`, `html.escape(str(x))`). Offered
 * where the markup is built in place (concatenation, template literal, f-string, and the
 * formats a pack reads: `%`, `.format`) or the response is the request value itself; a
 * variable holding a whole page is left alone, since escaping it would show the page's
 * markup as text.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import { nodeRange } from '../engine/fileContext';
import type { Fix, TextEdit } from '../engine/finding';
import type { FixEntry } from '../languages/packFixes';
import type { SinkHit } from '../taint/context';
import { flatten, Piece } from './pieces';

export interface HtmlEscaper {
  /** Whether the fix is for this sink (a pack may leave some to other fixes: DOM sinks have DOMPurify). */
  applies(hit: SinkHit): boolean;
  /**
   * The values of a formatted string the pieces do not cover (`"<p>%s</p>" % name`): the
   * values, false when it is one but cannot be escaped value by value, undefined when it is not one.
   */
  formatValues?(ctx: FileContext, arg: SyntaxNode): SyntaxNode[] | false | undefined;
  /** How the file escapes a value (`wrap`), with the edits that make the escaper available; undefined when it cannot. */
  escaper(ctx: FileContext): { wrap(value: SyntaxNode): string; edits: TextEdit[] } | undefined;
}

const ESCAPED = /^[\w$.]*(escape|sanitiz|purify|encode)[\w$]*\s*\(/i;

/** The values to escape in `arg`: the spliced-in expressions, or `arg` itself when it is the request value. */
function valuesIn(ctx: FileContext, hit: SinkHit, arg: SyntaxNode, escaper: HtmlEscaper): SyntaxNode[] | undefined {
  const formatted = escaper.formatValues?.(ctx, arg);
  if (formatted !== undefined) return formatted || undefined;
  const pieces: Piece[] = [];
  if (!flatten(ctx, arg, pieces)) return undefined;
  const exprs = pieces.filter((p): p is { expr: SyntaxNode } => 'expr' in p).map((p) => p.expr);
  if (exprs.length === 0) return undefined;
  if (exprs.length < pieces.length) {
    // A value with a format spec or conversion (`{x!r}`, `{x:>10}`) cannot be wrapped.
    if (exprs.some((e) => e.parent && ctx.syntax.kind(e.parent) === 'interpolation' && e.parent.namedChildCount > 1)) return undefined;
    return exprs;
  }
  // The whole response is one value: escape it only when it is the request value itself.
  const sources = hit.facts.map((f) => f.sourceText).filter(Boolean);
  return sources.some((s) => arg.text === s || arg.text.startsWith(`${s}.`) || arg.text.startsWith(`${s}[`)) ? [arg] : undefined;
}

export function htmlEscapeFix(ctx: FileContext, hit: SinkHit, escaper: HtmlEscaper, entry: FixEntry): Fix | undefined {
  const arg = hit.arg;
  if (!arg || !escaper.applies(hit)) return undefined;
  const values = valuesIn(ctx, hit, arg, escaper)?.filter((v) => !ESCAPED.test(v.text) && ctx.adapter.constantValue(v, ctx.bindings) === undefined);
  if (!values || values.length === 0) return undefined;
  const escape = escaper.escaper(ctx);
  if (!escape) return undefined;
  return {
    title: entry.title,
    preferred: true,
    edits: [...values.map((v) => ({ range: nodeRange(v), newText: escape.wrap(v) })), ...escape.edits],
  };
}

/**
 * Request data compiled into a regular expression is escaped first, so it matches itself
 * literally (no catastrophic backtracking, no pattern the client chose): the whole value
 * when the pattern is the value, or each value spliced into a pattern built around it
 * (`'^' + name + '$'`, `f"^{name}$"`), leaving the constant regex syntax alone. The pack
 * says how its language escapes (a helper, a library call).
 */
import type { FileContext } from '../engine/fileContext';
import { nodeRange } from '../engine/fileContext';
import type { Fix, TextEdit } from '../engine/finding';
import type { FixEntry } from '../languages/packFixes';
import type { SyntaxNode } from '../languages/parser';
import type { SinkHit } from '../taint/context';
import { flatten, Piece, valuesOf } from './pieces';

export interface RegexEscaper {
  /** The call a value is wrapped in, and the edits that make it available; undefined when the file cannot have one. */
  escape(ctx: FileContext): { wrap(text: string): string; edits: TextEdit[] } | undefined;
}

/** The values of the pattern to escape: the spliced values that are not constants, or the whole argument. */
function targetsOf(ctx: FileContext, arg: SyntaxNode): SyntaxNode[] {
  const pieces: Piece[] = [];
  if (!flatten(ctx, arg, pieces)) return [];
  const built = pieces.some((p) => 'text' in p && p.text.length > 0);
  if (!built) return [arg];
  return valuesOf(pieces).filter((v) => ctx.adapter.constantValue(v, ctx.bindings) === undefined);
}

export function regexEscapeFix(ctx: FileContext, hit: SinkHit, escaper: RegexEscaper, entry: FixEntry): Fix | undefined {
  const arg = hit.arg;
  if (!arg || ctx.syntax.kind(hit.node) === 'assign') return undefined;
  const targets = targetsOf(ctx, arg);
  if (targets.length === 0) return undefined;
  const how = escaper.escape(ctx);
  if (!how) return undefined;
  return { title: entry.title, preferred: true, edits: [...targets.map((t) => ({ range: nodeRange(t), newText: how.wrap(t.text) })), ...how.edits] };
}

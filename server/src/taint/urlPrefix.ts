/**
 * Strings built from pieces (`'/users/' + id`, template strings, f-strings, `%`, `.format`),
 * read in order, so that taint entering after a fixed prefix that pins the destination of a
 * URL is clean for the sinks where only the destination matters (redirect, SSRF):
 * `` `https://api.example.com/items/${id}` `` cannot send the request anywhere else.
 */
import type { Piece } from '../languages/taintSyntax';
import { CLEAN, sanitize, Taint, union } from './facts';
import type { FlowWalker, Frame } from './flow';

/** Sink kinds for which a pinned prefix makes the rest of the string harmless. */
export const DESTINATION_KINDS: readonly string[] = ['redirect', 'ssrf'];

export type { Piece };

/** Stands for a value that is not constant while the prefix is checked. */
export const UNKNOWN = '\u0000';

/**
 * True when the text before a value already fixes where the URL goes, whatever the value is:
 * - `scheme://host` followed by `/`, `?`, `#` (or `\`, which browsers read as `/`);
 * - a path on this site: `/` then a character that is neither `/` nor `\` (so not `//evil`),
 *   possibly after app values (`${BASE}/api/…`: whether BASE is a host or empty, the path is fixed);
 * - a query or fragment (`?next=`, `#`), or a relative path whose first segment has no `:`.
 * URL parsers drop tabs and newlines anywhere and leading spaces/control characters, so
 * those are removed first (`'/\t/evil'` is `//evil`).
 */
export function pinsDestination(prefix: string): boolean {
  const p = prefix.replace(/[\t\n\r]/g, '').replace(/^[\u0001-\u0020]+/, '');
  return SCHEME_HOST.test(p) || SITE_PATH.test(p) || /^[?#]/.test(p) || RELATIVE.test(p);
}

// Hierarchical schemes whose authority is the host (not `javascript://…`, where `//` is a comment).
const SCHEME_HOST = /^(?:https?|wss?|ftp):\/\/[^/?#\\]+[/?#\\]/i;
const SITE_PATH = new RegExp(`^${UNKNOWN}*/[^/\\\\${UNKNOWN}]`);
const RELATIVE = new RegExp(`^[^:/?#\\\\${UNKNOWN}]+[/?#]`);

/**
 * Evaluates the pieces in order; a value that comes after a prefix pinning the destination
 * is clean for redirect and SSRF sinks (and still tainted for every other kind).
 */
export function evalPieces(w: FlowWalker, pieces: Piece[], frame: Frame): Taint {
  let prefix = '';
  let pinned = false;
  let out: Taint = CLEAN;
  for (const piece of pieces) {
    if ('text' in piece) {
      if (!pinned) prefix += piece.text;
      continue;
    }
    let t = w.expr(piece.whole ?? piece.node, frame);
    if (t.length > 0 && !pinned) pinned = pinsDestination(prefix);
    if (t.length > 0 && pinned) t = sanitize(t, DESTINATION_KINDS);
    // Earlier pieces first: a value that is also used before the prefix keeps its live facts.
    out = union(out, t);
    if (!pinned) {
      const v = t.length === 0 ? w.ctx.adapter.constantValue(piece.node, w.ctx.bindings) : undefined;
      prefix += typeof v === 'string' || typeof v === 'number' ? String(v) : UNKNOWN;
      if (prefix.length > 4096) prefix = prefix.slice(0, 4096);
    }
  }
  return out;
}

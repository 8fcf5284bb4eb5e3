/**
 * A request sent to a URL that comes from input goes through a helper added after the
 * file's imports: it parses the URL, accepts only http(s), and compares the host exactly
 * with a module-level `ALLOWED_HOSTS` set that the developer fills in. Until they do, every
 * such request is refused: the fix is not preferred, so it is never applied without being
 * read. The pack names and writes the helper (`new URL()`, `urllib.parse.urlsplit`).
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import { nodeRange } from '../engine/fileContext';
import type { Fix, TextEdit } from '../engine/finding';
import type { FixEntry } from '../languages/packFixes';
import type { Summary } from '../taint/context';
import { mentionsName } from './placement';

export interface AllowListHelper {
  name: string;
  /** The edits that add the helper and `ALLOWED_HOSTS` after the imports (and the imports it needs); undefined when they cannot be placed. */
  edits(ctx: FileContext): TextEdit[] | undefined;
}

/** The allow-list fix for an SSRF sink's URL argument. */
export function hostAllowListFix(ctx: FileContext, arg: SyntaxNode, helper: AllowListHelper, entry: FixEntry, local?: ReadonlyMap<string, Summary>): Fix | undefined {
  const name = helper.name;
  // `http.request({ host: h })`: the value is a host name, not a URL the helper could check.
  const parent = arg.parent;
  const pair = parent && ctx.syntax.kind(parent) === 'pair' ? ctx.adapter.pairParts(parent) : null;
  if (pair && pair.value.id === arg.id && /^(host|hostname)$/i.test(pair.key)) return undefined;
  const edits: TextEdit[] = [{ range: nodeRange(arg), newText: `${name}(${arg.text})` }];
  if (mentionsName(ctx, name)) {
    // Reuse one of that name only when the analysis shows it lets no other URL through.
    if (!local?.get(name)?.returnCleanFor?.get(0)?.includes('ssrf')) return undefined;
  } else {
    if (mentionsName(ctx, 'ALLOWED_HOSTS')) return undefined;
    const added = helper.edits(ctx);
    if (!added) return undefined;
    edits.push(...added);
  }
  return { title: entry.title, preferred: false, edits };
}

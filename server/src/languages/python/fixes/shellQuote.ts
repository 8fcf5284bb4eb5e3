/**
 * `os.system("tar czf b.tgz " + folder)` → `… + shlex.quote(folder)`: each value spliced into
 * the shell command is quoted as one word. `import shlex` is added when it is missing.
 */
import type { SyntaxNode } from '../../parser';
import type { FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import { quotedArgumentFits } from '../../../engine/commandArgs';
import type { Fix } from '../../../engine/finding';
import type { SinkHit } from '../../../taint/context';
import { flatten, Piece } from '../../../fixes/pieces';
import type { FixEntry } from '../../packFixes';
import { pyFirstImport } from './placement';

export const SHLEX_QUOTE: FixEntry = {
  title: 'Quote the values with shlex.quote',
  when: 'each value becomes one argument of a fixed program',
};

export function shellQuoteFix(ctx: FileContext, hit: SinkHit): Fix | undefined {
  if (!hit.arg) return undefined;
  const pieces: Piece[] = [];
  if (!flatten(ctx, hit.arg, pieces)) return undefined;
  const exprs = pieces.filter((p): p is { expr: SyntaxNode } => 'expr' in p);
  if (exprs.length === 0 || exprs.length === pieces.length) return undefined;
  // A value that is several words already (`" ".join(args)`, a list) is not one argument.
  if (exprs.some((p) => /\.join\(|^\[|^\*/.test(p.expr.text))) return undefined;
  // Quoting helps only where the value becomes one argument of a fixed program: not inside
  // the command's own quotes (it would be quoted twice), nor as the program itself.
  let text = '';
  for (const p of pieces) {
    if ('text' in p) text += p.text;
    else if (!quotedArgumentFits(text)) return undefined;
    else text += 'x';
  }
  const local = [...ctx.bindings.imports.entries()].find(([, b]) => b.qualified === 'shlex')?.[0];
  const quote = local ?? 'shlex';
  const edits = exprs.map((p) => ({ range: nodeRange(p.expr), newText: `${quote}.quote(${p.expr.text})` }));
  if (!local) {
    const firstImport = pyFirstImport(ctx);
    if (!firstImport || /^from\s+__future__/.test(firstImport.text)) return undefined;
    const at = { line: firstImport.startPosition.row, character: 0 };
    edits.unshift({ range: { start: at, end: at }, newText: 'import shlex\n' });
  }
  return { title: SHLEX_QUOTE.title, preferred: true, edits };
}

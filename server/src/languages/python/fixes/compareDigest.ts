/**
 * A secret compared with `==`/`!=` (py-timing-attack) → a call of `constant_time_equal(a, b)`
 * (with `not` for `!=`), a helper added after the imports that compares with
 * `hmac.compare_digest`. The helper encodes text first: `compare_digest` raises `TypeError` on
 * `None` (a missing header) and on text with non-ASCII characters, where `==` answered False.
 */
import type { FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import type { Fix } from '../../../engine/finding';
import type { FixEntry, TaintFix } from '../../packFixes';
import type { SinkHit } from '../../../taint/context';
import { mergeInserts } from '../../../fixes/placement';
import { pyAfterImports, pyImport } from './placement';

export const COMPARE_DIGEST: FixEntry = {
  title: 'Compare in constant time (hmac.compare_digest)',
  when: 'the comparison itself is reported (not a helper that compares)',
};

const NAME = 'constant_time_equal';

/** Parents where `not …` needs no parentheses of its own. */
const BARE_NOT = new Set(['if_statement', 'elif_clause', 'while_statement', 'boolean_operator', 'not_operator', 'return_statement', 'assignment', 'parenthesized_expression', 'expression_statement', 'assert_statement', 'argument_list', 'keyword_argument']);

function helperText(hmac: string): string {
  return [
    `def ${NAME}(a, b):`,
    '    """Compares two secrets in constant time: `==` stops at the first character that differs."""',
    '    x = a if isinstance(a, bytes) else str(a).encode()',
    '    y = b if isinstance(b, bytes) else str(b).encode()',
    `    return ${hmac}.compare_digest(x, y)`,
  ].join('\n');
}

function make(ctx: FileContext, hit: SinkHit): Fix | undefined {
  const node = hit.node;
  if (node.type !== 'comparison_operator' || node.namedChildCount !== 2) return undefined;
  const op = node.children.filter((c) => !!c && !c.isNamed).map((c) => c!.text).join(' ');
  if (op !== '==' && op !== '!=') return undefined;
  const [a, b] = [node.namedChild(0)!, node.namedChild(1)!];
  const call = `${NAME}(${a.text}, ${b.text})`;
  const negated = node.parent && BARE_NOT.has(node.parent.type) ? `not ${call}` : `(not ${call})`;
  const replace = { range: nodeRange(node), newText: op === '!=' ? negated : call };
  // The helper an earlier fix added (or the file's own of that name) is used as it is.
  if (new RegExp(`\\b${NAME}\\b`).test(ctx.text)) return { title: COMPARE_DIGEST.title, preferred: true, edits: [replace] };
  const hmac = pyImport(ctx, 'hmac');
  const helper = hmac && pyAfterImports(ctx, helperText(hmac.local));
  if (!hmac || !helper) return undefined;
  return { title: COMPARE_DIGEST.title, preferred: true, edits: [replace, ...mergeInserts([...hmac.edits, helper])] };
}

export const compareDigest: TaintFix = { ...COMPARE_DIGEST, make };

/**
 * A secret compared with `===`/`!==` (js-timing-attack): the comparison becomes a call of a
 * helper added at the end of the file, which compares the two values' bytes with
 * `crypto.timingSafeEqual` after checking their lengths (it throws on different lengths; the
 * length is not the secret). Buffers are compared as they are, anything else as its text, so
 * `undefined` (a missing header) is unequal to a secret as before instead of throwing.
 */
import type { FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import type { Fix } from '../../../engine/finding';
import type { FixEntry, TaintFix } from '../../packFixes';
import type { SinkHit } from '../../../taint/context';
import { fileEnds } from '../../../fixes/safeRedirect';
import { isTyped } from './placement';
import { nodeCrypto } from './secureRandom';

export const CONSTANT_TIME: FixEntry = {
  title: 'Compare in constant time (crypto.timingSafeEqual)',
  when: 'the comparison itself is reported (not a helper that compares) and the file can import Node\'s crypto module',
};

const NAME = 'constantTimeEqual';
const EQUAL = new Set(['===', '==']);
const UNEQUAL = new Set(['!==', '!=']);

function make(ctx: FileContext, hit: SinkHit): Fix | undefined {
  const node = hit.node;
  if (node.type !== 'binary_expression') return undefined;
  const op = node.childForFieldName('operator')?.text ?? '';
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right || (!EQUAL.has(op) && !UNEQUAL.has(op))) return undefined;
  const ends = fileEnds(ctx);
  const name = NAME;
  const call = `${name}(${left.text}, ${right.text})`;
  const replace = { range: nodeRange(node), newText: UNEQUAL.has(op) ? `!${call}` : call };
  // The helper an earlier fix added (or the file's own of that name) is used as it is.
  if (ends.mentions(name)) return { title: CONSTANT_TIME.title, preferred: true, edits: [replace] };
  const crypto = nodeCrypto(ctx, 'timingSafeEqual');
  if (!crypto) return undefined;
  const typed = isTyped(ctx);
  const helper = `

// Compares two secrets in constant time: \`===\` stops at the first character that differs,
// which tells a client timing the answer how much of its guess was right.
function ${name}(a${typed ? ': unknown' : ''}, b${typed ? ': unknown' : ''})${typed ? ': boolean' : ''} {
  const x = Buffer.isBuffer(a) ? a : Buffer.from(String(a));
  const y = Buffer.isBuffer(b) ? b : Buffer.from(String(b));
  return x.length === y.length && ${crypto.call}(x, y);
}
`;
  return {
    title: CONSTANT_TIME.title,
    preferred: true,
    edits: [replace, { range: { start: ends.endOfCode(), end: ends.endOfFile() }, newText: helper }, ...crypto.edits],
  };
}

export const constantTimeEqual: TaintFix = { ...CONSTANT_TIME, make };

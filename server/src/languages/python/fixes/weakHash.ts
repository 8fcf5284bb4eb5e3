/**
 * MD5/SHA-1 from `hashlib` in a security use: two fixes. The first switches to SHA-256
 * (`hashlib.md5(x)` → `hashlib.sha256(x)`, `from hashlib import md5` gets `sha256` beside it,
 * `hashlib.new("md5")` → `hashlib.new("sha256")`). The second keeps the algorithm and says
 * the digest protects nothing (`usedforsecurity=False`, Python 3.9+), for the developer who
 * knows the value is a checksum despite its name; it is never the preferred one.
 */
import type { Captures, FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import type { Fix, TextEdit } from '../../../engine/finding';
import type { FixEntry, Recipe } from '../../packFixes';

const SHA256: FixEntry = { title: 'Use SHA-256', when: 'the call names MD5/SHA-1 through `hashlib` (a module attribute, a name imported in a list, or `hashlib.new`\'s first argument)' };
const NOT_FOR_SECURITY: FixEntry = { title: 'Keep the hash and mark it usedforsecurity=False (not a security value)', when: 'the call has no `usedforsecurity` argument' };

const WEAK = /^(md5|sha1)$/;

function sha256Edits(ctx: FileContext, captures: Captures): TextEdit[] | undefined {
  const name = captures.get('callee-name');
  const callee = captures.get('callee');
  if (!name || !callee) return undefined;
  const qualified = ctx.adapter.qualify(callee, ctx.bindings);
  if (qualified === 'hashlib.new') {
    const arg = captures.get('arg0');
    const m = arg?.type === 'string' ? /^([rRbBuU]*)(['"])(md4|md5|sha1)\2$/i.exec(arg.text) : null;
    return arg && m ? [{ range: nodeRange(arg), newText: `${m[1]}${m[2]}sha256${m[2]}` }] : undefined;
  }
  if (!qualified || !/^hashlib\.(md5|sha1)$/.test(qualified) || !WEAK.test(name.text)) return undefined;
  const rename: TextEdit = { range: nodeRange(name), newText: 'sha256' };
  if (callee.type !== 'identifier') return [rename];
  // `from hashlib import md5`: sha256 must be importable by its plain name too.
  const own = ctx.bindings.imports.get('sha256');
  if (own) return own.qualified === 'hashlib.sha256' ? [rename] : undefined;
  const binding = ctx.bindings.imports.get(callee.text);
  if (!binding?.inList || binding.node.type === 'aliased_import' || binding.qualified !== `hashlib.${name.text}`) return undefined;
  const add = ctx.adapter.addBinding?.(binding, 'sha256');
  return add ? [rename, add] : undefined;
}

function notForSecurityEdits(captures: Captures): TextEdit[] | undefined {
  const call = captures.get('call');
  const args = call?.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return undefined;
  const named = args.namedChildren.filter((c): c is NonNullable<typeof c> => !!c && c.type !== 'comment');
  if (named.some((c) => c.type === 'keyword_argument' && c.childForFieldName('name')?.text === 'usedforsecurity')) return undefined;
  if (named.some((c) => c.type === 'list_splat' || c.type === 'dictionary_splat')) return undefined;
  const last = named[named.length - 1];
  const at = last ? last.endPosition : { row: args.endPosition.row, column: args.endPosition.column - 1 };
  const p = { line: at.row, character: at.column };
  return [{ range: { start: p, end: p }, newText: last ? ', usedforsecurity=False' : 'usedforsecurity=False' }];
}

function weakHashFixes(ctx: FileContext, captures: Captures): Fix[] {
  const fixes: Fix[] = [];
  const sha = sha256Edits(ctx, captures);
  if (sha) fixes.push({ title: SHA256.title, preferred: false, edits: sha });
  const flag = notForSecurityEdits(captures);
  if (flag) fixes.push({ title: NOT_FOR_SECURITY.title, preferred: false, edits: flag });
  return fixes;
}

export const weakHash: Recipe = { fixes: { sha256: SHA256, notForSecurity: NOT_FOR_SECURITY }, make: weakHashFixes };

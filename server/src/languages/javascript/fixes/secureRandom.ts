/**
 * `Math.random()` making a token, password or key: the same value from the operating
 * system's CSPRNG — on Node `crypto.randomBytes`/`randomInt`, in the browser (or where the
 * runtime is unknown) the Web Crypto global.
 */
import type { SyntaxNode } from '../../parser';
import type { Captures, FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import type { Fix, TextEdit } from '../../../engine/finding';
import type { FixEntry, Recipe } from '../../packFixes';
import { isTyped, jsImportDefault, jsModuleStyle } from './placement';

const NODE: FixEntry = { title: "Draw the value from Node's crypto module (randomBytes, randomInt)", when: 'the file is Node code (CommonJS, or it imports Node modules)' };
const WEB: FixEntry = { title: 'Draw the value from crypto.getRandomValues (Web Crypto)', when: 'the file is browser code (React, JSX) and `crypto` is not another name' };

const NODE_MODULES = new Set(['fs', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto', 'url', 'util', 'stream', 'zlib', 'express', 'koa', 'fastify', 'hapi', '@hapi/hapi', 'restify', 'mongoose', 'pg', 'mysql', 'mysql2', 'sqlite3', 'better-sqlite3', 'knex', 'sequelize', 'nodemailer', 'jsonwebtoken', 'bcrypt', 'express-session']);
const BROWSER_MODULES = new Set(['react', 'react-dom', 'vue', 'svelte', 'preact', 'solid-js', 'lit']);

function rootModule(qualified: string): string {
  const first = qualified.split('.')[0]!;
  return first.startsWith('@') ? qualified.split('.').slice(0, 2).join('.') : first;
}

function runtime(ctx: FileContext): 'node' | 'browser' | undefined {
  const roots = new Set([...ctx.bindings.imports.values()].map((b) => rootModule(b.qualified)));
  const node = [...roots].some((m) => NODE_MODULES.has(m) || m.startsWith('@nestjs')) || jsModuleStyle(ctx)?.kind === 'cjs';
  const browser = [...roots].some((m) => BROWSER_MODULES.has(m)) || ctx.language.id === 'tsx' || /\.jsx$/.test(ctx.path ?? '');
  return node === browser ? undefined : node ? 'node' : 'browser';
}

/** `crypto.F` as the file can call it (its namespace, a named import, or a new import), with the edits that import it. */
export function nodeCrypto(ctx: FileContext, fn: string): { call: string; edits: TextEdit[] } | undefined {
  let listed: SyntaxNode | undefined;
  for (const [local, b] of ctx.bindings.imports) {
    if (b.qualified === 'crypto') return { call: `${local}.${fn}`, edits: [] };
    if (b.qualified === `crypto.${fn}`) return { call: local, edits: [] };
    if (b.qualified.startsWith('crypto.') && b.inList && (b.node.type === 'import_specifier' || b.node.type === 'shorthand_property_identifier_pattern') && !b.node.childForFieldName('alias')) listed = b.node;
  }
  if (listed && !new RegExp(`\\b${fn}\\b`).test(ctx.text)) {
    const end = { line: listed.endPosition.row, character: listed.endPosition.column };
    return { call: fn, edits: [{ range: { start: end, end }, newText: `, ${fn}` }] };
  }
  const imported = jsImportDefault(ctx, 'crypto', 'crypto', true);
  return imported && { call: `${imported.local}.${fn}`, edits: imported.edits };
}

function unwrapUp(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent && ['parenthesized_expression', 'as_expression', 'non_null_expression', 'satisfies_expression'].includes(n.parent.type)) n = n.parent;
  return n;
}

/** Where an expression can stand without parentheses of its own. */
const BARE = new Set(['arguments', 'variable_declarator', 'parenthesized_expression', 'return_statement', 'pair', 'array', 'template_substitution', 'expression_statement', 'arrow_function', 'public_field_definition']);

function grouped(node: SyntaxNode, text: string): string {
  const parent = node.parent;
  if (parent && (BARE.has(parent.type) || (parent.type === 'assignment_expression' && parent.childForFieldName('right')?.id === node.id))) return text;
  return `(${text})`;
}

/** `Math.random().toString(36)` with an optional `.slice(2)`/`.substring(2, n)`/`.substr(2, n)` after it. */
function toStringChain(call: SyntaxNode): SyntaxNode | undefined {
  const member = unwrapUp(call).parent;
  if (member?.type !== 'member_expression' || member.childForFieldName('property')?.text !== 'toString') return undefined;
  const toString = member.parent;
  if (toString?.type !== 'call_expression') return undefined;
  const radix = toString.childForFieldName('arguments')?.namedChildren[0]?.text;
  if (!radix || !/^(16|32|36)$/.test(radix)) return undefined;
  const cut = toString.parent;
  if (cut?.type === 'member_expression' && /^(slice|substring|substr)$/.test(cut.childForFieldName('property')?.text ?? '') && cut.parent?.type === 'call_expression') return cut.parent;
  return toString;
}

/** `Math.floor(Math.random() * n)` (either order): the call and `n`. */
function floorTimes(call: SyntaxNode): { whole: SyntaxNode; bound: SyntaxNode } | undefined {
  const product = unwrapUp(call).parent;
  if (product?.type !== 'binary_expression' || product.childForFieldName('operator')?.text !== '*') return undefined;
  const left = product.childForFieldName('left')!;
  const bound = left === unwrapUp(call) || left.id === unwrapUp(call).id ? product.childForFieldName('right')! : left;
  const args = unwrapUp(product).parent;
  const floor = args?.parent;
  if (args?.type !== 'arguments' || args.namedChildCount !== 1 || floor?.type !== 'call_expression' || floor.childForFieldName('function')?.text !== 'Math.floor') return undefined;
  // A fractional bound (`1e16 * Math.random()` is fine; `2.5 * …` is not an integer range).
  if (/^[\d.]+$/.test(bound.text) && !Number.isSafeInteger(Number(bound.text))) return undefined;
  if (/^\d+(\.\d+)?e\d+$/i.test(bound.text) && !Number.isSafeInteger(Number(bound.text))) return undefined;
  // crypto.randomInt draws from a range below 2**48.
  if (/MAX_SAFE_INTEGER|MAX_VALUE/.test(bound.text) || (/^[\d_]+$/.test(bound.text) && Number(bound.text.replace(/_/g, '')) >= 2 ** 48)) return undefined;
  return { whole: floor, bound };
}

function randomFixes(ctx: FileContext, captures: Captures): Fix[] {
  const call = captures.get('call');
  if (!call || call.type !== 'call_expression' || call.childForFieldName('function')?.text !== 'Math.random') return [];
  const where = runtime(ctx);
  if (!where) return [];
  const typed = isTyped(ctx);
  const chain = toStringChain(call);
  const floor = chain ? undefined : floorTimes(call);
  if (where === 'node') {
    const fn = chain ? 'randomBytes' : floor ? 'randomInt' : 'randomBytes';
    const c = nodeCrypto(ctx, fn);
    if (!c) return [];
    if (chain) return [fix(ctx, chain, `${c.call}(16).toString('hex')`, c.edits, NODE.title)];
    if (floor) return [fix(ctx, floor.whole, `${c.call}(${floor.bound.text})`, c.edits, NODE.title)];
    return [fix(ctx, call, grouped(call, `${c.call}(6).readUIntBE(0, 6) / 2 ** 48`), c.edits, NODE.title)];
  }
  // Web Crypto, global in browsers and Node 19+: only where `crypto` is not some other name.
  if (/(?<![\w$.])crypto\s*(?:=[^=]|[,}:])|import\s+crypto\b|\bfunction\s+crypto\b/.test(ctx.text)) return [];
  if (chain) {
    return [fix(ctx, chain, "Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')", [], WEB.title)];
  }
  return [fix(ctx, call, grouped(call, `crypto.getRandomValues(new Uint32Array(1))[0]${typed ? '!' : ''} / 2 ** 32`), [], WEB.title)];
}

function fix(ctx: FileContext, node: SyntaxNode, text: string, imports: TextEdit[], title: string): Fix {
  return { title, preferred: true, edits: [{ range: nodeRange(node), newText: text }, ...imports] };
}

export const secureRandom: Recipe = { fixes: { node: NODE, web: WEB }, make: randomFixes };

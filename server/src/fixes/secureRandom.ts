/**
 * `Math.random()` / `random.*` making a token, password or key: the same value from the
 * operating system's CSPRNG. JavaScript on Node uses `crypto.randomBytes`/`randomInt`, in
 * the browser (or where the runtime is unknown) the Web Crypto global; Python uses
 * `secrets` (its functions where one matches, `secrets.SystemRandom()` for the rest, which
 * has `random`'s methods).
 */
import type { SyntaxNode } from '../languages/parser';
import type { Captures, FileContext } from '../engine/fileContext';
import { nodeRange } from '../engine/fileContext';
import type { Fix, TextEdit } from '../engine/finding';
import { jsImportDefault, jsModuleStyle, pyImport } from './placement';
import { RECIPE_FIXES } from '../taint/fixCatalog';

const NODE = RECIPE_FIXES['js-secure-random'].node.title;
const WEB = RECIPE_FIXES['js-secure-random'].web.title;

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
function nodeCrypto(ctx: FileContext, fn: string): { call: string; edits: TextEdit[] } | undefined {
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

export function jsRandomFixes(ctx: FileContext, captures: Captures): Fix[] {
  const call = captures.get('call');
  if (!call || call.type !== 'call_expression' || call.childForFieldName('function')?.text !== 'Math.random') return [];
  const where = runtime(ctx);
  if (!where) return [];
  const typed = ctx.language.id === 'typescript' || ctx.language.id === 'tsx';
  const chain = toStringChain(call);
  const floor = chain ? undefined : floorTimes(call);
  if (where === 'node') {
    const fn = chain ? 'randomBytes' : floor ? 'randomInt' : 'randomBytes';
    const c = nodeCrypto(ctx, fn);
    if (!c) return [];
    if (chain) return [fix(ctx, chain, `${c.call}(16).toString('hex')`, c.edits, NODE)];
    if (floor) return [fix(ctx, floor.whole, `${c.call}(${floor.bound.text})`, c.edits, NODE)];
    return [fix(ctx, call, grouped(call, `${c.call}(6).readUIntBE(0, 6) / 2 ** 48`), c.edits, NODE)];
  }
  // Web Crypto, global in browsers and Node 19+: only where `crypto` is not some other name.
  if (/(?<![\w$.])crypto\s*(?:=[^=]|[,}:])|import\s+crypto\b|\bfunction\s+crypto\b/.test(ctx.text)) return [];
  if (chain) {
    return [fix(ctx, chain, "Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')", [], WEB)];
  }
  return [fix(ctx, call, grouped(call, `crypto.getRandomValues(new Uint32Array(1))[0]${typed ? '!' : ''} / 2 ** 32`), [], WEB)];
}

function fix(ctx: FileContext, node: SyntaxNode, text: string, imports: TextEdit[], title: string): Fix {
  return { title, preferred: true, edits: [{ range: nodeRange(node), newText: text }, ...imports] };
}

/** `random.X(…)` → the `secrets` equivalent, with the same arguments and result. */
const PY_SECRETS: Record<string, (args: string) => string | undefined> = {
  choice: (a) => `choice(${a})`,
  getrandbits: (a) => `randbits(${a})`,
  randbytes: (a) => `token_bytes(${a})`,
  randrange: (a) => (/^[^,]+$/.test(a.trim()) ? `randbelow(${a})` : `SystemRandom().randrange(${a})`),
  randint: (a) => `SystemRandom().randint(${a})`,
  random: (a) => `SystemRandom().random(${a})`,
  uniform: (a) => `SystemRandom().uniform(${a})`,
  choices: (a) => `SystemRandom().choices(${a})`,
  sample: (a) => `SystemRandom().sample(${a})`,
};

export function pyRandomFixes(ctx: FileContext, captures: Captures): Fix[] {
  const call = captures.get('call');
  const callee = call && ctx.adapter.callee(call);
  const qualified = callee && ctx.adapter.qualify(callee, ctx.bindings);
  const name = qualified?.startsWith('random.') ? qualified.slice(7) : undefined;
  const make = name ? PY_SECRETS[name] : undefined;
  const argList = call?.childForFieldName('arguments');
  if (!call || !make || argList?.type !== 'argument_list') return [];
  const inner = argList.text.slice(1, -1);
  // A trailing comma or a generator argument stays as written.
  const replaced = make(inner);
  if (!replaced) return [];
  const secrets = pyImport(ctx, 'secrets');
  if (!secrets) return [];
  return [{
    title: RECIPE_FIXES['py-secure-random'].secrets.title,
    preferred: true,
    edits: [{ range: nodeRange(call), newText: `${secrets.local}.${replaced}` }, ...secrets.edits],
  }];
}

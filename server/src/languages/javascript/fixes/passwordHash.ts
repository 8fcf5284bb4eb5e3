/**
 * A password hashed with MD5/SHA-1 by a function of the file (`function hashPassword(pw) {
 * return crypto.createHash('md5').update(pw).digest('hex'); }`) becomes scrypt with a random
 * salt, stored with its parameters as `scrypt$N$r$p$salt$hash`; comparisons of stored hashes
 * with its result (`user.hash !== hashPassword(pw)`) become `verifyPassword(pw, user.hash)`,
 * which compares in constant time. scrypt takes a noticeable time by design, so both run
 * asynchronously (`crypto.scrypt`) and are awaited, which needs every caller to be an async
 * function. No fix where a use is out of sight (an exported function) or not one of these.
 */
import type { SyntaxNode } from '../../parser';
import type { Captures, FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import type { Fix, TextEdit } from '../../../engine/finding';
import { enclosingFunction, HashComparison, hashUses, HashUseSyntax, namesIn, unwrapUp } from '../../../fixes/passwordUses';
import type { FixEntry, Recipe } from '../../packFixes';
import { isTyped, jsImportDefault, semicolon } from './placement';

const SCRYPT: FixEntry = {
  title: 'Hash passwords with scrypt and a random salt (existing hashes must be reset)',
  when: 'a function of the file that is not exported returns the hash, and every caller is async (its comparisons become verifyPassword)',
};

const FUNCTIONS = new Set(['function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function_declaration']);
const MODULE_NAMES = ['SCRYPT_PARAMS', 'scryptKey', 'verifyPassword'];
const LOCAL_NAMES = ['salt', 'key', 'N', 'r', 'p', 'scheme', 'hash', 'expected', 'params', 'storedHash', 'resolve', 'reject', 'err', 'keylen'];

const EQUAL = new Set(['===', '==']);
const NOT_EQUAL = new Set(['!==', '!=']);

/** Comparisons (`stored !== hash(pw)`) and plain variables (`const h = hash(pw)`) in JavaScript. */
const USES: HashUseSyntax = {
  functionTypes: FUNCTIONS,
  comparisonOf(ctx, value): HashComparison | undefined {
    const up = unwrapUp(ctx, value);
    const parent = up.parent;
    if (parent?.type !== 'binary_expression') return undefined;
    const op = parent.childForFieldName('operator')?.text ?? '';
    if (!EQUAL.has(op) && !NOT_EQUAL.has(op)) return undefined;
    const left = parent.childForFieldName('left')!;
    const stored = left.id === up.id ? parent.childForFieldName('right')! : left;
    return { node: parent, stored, equal: EQUAL.has(op) };
  },
  variableOf(value) {
    let up = value;
    while (up.parent?.type === 'parenthesized_expression') up = up.parent;
    const parent = up.parent;
    if (parent?.type === 'variable_declarator' && parent.childForFieldName('name')?.type === 'identifier') return parent.childForFieldName('name')!.text;
    if (parent?.type === 'assignment_expression' && parent.childForFieldName('left')?.type === 'identifier') return parent.childForFieldName('left')!.text;
    return undefined;
  },
};

/** `crypto.createHash('md5').update(D).digest('hex'|'base64')` or `md5(D)`: the whole expression and D. */
function hashExpression(ctx: FileContext, captures: Captures): { whole: SyntaxNode; data: SyntaxNode } | undefined {
  const call = captures.get('hash') ?? captures.get('call');
  if (!call || call.type !== 'call_expression') return undefined;
  const callee = ctx.adapter.callee(call);
  const name = callee && ctx.adapter.qualify(callee, ctx.bindings);
  if (name === 'crypto.createHash') {
    const update = call.parent?.type === 'member_expression' && call.parent.childForFieldName('property')?.text === 'update' ? call.parent.parent : undefined;
    const digest = update?.parent?.type === 'member_expression' && update.parent.childForFieldName('property')?.text === 'digest' ? update.parent.parent : undefined;
    if (update?.type !== 'call_expression' || digest?.type !== 'call_expression') return undefined;
    const data = ctx.adapter.positionalArgs(update);
    const encoding = ctx.adapter.positionalArgs(digest);
    if (data.length !== 1 || encoding.length !== 1 || !['hex', 'base64'].includes(String(ctx.adapter.constantValue(encoding[0]!, ctx.bindings)))) return undefined;
    return { whole: digest, data: data[0]! };
  }
  if (name && ['md5', 'blueimp-md5', 'md5-hex', 'sha1', 'js-sha1', 'js-md5'].includes(name)) {
    const args = ctx.adapter.positionalArgs(call);
    return args.length === 1 ? { whole: call, data: args[0]! } : undefined;
  }
  return undefined;
}

interface HashFunction {
  /** The statement to replace (the declaration). */
  statement: SyntaxNode;
  name: string;
  param: SyntaxNode;
}

/** The module-level function whose only statement returns `whole`, with one plain parameter. */
function hashFunction(whole: SyntaxNode): HashFunction | undefined {
  let body = whole.parent;
  if (body?.type === 'return_statement') body = body.parent;
  const fn = body?.type === 'statement_block' ? body.parent : body;
  if (!fn || !FUNCTIONS.has(fn.type)) return undefined;
  if (body?.type === 'statement_block' && body.namedChildren.filter((c) => c?.type !== 'comment').length !== 1) return undefined;
  if (fn.children.some((c) => c?.type === 'async')) return undefined;
  const params = fn.childForFieldName('parameters')?.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment') ?? (fn.childForFieldName('parameter') ? [fn.childForFieldName('parameter')!] : []);
  const param = params.length === 1 ? params[0]! : undefined;
  const paramName = param?.type === 'required_parameter' ? param.childForFieldName('pattern') : param;
  if (!param || paramName?.type !== 'identifier') return undefined;
  if (fn.type === 'function_declaration') {
    return fn.parent?.type === 'program' ? { statement: fn, name: fn.childForFieldName('name')!.text, param: paramName } : undefined;
  }
  const declarator = fn.parent;
  const statement = declarator?.parent;
  if (declarator?.type !== 'variable_declarator' || statement?.type !== 'lexical_declaration' || statement.parent?.type !== 'program' || statement.namedChildCount !== 1) return undefined;
  const id = declarator.childForFieldName('name');
  return id?.type === 'identifier' ? { statement, name: id.text, param: paramName } : undefined;
}

function exported(text: string, name: string): boolean {
  const n = name.replace(/\$/g, '\\$');
  return new RegExp(`\\bmodule\\.exports\\b[^;]*\\b${n}\\b|\\bexports\\.${n}\\b|\\bexport\\s+(?:default\\s+)?(?:async\\s+)?(?:function|const|let|var)\\s+${n}\\b|\\bexport\\s*\\{[^}]*\\b${n}\\b|\\bexport\\s+default\\s+${n}\\b`).test(text);
}

function isAsync(fn: SyntaxNode | undefined): boolean {
  return !!fn && fn.children.some((c) => c?.type === 'async');
}

function passwordHashFixes(ctx: FileContext, captures: Captures): Fix[] {
  const expr = hashExpression(ctx, captures);
  const fn = expr && hashFunction(expr.whole);
  if (!expr || !fn || exported(ctx.text, fn.name)) return [];
  // Shorthand `{ hashPassword }` or other uses that are not calls: out of sight.
  if (fn.statement.parent?.descendantsOfType('shorthand_property_identifier').some((n) => n?.text === fn.name)) return [];
  // The new module-level names must be free, and the names the new functions declare must
  // not hide what the hashed expression reads (`password + salt` with a module-level salt).
  const used = namesIn(ctx, expr.data);
  if (MODULE_NAMES.some((n) => new RegExp(`(?<![\\w$.])${n}(?![\\w$])`).test(ctx.text))) return [];
  if (LOCAL_NAMES.some((n) => used.has(n) || fn.param.text === n)) return [];
  const uses = hashUses(ctx, fn.statement, fn.name, USES);
  if (!uses || uses.some((u) => !isAsync(enclosingFunction(u.call, FUNCTIONS)))) return [];
  const crypto = jsImportDefault(ctx, 'crypto', 'crypto', true);
  if (!crypto) return [];
  const c = crypto.local;
  const t = (s: string): string => (isTyped(ctx) ? s : '');
  const semi = semicolon(ctx);
  const verifying = uses.some((u) => u.compare);
  const p = fn.param.text;
  const lines = [
    `// Passwords are stored as "scrypt$N$r$p$salt$hash" (hex, about 180 characters): scrypt with`,
    `// OWASP's minimum parameters (N=2^17, r=8, p=1) and a random 16-byte salt per password.`,
    `// Hashes stored before this change do not verify: have those users reset their password.`,
    `const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }${semi}`,
    ``,
    `function scryptKey(password${t(': string | Buffer')}, salt${t(': Buffer')}, keylen${t(': number')}, params${t(': typeof SCRYPT_PARAMS')})${t(': Promise<Buffer>')} {`,
    `  return new Promise((resolve, reject) => {`,
    `    ${c}.scrypt(password, salt, keylen, params, (err, key) => (err ? reject(err) : resolve(key)))${semi}`,
    `  })${semi}`,
    `}`,
    ``,
    `async function ${fn.name}(${p}${t(': string')})${t(': Promise<string>')} {`,
    `  const salt = ${c}.randomBytes(16)${semi}`,
    `  const key = await scryptKey(${expr.data.text}, salt, 64, SCRYPT_PARAMS)${semi}`,
    `  const { N, r, p } = SCRYPT_PARAMS${semi}`,
    `  return \`scrypt$\${N}$\${r}$\${p}$\${salt.toString('hex')}$\${key.toString('hex')}\`${semi}`,
    `}`,
  ];
  if (verifying) {
    lines.push(
      ``,
      `async function verifyPassword(${p}${t(': string')}, storedHash${t(': string')})${t(': Promise<boolean>')} {`,
      `  const [scheme, N, r, p, salt, hash] = String(storedHash).split('$')${semi}`,
      `  if (scheme !== 'scrypt' || !salt || !hash) return false${semi}`,
      `  const expected = Buffer.from(hash, 'hex')${semi}`,
      `  const params = { N: Number(N), r: Number(r), p: Number(p), maxmem: SCRYPT_PARAMS.maxmem }${semi}`,
      `  const key = await scryptKey(${expr.data.text}, Buffer.from(salt, 'hex'), expected.length, params)${semi}`,
      `  return ${c}.timingSafeEqual(key, expected)${semi}`,
      `}`,
    );
  }
  const edits: TextEdit[] = [{ range: nodeRange(fn.statement), newText: lines.join('\n') }, ...crypto.edits];
  for (const use of uses) {
    if (use.compare) {
      const call = `await verifyPassword(${use.password.text}, ${use.compare.stored.text})`;
      edits.push({ range: nodeRange(use.compare.node), newText: use.compare.equal ? call : `!(${call})` });
    } else if (use.call.parent?.type !== 'await_expression') {
      if (use.call.parent?.type === 'member_expression') return [];
      edits.push({ range: nodeRange(use.call), newText: `await ${use.call.text}` });
    }
  }
  return [{ title: SCRYPT.title, preferred: true, edits }];
}

export const passwordHash: Recipe = { fixes: { scrypt: SCRYPT }, make: passwordHashFixes };

/**
 * A password hashed with MD5/SHA-1 by a module-level function (`def hash_password(pw):
 * return hashlib.sha1(pw.encode()).hexdigest()`) becomes `hashlib.scrypt` with a random
 * salt (standard library, no new dependency), stored with its parameters as
 * `scrypt$n$r$p$salt$hash`; comparisons of a stored hash with its result
 * (`user.pw_hash != hash_password(pw)`, `hmac.compare_digest(…)`) become
 * `verify_password(pw, user.pw_hash)`, which compares in constant time. Other modules may
 * import the function; one listed in `__all__` gets no fix.
 */
import type { SyntaxNode } from '../../parser';
import type { Captures, FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import type { Fix, TextEdit } from '../../../engine/finding';
import { HashComparison, hashUses, HashUseSyntax, namesIn, unwrapUp } from '../../../fixes/passwordUses';
import { mergeInserts } from '../../../fixes/placement';
import type { FixEntry, Recipe } from '../../packFixes';
import { pyImport } from './placement';

const SCRYPT: FixEntry = {
  title: 'Hash passwords with hashlib.scrypt and a random salt (existing hashes must be reset)',
  when: 'a module-level function returns the hash (its comparisons in the file become verify_password)',
};

const FUNCTIONS = new Set(['function_definition', 'lambda']);
const WEAK = new Set(['hashlib.md5', 'hashlib.sha1', 'Crypto.Hash.MD5.new', 'Crypto.Hash.SHA1.new', 'Cryptodome.Hash.MD5.new', 'Cryptodome.Hash.SHA1.new']);
const MODULE_NAMES = ['verify_password'];
const LOCAL_NAMES = ['salt', 'digest', 'n', 'r', 'p', 'scheme', 'expected', 'actual', 'stored_hash'];

const COMPARE_DIGEST = new Set(['hmac.compare_digest', 'secrets.compare_digest']);

/** Comparisons (`stored != hash(pw)`, `hmac.compare_digest(stored, hash(pw))`) and plain variables (`h = hash(pw)`) in Python. */
const USES: HashUseSyntax = {
  functionTypes: FUNCTIONS,
  comparisonOf(ctx, value): HashComparison | undefined {
    const up = unwrapUp(ctx, value);
    const parent = up.parent;
    if (!parent) return undefined;
    if (parent.type === 'comparison_operator') {
      const ops = parent.children.filter((c) => c && !c.isNamed).map((c) => c!.text);
      const operands = parent.namedChildren.filter((c): c is SyntaxNode => !!c);
      if (ops.length !== 1 || operands.length !== 2 || (ops[0] !== '==' && ops[0] !== '!=')) return undefined;
      const stored = operands[0]!.id === up.id ? operands[1]! : operands[0]!;
      return { node: parent, stored, equal: ops[0] === '==' };
    }
    // hmac.compare_digest(stored, hash(pw))
    const list = parent.type === 'argument_list' ? parent : undefined;
    const outer = list?.parent;
    if (outer?.type === 'call') {
      const callee = ctx.adapter.callee(outer);
      const name = callee && ctx.adapter.qualify(callee, ctx.bindings);
      const args = ctx.adapter.positionalArgs(outer);
      if (name && COMPARE_DIGEST.has(name) && args.length === 2 && list!.namedChildCount === 2) {
        const stored = args[0]!.id === up.id ? args[1]! : args[0]!;
        return { node: outer, stored, equal: true };
      }
    }
    return undefined;
  },
  variableOf(value) {
    let up = value;
    while (up.parent?.type === 'parenthesized_expression') up = up.parent;
    const parent = up.parent;
    return parent?.type === 'assignment' && parent.childForFieldName('left')?.type === 'identifier' ? parent.childForFieldName('left')!.text : undefined;
  },
};

/** `hashlib.md5(D).hexdigest()` / `hashlib.new("md5", D).hexdigest()`: the whole expression and D. */
function hashExpression(ctx: FileContext, call: SyntaxNode): { whole: SyntaxNode; data: SyntaxNode } | undefined {
  const callee = ctx.adapter.callee(call);
  const name = callee && ctx.adapter.qualify(callee, ctx.bindings);
  const args = ctx.adapter.positionalArgs(call);
  const extra = [...ctx.adapter.keywordArgs(call).keys()];
  let data: SyntaxNode | undefined;
  if (name && WEAK.has(name) && args.length === 1 && extra.length === 0) data = args[0];
  else if (name === 'hashlib.new' && args.length === 2 && extra.length === 0) data = args[1];
  const attr = call.parent;
  const hex = attr?.type === 'attribute' && attr.childForFieldName('attribute')?.text === 'hexdigest' ? attr.parent : undefined;
  if (!data || hex?.type !== 'call' || hex.childForFieldName('arguments')?.namedChildCount !== 0) return undefined;
  return { whole: hex, data };
}

/** The module-level `def name(param): return <whole>` (a docstring may come first). */
function hashFunction(whole: SyntaxNode): { def: SyntaxNode; name: string; param: string } | undefined {
  const ret = whole.parent;
  const block = ret?.type === 'return_statement' ? ret.parent : undefined;
  const def = block?.type === 'block' ? block.parent : undefined;
  if (!ret || !block || def?.type !== 'function_definition' || def.parent?.type !== 'module') return undefined;
  const statements = block.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  const docstring = statements.length === 2 && statements[0]!.type === 'expression_statement' && statements[0]!.namedChild(0)?.type === 'string';
  if (statements[statements.length - 1]!.id !== ret.id || (statements.length !== 1 && !docstring)) return undefined;
  const params = def.childForFieldName('parameters')?.namedChildren.filter((c): c is SyntaxNode => !!c) ?? [];
  if (params.length !== 1 || params[0]!.type !== 'identifier') return undefined;
  return { def, name: def.childForFieldName('name')!.text, param: params[0]!.text };
}

function listedInAll(text: string, name: string): boolean {
  return new RegExp(`__all__[^\\]\\)]*['"]${name}['"]`).test(text);
}

/** `not verify(…)` where a `not` fits without changing what the code around it means. */
function negated(node: SyntaxNode, call: string): string {
  const parent = node.parent;
  const bare = !parent || ['boolean_operator', 'not_operator', 'if_statement', 'elif_clause', 'while_statement', 'parenthesized_expression', 'return_statement', 'assignment', 'expression_statement', 'conditional_expression'].includes(parent.type);
  return bare ? `not ${call}` : `(not ${call})`;
}

function passwordHashFixes(ctx: FileContext, captures: Captures): Fix[] {
  const call = captures.get('call');
  const expr = call && hashExpression(ctx, call);
  const fn = expr && hashFunction(expr.whole);
  if (!expr || !fn || listedInAll(ctx.text, fn.name)) return [];
  const used = namesIn(ctx, expr.data);
  if (MODULE_NAMES.some((n) => new RegExp(`(?<![\\w.])${n}(?!\\w)`).test(ctx.text))) return [];
  if (LOCAL_NAMES.some((n) => used.has(n) || fn.param === n)) return [];
  const uses = hashUses(ctx, fn.def, fn.name, USES);
  if (!uses) return [];
  const verifying = uses.some((u) => u.compare);
  const hashlib = pyImport(ctx, 'hashlib');
  const os = pyImport(ctx, 'os');
  const hmac = verifying ? pyImport(ctx, 'hmac') : { local: 'hmac', edits: [] };
  if (!hashlib || !os || !hmac) return [];
  const h = hashlib.local;
  const d = expr.data.text;
  const body = [
    `def ${fn.name}(${fn.param}):`,
    `    """Hashes a password with scrypt (OWASP's minimum: n=2**17, r=8, p=1) and a random`,
    `    salt, stored as "scrypt$n$r$p$salt$hash" (hex, about 180 characters).`,
    ...(verifying ? [`    Check it with verify_password().`] : []),
    `    Hashes stored before this change do not verify: have those users reset their password."""`,
    `    salt = ${os.local}.urandom(16)`,
    `    n, r, p = 2**17, 8, 1`,
    `    digest = ${h}.scrypt(${d}, salt=salt, n=n, r=r, p=p, maxmem=2**28)`,
    `    return f"scrypt\${n}\${r}\${p}\${salt.hex()}\${digest.hex()}"`,
  ];
  if (verifying) {
    body.push(
      ``,
      ``,
      `def verify_password(${fn.param}, stored_hash):`,
      `    """Checks a password against a value made by ${fn.name}(), in constant time."""`,
      `    try:`,
      `        scheme, n, r, p, salt, digest = stored_hash.split("$")`,
      `        expected = bytes.fromhex(digest)`,
      `        if scheme != "scrypt" or not expected:`,
      `            return False`,
      `        actual = ${h}.scrypt(`,
      `            ${d},`,
      `            salt=bytes.fromhex(salt),`,
      `            n=int(n),`,
      `            r=int(r),`,
      `            p=int(p),`,
      `            maxmem=2**28,`,
      `            dklen=len(expected),`,
      `        )`,
      `    except (AttributeError, ValueError):`,
      `        return False`,
      `    return ${hmac.local}.compare_digest(actual, expected)`,
    );
  }
  // The decorators (if any) stay where they are; the `def` and its body are replaced.
  const edits: TextEdit[] = [{ range: nodeRange(fn.def), newText: body.join('\n') }];
  edits.push(...mergeInserts([...hashlib.edits, ...hmac.edits, ...os.edits]));
  for (const use of uses) {
    if (!use.compare) continue;
    const verify = `verify_password(${use.password.text}, ${use.compare.stored.text})`;
    edits.push({ range: nodeRange(use.compare.node), newText: use.compare.equal ? verify : negated(use.compare.node, verify) });
  }
  return [{ title: SCRYPT.title, preferred: true, edits }];
}

export const passwordHash: Recipe = { fixes: { scrypt: SCRYPT }, make: passwordHashFixes };

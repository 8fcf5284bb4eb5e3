/**
 * `go-crypto-rand`: a `math/rand` call used for a secret becomes crypto/rand.
 * `rand.Read(b)` → `crand.Read(b)` (the same signature); `rand.Intn(n)` and the other number
 * functions → a small helper the fix appends to the file, which draws from crypto/rand
 * through `math/big` (`int(secureInt63n(int64(n)))`, `secureUint64()`). crypto/rand is imported
 * as `crand`, so the file's other `math/rand` uses (a jitter, a shuffle) keep compiling; the
 * `math/rand` import goes when the fixed call was its last use.
 */
import type { SyntaxNode } from '../../parser';
import type { Captures, FileContext } from '../../../engine/fileContext';
import type { Fix, TextEdit } from '../../../engine/finding';
import type { FixEntry, Recipe } from '../../packFixes';
import { importLine } from '../imports';
import { packageName } from './fields';

const CRYPTO_RAND: FixEntry = {
  title: 'Draw the value from crypto/rand',
  when: 'a package-level math/rand function that reads bytes or returns a number (Read, Intn, Int63n, Int31n, Int63, Int31, Uint32, Uint64; IntN, Int64N, Uint64 in math/rand/v2)',
};

const HELPERS = {
  secureInt63n: [
    '// secureInt63n returns a uniform random number in [0, n) read from crypto/rand (n > 0).',
    'func secureInt63n(n int64) int64 {',
    '\tv, err := crand.Int(crand.Reader, big.NewInt(n))',
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '\treturn v.Int64()',
    '}',
  ],
  secureUint64: [
    '// secureUint64 returns a random uint64 read from crypto/rand.',
    'func secureUint64() uint64 {',
    '\tv, err := crand.Int(crand.Reader, new(big.Int).Lsh(big.NewInt(1), 64))',
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '\treturn v.Uint64()',
    '}',
  ],
};

type Helper = keyof typeof HELPERS;

/** What each function becomes: the call's text from its argument text, and the helper it needs. */
const REWRITES: Record<string, { args: number; write: (a: string) => string; helper?: Helper }> = {
  Read: { args: 1, write: (a) => `crand.Read(${a})` },
  Intn: { args: 1, write: (a) => `int(secureInt63n(int64(${a})))`, helper: 'secureInt63n' },
  IntN: { args: 1, write: (a) => `int(secureInt63n(int64(${a})))`, helper: 'secureInt63n' },
  Int31n: { args: 1, write: (a) => `int32(secureInt63n(int64(${a})))`, helper: 'secureInt63n' },
  Int32N: { args: 1, write: (a) => `int32(secureInt63n(int64(${a})))`, helper: 'secureInt63n' },
  Int63n: { args: 1, write: (a) => `secureInt63n(${a})`, helper: 'secureInt63n' },
  Int64N: { args: 1, write: (a) => `secureInt63n(${a})`, helper: 'secureInt63n' },
  // Written without operators: gofmt spaces `a >> 1` differently inside and outside call arguments.
  Int63: { args: 0, write: () => 'secureInt63n(9223372036854775807)', helper: 'secureInt63n' },
  Int64: { args: 0, write: () => 'secureInt63n(9223372036854775807)', helper: 'secureInt63n' },
  Int31: { args: 0, write: () => 'int32(secureInt63n(2147483647))', helper: 'secureInt63n' },
  Int32: { args: 0, write: () => 'int32(secureInt63n(2147483647))', helper: 'secureInt63n' },
  Uint32: { args: 0, write: () => 'uint32(secureUint64())', helper: 'secureUint64' },
  Uint64: { args: 0, write: () => 'secureUint64()', helper: 'secureUint64' },
};

const MATH_RAND = new Set(['math/rand', 'math/rand/v2']);

const pos = (offset: number, text: string): TextEdit['range']['start'] => {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
};
const at = (n: SyntaxNode, end = false): TextEdit['range']['start'] => (end ? { line: n.endPosition.row, character: n.endPosition.column } : { line: n.startPosition.row, character: n.startPosition.column });

/** An edit importing `path` as `alias` (nothing when the file imports it under that name already). */
function importEdit(ctx: FileContext, path: string, alias?: string): TextEdit[] | undefined {
  const name = packageName(ctx, path);
  if (name) return name === (alias ?? path.split('/').pop()) ? [] : undefined;
  if (ctx.bindings.imports.has(alias ?? path.split('/').pop()!)) return undefined; // the name is taken
  const insertion = importLine(path, ctx.text);
  if (!insertion) return undefined;
  const text = alias ? insertion.text.replace(`"${path}"`, `${alias} "${path}"`) : insertion.text;
  const p = pos(insertion.offset, ctx.text);
  return [{ range: { start: p, end: p }, newText: text }];
}

/** Removes the `math/rand` import when `call` is the file's only use of it. */
function dropMathRand(ctx: FileContext, call: SyntaxNode, name: string): TextEdit[] {
  // `rand.Intn(…)` and types such as `*rand.Rand`.
  const uses = ctx.tree.rootNode.descendantsOfType(['selector_expression', 'qualified_type']).filter((s) => (s?.childForFieldName('operand') ?? s?.childForFieldName('package'))?.text === name);
  const outside = uses.filter((s) => s!.startIndex < call.startIndex || s!.endIndex > call.endIndex);
  if (outside.length > 0) return [];
  const spec = ctx.bindings.imports.get(name)?.node;
  if (!spec) return [];
  // The whole line: an `import "math/rand"` declaration, or the spec's line in a block.
  const line = spec.parent?.type === 'import_declaration' ? spec.parent : spec;
  const start = ctx.text.lastIndexOf('\n', line.startIndex - 1) + 1;
  const nl = ctx.text.indexOf('\n', line.endIndex);
  const end = nl < 0 ? ctx.text.length : nl + 1;
  if (ctx.text.slice(start, line.startIndex).trim() !== '' || ctx.text.slice(line.endIndex, nl < 0 ? undefined : nl).trim() !== '') return [];
  return [{ range: { start: pos(start, ctx.text), end: pos(end, ctx.text) }, newText: '' }];
}

function make(ctx: FileContext, captures: Captures): Fix[] {
  const call = captures.get('call');
  const callee = call?.childForFieldName('function');
  if (!call || callee?.type !== 'selector_expression') return [];
  const pkg = callee.childForFieldName('operand');
  const fn = callee.childForFieldName('field')?.text ?? '';
  const rewrite = REWRITES[fn];
  // Only the package's own functions: a method of a *rand.Rand keeps its source.
  if (!rewrite || pkg?.type !== 'identifier' || !MATH_RAND.has(ctx.bindings.imports.get(pkg.text)?.qualified ?? '')) return [];
  if (fn === 'Read' && ctx.bindings.imports.get(pkg.text)?.qualified !== 'math/rand') return [];
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is SyntaxNode => !!a && a.type !== 'comment');
  if (args.length !== rewrite.args) return [];
  const edits: TextEdit[] = [];
  const crand = importEdit(ctx, 'crypto/rand', 'crand');
  if (!crand) return [];
  edits.push(...crand);
  if (rewrite.helper) {
    const big = importEdit(ctx, 'math/big');
    if (!big) return [];
    edits.push(...big);
    // The helper once per file: two fixes append the same text, which is applied once.
    if (!new RegExp(`^func ${rewrite.helper}\\(`, 'm').test(ctx.text)) {
      const end = pos(ctx.text.length, ctx.text);
      const lead = ctx.text.endsWith('\n') ? '\n' : '\n\n';
      edits.push({ range: { start: end, end }, newText: `${lead}${HELPERS[rewrite.helper].join('\n')}\n` });
    }
  }
  edits.push({ range: { start: at(call), end: at(call, true) }, newText: rewrite.write(args[0]?.text ?? '') });
  for (const drop of dropMathRand(ctx, call, pkg.text)) {
    // `"math/big"` goes in where the `"math/rand"` line goes out: one edit that replaces the line.
    const same = edits.findIndex((e) => e.newText.includes('"') && e.range.start.line === drop.range.start.line && e.range.start.character === drop.range.start.character && e.range.end.line === e.range.start.line && e.range.end.character === e.range.start.character);
    if (same >= 0) edits.push({ ...drop, newText: edits.splice(same, 1)[0]!.newText });
    else edits.push(drop);
  }
  return [{ title: CRYPTO_RAND.title, preferred: true, edits }];
}

export const cryptoRandRecipe: Recipe = { fixes: { 'crypto-rand': CRYPTO_RAND }, make };

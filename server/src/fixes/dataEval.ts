/**
 * `eval` of a value that is data (`const settings = eval('(' + req.body.settings + ')')`,
 * `price = eval(request.args["price"])`) becomes a parser of data: `JSON.parse` in
 * JavaScript, `ast.literal_eval` in Python (literals only: numbers, strings, tuples, lists,
 * dicts, sets, booleans, None). Offered only where the result is used as a value, the
 * argument is a value read from somewhere (not code assembled from pieces), and nothing
 * names it as code (`expression`, `formula`, `script`, …): there eval is the feature, and a
 * parser would only break it.
 */
import type { SyntaxNode } from '../languages/parser';
import type { Captures, FileContext } from '../engine/fileContext';
import { nodeRange } from '../engine/fileContext';
import type { Fix } from '../engine/finding';
import { namingContext } from '../languages/syntax';
import { pyImport } from './placement';
import { TAINT_FIXES } from '../taint/fixCatalog';

const JS_EVAL = new Set(['eval', 'window.eval', 'globalThis.eval', 'global.eval', 'self.eval']);
const PY_EVAL = new Set(['eval', 'builtins.eval']);
const CODE_WORDS = /expr|formula|code|script|calc|func|fn$|^fn|cmd|command|program|source|src|lambda|stmt|statement|js|python|eval/i;
/** Where a call's value is used as a value (not evaluated for its side effects). */
const VALUE_PARENTS = new Set(['variable_declarator', 'assignment', 'assignment_expression', 'return_statement', 'arguments', 'argument_list', 'pair', 'array', 'list', 'tuple', 'subscript', 'subscript_expression', 'member_expression', 'attribute', 'keyword_argument', 'augmented_assignment']);
/** What a value read from somewhere looks like: a name, a member, an index, or a call that reads one (`request.args.get("x")`). */
const READS = new Set(['identifier', 'member_expression', 'subscript_expression', 'attribute', 'subscript', 'call_expression', 'call']);

function unwrapped(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

/** The data inside `'(' + X + ')'` (the old JSON idiom), or X itself. */
function dataOf(ctx: FileContext, arg: SyntaxNode): SyntaxNode | undefined {
  const a = unwrapped(arg);
  if (a.type === 'binary_expression' && a.childForFieldName('operator')?.text === '+') {
    const left = a.childForFieldName('left')!;
    const right = a.childForFieldName('right')!;
    if (ctx.adapter.constantValue(right, ctx.bindings) !== ')' || left.type !== 'binary_expression' || left.childForFieldName('operator')?.text !== '+') return undefined;
    if (ctx.adapter.constantValue(left.childForFieldName('left')!, ctx.bindings) !== '(') return undefined;
    return dataOf(ctx, left.childForFieldName('right')!);
  }
  if (!READS.has(a.type)) return undefined;
  // A call that builds text (`' + '.join(parts)`, `f(x)`) may be code; only reads of a value.
  if (a.type === 'call_expression' || a.type === 'call') {
    const callee = ctx.adapter.callee(a);
    if (!callee || !/\.(get|getlist|get_json|getAttribute|getItem|param|query)$/.test(callee.text)) return undefined;
  }
  return a;
}

export function dataEvalFix(ctx: FileContext, call: SyntaxNode): Fix | undefined {
  if (call.type !== 'call_expression' && call.type !== 'call') return undefined;
  const callee = ctx.adapter.callee(call);
  const name = callee && ctx.adapter.qualify(callee, ctx.bindings);
  const js = ctx.adapter.family === 'js';
  if (!name || !(js ? JS_EVAL : PY_EVAL).has(name)) return undefined;
  const args = ctx.adapter.positionalArgs(call);
  if (args.length !== 1 || ctx.adapter.keywordArgs(call).size > 0) return undefined;
  let up = call;
  while (up.parent?.type === 'parenthesized_expression' || up.parent?.type === 'await_expression') up = up.parent;
  if (!up.parent || !VALUE_PARENTS.has(up.parent.type)) return undefined;
  const data = dataOf(ctx, args[0]!);
  if (!data) return undefined;
  const context = namingContext(ctx.adapter, call) ?? '';
  if (CODE_WORDS.test(data.text) || CODE_WORDS.test(context)) return undefined;
  if (js) return { title: TAINT_FIXES.code.json.title, preferred: true, edits: [{ range: nodeRange(call), newText: `JSON.parse(${data.text})` }] };
  const ast = pyImport(ctx, 'ast');
  if (!ast) return undefined;
  return {
    title: TAINT_FIXES.code.literal.title,
    preferred: true,
    edits: [{ range: nodeRange(call), newText: `${ast.local}.literal_eval(${data.text})` }, ...ast.edits],
  };
}

/** The recipe for pattern rules on `eval(x)` (capture `call`). */
export function dataEvalFixes(ctx: FileContext, captures: Captures): Fix[] {
  const call = captures.get('call');
  const fix = call && dataEvalFix(ctx, call);
  return fix ? [fix] : [];
}

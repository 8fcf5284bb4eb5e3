/**
 * `eval` of a value that is data (`const settings = eval('(' + req.body.settings + ')')`,
 * `price = eval(request.args["price"])`) becomes a parser of data (the pack's: `JSON.parse`,
 * `ast.literal_eval`). Offered only where the result is used as a value, the argument is a
 * value read from somewhere (not code assembled from pieces), and nothing names it as code
 * (`expression`, `formula`, `script`, …): there eval is the feature, and a parser would only
 * break it.
 */
import type { SyntaxNode } from '../languages/parser';
import type { Captures, FileContext } from '../engine/fileContext';
import type { Fix } from '../engine/finding';
import { namingContext } from '../languages/syntax';

export interface DataEvalSyntax {
  /** The eval functions (import-resolved names). */
  evals: ReadonlySet<string>;
  /** Node types a call's value passes through on its way to where it is used (parentheses, `await`). */
  through: ReadonlySet<string>;
  /** Node types whose children are used as values (not evaluated for their side effects). */
  valueParents: ReadonlySet<string>;
  /** Node types of a value read from somewhere: a name, a member, an index, a call. */
  reads: ReadonlySet<string>;
  /** The old JSON idiom `'(' + X + ')'` is written in this language: its data is X. */
  parenthesizedIdiom: boolean;
  /** The parser call in place of `call`, for `data`, or undefined when it cannot be written. */
  parse(ctx: FileContext, call: SyntaxNode, data: SyntaxNode): Fix | undefined;
}

const CODE_WORDS = /expr|formula|code|script|calc|func|fn$|^fn|cmd|command|program|source|src|lambda|stmt|statement|js|python|eval/i;

function unwrapped(ctx: FileContext, node: SyntaxNode): SyntaxNode {
  let n = node;
  while (ctx.syntax.kind(n) === 'paren' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

/** The data inside `'(' + X + ')'` (the old JSON idiom), or X itself. */
function dataOf(ctx: FileContext, syntax: DataEvalSyntax, arg: SyntaxNode): SyntaxNode | undefined {
  const { adapter, bindings, syntax: syn } = ctx;
  const plus = (n: SyntaxNode): boolean => syn.kind(n) === 'binary' && syn.operator(n) === '+';
  const a = unwrapped(ctx, arg);
  if (syntax.parenthesizedIdiom && plus(a)) {
    const left = syn.child(a, 'left')!;
    const right = syn.child(a, 'right')!;
    if (adapter.constantValue(right, bindings) !== ')' || !plus(left)) return undefined;
    if (adapter.constantValue(syn.child(left, 'left')!, bindings) !== '(') return undefined;
    return dataOf(ctx, syntax, syn.child(left, 'right')!);
  }
  if (!syntax.reads.has(a.type)) return undefined;
  // A call that builds text (`' + '.join(parts)`, `f(x)`) may be code; only reads of a value.
  if (syn.kind(a) === 'call') {
    const callee = adapter.callee(a);
    if (!callee || !/\.(get|getlist|get_json|getAttribute|getItem|param|query)$/.test(callee.text)) return undefined;
  }
  return a;
}

export function dataEvalFix(ctx: FileContext, call: SyntaxNode, syntax: DataEvalSyntax): Fix | undefined {
  const { adapter, bindings } = ctx;
  if (ctx.syntax.kind(call) !== 'call') return undefined;
  const callee = adapter.callee(call);
  const name = callee && adapter.qualify(callee, bindings);
  if (!name || !syntax.evals.has(name)) return undefined;
  const args = adapter.positionalArgs(call);
  if (args.length !== 1 || adapter.keywordArgs(call).size > 0) return undefined;
  let up = call;
  while (up.parent && syntax.through.has(up.parent.type)) up = up.parent;
  if (!up.parent || !syntax.valueParents.has(up.parent.type)) return undefined;
  const data = dataOf(ctx, syntax, args[0]!);
  if (!data) return undefined;
  const context = namingContext(adapter, call) ?? '';
  if (CODE_WORDS.test(data.text) || CODE_WORDS.test(context)) return undefined;
  return syntax.parse(ctx, call, data);
}

/** The recipe for pattern rules on `eval(x)` (capture `call`). */
export function dataEvalFixes(ctx: FileContext, captures: Captures, syntax: DataEvalSyntax): Fix[] {
  const call = captures.get('call');
  const fix = call && dataEvalFix(ctx, call, syntax);
  return fix ? [fix] : [];
}

/**
 * A Flask template string with request data pasted in (`render_template_string("<h1>" +
 * name + "</h1>")`) keeps its markup and gets the values as template variables instead:
 * `render_template_string("<h1>{{ name }}</h1>", name=name)`. Jinja then treats them as
 * data, and Flask autoescapes them in templates rendered from strings.
 */
import type { SyntaxNode } from '../../parser';
import type { FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import type { Fix } from '../../../engine/finding';
import type { SinkHit } from '../../../taint/context';
import { flatten, Piece } from '../../../fixes/pieces';
import type { FixEntry } from '../../packFixes';

export const TEMPLATE_VARIABLES: FixEntry = {
  title: 'Pass the values to the template as variables',
  when: 'Flask render_template_string gets a string built from constant text and values',
};

const RENDERERS = new Set(['flask.render_template_string']);
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'else', 'for', 'true', 'false', 'none', 'True', 'False', 'None', 'self', 'loop', 'range', 'dict', 'caller', 'varargs', 'kwargs', 'request', 'session', 'g', 'config']);

/** A variable name for a value: its own name for `name` or `user.name`, else `value`, made unique. */
function variableFor(ctx: FileContext, expr: SyntaxNode, taken: Set<string>): string {
  // `request.args["greeting"]` and `request.args.get("greeting")` are named by their key.
  const key = expr.type === 'subscript' ? expr.childForFieldName('subscript') : expr.type === 'call' && /\.get$/.test(ctx.adapter.callee(expr)?.text ?? '') ? ctx.adapter.positionalArgs(expr)[0] : undefined;
  const keyName = key ? ctx.adapter.constantValue(key, ctx.bindings) : undefined;
  const last = typeof keyName === 'string' ? keyName : expr.type === 'identifier' ? expr.text : expr.type === 'attribute' ? expr.childForFieldName('attribute')?.text : undefined;
  let base = last && /^[A-Za-z_]\w*$/.test(last) && !KEYWORDS.has(last) ? last : 'value';
  if (base.startsWith('_')) base = `v${base}`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

export function templateContextFix(ctx: FileContext, hit: SinkHit): Fix | undefined {
  const call = hit.node;
  const arg = hit.arg;
  if (!arg || call.type !== 'call') return undefined;
  const callee = ctx.adapter.callee(call);
  const name = callee && ctx.adapter.qualify(callee, ctx.bindings);
  const args = ctx.adapter.positionalArgs(call);
  if (!name || !RENDERERS.has(name) || args.length !== 1 || args[0]!.id !== arg.id) return undefined;
  const pieces: Piece[] = [];
  if (!flatten(ctx, arg, pieces) || !pieces.some((p) => 'text' in p)) return undefined;
  const taken = new Set(ctx.adapter.keywordArgs(call).keys());
  let template = '';
  const context: string[] = [];
  const seen = new Map<string, string>();
  for (const p of pieces) {
    if ('text' in p) {
      template += p.text;
      continue;
    }
    // The same expression twice is one variable.
    let variable = seen.get(p.expr.text);
    if (!variable) {
      variable = variableFor(ctx, p.expr, taken);
      seen.set(p.expr.text, variable);
      context.push(`${variable}=${p.expr.text}`);
    }
    // Inside a Jinja tag or expression already, the value would not be markup: leave it.
    if (/\{[{%#][^}]*$/.test(template)) return undefined;
    template += `{{ ${variable} }}`;
  }
  const list = call.childForFieldName('arguments')!;
  const existing = list.namedChildren.filter((c) => c && c.id !== arg.id && c.type !== 'comment');
  const newArgs = [ctx.adapter.stringLiteral(template, arg.type === 'string' ? arg : undefined), ...existing.map((c) => c!.text), ...context];
  return {
    title: TEMPLATE_VARIABLES.title,
    preferred: true,
    edits: [{ range: nodeRange(list), newText: `(${newArgs.join(', ')})` }],
  };
}

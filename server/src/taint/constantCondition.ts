/**
 * Conditions whose value is fixed by the code itself: `if (7 * 42) - num > 200:` with
 * `num = 86` the only value `num` is given in the function, `x if 1 == 2 else y`. The taint
 * walk takes only the branch that runs, so data assigned on a branch that never runs does not
 * reach the code after it. A bare flag (`if DEBUG:`) is left alone: it is a setting.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import { enclosingScope } from './units';
import type { Kind } from '../languages/taintSyntax';

type Value = string | number | boolean | null;

const OPERATOR_KINDS: ReadonlySet<Kind | undefined> = new Set(['compare', 'binary']);
/** A call `f(`, a member `a.b`, an index `a[`, `await`, `new`, a string (whose text could hide any of these). */
const RUNTIME_TEXT = /[\w$)\]]\s*[([]|[A-Za-z_$][\w$]*\s*\.\s*[A-Za-z_$]|\bawait\b|\bnew\b|['"`]/;
/** Per file: a function's names bound exactly once (to that value) or more than once (null). */
const bindingTables = new WeakMap<FileContext, Map<number, Map<string, SyntaxNode | null>>>();
/** Per language: the node types that bind names, for one native search per function. */
const bindingTypes = new WeakMap<object, string[]>();

/** True/false when `condition` always has that truth value, undefined when it depends on the run. */
export function constantTruth(ctx: FileContext, condition: SyntaxNode): boolean | undefined {
  // A flag (`if DEBUG:`, `if (!ENABLED)`) is a setting someone flips: its code is still analysed;
  // only comparisons and arithmetic are worth evaluating (and most conditions are neither).
  let c = condition;
  while (ctx.syntax.kind(c) === 'paren' && c.namedChildCount === 1) c = c.namedChild(0)!;
  if (!OPERATOR_KINDS.has(ctx.syntax.kind(c))) return undefined;
  const text = c.text;
  if (!/[-+*/%<>=]/.test(text)) return undefined;
  // Most conditions read a member, an index or a call result: never fixed by the code. Said
  // cheaply, from the text, before any name is looked up.
  if (RUNTIME_TEXT.test(text)) return undefined;
  const v = evaluate(ctx, condition, 0);
  return v === undefined ? undefined : truthy(v);
}

/** The value `node` always has (a literal, a constant, a name given one constant value before it), or undefined. */
export function constantOf(ctx: FileContext, node: SyntaxNode, scope?: SyntaxNode): Value | undefined {
  return evaluate(ctx, node, 0, scope);
}

function truthy(v: Value): boolean {
  return v !== null && v !== false && v !== 0 && v !== '';
}

/** `scope`: the function around `node`, when the caller knows it (finding it walks up the tree). */
function evaluate(ctx: FileContext, node: SyntaxNode, depth: number, scope?: SyntaxNode): Value | undefined {
  if (depth > 24) return undefined;
  const syn = ctx.syntax;
  switch (syn.kind(node)) {
    case 'paren':
      return node.namedChildCount === 1 ? evaluate(ctx, node.namedChild(0)!, depth + 1, scope) : undefined;
    case 'name':
      return localConstant(ctx, node, depth, scope);
    case 'unary': {
      const op = syn.operator(node);
      const v = evaluate(ctx, syn.child(node, 'argument')!, depth + 1, scope);
      if (v === undefined) return undefined;
      if (op === '!' || op === 'not') return !truthy(v);
      if (op === '-' && typeof v === 'number') return -v;
      return undefined;
    }
    case 'binary': {
      const op = syn.operator(node);
      const left = syn.child(node, 'left');
      const right = syn.child(node, 'right');
      if (!op || !left || !right) return undefined;
      const l = evaluate(ctx, left, depth + 1, scope);
      if (op === 'and' || op === '&&') return l === undefined ? undefined : !truthy(l) ? l : evaluate(ctx, right, depth + 1, scope);
      if (op === 'or' || op === '||') return l === undefined ? undefined : truthy(l) ? l : evaluate(ctx, right, depth + 1, scope);
      const r = evaluate(ctx, right, depth + 1, scope);
      return l === undefined || r === undefined ? undefined : binary(op, l, r);
    }
    case 'compare': {
      // Python chains comparisons: `a < b < c` is `a < b and b < c`.
      const operands = node.namedChildren.filter((c): c is SyntaxNode => !!c);
      const ops = node.children.filter((c) => !!c && !c.isNamed).map((c) => c!.text);
      if (operands.length !== ops.length + 1) return undefined;
      let prev = evaluate(ctx, operands[0]!, depth + 1, scope);
      for (let i = 0; i < ops.length; i++) {
        const next = evaluate(ctx, operands[i + 1]!, depth + 1, scope);
        if (prev === undefined || next === undefined) return undefined;
        const ok = binary(ops[i]!, prev, next);
        if (ok !== true) return ok === false ? false : undefined;
        prev = next;
      }
      return true;
    }
    default: {
      const v = ctx.adapter.constantValue(node, ctx.bindings);
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : undefined;
    }
  }
}

function binary(op: string, l: Value, r: Value): Value | undefined {
  if (typeof l === 'number' && typeof r === 'number') {
    switch (op) {
      case '+': return l + r;
      case '-': return l - r;
      case '*': return l * r;
      case '/': return r === 0 ? undefined : l / r;
      case '//': return r === 0 ? undefined : Math.floor(l / r);
      case '%': return r === 0 ? undefined : ((l % r) + r) % r;
      default:
    }
  }
  if (typeof l === 'string' && typeof r === 'string' && op === '+') return l + r;
  const comparable = (typeof l === 'number' && typeof r === 'number') || (typeof l === 'string' && typeof r === 'string');
  switch (op) {
    case '==': case '===': return l === r;
    case '!=': case '!==': return l !== r;
    case '<': return comparable ? l! < r! : undefined;
    case '>': return comparable ? l! > r! : undefined;
    case '<=': return comparable ? l! <= r! : undefined;
    case '>=': return comparable ? l! >= r! : undefined;
    default: return undefined;
  }
}

/**
 * A name's value when the file treats it as a constant, or when the function around it assigns
 * it exactly once, before the use, from a constant (`num = 86`).
 */
function localConstant(ctx: FileContext, id: SyntaxNode, depth: number, scope?: SyntaxNode): Value | undefined {
  const fileLevel = ctx.adapter.constantValue(id, ctx.bindings);
  if (fileLevel !== undefined && (typeof fileLevel !== 'object' || fileLevel === null)) return fileLevel as Value;
  const value = onlyBinding(ctx, id, scope);
  return value ? evaluate(ctx, value, depth + 4, scope) : undefined;
}

/** The value the function around `id` gives that name, when it gives it exactly one, before `id`. */
export function onlyBinding(ctx: FileContext, id: SyntaxNode, scope?: SyntaxNode): SyntaxNode | null {
  const value = bindingsOf(ctx, scope ?? enclosingScope(ctx, id)).get(id.text);
  // Assigned after the use: not the value it has here.
  return value && value.startIndex < id.startIndex ? value : null;
}

/**
 * The names a function binds: name → the value of its only plain assignment, or null when it is
 * bound more than once, augmented, unpacked into, a parameter (of it or of a nested function)
 * or a loop variable. One native search of the function, once per function and file.
 */
function bindingsOf(ctx: FileContext, scope: SyntaxNode): Map<string, SyntaxNode | null> {
  const syn = ctx.syntax;
  let tables = bindingTables.get(ctx);
  if (!tables) bindingTables.set(ctx, (tables = new Map()));
  let table = tables.get(scope.startIndex);
  if (table) return table;
  table = new Map();
  const vary = (text: string | undefined): void => {
    for (const name of (text ?? '').split(/[^\w$]+/)) if (name) table!.set(name, null);
  };
  let types = bindingTypes.get(syn);
  if (!types) bindingTypes.set(syn, (types = syn.typesOf('assign', 'update', 'declarator', 'parameter-list', 'loop')));
  for (const n of scope.descendantsOfType(types)) {
    if (!n) continue;
    const kind = syn.kind(n);
    if (kind === 'assign' || kind === 'update' || kind === 'declarator') {
      const target = syn.child(n, 'left') ?? syn.child(n, 'name');
      if (!target || syn.kind(target) !== 'name') vary(target?.text);
      else if (table.has(target.text) || kind === 'update') table.set(target.text, null);
      else table.set(target.text, syn.child(n, 'right') ?? syn.child(n, 'value'));
    } else if (kind === 'parameter-list') vary(n.text);
    else vary(syn.child(n, 'left')?.text);
  }
  tables.set(scope.startIndex, table);
  return table;
}

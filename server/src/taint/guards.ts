/**
 * Conditions that protect a branch: allow-list membership, comparison with a constant,
 * type and format checks, `startsWith(root)` after resolving a path, host checks on a
 * parsed URL. On the branch where the check holds, the checked value is clean.
 */
import type { SyntaxNode } from '../languages/parser';
import { NESTING_LIMIT, noteNestingCut } from '../languages/nesting';
import { accessPath } from './accessPath';
import type { FileContext } from '../engine/fileContext';
import type { Kind } from '../languages/taintSyntax';
import { receiverOf, summaryFor } from './calls';
import type { GuardModel } from './models';
import { Env } from './env';
import { sanitize } from './facts';
import type { FlowWalker, Frame } from './flow';
import { pinnedByCondition } from './sitePathGuard';
import { DESTINATION_KINDS } from './urlPrefix';

const URL_PARTS = new Set(['host', 'hostname', 'origin', 'netloc', 'protocol', 'scheme']);

/** Inside parentheses and `await`. */
function unwrap(ctx: FileContext, node: SyntaxNode): SyntaxNode {
  let n = node;
  for (let k = ctx.syntax.kind(n); (k === 'paren' || k === 'await') && n.namedChildCount === 1; k = ctx.syntax.kind(n)) n = n.namedChild(0)!;
  return n;
}

/** Cleans the value an expression reads, and for `url.hostname` the parsed URL too. */
export function clean(walker: FlowWalker, node: SyntaxNode, frame: Frame, kinds: string[]): void {
  const ctx = walker.file.ctx;
  const syn = ctx.syntax;
  const n = unwrap(ctx, node);
  const targets: SyntaxNode[] = [n];
  if (syn.kind(n) === 'member' && URL_PARTS.has(syn.child(n, 'property')?.text ?? '')) {
    const obj = unwrap(ctx, syn.child(n, 'object')!);
    targets.push(obj);
    const k = syn.kind(obj);
    if ((k === 'new' || k === 'call') && ctx.adapter.positionalArgs(obj)[0]) targets.push(ctx.adapter.positionalArgs(obj)[0]!);
  }
  // `u.Hostname()`, `uri.getHost()`: a host read by a method of the parsed URL vouches for that URL.
  if (syn.kind(n) === 'call' && ctx.adapter.positionalArgs(n).length === 0) {
    const callee = ctx.adapter.callee(n);
    const obj = callee && syn.kind(callee) === 'member' && HOST_GETTERS.test(ctx.adapter.lastSegment(callee).text) ? syn.child(callee, 'object') : null;
    if (obj) targets.push(unwrap(ctx, obj));
  }
  // `host = getHostName(url); if (ALLOWED.contains(host)) redirect(url)`: the URL the host came from.
  if (syn.kind(n) === 'name') targets.push(...hostOrigins(walker, n));
  // `strings.HasPrefix(filepath.Clean(p), root)`: the same value written another way (`same-value`).
  for (let v = n, i = 0; i < 4 && syn.kind(v) === 'call' && ctx.adapter.positionalArgs(v).length === 1; i++) {
    const callee = ctx.adapter.callee(v);
    const q = callee ? ctx.adapter.qualify(callee, ctx.bindings) : null;
    if (!q || !walker.file.models.sameValue(q)) break;
    v = unwrap(ctx, ctx.adapter.positionalArgs(v)[0]!);
    targets.push(v);
  }
  for (const t of targets) cleanPath(walker, t, frame, kinds);
}

/** Methods that read the host (or scheme) part of a URL. */
const HOST_GETTERS = /^(?:get_?)?(?:host|hostname|host_name|origin|authority|domain|netloc|protocol|scheme)$/i;
/** How far back a definition is looked for, in nodes of the function: guards are near their data. */
const DEFINITION_SEARCH_LIMIT = 20000;

/**
 * The URLs a local was derived from when its last definition before `name` reads a URL's host
 * (`String h = Utils.getHostName(url)`, `h = new URL(url).getHost()`, `h = urlparse(u).netloc`).
 */
function hostOrigins(walker: FlowWalker, name: SyntaxNode): SyntaxNode[] {
  const ctx = walker.file.ctx;
  const syn = ctx.syntax;
  let fn: SyntaxNode | null = name.parent;
  while (fn && syn.kind(fn) !== 'function') fn = fn.parent;
  if (!fn) return [];
  let value = lastDefinition(walker, fn, name);
  if (!value) return [];
  value = unwrap(ctx, value);
  const k = syn.kind(value);
  let source: SyntaxNode | null = null;
  if (k === 'member' && URL_PARTS.has(syn.child(value, 'property')?.text ?? '')) source = syn.child(value, 'object');
  else if (k === 'call') {
    const callee = ctx.adapter.callee(value);
    if (!callee || !HOST_GETTERS.test(ctx.adapter.lastSegment(callee).text)) return [];
    const args = ctx.adapter.positionalArgs(value);
    source = args.length === 1 ? args[0]! : args.length === 0 ? receiverOf(walker, value, callee).receiverNode : null;
  }
  if (!source) return [];
  source = unwrap(ctx, source);
  // `new URL(url).getHost()`, `URI.create(url).getHost()`, `urlparse(url).netloc`: the text parsed.
  const sk = syn.kind(source);
  const parsed = (sk === 'new' || sk === 'call') && ctx.adapter.positionalArgs(source).length === 1 ? ctx.adapter.positionalArgs(source)[0]! : null;
  return parsed ? [source, parsed] : [source];
}

/** A function's definitions (declarators and assignments) by the name they define, in tree order. */
type Definitions = Map<string, { start: number; targetEnd: number; value: SyntaxNode | null }[]>;

/**
 * Each function's definitions, indexed on the first guard that asks (a check such as
 * `if err != nil` follows most calls in some languages: reading the whole function again
 * for each one made guards cost the square of the function's size). `null`: the function is
 * larger than the search limit, where the bounded walk below answers instead.
 */
const definitionIndex = new WeakMap<FlowWalker['file'], Map<number, Definitions | null>>();

function definitionsOf(walker: FlowWalker, fn: SyntaxNode): Definitions | null {
  let byFunction = definitionIndex.get(walker.file);
  if (!byFunction) definitionIndex.set(walker.file, (byFunction = new Map()));
  const known = byFunction.get(fn.id);
  if (known !== undefined) return known;
  const syn = walker.file.ctx.syntax;
  const defs: Definitions = new Map();
  const stack: SyntaxNode[] = [fn];
  let seen = 0;
  for (; stack.length > 0 && seen <= DEFINITION_SEARCH_LIMIT; seen++) {
    const node = stack.pop()!;
    const kind = syn.kind(node);
    if (kind === 'declarator' || kind === 'assign') {
      const target = syn.child(node, 'name') ?? syn.child(node, 'left');
      if (target) {
        const entry = { start: node.startIndex, targetEnd: target.endIndex, value: syn.child(node, 'value') ?? syn.child(node, 'right') };
        const list = defs.get(target.text);
        if (list) list.push(entry);
        else defs.set(target.text, [entry]);
      }
    }
    for (let i = node.namedChildCount - 1; i >= 0; i--) {
      const c = node.namedChild(i);
      if (c) stack.push(c);
    }
  }
  const result = seen > DEFINITION_SEARCH_LIMIT ? null : defs;
  byFunction.set(fn.id, result);
  return result;
}

/** The value of the last definition of `name` before it in `fn` (its declarator's or assignment's right side). */
function lastDefinition(walker: FlowWalker, fn: SyntaxNode, name: SyntaxNode): SyntaxNode | null {
  const defs = definitionsOf(walker, fn);
  if (defs) {
    let value: SyntaxNode | null = null;
    for (const d of defs.get(name.text) ?? []) if (d.start < name.startIndex && d.targetEnd <= name.startIndex) value = d.value;
    return value;
  }
  // A function past the limit: the nodes nearest its start, as far as the limit reaches.
  const syn = walker.file.ctx.syntax;
  let value: SyntaxNode | null = null;
  const stack: SyntaxNode[] = [fn];
  for (let seen = 0; stack.length > 0 && seen < DEFINITION_SEARCH_LIMIT; seen++) {
    const node = stack.pop()!;
    if (node.startIndex >= name.startIndex) continue;
    const kind = syn.kind(node);
    if (kind === 'declarator' || kind === 'assign') {
      const target = syn.child(node, 'name') ?? syn.child(node, 'left');
      if (target && target.text === name.text && target.endIndex <= name.startIndex) value = syn.child(node, 'value') ?? syn.child(node, 'right');
    }
    for (let i = node.namedChildCount - 1; i >= 0; i--) {
      const c = node.namedChild(i);
      if (c) stack.push(c);
    }
  }
  return value;
}

/** Env key noting that an expression with no access path was checked (`f(x)` in `OK.includes(f(x)) ? f(x) : d`). */
export function guardedKey(ctx: FileContext, node: SyntaxNode): string {
  return `#guarded:${unwrap(ctx, node).text.replace(/\s+/g, '')}`;
}

const GUARDED_KINDS: ReadonlySet<Kind | undefined> = new Set(['call', 'member', 'subscript']);

function cleanPath(walker: FlowWalker, t: SyntaxNode, frame: Frame, kinds: string[]): void {
  const ctx = walker.file.ctx;
  const path = accessPath(ctx, t);
  if (!path) {
    // Only a ternary reads this back, for the very same expression in its consequence.
    if (GUARDED_KINDS.has(ctx.syntax.kind(t))) {
      frame.env.set(guardedKey(ctx, t), [{ label: 'guard', kind: '', sourceText: '', trace: [], cleanFor: new Set(kinds) }]);
    }
    return;
  }
  const taint = walker.pathTaint(path, t, frame);
  // Clean for every kind: kept as facts marked `*` rather than removed, since a path that is
  // not in the environment reads as its source again (`request.GET['next']`) or as its base.
  const cleaned = kinds.includes('*') ? taint.map((f) => ({ ...f, cleanFor: ALL })) : sanitize(taint, kinds);
  frame.env.set(path.join('.'), cleaned);
}

const ALL: ReadonlySet<string> = new Set(['*']);

/** `x` of `list.indexOf(x)` compared with -1 (`other`), else undefined. */
function indexOfArgument(walker: FlowWalker, call: SyntaxNode, other: SyntaxNode): SyntaxNode | undefined {
  const ctx = walker.file.ctx;
  const c = unwrap(ctx, call);
  if (ctx.syntax.kind(c) !== 'call' || !/\.indexOf$/.test(ctx.adapter.callee(c)?.text ?? '')) return undefined;
  if (ctx.adapter.constantValue(other, ctx.bindings) !== -1) return undefined;
  return ctx.adapter.positionalArgs(c)[0];
}

function isConstant(walker: FlowWalker, node: SyntaxNode): boolean {
  return walker.file.ctx.adapter.constantValue(node, walker.file.ctx.bindings) !== undefined;
}

function anchored(node: SyntaxNode | null | undefined, walker: FlowWalker): boolean {
  if (!node) return false;
  if (walker.file.ctx.syntax.kind(node) === 'regex') {
    const pattern = walker.file.ctx.syntax.child(node, 'pattern')?.text ?? '';
    return pattern.startsWith('^') && pattern.endsWith('$') && !/(^|[^\\])\.[*+]/.test(pattern);
  }
  const value = walker.file.ctx.adapter.constantValue(node, walker.file.ctx.bindings);
  return typeof value === 'string' && value.startsWith('^') && value.endsWith('$') && !/(^|[^\\])\.[*+]/.test(value);
}

export function applyGuard(walker: FlowWalker, condition: SyntaxNode, frame: Frame, truth: boolean, depth = 0): void {
  applyChecks(walker, condition, frame, truth, depth);
  // Prefix checks read over the whole condition (`x.startswith("/") and not x.startswith("//")`).
  for (const value of pinnedByCondition(walker.file.ctx, condition, truth)) cleanPath(walker, value, frame, [...DESTINATION_KINDS]);
}

/** The checks each part of a condition makes on its own. */
function applyChecks(walker: FlowWalker, condition: SyntaxNode, frame: Frame, truth: boolean, depth: number): void {
  // A guard left unapplied keeps the value tainted: the safe side.
  if (depth > NESTING_LIMIT) return noteNestingCut(condition.startPosition.row);
  const ctx = walker.file.ctx;
  const syn = ctx.syntax;
  const n = unwrap(ctx, condition);
  switch (syn.kind(n)) {
    case 'unary': {
      const op = syn.operator(n);
      const arg = syn.child(n, 'argument') ?? n.namedChild(0);
      if ((op === '!' || op === 'not') && arg) applyChecks(walker, arg, frame, !truth, depth + 1);
      return;
    }
    case 'binary': {
      const op = syn.operator(n);
      const l = syn.child(n, 'left');
      const r = syn.child(n, 'right');
      if (!l || !r) return;
      if ((op === '&&' || op === 'and') && truth) {
        applyChecks(walker, l, frame, true, depth + 1);
        applyChecks(walker, r, frame, true, depth + 1);
      } else if ((op === '||' || op === 'or') && !truth) {
        applyChecks(walker, l, frame, false, depth + 1);
        applyChecks(walker, r, frame, false, depth + 1);
      } else if (op === '&&' || op === 'and' || op === '||' || op === 'or') {
        // `A and B` is false (or `A or B` true) when either side is: a value is clean only if
        // each side alone would make it clean (`if (n or accepts) and not is_safe(url=n): …`
        // leaves `n` checked or empty on the other branch).
        const left = walker.fork(frame);
        const right = walker.fork(frame);
        applyGuard(walker, l, left, truth, depth + 1);
        applyGuard(walker, r, right, truth, depth + 1);
        frame.env = Env.join(left.env, right.env);
      } else if (['===', '==', '!==', '!='].includes(op)) {
        const positive = op === '===' || op === '==';
        // `list.indexOf(x) !== -1` holds (or `=== -1` fails): `x` is one of the list's elements.
        const member = indexOfArgument(walker, l, r) ?? indexOfArgument(walker, r, l);
        if (member) {
          if (positive !== truth) clean(walker, member, frame, ['*']);
          return;
        }
        if (positive !== truth) return;
        const lu = unwrap(ctx, l);
        // `typeof x === 'number'`
        if (syn.kind(lu) === 'unary' && syn.operator(lu) === 'typeof') {
          const v = ctx.adapter.constantValue(r, ctx.bindings);
          if (v === 'number' || v === 'boolean') clean(walker, syn.child(lu, 'argument')!, frame, ['*']);
          // A string cannot carry Mongo operators or a nested `__proto__` object.
          else if (v === 'string') clean(walker, syn.child(lu, 'argument')!, frame, ['nosql', 'prototype']);
          return;
        }
        // `x === 'const'` is an exact value.
        if (isConstant(walker, r)) clean(walker, l, frame, ['*']);
        else if (isConstant(walker, l)) clean(walker, r, frame, ['*']);
      } else if (['>=', '>', '<', '<='].includes(op) && truth) {
        // `list.indexOf(x) >= 0`
        const call = unwrap(ctx, l);
        if (syn.kind(call) === 'call' && /\.indexOf$/.test(ctx.adapter.callee(call)?.text ?? '')) {
          const arg = ctx.adapter.positionalArgs(call)[0];
          if (arg) clean(walker, arg, frame, ['*']);
        }
      }
      return;
    }
    case 'compare': {
      const ops = syn.operator(n);
      const operands = n.namedChildren.filter((c): c is SyntaxNode => !!c);
      if (operands.length !== 2) return;
      const [l, r] = operands as [SyntaxNode, SyntaxNode];
      if ((ops === 'in' && truth) || (ops === 'not in' && !truth)) clean(walker, l, frame, ['*']);
      else if ((ops === '==' && truth) || (ops === '!=' && !truth)) {
        if (isConstant(walker, r)) clean(walker, l, frame, ['*']);
        else if (isConstant(walker, l)) clean(walker, r, frame, ['*']);
      }
      return;
    }
    case 'call': {
      if (!truth) return;
      const callee = ctx.adapter.callee(n);
      const qualified = callee ? ctx.adapter.qualify(callee, ctx.bindings) : null;
      const args = ctx.adapter.positionalArgs(n);
      // A project function that is itself a check (returnChecks.ts).
      const checks = summaryFor(walker, n, callee, qualified)?.checks;
      if (checks) for (const [i, kinds] of checks) if (args[i]) clean(walker, args[i]!, frame, kinds);
      if (!qualified) return;
      for (const g of walker.file.models.guards) {
        if (!g.call(qualified)) continue;
        const receiver = receiverOf(walker, n, callee).receiverNode;
        if (g.anchoredRegex && !anchored(receiver && syn.kind(receiver) === 'regex' ? receiver : args[0], walker)) continue;
        if (g.types && !typesMatch(ctx, args[1], g.types)) continue;
        for (const checked of checkedValues(walker, g, n, receiver, args)) clean(walker, checked, frame, g.kinds);
      }
      return;
    }
    case 'name':
    case 'member':
    case 'subscript': {
      // `if (!x)` / `if not x:`: where the value is falsy it is empty (`''`, None, 0, []) and
      // carries nothing. Only the value itself: a falsy `url.hostname` says nothing about `url`.
      if (!truth) return cleanPath(walker, n, frame, ['*']);
      // `if allowed[x]`, or a flag that says the lookup found `x` (`_, ok := allowed[x]; ok`).
      const lookup = syn.kind(n) === 'subscript' ? n : syn.kind(n) === 'name' ? syn.lookupFlag?.(n) : null;
      if (lookup) allowListLookup(walker, lookup, frame);
      return;
    }
    default:
      return;
  }
}

/**
 * `allowed[x]` found (truthy): `x` is one of the keys of a table the code holds, not request
 * data, so it is one of the values the code chose. A table that carries request data vouches
 * for nothing.
 */
function allowListLookup(walker: FlowWalker, lookup: SyntaxNode, frame: Frame): void {
  const syn = walker.file.ctx.syntax;
  const table = syn.child(lookup, 'object');
  const key = syn.child(lookup, 'index');
  if (!table || !key) return;
  const path = accessPath(walker.file.ctx, table);
  if (!path || frame.roles.has(path[0]!)) return;
  if (walker.pathTaint(path, table, frame).some((f) => f.label === 'source')) return;
  clean(walker, key, frame, ['*']);
}

/** The values a passing guard call vouches for. */
function checkedValues(walker: FlowWalker, g: GuardModel, call: SyntaxNode, receiver: SyntaxNode | null, args: SyntaxNode[]): SyntaxNode[] {
  const ctx = walker.file.ctx;
  switch (g.checks) {
    case 'receiver':
      return receiver ? [receiver, ...underNoArgCalls(walker, receiver)] : [];
    case 'receiver-arg': {
      const arg = receiver && ctx.syntax.kind(receiver) === 'call' ? ctx.adapter.positionalArgs(receiver)[0] : undefined;
      return arg ? [arg] : [];
    }
    case 'either': {
      const arg = args[0];
      if (!receiver || !arg) return [];
      if (isConstant(walker, receiver)) return [arg];
      return isConstant(walker, arg) ? [receiver, ...underNoArgCalls(walker, receiver)] : [];
    }
    default: {
      const checked = args[g.checks] ?? (g.keyword ? ctx.adapter.keywordArgs(call).get(g.keyword)?.value : undefined);
      return checked ? [checked] : [];
    }
  }
}

/**
 * `f.getCanonicalPath().startsWith(root)`, `name.trim().matches(re)`: a check on what a
 * method without arguments derives from a value vouches for the value it was called on.
 */
function underNoArgCalls(walker: FlowWalker, node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  let n = node;
  for (let i = 0; i < 8 && walker.file.ctx.syntax.kind(n) === 'call' && walker.file.ctx.adapter.positionalArgs(n).length === 0; i++) {
    const inner = receiverOf(walker, n, walker.file.ctx.adapter.callee(n)).receiverNode;
    if (!inner) break;
    out.push(inner);
    n = inner;
  }
  return out;
}

/** `int`, `(int, float)`: each type named must be one the guard lists. */
function typesMatch(ctx: FileContext, arg: SyntaxNode | undefined, types: RegExp): boolean {
  if (!arg) return false;
  const k = ctx.syntax.kind(arg);
  const names = k === 'array' || k === 'paren' ? arg.namedChildren.filter((c): c is SyntaxNode => !!c) : [arg];
  return names.length > 0 && names.every((n) => types.test(n.text));
}

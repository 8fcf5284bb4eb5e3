/**
 * Lists followed by position. A list written as a literal (`names = ["readme"]`, `new
 * ArrayList<>()`) has a length the walk knows; the propagators' `list-positions` rows say how
 * a method changes it (`push`, `insert`, `pop`), so each element keeps its own taint
 * (`names.0`, `names.1`) and `names[0]` after `names.push(x)` is not x. Anything the rows do not
 * cover (an index that is not a constant, `sort()`, branches that leave different lengths)
 * blurs the positions into the whole list, which is what an untracked list always carries.
 */
import type { SyntaxNode } from '../languages/parser';
import { accessPath } from './accessPath';
import { CLEAN, step, Taint, union, withStep } from './facts';
import type { FlowWalker, Frame } from './flow';
import type { ListOp } from './models';
import type { ListUpdate } from '../languages/taintSyntax';

/** Starts following `name` by position when it is given a clean list literal (or an empty `new` list). */
export function startFollowing(w: FlowWalker, name: string, valueNode: SyntaxNode | null, taint: Taint, frame: Frame): void {
  if (!valueNode || taint.length > 0) return;
  const syn = w.ctx.syntax;
  const kind = syn.kind(valueNode);
  const items = syn.listItems?.(valueNode);
  if (items) {
    if (!items.some((c) => syn.kind(c) === 'spread')) frame.env.setLength(name, items.length);
  } else if (kind === 'array') {
    const items = valueNode.namedChildren.filter((c) => !!c && syn.kind(c) !== 'comment');
    if (items.some((c) => syn.kind(c!) === 'spread')) return;
    frame.env.setLength(name, items.length);
  } else if (kind === 'new' && w.ctx.adapter.positionalArgs(valueNode).length === 0 && !syn.child(valueNode, 'body')) {
    frame.env.setLength(name, 0);
  }
}

/**
 * `names.push(x)`, `names.pop(0)` on a followed list: moves its elements and stores the value at
 * its position. True when the call was followed (the caller stores nothing more); false when
 * the receiver is not a followed list or the call blurred it.
 */
export function followListCall(w: FlowWalker, node: SyntaxNode, receiverNode: SyntaxNode, method: string, args: SyntaxNode[], argTaints: Taint[], frame: Frame): boolean {
  const models = w.file.models;
  const op = models.listOps.get(method);
  if (!op && !models.reorders.has(method)) return false;
  const path = accessPath(w.ctx, receiverNode);
  if (!path) return false;
  const key = path.join('.');
  const length = frame.env.lengthOf(key);
  if (length === undefined) return false;
  if (op && apply(w, node, key, length, op, args, argTaints, frame)) return true;
  frame.env.forgetPositions(key);
  return false;
}

/**
 * `names = append(names, x)` (a pack's `listUpdate`) on a followed list: each operation moves
 * the elements as the method rows' would. True when followed (the assignment is done); false
 * when the list is not followed, which leaves the ordinary assignment (the whole list).
 */
export function followListUpdate(w: FlowWalker, node: SyntaxNode, update: ListUpdate, frame: Frame): boolean {
  const path = accessPath(w.ctx, update.list);
  if (!path) return false;
  const key = path.join('.');
  if (frame.env.lengthOf(key) === undefined) return false;
  const values = update.ops.map((o) => (o.value ? w.expr(o.value, frame) : CLEAN));
  for (let i = 0; i < update.ops.length; i++) {
    const { op, value } = update.ops[i]!;
    const length = frame.env.lengthOf(key);
    if (length === undefined || !apply(w, node, key, length, op, value ? [value] : [], value ? [values[i]!] : [], frame)) {
      frame.env.forgetPositions(key);
      frame.env.set(key, union(frame.env.get(key), ...values));
      return true;
    }
  }
  return true;
}

/** `Collections.sort(names)`, `random.shuffle(names)`: a followed list given to a function that reorders it blurs. */
export function blurArguments(w: FlowWalker, name: string | undefined, args: SyntaxNode[], frame: Frame): void {
  if (!name || !w.file.models.reorders.has(name)) return;
  for (const a of args) {
    const path = accessPath(w.ctx, a);
    if (path) frame.env.forgetPositions(path.join('.'));
  }
}

/** A constant integer argument, or undefined. */
function position(w: FlowWalker, node: SyntaxNode | undefined): number | undefined {
  if (!node) return undefined;
  const v = w.ctx.adapter.constantValue(node, w.ctx.bindings);
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

function apply(w: FlowWalker, node: SyntaxNode, key: string, length: number, op: ListOp, args: SyntaxNode[], argTaints: Taint[], frame: Frame): boolean {
  const env = frame.env;
  const put = (at: number, taint: Taint): void => {
    env.shiftPositions(key, at, 1);
    env.set(`${key}.${at}`, withStep(taint, step(node, `stored in \`${key}\``)));
    env.setLength(key, length + 1);
  };
  const drop = (at: number): boolean => {
    if (at < 0 || at >= length) return false;
    env.set(`${key}.${at}`, CLEAN);
    env.shiftPositions(key, at + 1, -1);
    env.setLength(key, length - 1);
    return true;
  };
  switch (op) {
    case 'append':
      if (args.length === 1) {
        put(length, argTaints[0] ?? CLEAN);
        return true;
      }
      return args.length === 2 ? insert(w, args, argTaints, length, put) : false;
    case 'prepend':
      if (args.length !== 1) return false;
      put(0, argTaints[0] ?? CLEAN);
      return true;
    case 'insert':
      return args.length === 2 ? insert(w, args, argTaints, length, put) : false;
    case 'remove-first':
      return args.length === 0 && (length === 0 || drop(0));
    case 'pop': {
      if (args.length === 0) return length === 0 || drop(length - 1);
      const at = position(w, args[0]);
      return at !== undefined && args.length === 1 && drop(at < 0 ? length + at : at);
    }
    case 'remove-at': {
      const at = position(w, args[0]);
      return at !== undefined && args.length === 1 && drop(at);
    }
  }
}

/** `list.insert(i, x)`, `list.add(i, x)`: Python clamps a position past either end. */
function insert(w: FlowWalker, args: SyntaxNode[], argTaints: Taint[], length: number, put: (at: number, taint: Taint) => void): boolean {
  const at = position(w, args[0]);
  if (at === undefined) return false;
  put(Math.min(length, Math.max(0, at < 0 ? length + at : at)), argTaints[1] ?? CLEAN);
  return true;
}

/**
 * Expressions in the taint walk: what taint a value carries (names and access paths,
 * string building, operators, containers, comprehensions, assignments inside
 * expressions); calls are in calls.ts.
 */
import type { SyntaxNode } from '../languages/parser';
import { accessPath } from './accessPath';
import { evalCall, evalNew } from './calls';
import { CLEAN, sanitize, survivors, Taint, union } from './facts';
import { applyGuard, guardedKey } from './guards';
import { constantTruth } from './constantCondition';
import type { FlowWalker, Frame } from './flow';
import { evalPieces } from './urlPrefix';
import { followListUpdate } from './listPositions';
import type { Kind } from '../languages/taintSyntax';
import { checkComparison } from './comparisons';

/** Kinds whose value is their parts' value (parentheses, `await`, type assertions, spreads). */
const TRANSPARENT: ReadonlySet<Kind | undefined> = new Set(['paren', 'await', 'cast', 'spread', 'yield']);
/** Kinds holding values: the container carries what it holds. */
const CONTAINERS: ReadonlySet<Kind | undefined> = new Set(['array', 'object', 'group', 'interpolation']);
const CONCAT_OPS = new Set(['+', '%', '&&', '||', '??', 'and', 'or']);

export function evalExpr(w: FlowWalker, node: SyntaxNode, frame: Frame): Taint {
  const syn = w.ctx.syntax;
  const kind = syn.kind(node);
  if (TRANSPARENT.has(kind)) {
    let out: Taint = CLEAN;
    for (const c of node.namedChildren) if (c) out = union(out, w.expr(c, frame));
    return out;
  }
  if (kind === 'function') {
    w.closure(node, frame);
    return CLEAN;
  }
  switch (kind) {
    case 'name':
    case 'self':
      return w.pathTaint([node.text], node, frame);
    case 'member':
    case 'subscript': {
      const path = accessPath(w.ctx, node);
      if (path) return w.pathTaint(path, node, frame);
      // `obj[expr]`: the object's taint (and evaluate the key for its side effects).
      let out: Taint = CLEAN;
      // A tainted key selects among the object's own values; it does not taint the result.
      const key = syn.child(node, 'index');
      for (const c of node.namedChildren) {
        if (!c) continue;
        if (key && c.id === key.id) w.expr(c, frame);
        else out = union(out, w.expr(c, frame));
      }
      // `rows.filter(f).length`: a count, as `rows.length` is (pathTaint).
      return kind === 'member' && syn.child(node, 'property')?.text === 'length' ? CLEAN : out;
    }
    case 'call':
      return evalCall(w, node, frame);
    case 'new':
      return evalNew(w, node, frame);
    case 'string': {
      // Read in order, so a fixed URL prefix can pin the destination (urlPrefix.ts).
      const pieces = syn.stringPieces(node, w.ctx.bindings);
      if (pieces) return builtString(w, evalPieces(w, pieces, frame));
      let out: Taint = CLEAN;
      for (const c of node.namedChildren) {
        const k = c ? syn.kind(c) : undefined;
        if (c && (k === 'interpolation' || k === 'string')) out = union(out, w.expr(c, frame));
      }
      return builtString(w, out);
    }
    case 'binary': {
      const op = syn.operator(node);
      if (op === '+' || op === '%') {
        const pieces = syn.stringPieces(node, w.ctx.bindings);
        if (pieces) return builtString(w, evalPieces(w, pieces, frame));
      }
      const l = syn.child(node, 'left');
      const r = syn.child(node, 'right');
      const lt = l ? w.expr(l, frame) : CLEAN;
      const rt = r ? w.expr(r, frame) : CLEAN;
      if (l && r && !CONCAT_OPS.has(op)) checkComparison(w, node, op, [l, r], [lt, rt]);
      // Arithmetic makes a number: no input, unless its value is what matters (`Math.random() * 1e6`).
      return CONCAT_OPS.has(op) ? union(lt, rt) : survivors(union(lt, rt));
    }
    case 'unary': {
      // `&x`, `*p`: the value's address, the value a pointer points to.
      const op = syn.operator(node);
      let out: Taint = CLEAN;
      for (const c of node.namedChildren) if (c) out = union(out, w.expr(c, frame));
      // `!x`, `-x`, `typeof x`, `not x`: a boolean, a number or a type name.
      return op === '&' || op === '*' ? out : CLEAN;
    }
    case 'compare': {
      const operands = node.namedChildren.filter((c): c is SyntaxNode => !!c && syn.kind(c) !== 'comment');
      const taints = operands.map((c) => w.expr(c, frame));
      checkComparison(w, node, syn.operator(node), operands, taints);
      return CLEAN;
    }
    case 'ternary': {
      // `cond ? a : b`: `a` where `cond` holds, `b` where it does not (`OK.includes(x) ? x : 'jpg'`).
      const cond = syn.child(node, 'condition');
      const yesNode = syn.child(node, 'consequence');
      const noNode = syn.child(node, 'alternative');
      if (!cond || !yesNode || !noNode) return CLEAN;
      w.expr(cond, frame);
      const truth = constantTruth(w.ctx, cond);
      if (truth !== undefined) return w.expr(truth ? yesNode : noNode, frame);
      const yes = w.fork(frame);
      applyGuard(w, cond, yes, true);
      const no = w.fork(frame);
      applyGuard(w, cond, no, false);
      let yesTaint = w.expr(yesNode, yes);
      const checked = yes.env.has(guardedKey(w.ctx, yesNode)) ? yes.env.get(guardedKey(w.ctx, yesNode))[0]?.cleanFor : undefined;
      if (checked) yesTaint = checked.has('*') ? yesTaint.map((f) => (f.survives ? f : { ...f, cleanFor: checked })) : sanitize(yesTaint, [...checked]);
      return union(yesTaint, w.expr(noNode, no));
    }
    case 'choice': {
      let out: Taint = CLEAN;
      // Python `a if cond else b`: only the side that a constant condition picks.
      const [a, test, b] = node.namedChildren;
      const truth = a && test && b ? constantTruth(w.ctx, test) : undefined;
      if (truth !== undefined) return w.expr(truth ? a! : b!, frame);
      const cond = syn.child(node, 'condition');
      for (const c of node.namedChildren) if (c && c !== cond) out = union(out, w.expr(c, frame));
      if (cond) w.expr(cond, frame);
      return out;
    }
    case 'assign':
    case 'update': {
      const left = syn.child(node, 'left');
      const right = syn.child(node, 'right');
      if (!left || !right) return CLEAN;
      if (syn.kind(right) === 'function') {
        w.closure(right, frame);
        return CLEAN;
      }
      // `names = append(names, x)` on a list followed by position.
      const update = kind === 'assign' ? syn.listUpdate?.(node) : null;
      if (update && followListUpdate(w, node, update, frame)) return CLEAN;
      let value = w.expr(right, frame);
      if (kind === 'update') value = union(value, w.expr(left, frame));
      w.assign(left, right, value, frame, node);
      return value;
    }
    case 'sequence': {
      let last: Taint = CLEAN;
      for (const c of node.namedChildren) if (c) last = w.expr(c, frame);
      return last;
    }
    case 'pair': {
      const value = syn.child(node, 'value');
      return value ? w.expr(value, frame) : CLEAN;
    }
    case 'comprehension':
      return comprehension(w, node, frame);
    case 'markup':
      for (const c of node.namedChildren) if (c) w.expr(c, frame);
      return CLEAN;
    default:
      if (kind === 'object') return objectLiteral(w, node, frame);
      if (CONTAINERS.has(kind)) {
        let out: Taint = CLEAN;
        for (const c of node.namedChildren) if (c && syn.kind(c) !== 'comment') out = union(out, w.expr(c, frame));
        return out;
      }
      return CLEAN;
  }
}

/**
 * `{ id: shortid(), content }`: the object holds what its entries hold, and a name it is bound
 * to keeps the entries under constant keys apart (`comment.id` is not `comment.content`:
 * FlowWalker.madeFields); spreads and computed keys are the rest of it.
 */
function objectLiteral(w: FlowWalker, node: SyntaxNode, frame: Frame): Taint {
  const syn = w.ctx.syntax;
  const fields = new Map<string, Taint>();
  let rest: Taint = CLEAN;
  for (const c of node.namedChildren) {
    const k = c ? syn.kind(c) : 'comment';
    if (!c || k === 'comment') continue;
    const taint = w.expr(c, frame);
    const parts = k === 'pair' ? w.ctx.adapter.pairParts(c) : null;
    const key = parts ? parts.key : k === 'name' ? c.text : undefined;
    if (key !== undefined && !fields.has(key)) fields.set(key, taint);
    else rest = union(rest, taint);
  }
  w.madeFields = fields.size > 0 ? { node: node.id, fields, rest } : undefined;
  return union(rest, ...fields.values());
}

function comprehension(w: FlowWalker, node: SyntaxNode, frame: Frame): Taint {
  const syn = w.ctx.syntax;
  const inner = w.fork(frame);
  for (const clause of node.namedChildren) {
    const k = clause ? syn.kind(clause) : undefined;
    if (k === 'for-clause') {
      const left = syn.child(clause!, 'left');
      const right = syn.child(clause!, 'right');
      if (left && right) w.bind(left, null, w.expr(right, inner), inner);
    } else if (k === 'if-clause') {
      for (const c of clause!.namedChildren) if (c) w.expr(c, inner);
    }
  }
  const body = syn.child(node, 'body');
  return body ? w.expr(body, inner) : CLEAN;
}

/** A string built with the value: clean for the kinds no string can reach (the models' `built-strings-clean`). */
function builtString(w: FlowWalker, taint: Taint): Taint {
  const kinds = w.file.models.builtStringsClean;
  return kinds.length > 0 && taint.length > 0 ? sanitize(taint, kinds) : taint;
}

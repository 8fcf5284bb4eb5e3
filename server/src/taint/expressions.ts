/**
 * Expressions in the taint walk: what taint a value carries (names and access paths,
 * string building, operators, containers, comprehensions, assignments inside
 * expressions); calls are in calls.ts.
 */
import type { SyntaxNode } from '../languages/parser';
import { accessPath } from './accessPath';
import { evalCall, evalNew } from './calls';
import { CLEAN, sanitize, Taint, union } from './facts';
import { applyGuard, guardedKey } from './guards';
import { constantTruth } from './constantCondition';
import type { FlowWalker, Frame } from './flow';
import { isFunctionNode } from './units';
import { evalPieces, stringPieces } from './urlPrefix';

const TRANSPARENT = new Set(['parenthesized_expression', 'await_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'type_assertion', 'spread_element', 'list_splat', 'dictionary_splat', 'yield_expression', 'await']);
const CONTAINERS = new Set(['array', 'object', 'list', 'dictionary', 'tuple', 'set', 'expression_list', 'pattern_list', 'arguments', 'template_substitution', 'interpolation', 'jsx_expression']);
const CONCAT_OPS = new Set(['+', '%', '&&', '||', '??', 'and', 'or']);

export function evalExpr(w: FlowWalker, node: SyntaxNode, frame: Frame): Taint {
  const t = node.type;
  if (TRANSPARENT.has(t)) {
    let out: Taint = CLEAN;
    for (const c of node.namedChildren) if (c) out = union(out, w.expr(c, frame));
    return out;
  }
  if (isFunctionNode(w.ctx, node)) {
    w.closure(node, frame);
    return CLEAN;
  }
  switch (t) {
    case 'identifier':
    case 'shorthand_property_identifier':
    case 'this':
      return w.pathTaint([node.text], node, frame);
    case 'member_expression':
    case 'attribute':
    case 'subscript_expression':
    case 'subscript': {
      const path = accessPath(w.ctx, node);
      if (path) return w.pathTaint(path, node, frame);
      // `obj[expr]`: the object's taint (and evaluate the key for its side effects).
      let out: Taint = CLEAN;
      // A tainted key selects among the object's own values; it does not taint the result.
      const key = node.childForFieldName('index') ?? node.childForFieldName('subscript');
      for (const c of node.namedChildren) {
        if (!c) continue;
        if (key && c.id === key.id) w.expr(c, frame);
        else out = union(out, w.expr(c, frame));
      }
      return out;
    }
    case 'call_expression':
    case 'call':
      return evalCall(w, node, frame);
    case 'new_expression':
      return evalNew(w, node, frame);
    case 'template_string':
    case 'string':
    case 'concatenated_string': {
      // Read in order, so a fixed URL prefix can pin the destination (urlPrefix.ts).
      const pieces = stringPieces(w.ctx, node);
      if (pieces) return evalPieces(w, pieces, frame);
      let out: Taint = CLEAN;
      for (const c of node.namedChildren) {
        if (c && (c.type === 'template_substitution' || c.type === 'interpolation' || c.type === 'string')) out = union(out, w.expr(c, frame));
      }
      return out;
    }
    case 'binary_expression':
    case 'binary_operator':
    case 'boolean_operator': {
      const op = node.childForFieldName('operator')?.text ?? '';
      if (op === '+' || op === '%') {
        const pieces = stringPieces(w.ctx, node);
        if (pieces) return evalPieces(w, pieces, frame);
      }
      const l = node.childForFieldName('left');
      const r = node.childForFieldName('right');
      const lt = l ? w.expr(l, frame) : CLEAN;
      const rt = r ? w.expr(r, frame) : CLEAN;
      return CONCAT_OPS.has(op) ? union(lt, rt) : CLEAN;
    }
    case 'unary_expression':
    case 'not_operator':
    case 'unary_operator': {
      for (const c of node.namedChildren) if (c) w.expr(c, frame);
      // `!x`, `-x`, `typeof x`, `not x`: a boolean, a number or a type name.
      return CLEAN;
    }
    case 'comparison_operator':
    case 'instanceof_expression':
      for (const c of node.namedChildren) if (c) w.expr(c, frame);
      return CLEAN;
    case 'ternary_expression': {
      // `cond ? a : b`: `a` where `cond` holds, `b` where it does not (`OK.includes(x) ? x : 'jpg'`).
      const cond = node.childForFieldName('condition');
      const yesNode = node.childForFieldName('consequence');
      const noNode = node.childForFieldName('alternative');
      if (!cond || !yesNode || !noNode) return CLEAN;
      w.expr(cond, frame);
      const truth = constantTruth(w.ctx, cond);
      if (truth !== undefined) return w.expr(truth ? yesNode : noNode, frame);
      const yes = w.fork(frame);
      applyGuard(w, cond, yes, true);
      const no = w.fork(frame);
      applyGuard(w, cond, no, false);
      let yesTaint = w.expr(yesNode, yes);
      const checked = yes.env.has(guardedKey(yesNode)) ? yes.env.get(guardedKey(yesNode))[0]?.cleanFor : undefined;
      if (checked) yesTaint = checked.has('*') ? yesTaint.map((f) => ({ ...f, cleanFor: checked })) : sanitize(yesTaint, [...checked]);
      return union(yesTaint, w.expr(noNode, no));
    }
    case 'conditional_expression': {
      let out: Taint = CLEAN;
      // Python `a if cond else b`: only the side that a constant condition picks.
      const [a, test, b] = node.namedChildren;
      const truth = a && test && b ? constantTruth(w.ctx, test) : undefined;
      if (truth !== undefined) return w.expr(truth ? a! : b!, frame);
      const cond = node.childForFieldName('condition');
      for (const c of node.namedChildren) if (c && c !== cond) out = union(out, w.expr(c, frame));
      if (cond) w.expr(cond, frame);
      return out;
    }
    case 'assignment_expression':
    case 'assignment':
    case 'augmented_assignment_expression':
    case 'augmented_assignment': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (!left || !right) return CLEAN;
      if (isFunctionNode(w.ctx, right)) {
        w.closure(right, frame);
        return CLEAN;
      }
      let value = w.expr(right, frame);
      if (t.startsWith('augmented')) value = union(value, w.expr(left, frame));
      w.assign(left, right, value, frame, node);
      return value;
    }
    case 'sequence_expression': {
      let last: Taint = CLEAN;
      for (const c of node.namedChildren) if (c) last = w.expr(c, frame);
      return last;
    }
    case 'pair': {
      const value = node.childForFieldName('value');
      return value ? w.expr(value, frame) : CLEAN;
    }
    case 'list_comprehension':
    case 'generator_expression':
    case 'set_comprehension':
    case 'dictionary_comprehension':
      return comprehension(w, node, frame);
    case 'jsx_element':
    case 'jsx_self_closing_element':
    case 'jsx_opening_element':
    case 'jsx_attribute':
    case 'jsx_fragment':
      for (const c of node.namedChildren) if (c) w.expr(c, frame);
      return CLEAN;
    default:
      if (CONTAINERS.has(t)) {
        let out: Taint = CLEAN;
        for (const c of node.namedChildren) if (c && c.type !== 'comment') out = union(out, w.expr(c, frame));
        return out;
      }
      return CLEAN;
  }
}

function comprehension(w: FlowWalker, node: SyntaxNode, frame: Frame): Taint {
  const inner = w.fork(frame);
  for (const clause of node.namedChildren) {
    if (clause?.type === 'for_in_clause') {
      const left = clause.childForFieldName('left');
      const right = clause.childForFieldName('right');
      if (left && right) w.bind(left, null, w.expr(right, inner), inner);
    } else if (clause?.type === 'if_clause') {
      for (const c of clause.namedChildren) if (c) w.expr(c, inner);
    }
  }
  const body = node.childForFieldName('body');
  return body ? w.expr(body, inner) : CLEAN;
}

/** A function literal where it appears: analysed with the environment it closes over. */

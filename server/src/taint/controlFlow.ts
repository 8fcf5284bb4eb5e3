/**
 * Branching statements in the taint walk: `if`/`elif`/`else` (each branch from the same state
 * with what its guard guarantees, then joined), loops walked twice so a later statement's
 * taint reaches an earlier one, `try` handlers, `with` items and `switch` cases.
 */
import type { SyntaxNode } from '../languages/parser';
import { NESTING_LIMIT, noteNestingCut } from '../languages/nesting';
import { Env } from './env';
import { CLEAN, union } from './facts';
import type { FlowWalker, Frame } from './flow';
import type { Role, SwitchCase } from '../languages/taintSyntax';
import { applyGuard, clean } from './guards';
import { constantOf, constantTruth } from './constantCondition';

/**
 * `if condition: consequence else: …`: both branches are walked from the same state, each
 * with what the condition guarantees on it, then joined; a branch that always exits
 * (return, throw, abort) does not reach the code after the statement.
 */
function conditional(w: FlowWalker, condition: SyntaxNode | null, consequence: SyntaxNode | null, otherwise: (frame: Frame) => boolean, frame: Frame): boolean {
  if (condition) w.expr(condition, frame);
  // `if (7 * 42) - num > 200:` with a constant `num`: only the branch that runs is walked.
  const truth = condition ? constantTruth(w.ctx, condition) : undefined;
  if (truth === true) return consequence ? w.statement(consequence, frame) : false;
  if (truth === false) return otherwise(frame);
  const thenFrame = w.fork(frame);
  const elseFrame = w.fork(frame);
  if (condition) {
    applyGuard(w, condition, thenFrame, true);
    applyGuard(w, condition, elseFrame, false);
  }
  const thenExits = consequence ? w.statement(consequence, thenFrame) : false;
  const elseExits = otherwise(elseFrame);
  frame.returns = union(frame.returns, thenFrame.returns, elseFrame.returns);
  if (thenExits && elseExits) return true;
  frame.env = thenExits ? elseFrame.env : elseExits ? thenFrame.env : Env.join(thenFrame.env, elseFrame.env);
  return false;
}

export function ifStatement(w: FlowWalker, node: SyntaxNode, frame: Frame): boolean {
  const syn = w.ctx.syntax;
  // `if err := db.Exec(q); err != nil`: the statement in the head runs first.
  const initializer = syn.child(node, 'initializer');
  if (initializer) w.statement(initializer, frame);
  const alternatives = syn.children(node, 'alternative');
  return conditional(w, syn.child(node, 'condition'), syn.child(node, 'consequence'), (elseFrame) => {
    const first = alternatives[0];
    if (!first) return false;
    // An elif chain is a nested if on the else branch.
    return syn.kind(first) === 'elif' ? elifChain(w, alternatives, elseFrame) : w.statement(first, elseFrame);
  }, frame);
}

/** Each `elif` is one level deeper (its branch nests in the previous one's else), as counted by the walk. */
function elifChain(w: FlowWalker, clauses: SyntaxNode[], frame: Frame, from = 0): boolean {
  const head = clauses[from];
  if (!head) return false;
  if (w.file.depth >= NESTING_LIMIT) {
    noteNestingCut(head.startPosition.row);
    return false;
  }
  w.file.depth++;
  const syn = w.ctx.syntax;
  const exits =
    syn.kind(head) === 'else'
      ? w.block(syn.child(head, 'body')?.namedChildren ?? head.namedChildren, frame)
      : conditional(w, syn.child(head, 'condition'), syn.child(head, 'consequence'), (elseFrame) => elifChain(w, clauses, elseFrame, from + 1), frame);
  w.file.depth--;
  return exits;
}

/** Loops nested deeper than this are walked once: twice round each would be exponential in the nesting. */
const MAX_TWICE_NESTING = 4;

/** The parts of a loop's header walked each time round: `for (init; condition; update)`. */
const LOOP_PARTS: readonly Role[] = ['initializer', 'condition', 'update'];

export function loopStatement(w: FlowWalker, node: SyntaxNode, frame: Frame): void {
  const syn = w.ctx.syntax;
  const left = syn.child(node, 'left');
  const right = syn.child(node, 'right');
  const body = syn.child(node, 'body');
  // Twice round, so taint from a later statement reaches an earlier one on the next iteration;
  // unless the first round changed nothing (the second would walk the same state again).
  const file = w.file;
  file.loops++;
  for (let i = 0; i < 2; i++) {
    if (i === 1 && file.loops > MAX_TWICE_NESTING) break;
    const before = frame.env;
    const iter = w.fork(frame);
    for (const role of LOOP_PARTS) {
      const part = syn.child(node, role);
      if (part) w.statement(part, iter);
    }
    if (left && right) w.bind(syn.kind(left) === 'declaration' ? left.namedChild(0)! : left, null, w.expr(right, iter), iter);
    else if (right) w.expr(right, iter);
    if (body) w.statement(body, iter);
    frame.returns = union(frame.returns, iter.returns);
    frame.env = Env.join(frame.env, iter.env);
    if (frame.env.sameAs(before)) break;
  }
  file.loops--;
  const alternative = syn.child(node, 'alternative');
  if (alternative) w.statement(alternative, frame);
}

export function tryStatement(w: FlowWalker, node: SyntaxNode, frame: Frame): void {
  const syn = w.ctx.syntax;
  const body = syn.child(node, 'body');
  // Resources declared in the statement's head (`try (Reader r = new FileReader(p))`) come first.
  const resources = node.namedChildren.filter((c): c is SyntaxNode => !!c && syn.kind(c) === 'declaration');
  for (const r of resources) w.statement(r, frame);
  if (body) w.statement(body, frame);
  for (const c of node.namedChildren) {
    if (!c || c.id === body?.id || resources.some((r) => r.id === c.id)) continue;
    const handlerFrame = w.fork(frame);
    const block = syn.child(c, 'body') ?? c.namedChildren.find((x) => !!x && syn.kind(x) === 'block');
    if (block) w.statement(block, handlerFrame);
    frame.env = Env.join(frame.env, handlerFrame.env);
    frame.returns = union(frame.returns, handlerFrame.returns);
  }
}

export function withStatement(w: FlowWalker, node: SyntaxNode, frame: Frame): void {
  const syn = w.ctx.syntax;
  for (const item of node.descendantsOfType(syn.typesOf('with-item'))) {
    const value = item ? syn.child(item, 'value') : null;
    if (!value) continue;
    if (syn.kind(value) === 'alias') {
      const expr = value.namedChild(0);
      const alias = syn.child(value, 'alias')?.namedChild(0);
      const t = expr ? w.expr(expr, frame) : CLEAN;
      if (alias) w.bind(alias, expr, t, frame);
    } else w.expr(value, frame);
  }
  const body = syn.child(node, 'body');
  if (body) w.statement(body, frame);
}

export function switchStatement(w: FlowWalker, node: SyntaxNode, frame: Frame): void {
  const syn = w.ctx.syntax;
  // `switch x := f(); x {`: the statement in the head runs first.
  const initializer = syn.child(node, 'initializer');
  if (initializer) w.statement(initializer, frame);
  const value = syn.child(node, 'subject');
  const alias = syn.child(node, 'alias');
  const subject = value ? w.expr(value, frame) : CLEAN;
  // `switch v := x.(type)`: the name each case reads is the subject.
  if (alias && value) w.bind(alias, value, subject, frame);
  // The cases are in a body, or (where the grammar has none) the statement's other children.
  const head = new Set([initializer?.id, value?.id, alias?.id]);
  const body = syn.child(node, 'body') ?? node;
  const clauses = body.namedChildren.filter((c): c is SyntaxNode => !!c && syn.kind(c) !== 'comment' && !head.has(c.id));
  if (value && constantSwitch(w, value, clauses, frame)) return;
  let joined = frame.env;
  let previous: SwitchCase | null | undefined;
  for (const c of clauses) {
    const caseFrame = w.fork(frame);
    // `case "fast":` compares the subject with constants: in that case it is one of them
    // (unless the case before falls through into it).
    const info = syn.switchCase?.(c);
    if (value && info && info.values.length > 0 && !previous?.fallsThrough && info.values.every((v) => constantOf(w.ctx, v, w.scope) !== undefined)) clean(w, value, caseFrame, ['*']);
    previous = info;
    w.block(caseStatements(w, c), caseFrame);
    joined = Env.join(joined, caseFrame.env);
    frame.returns = union(frame.returns, caseFrame.returns);
  }
  frame.env = joined;
}

function caseStatements(w: FlowWalker, clause: SyntaxNode): SyntaxNode[] {
  const caseValue = w.ctx.syntax.child(clause, 'value');
  return clause.namedChildren.filter((x): x is SyntaxNode => !!x && x.id !== caseValue?.id);
}

/**
 * `switch (mode)` with `mode` fixed by the code (`const mode = 'B'`): only the case it selects
 * runs, and the cases it falls through into. False (nothing walked) when the subject is not a
 * constant or a case cannot be compared, so every case is walked and joined instead.
 */
function constantSwitch(w: FlowWalker, subject: SyntaxNode, clauses: SyntaxNode[], frame: Frame): boolean {
  const syn = w.ctx.syntax;
  if (!syn.switchCase) return false;
  const scope = w.scope;
  const target = constantOf(w.ctx, subject, scope);
  if (target === undefined) return false;
  let start = -1;
  let fallback = -1;
  const cases = clauses.map((c) => syn.switchCase!(c));
  for (let i = 0; i < cases.length && start < 0; i++) {
    const info = cases[i];
    if (!info) return false;
    if (info.values.length === 0) fallback = fallback < 0 ? i : fallback;
    for (const v of info.values) {
      const cv = constantOf(w.ctx, v, scope);
      // A case whose value the code does not fix might be the one that matches.
      if (cv === undefined) return false;
      if (cv === target) start = i;
    }
  }
  start = start >= 0 ? start : fallback;
  if (start < 0) return true; // no case matches and there is no default: nothing runs
  for (let i = start; i < clauses.length; i++) {
    if (w.block(caseStatements(w, clauses[i]!), frame)) break;
    if (!cases[i]!.fallsThrough) break;
  }
  return true;
}

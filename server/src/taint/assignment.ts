/**
 * Where a value's taint goes when it is bound: names, destructuring patterns (`{ a, b: c }`,
 * `[a, b]`), assignment targets (`obj.x = v`, `obj[k] = v`) and destructured role parameters,
 * whose input members are sources of their own.
 */
import type { SyntaxNode } from '../languages/parser';
import { NESTING_LIMIT, noteNestingCut } from '../languages/nesting';
import { accessPath, roleSource } from './accessPath';
import { trackContentTypeAssign } from './contentType';
import { CLEAN, snippet, step, Taint, union, withStep } from './facts';
import type { FlowWalker, Frame } from './flow';
import { checkAssignSink } from './sinks';
import { patternEntry } from './units';
import { startFollowing } from './listPositions';

/** `(_, { id, input }) => …`: each name taken out of an input object is a source named by its key. */
export function bindInputPattern(w: FlowWalker, pattern: SyntaxNode, frame: Frame): void {
  for (const entry of pattern.namedChildren) {
    if (!entry) continue;
    const { key, target } = patternEntry(w.ctx, entry);
    const id = target ?? (w.ctx.syntax.kind(entry) === 'rest-entry' ? entry.namedChild(0) : null);
    if (id) bindEntry(w, id, [w.sourceFact(entry, 'remote', key ?? id.text)], frame);
  }
}

/** Binds the names a destructured role parameter takes: input members are sources, the rest clean. */
export function bindRolePattern(w: FlowWalker, pattern: SyntaxNode, role: string, frame: Frame): void {
  for (const entry of pattern.namedChildren) {
    if (!entry || w.ctx.syntax.kind(entry) === 'rest-entry') continue;
    const { key, target } = patternEntry(w.ctx, entry);
    if (!target || !key) continue;
    const source = roleSource(w.file.models.sources, role, [key]);
    bindEntry(w, target, source ? [w.sourceFact(entry, source.kind, key, source.cleanFor)] : CLEAN, frame);
  }
}

/** One entry of a destructured parameter: a plain name loses any role it had; a nested pattern binds on. */
function bindEntry(w: FlowWalker, target: SyntaxNode, taint: Taint, frame: Frame): void {
  const k = w.ctx.syntax.kind(target);
  if (k === 'name' || k === 'shorthand-entry') {
    frame.env.set(target.text, taint);
    frame.roles.delete(target.text);
  } else bindPattern(w, target, null, taint, frame);
}

/** Binds a pattern (`x`, `{ a, b: c }`, `[a, b]`, `a, b`) to a value's taint. */
export function bindPattern(w: FlowWalker, pattern: SyntaxNode, valueNode: SyntaxNode | null, taint: Taint, frame: Frame, depth = 0): void {
  if (depth > NESTING_LIMIT) return noteNestingCut(pattern.startPosition.row);
  const syn = w.ctx.syntax;
  const basePath = valueNode ? accessPath(w.ctx, valueNode) : null;
  switch (syn.kind(pattern)) {
    case 'name': {
      if (!bindFields(w, pattern, valueNode, frame)) frame.env.set(pattern.text, withStep(taint, step(pattern, `assigned to \`${pattern.text}\``)));
      startFollowing(w, pattern.text, valueNode, taint, frame);
      // `const r = req` keeps the role.
      const role = (basePath?.length === 1 ? frame.roles.get(basePath[0]!) : undefined) ?? w.file.globalRoles.get(pattern.text);
      if (role) frame.roles.set(pattern.text, role);
      else frame.roles.delete(pattern.text);
      return;
    }
    case 'object-pattern':
      for (const entry of pattern.namedChildren) {
        if (!entry) continue;
        const { key, target } = patternEntry(w.ctx, entry);
        if (!target) continue;
        const memberTaint = basePath && key ? w.pathTaint(basePath.concat(key), entry, frame) : taint;
        const k = syn.kind(target);
        if (k === 'name' || k === 'shorthand-entry') {
          frame.env.set(target.text, withStep(memberTaint, step(target, `assigned to \`${target.text}\``)));
        } else bindPattern(w, target, null, memberTaint, frame, depth + 1);
      }
      return;
    case 'paren': {
      // `names := []string{…}` where the grammar wraps the one target (and its one value) in a
      // list: that name, bound to that value.
      const inner = pattern.namedChildCount === 1 ? pattern.namedChild(0) : null;
      if (inner) {
        const value = valueNode && syn.kind(valueNode) === 'paren' && valueNode.namedChildCount === 1 ? valueNode.namedChild(0) : valueNode;
        bindPattern(w, inner, value, taint, frame, depth + 1);
        return;
      }
      for (const c of pattern.namedChildren) if (c) bindPattern(w, c, null, taint, frame, depth + 1);
      return;
    }
    default:
      // Arrays, tuples and other patterns: every name gets the whole value's taint.
      for (const c of pattern.namedChildren) if (c) bindPattern(w, c, null, taint, frame, depth + 1);
  }
}

/** `u := User{Name: n, Role: "admin"}` (or `&User{…}`): `u.Name` holds `n`'s taint, `u.Role` none. */
function bindFields(w: FlowWalker, name: SyntaxNode, valueNode: SyntaxNode | null, frame: Frame): boolean {
  const made = w.madeFields;
  if (!made || !valueNode) return false;
  const syn = w.ctx.syntax;
  let v: SyntaxNode | null = valueNode;
  while (v && v.id !== made.node && (syn.kind(v) === 'unary' || syn.kind(v) === 'paren') && v.namedChildCount === 1) v = v.namedChild(0);
  if (v?.id !== made.node) return false;
  // The value itself holds what its positional parts carry; each field its own (reading the
  // whole value still sees them all).
  frame.env.set(name.text, withStep(made.rest, step(name, `assigned to \`${name.text}\``)));
  for (const [k, t] of made.fields) frame.env.set(`${name.text}.${k}`, withStep(t, step(name, `assigned to \`${name.text}.${k}\``)));
  return true;
}

export function assignTo(w: FlowWalker, target: SyntaxNode, valueNode: SyntaxNode | null, taint: Taint, frame: Frame, node: SyntaxNode): void {
  checkAssignSink(w, target, valueNode, taint, node, frame);
  trackContentTypeAssign(w, target, valueNode, frame);
  const path = accessPath(w.ctx, target);
  if (path && path.length > 1) {
    frame.env.set(path.join('.'), withStep(taint, step(target, `stored in \`${snippet(target)}\``)));
    return;
  }
  if (path) {
    bindPattern(w, target, valueNode, taint, frame);
    return;
  }
  const k = w.ctx.syntax.kind(target);
  if (k === 'array-pattern' || k === 'object-pattern' || k === 'array') {
    bindPattern(w, target, valueNode, taint, frame);
    return;
  }
  // `obj[key] = v` with an unknown key: the object as a whole now holds the taint.
  const base = w.ctx.syntax.child(target, 'object');
  const basePath = base ? accessPath(w.ctx, base) : null;
  if (basePath) frame.env.set(basePath.join('.'), union(frame.env.get(basePath.join('.')), taint));
}

/**
 * Go's control and container shapes in the taint walk's words: switch cases (no implicit
 * fall-through, `fallthrough` to go on), the comma-ok flag of a map lookup, slice literals,
 * and the slice idioms that add or drop elements (`append`, re-slicing).
 */
import type { SyntaxNode } from '../parser';
import type { ListUpdate, SwitchCase } from '../taintSyntax';

const SLICE_TYPES = new Set(['slice_type', 'array_type', 'implicit_length_array_type']);
const FUNCTIONS = new Set(['function_declaration', 'method_declaration', 'func_literal']);
const ASSIGNMENTS = new Set(['short_var_declaration', 'assignment_statement']);

/** `case "a", "b":` (its values) and `default:`; a case runs on only through `fallthrough`. */
export function goSwitchCase(clause: SyntaxNode): SwitchCase | null {
  if (clause.type !== 'expression_case' && clause.type !== 'default_case') return null;
  const values = clause.type === 'default_case' ? [] : (clause.childForFieldName('value')?.namedChildren ?? []).filter((v): v is SyntaxNode => !!v);
  const statements = clause.namedChildren.find((c) => c?.type === 'statement_list');
  const last = statements?.namedChild(statements.namedChildCount - 1);
  return { values, fallsThrough: last?.type === 'fallthrough_statement' };
}

/** The elements of `[]string{"a", b}` (a slice or array literal without keys). */
export function goListItems(node: SyntaxNode): SyntaxNode[] | null {
  if (node.type !== 'composite_literal' || !SLICE_TYPES.has(node.childForFieldName('type')?.type ?? '')) return null;
  const elements = (node.childForFieldName('body')?.namedChildren ?? []).filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  // `[]string{2: "x"}` places elements by index: not followed.
  return elements.every((e) => e.type === 'literal_element') ? elements : null;
}

/** The one expression of a one-element expression list, or the node itself. */
function single(node: SyntaxNode | null): SyntaxNode | null {
  if (node?.type !== 'expression_list') return node;
  return node.namedChildCount === 1 ? node.namedChild(0) : null;
}

/** A constant non-negative integer written as a literal (`1` in `names[1:]`). */
function intLiteral(node: SyntaxNode | null): number | undefined {
  return node?.type === 'int_literal' && /^\d+$/.test(node.text) ? Number(node.text) : undefined;
}

/**
 * `names = append(names, a, b)`, `names = append([]string{x}, names...)`, `names = names[k:]`,
 * `names = names[:len(names)-1]`: the list and what happens to its positions.
 */
export function goListUpdate(assign: SyntaxNode): ListUpdate | null {
  if (assign.type !== 'assignment_statement' && assign.type !== 'short_var_declaration') return null;
  if (assign.type === 'assignment_statement' && (assign.childForFieldName('operator')?.text ?? '=') !== '=') return null;
  const target = single(assign.childForFieldName('left'));
  const value = single(assign.childForFieldName('right'));
  if (target?.type !== 'identifier' || !value) return null;
  const name = target.text;
  if (value.type === 'slice_expression' && value.childForFieldName('operand')?.text === name) {
    const start = value.childForFieldName('start');
    const end = value.childForFieldName('end');
    // `names[k:]`: the first k elements go.
    const k = intLiteral(start);
    if (k !== undefined && !end && k <= 8) return { list: target, ops: Array.from({ length: k }, () => ({ op: 'remove-first' as const })) };
    // `names[:len(names)-1]`: the last one goes.
    if (!start && end?.type === 'binary_expression' && end.childForFieldName('operator')?.text === '-' && intLiteral(end.childForFieldName('right')) === 1 && end.childForFieldName('left')?.text === `len(${name})`) {
      return { list: target, ops: [{ op: 'pop' }] };
    }
    return null;
  }
  if (value.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'append') return null;
  const args = (value.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  const [first, ...rest] = args;
  if (!first) return null;
  if (first.type === 'identifier' && first.text === name) {
    // `append(names, other...)` adds elements the walk cannot count.
    if (rest.some((r) => r.type === 'variadic_argument')) return null;
    return { list: target, ops: rest.map((v) => ({ op: 'append' as const, value: v })) };
  }
  // `append([]string{x, y}, names...)`: x and y go in front, in that order.
  const spread = rest.length === 1 && rest[0]!.type === 'variadic_argument' ? rest[0]!.namedChild(0) : null;
  const items = goListItems(first);
  if (spread?.type === 'identifier' && spread.text === name && items) {
    return { list: target, ops: items.reverse().map((v) => ({ op: 'prepend' as const, value: v })) };
  }
  return null;
}

/**
 * `ok` in `if !ok` (or `if ok`) after `_, ok := table[key]` in the `if`'s own head or an earlier
 * statement of an enclosing block: that lookup. The nearest assignment to the name decides.
 */
export function goLookupFlag(name: SyntaxNode): SyntaxNode | null {
  if (name.type !== 'identifier') return null;
  for (let node: SyntaxNode | null = name, parent = name.parent; parent && !FUNCTIONS.has(parent.type); node = parent, parent = parent.parent) {
    if (parent.type === 'if_statement') {
      const init = parent.childForFieldName('initializer');
      const found = init && init.id !== node.id ? flagAssignment(init, name.text) : undefined;
      if (found !== undefined) return found;
    }
    if (parent.type === 'statement_list' || parent.type === 'block') {
      for (let s = node.previousNamedSibling; s; s = s.previousNamedSibling) {
        const found = flagAssignment(s, name.text);
        if (found !== undefined) return found;
      }
    }
  }
  return null;
}

/** For a statement assigning `flag`: the lookup when it is `_, flag := table[key]`, else null; undefined when it does not assign `flag`. */
function flagAssignment(statement: SyntaxNode, flag: string): SyntaxNode | null | undefined {
  if (!ASSIGNMENTS.has(statement.type)) return undefined;
  const left = statement.childForFieldName('left')?.namedChildren ?? [];
  const at = left.findIndex((l) => l?.type === 'identifier' && l.text === flag);
  if (at < 0) return undefined;
  const right = statement.childForFieldName('right')?.namedChildren ?? [];
  const lookup = right.length === 1 ? right[0] : null;
  return left.length === 2 && at === 1 && lookup?.type === 'index_expression' ? lookup : null;
}

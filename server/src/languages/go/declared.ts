/**
 * The value a Go local is given by its only assignment in its function (`q := fmt.Sprintf(…)`,
 * `zr, err := gzip.NewReader(r)`: the call, for its first result), for fixes that rewrite the
 * value and for `made-by` tests.
 */
import type { SyntaxNode } from '../parser';

const FUNCTIONS = new Set(['function_declaration', 'method_declaration', 'func_literal']);

/** The names a declaration or assignment gives values to, with the value each gets (`firstResult`: a call's for the first of several names). */
function assigned(node: SyntaxNode, firstResult: boolean): [string, SyntaxNode | null][] {
  if (node.type === 'var_spec') {
    const names = node.childrenForFieldName('name');
    const values = node.childForFieldName('value')?.namedChildren ?? [];
    return names.map((n, i) => [n?.text ?? '', names.length === values.length ? values[i] ?? null : firstResult && i === 0 && values.length === 1 ? values[0] ?? null : null]);
  }
  const left = node.childForFieldName('left')?.namedChildren ?? [];
  const right = node.childForFieldName('right')?.namedChildren ?? [];
  const plain = node.type === 'short_var_declaration' || node.childForFieldName('operator')?.text === '=';
  return left.map((n, i) => {
    if (!plain) return [n?.text ?? '', null];
    if (left.length === right.length) return [n?.text ?? '', right[i] ?? null];
    return [n?.text ?? '', firstResult && i === 0 && right.length === 1 && right[0]?.type === 'call_expression' ? right[0] : null];
  });
}

/** The value a local read at `use` was given by its only assignment in the function, before the use. */
export function onlyAssignment(use: SyntaxNode, firstResult = false): SyntaxNode | undefined {
  if (use.type !== 'identifier') return undefined;
  let fn: SyntaxNode | null = use.parent;
  while (fn && !FUNCTIONS.has(fn.type)) fn = fn.parent;
  if (!fn) return undefined;
  const found: (SyntaxNode | null)[] = [];
  for (const type of ['short_var_declaration', 'assignment_statement', 'var_spec']) {
    for (const node of fn.descendantsOfType(type)) {
      if (!node) continue;
      for (const [name, value] of assigned(node, firstResult)) if (name === use.text) found.push(value);
    }
  }
  const value = found.length === 1 ? found[0] : null;
  return value && value.endIndex <= use.startIndex ? value : undefined;
}

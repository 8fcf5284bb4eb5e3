/**
 * The names a Go file binds: imports (by the name they are used by), constants and locals
 * assigned once (for constant folding), parameters (shadowing a package name), and the full
 * names of types.
 */
import type { SyntaxNode } from '../parser';
import type { Bindings } from '../syntax';
import { decodeGoString } from './strings';

const FUNCTIONS: ReadonlySet<string> = new Set(['function_declaration', 'method_declaration', 'func_literal']);

/**
 * The name a package is used by when its import gives none: the last element of its path,
 * without a major version (`chi/v5`), a `.vN` suffix (`yaml.v3`) or a `go-` prefix / `-go`
 * suffix (`go-sqlite3`, `minio-go`), as the packages' own `package` clauses usually say.
 */
export function defaultPackageName(path: string): string {
  const parts = path.split('/');
  let last = parts[parts.length - 1]!;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2]!;
  last = last.replace(/\.v\d+$/, '').replace(/^go-/, '').replace(/-go$/, '');
  return last.replace(/[^\w]/g, '');
}

function collectImport(spec: SyntaxNode, bindings: Bindings): void {
  const pathNode = spec.childForFieldName('path');
  const path = pathNode ? decodeGoString(pathNode) : undefined;
  if (!path) return;
  const name = spec.childForFieldName('name');
  // `_` imports are kept under the path itself, for rules that ask what a file imports.
  if (name?.type === 'blank_identifier' || name?.type === 'dot') {
    bindings.imports.set(`${name.text}${path}`, { qualified: path, node: spec, inList: false });
    return;
  }
  bindings.imports.set(name?.text ?? defaultPackageName(path), { qualified: path, node: spec, inList: spec.parent?.type === 'import_spec_list' });
}

/** `const`/`var` specs and `:=` declare names; an `=` assignment makes a name vary. */
function collectDeclaration(node: SyntaxNode, bindings: Bindings): void {
  if (node.type === 'const_spec' || node.type === 'var_spec') {
    const names = node.childrenForFieldName('name').filter((n): n is SyntaxNode => !!n);
    const values = node.childForFieldName('value')?.namedChildren ?? [];
    names.forEach((n, i) => {
      if (n.type !== 'identifier' || n.text === '_') return;
      // A var declared at the package level or in a function and never assigned again acts as a constant.
      const v = names.length === values.length ? values[i] ?? null : null;
      bindings.addConstant(n.text, v);
    });
    return;
  }
  const left = node.childForFieldName('left')?.namedChildren ?? [];
  const right = node.childForFieldName('right')?.namedChildren ?? [];
  const declares = node.type === 'short_var_declaration';
  const op = node.type === 'assignment_statement' ? node.childForFieldName('operator')?.text ?? '=' : ':=';
  left.forEach((n, i) => {
    if (!n || n.type !== 'identifier' || n.text === '_') return;
    if (declares && op === ':=' && left.length === right.length) bindings.addConstant(n.text, right[i] ?? null);
    else bindings.addConstant(n.text, null);
  });
}

function collectParameters(node: SyntaxNode, bindings: Bindings): void {
  let scope: SyntaxNode | null = node.parent;
  while (scope && !FUNCTIONS.has(scope.type)) scope = scope.parent;
  for (const id of node.childrenForFieldName('name')) if (id) bindings.addShadow(id.text, scope ?? node);
}

/** The full name of a type (`*http.Request` → `net/http.Request`, `[]byte` → null). */
export function qualifyGoType(type: SyntaxNode | null, bindings: Bindings): string | null {
  if (!type) return null;
  switch (type.type) {
    case 'type_identifier':
      return type.text;
    case 'qualified_type': {
      const pkg = type.childForFieldName('package')?.text;
      const name = type.childForFieldName('name')?.text;
      if (!pkg || !name) return null;
      return `${bindings.imports.get(pkg)?.qualified ?? pkg}.${name}`;
    }
    case 'pointer_type':
    case 'parenthesized_type':
      return qualifyGoType(type.namedChild(0), bindings);
    case 'generic_type':
      return qualifyGoType(type.childForFieldName('type'), bindings);
    default:
      return null;
  }
}

/** The adapter's collectBinding: one binding node (import spec, parameter, declaration). */
export function collectBinding(node: SyntaxNode, bindings: Bindings): void {
  switch (node.type) {
    case 'import_spec':
      return collectImport(node, bindings);
    case 'parameter_declaration':
    case 'variadic_parameter_declaration':
      return collectParameters(node, bindings);
    default:
      return collectDeclaration(node, bindings);
  }
}

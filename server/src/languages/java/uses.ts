/**
 * Java answers to "what happens to this value later": the variable a call's or `new`'s
 * result is stored in, the uses of that variable, and what each use does with it. Pattern
 * rules ask these through `followed-by` (a cookie that reaches `addCookie` without
 * `setSecure`, a parser factory without its secure features).
 */
import type { SyntaxNode } from '../parser';
import type { StoredValue, ValueUse } from '../syntax';

const WRAPPERS = new Set(['parenthesized_expression', 'cast_expression']);
const METHOD_SCOPES = new Set(['method_declaration', 'constructor_declaration', 'lambda_expression', 'static_initializer']);
const CLASS_BODIES = new Set(['class_body', 'enum_body', 'interface_body', 'record_body', 'enum_body_declarations']);
const CALLS = new Set(['method_invocation', 'object_creation_expression', 'explicit_constructor_invocation']);
/** Walks of a scope stop here: deeper code is not searched for uses (and cannot overflow). */
const MAX_WALK = 20000;

/** The expression that stands for `node` in its parent: `(x)` and `(T) x` are the value itself. */
function outermost(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent && WRAPPERS.has(n.parent.type)) n = n.parent;
  return n;
}

function enclosing(node: SyntaxNode, types: ReadonlySet<string>): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (types.has(p.type)) return p;
  return null;
}

/** True when `name` at `at` is a local or parameter of the code around it, not a field. */
export function isLocal(id: SyntaxNode): boolean {
  const name = id.text;
  for (let p = id.parent; p; p = p.parent) {
    if (CLASS_BODIES.has(p.type)) return false;
    if (p.type === 'block' || p.type === 'constructor_body' || p.type === 'switch_block_statement_group') {
      for (const s of p.namedChildren) {
        if (!s || s.startIndex >= id.startIndex) break;
        if (s.type === 'local_variable_declaration' && s.childrenForFieldName('declarator').some((d) => d?.childForFieldName('name')?.text === name)) return true;
      }
    }
    if (METHOD_SCOPES.has(p.type)) {
      const params = p.childForFieldName('parameters');
      const list = params?.type === 'identifier' ? [params] : params?.namedChildren ?? [];
      if (list.some((q) => (q?.type === 'identifier' ? q : q?.childForFieldName('name'))?.text === name)) return true;
    }
  }
  return false;
}

export function storedIn(value: SyntaxNode): StoredValue | null {
  const v = outermost(value);
  const parent = v.parent;
  if (!parent) return null;
  if (parent.type === 'variable_declarator' && parent.childForFieldName('value')?.id === v.id) {
    const name = parent.childForFieldName('name');
    const declaration = parent.parent;
    if (!name || !declaration?.parent) return null;
    if (declaration.type === 'field_declaration') return { name, scope: declaration.parent, from: declaration.parent.startIndex };
    return { name, scope: declaration.parent, from: v.endIndex };
  }
  if (parent.type === 'resource' && parent.childForFieldName('value')?.id === v.id) {
    // try (XMLDecoder d = new XMLDecoder(in)) { … }: the name lives in the try statement.
    const name = parent.childForFieldName('name');
    const statement = parent.parent?.parent;
    return name && statement ? { name, scope: statement, from: v.endIndex } : null;
  }
  if (parent.type === 'assignment_expression' && parent.childForFieldName('right')?.id === v.id && parent.childForFieldName('operator')?.text === '=') {
    const left = parent.childForFieldName('left');
    if (!left) return null;
    const field = left.type === 'field_access' && left.childForFieldName('object')?.type === 'this' ? left.childForFieldName('field') : null;
    const name = field ?? (left.type === 'identifier' ? left : null);
    if (!name) return null;
    if (field || !isLocal(name)) {
      const body = enclosing(parent, CLASS_BODIES);
      return body ? { name, scope: body, from: body.startIndex } : null;
    }
    const scope = enclosing(parent, METHOD_SCOPES);
    return scope ? { name, scope, from: v.endIndex } : null;
  }
  return null;
}

/** Identifiers (and `this.name`) naming the stored value, in source order. */
export function usesOf(stored: StoredValue): SyntaxNode[] {
  const name = stored.name.text;
  const out: SyntaxNode[] = [];
  const cursor = stored.scope.walk();
  let visited = 0;
  for (;;) {
    if (++visited > MAX_WALK) break;
    // Node objects are built only for identifiers: the cursor reads types and offsets cheaply.
    let descend = cursor.endIndex > stored.from;
    if (cursor.nodeType === 'identifier') {
      const node = cursor.currentNode;
      if (node.text === name && node.startIndex >= stored.from && node.id !== stored.name.id) {
        const use = referenceOf(node);
        if (use) out.push(use);
      }
      descend = false;
    }
    if (descend && cursor.gotoFirstChild()) continue;
    let done = false;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || cursor.nodeId === stored.scope.id) {
        done = true;
        break;
      }
    }
    if (done) break;
  }
  cursor.delete();
  return out;
}

/** The expression an identifier stands for as a variable, or null when it is a method name, a field of another object, or a declaration. */
function referenceOf(id: SyntaxNode): SyntaxNode | null {
  const parent = id.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'method_invocation':
      return parent.childForFieldName('name')?.id === id.id ? null : id;
    case 'field_access':
      if (parent.childForFieldName('field')?.id !== id.id) return id;
      return parent.childForFieldName('object')?.type === 'this' ? parent : null;
    case 'variable_declarator':
    case 'resource':
    case 'formal_parameter':
    case 'catch_formal_parameter':
    case 'enhanced_for_statement':
      return parent.childForFieldName('name')?.id === id.id ? null : id;
    default:
      return id;
  }
}

export function useOf(ref: SyntaxNode): ValueUse | null {
  const v = outermost(ref);
  const parent = v.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'method_invocation':
      return parent.childForFieldName('object')?.id === v.id ? { kind: 'receiver', call: parent } : null;
    case 'argument_list': {
      const call = parent.parent;
      return call && CALLS.has(call.type) ? { kind: 'argument', call } : null;
    }
    case 'return_statement':
    case 'array_initializer':
    case 'lambda_expression':
    case 'ternary_expression':
      return { kind: 'escape' };
    case 'variable_declarator':
      return parent.childForFieldName('value')?.id === v.id ? { kind: 'escape' } : null;
    case 'assignment_expression':
      return parent.childForFieldName('right')?.id === v.id ? { kind: 'escape' } : null;
    default:
      return null;
  }
}

export function receiver(call: SyntaxNode): SyntaxNode | null {
  return call.type === 'method_invocation' ? call.childForFieldName('object') : null;
}

function declaratorIn(statements: (SyntaxNode | null)[], name: string, before: number): SyntaxNode | null | undefined {
  let found: SyntaxNode | null | undefined;
  for (const st of statements) {
    if (!st || st.startIndex >= before) break;
    if (st.type !== 'local_variable_declaration' && st.type !== 'field_declaration') continue;
    for (const d of st.childrenForFieldName('declarator')) if (d?.childForFieldName('name')?.text === name) found = d;
  }
  return found;
}

/**
 * The value a variable is declared with (`Random r = new Random()` gives `new Random()`),
 * looked up through the blocks and class bodies around the use; null for a parameter, a
 * declaration without a value, or none found.
 */
export function declaredValue(ref: SyntaxNode): SyntaxNode | null {
  const id = ref.type === 'field_access' && ref.childForFieldName('object')?.type === 'this' ? ref.childForFieldName('field') : ref;
  if (!id || id.type !== 'identifier') return null;
  const name = id.text;
  const fieldOnly = id !== ref;
  for (let p = id.parent; p; p = p.parent) {
    if (!fieldOnly && (p.type === 'block' || p.type === 'constructor_body' || p.type === 'switch_block_statement_group')) {
      const d = declaratorIn(p.namedChildren, name, id.startIndex);
      if (d !== undefined) return d?.childForFieldName('value') ?? null;
    }
    if (CLASS_BODIES.has(p.type)) {
      const d = declaratorIn(p.namedChildren, name, Number.MAX_SAFE_INTEGER);
      if (d !== undefined) return d?.childForFieldName('value') ?? null;
    }
    if (!fieldOnly && METHOD_SCOPES.has(p.type)) {
      const params = p.childForFieldName('parameters');
      const list = params?.type === 'identifier' ? [params] : params?.namedChildren ?? [];
      if (list.some((q) => (q?.type === 'identifier' ? q : q?.childForFieldName('name'))?.text === name)) return null;
    }
  }
  return null;
}

/**
 * The type of the variable an identifier names, from its declaration in scope: a parameter
 * or receiver (`r *http.Request`), a `var x T`, or the value it is declared with (`h :=
 * md5.New()` is named by the call, `c := &http.Cookie{…}` by the type). Null when the
 * declaration gives nothing to name; undefined when there is none (a package, a function).
 */
import type { SyntaxNode } from '../parser';
import type { Bindings, SyntaxAdapter } from '../syntax';

const cache = new WeakMap<Bindings, Map<number, string | null | undefined>>();
const FUNCTIONS = new Set(['function_declaration', 'method_declaration', 'func_literal']);

function typeOfValue(value: SyntaxNode | null | undefined, bindings: Bindings, adapter: SyntaxAdapter): string | null {
  if (!value) return null;
  switch (value.type) {
    case 'call_expression':
    case 'composite_literal':
    case 'unary_expression':
    case 'type_assertion_expression':
      return adapter.qualify(value, bindings);
    default:
      return null;
  }
}

function typeText(type: SyntaxNode | null, bindings: Bindings, adapter: SyntaxAdapter): string | null {
  return type ? adapter.qualify(type, bindings) : null;
}

/** A declaration of `name` in one statement (before `at` in its block), if it declares it. */
function declares(s: SyntaxNode, name: string, bindings: Bindings, adapter: SyntaxAdapter): string | null | undefined {
  switch (s.type) {
    case 'short_var_declaration': {
      const left = s.childForFieldName('left')?.namedChildren ?? [];
      const right = s.childForFieldName('right')?.namedChildren ?? [];
      const i = left.findIndex((n) => n?.text === name);
      if (i < 0) return undefined;
      // `x, err := f()`: the first result is named by the call.
      const value = left.length === right.length ? right[i] : i === 0 && right.length === 1 ? right[0] : null;
      return typeOfValue(value, bindings, adapter);
    }
    case 'var_declaration':
    case 'const_declaration': {
      let found: string | null | undefined;
      const specs = s.namedChildren.flatMap((c) => (c?.type === 'var_spec_list' ? c.namedChildren : [c]));
      for (const spec of specs) {
        if (!spec || (spec.type !== 'var_spec' && spec.type !== 'const_spec')) continue;
        const names = spec.childrenForFieldName('name');
        const i = names.findIndex((n) => n?.text === name);
        if (i < 0) continue;
        const type = spec.childForFieldName('type');
        const values = spec.childForFieldName('value')?.namedChildren ?? [];
        found = type ? typeText(type, bindings, adapter) : typeOfValue(values.length === names.length ? values[i] : null, bindings, adapter);
      }
      return found;
    }
    default:
      return undefined;
  }
}

function paramType(list: SyntaxNode | null, name: string, bindings: Bindings, adapter: SyntaxAdapter): string | null | undefined {
  for (const p of list?.namedChildren ?? []) {
    if (!p || (p.type !== 'parameter_declaration' && p.type !== 'variadic_parameter_declaration')) continue;
    if (p.childrenForFieldName('name').some((n) => n?.text === name)) return p.type === 'variadic_parameter_declaration' ? null : typeText(p.childForFieldName('type'), bindings, adapter);
  }
  return undefined;
}

const packageLevel = new WeakMap<Bindings, Map<string, SyntaxNode>>();

/**
 * The package-level `var`/`const` statement declaring `name` (the last one), found in a map
 * made once per file: reading every top-level declaration for each name looked up made a
 * file of thousands of functions quadratic (20k lines: 19 s).
 */
function packageDeclaration(root: SyntaxNode, name: string, bindings: Bindings): SyntaxNode | undefined {
  let map = packageLevel.get(bindings);
  if (!map) {
    map = new Map();
    for (const s of root.namedChildren) {
      if (!s || (s.type !== 'var_declaration' && s.type !== 'const_declaration')) continue;
      const specs = s.namedChildren.flatMap((c) => (c?.type === 'var_spec_list' ? c.namedChildren : [c]));
      for (const spec of specs) {
        if (!spec || (spec.type !== 'var_spec' && spec.type !== 'const_spec')) continue;
        for (const n of spec.childrenForFieldName('name')) if (n) map.set(n.text, s);
      }
    }
    packageLevel.set(bindings, map);
  }
  return map.get(name);
}

const blocks = new WeakMap<Bindings, Map<number, Map<string, SyntaxNode[]>>>();

/**
 * A block's declaring statements by the names they declare, in order, made once per block:
 * reading every earlier statement of the block for each identifier looked up made long
 * functions quadratic.
 */
function blockDeclarations(block: SyntaxNode, bindings: Bindings): Map<string, SyntaxNode[]> {
  let byBlock = blocks.get(bindings);
  if (!byBlock) blocks.set(bindings, (byBlock = new Map()));
  let names = byBlock.get(block.id);
  if (names) return names;
  names = new Map();
  const add = (n: SyntaxNode | null, s: SyntaxNode): void => {
    if (!n) return;
    const list = names!.get(n.text);
    if (!list) names!.set(n.text, [s]);
    else if (list[list.length - 1]!.id !== s.id) list.push(s);
  };
  for (const s of block.namedChildren) {
    if (!s) continue;
    if (s.type === 'short_var_declaration') for (const n of s.childForFieldName('left')?.namedChildren ?? []) add(n, s);
    else if (s.type === 'var_declaration' || s.type === 'const_declaration') {
      for (const spec of s.namedChildren.flatMap((c) => (c?.type === 'var_spec_list' ? c.namedChildren : [c]))) {
        if (spec && (spec.type === 'var_spec' || spec.type === 'const_spec')) for (const n of spec.childrenForFieldName('name')) add(n, s);
      }
    }
  }
  byBlock.set(block.id, names);
  return names;
}

function lookup(id: SyntaxNode, bindings: Bindings, adapter: SyntaxAdapter): string | null | undefined {
  const name = id.text;
  const at = id.startIndex;
  for (let p = id.parent, child: SyntaxNode = id; p; child = p, p = p.parent) {
    switch (p.type) {
      case 'source_file': {
        const s = packageDeclaration(p, name, bindings);
        const found = s ? declares(s, name, bindings, adapter) : undefined;
        if (found !== undefined) return found;
        break;
      }
      case 'statement_list': {
        // The last statement of the block before `at` that declares the name.
        let last: SyntaxNode | undefined;
        for (const s of blockDeclarations(p, bindings).get(name) ?? []) {
          if (s.startIndex >= at) break;
          last = s;
        }
        const found = last ? declares(last, name, bindings, adapter) : undefined;
        if (found !== undefined) return found;
        break;
      }
      case 'if_statement':
      case 'for_clause':
      case 'expression_switch_statement':
      case 'type_switch_statement': {
        const init = p.childForFieldName('initializer');
        if (init && init.id !== child.id) {
          const t = declares(init, name, bindings, adapter);
          if (t !== undefined) return t;
        }
        if (p.type === 'type_switch_statement' && p.childForFieldName('alias')?.namedChildren.some((n) => n?.text === name)) return null;
        break;
      }
      case 'for_statement': {
        const range = p.namedChildren.find((c) => c?.type === 'range_clause');
        if (range?.childForFieldName('left')?.namedChildren.some((n) => n?.text === name)) return null;
        break;
      }
      case 'function_declaration':
      case 'method_declaration':
      case 'func_literal': {
        const t = paramType(p.childForFieldName('parameters'), name, bindings, adapter) ?? (p.type === 'method_declaration' ? paramType(p.childForFieldName('receiver'), name, bindings, adapter) : undefined);
        if (t !== undefined) return t;
        const results = p.childForFieldName('result');
        if (results?.type === 'parameter_list') {
          const r = paramType(results, name, bindings, adapter);
          if (r !== undefined) return r;
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

export function declaredType(id: SyntaxNode, bindings: Bindings, adapter: SyntaxAdapter): string | null | undefined {
  let map = cache.get(bindings);
  if (!map) cache.set(bindings, (map = new Map()));
  if (map.has(id.startIndex)) return map.get(id.startIndex);
  map.set(id.startIndex, null); // a declaration that refers to itself (`x := x.f()`) stops here
  const t = lookup(id, bindings, adapter);
  map.set(id.startIndex, t);
  return t;
}

export function isFunction(node: SyntaxNode): boolean {
  return FUNCTIONS.has(node.type);
}

const structs = new WeakMap<Bindings, Map<string, Map<string, SyntaxNode>>>();

/** The struct types a file declares: type name → field name → the field's type node. */
function structsOf(root: SyntaxNode, bindings: Bindings): Map<string, Map<string, SyntaxNode>> {
  let map = structs.get(bindings);
  if (map) return map;
  map = new Map();
  for (const spec of root.descendantsOfType('type_spec')) {
    const name = spec?.childForFieldName('name')?.text;
    const type = spec?.childForFieldName('type');
    if (!name || type?.type !== 'struct_type') continue;
    const fields = new Map<string, SyntaxNode>();
    for (const decl of type.descendantsOfType('field_declaration')) {
      const t = decl?.childForFieldName('type');
      if (!decl || !t || decl.parent?.parent?.id !== type.id) continue;
      const names = decl.childrenForFieldName('name');
      // An embedded field (`*sql.DB`) is named by its type's last part.
      if (names.length === 0) fields.set(t.text.replace(/^\*/, '').replace(/^.*\./, ''), t);
      for (const n of names) if (n) fields.set(n.text, t);
    }
    map.set(name, fields);
  }
  structs.set(bindings, map);
  return map;
}

/** The type of field `field` of the struct type `typeName` declared in this file (`s.db` with `type S struct{ db *sql.DB }`). */
export function fieldType(root: SyntaxNode, typeName: string, field: string, bindings: Bindings, adapter: SyntaxAdapter): string | null {
  const t = structsOf(root, bindings).get(typeName)?.get(field);
  return t ? adapter.qualify(t, bindings) : null;
}

/** Declared classes of Java names: imports, wildcard packages, locals, parameters and fields in scope. */
import type { SyntaxNode } from '../parser';
import type { Bindings } from '../syntax';
import { resolveSimpleClass } from './classes';

/** A local or field declarator in a block or class body, in source order. */
export interface Declarator {
  start: number;
  name: string;
  declaration: SyntaxNode;
  declarator: SyntaxNode;
}

/**
 * What a file's imports and declarations say beyond Bindings: wildcard packages, variables'
 * declared types, and each block's or class body's declarators (by node id; a class body
 * can hold thousands of members, and every name its methods use may be looked up there).
 */
export interface JavaFile {
  wildcards: string[];
  types: Map<number, string | null | undefined>;
  declarators: Map<number, Declarator[]>;
  /** What qualify answered, by node id. */
  qualified: Map<number, string | null>;
}
const files = new WeakMap<Bindings, JavaFile>();
export function fileOf(bindings: Bindings): JavaFile {
  let f = files.get(bindings);
  if (!f) files.set(bindings, (f = { wildcards: [], types: new Map(), declarators: new Map(), qualified: new Map() }));
  return f;
}

export function dotted(node: SyntaxNode): string {
  return node.text.replace(/\s+/g, '');
}

/** The full name of a class named in a type (`Statement`, `java.util.Random`, `List<String>`). */
export function qualifyType(type: SyntaxNode | null, bindings: Bindings): string | null {
  if (!type) return null;
  switch (type.type) {
    case 'type_identifier':
    case 'identifier': {
      const name = type.text;
      if (name === 'var') return null;
      return bindings.imports.get(name)?.qualified ?? resolveSimpleClass(name, fileOf(bindings).wildcards) ?? name;
    }
    case 'scoped_type_identifier':
    case 'scoped_identifier': {
      const [head, ...rest] = dotted(type).split('.');
      const bound = bindings.imports.get(head!)?.qualified;
      return bound ? [bound, ...rest].join('.') : dotted(type);
    }
    case 'generic_type':
      return qualifyType(type.namedChild(0), bindings);
    default:
      return null;
  }
}

/** The declared type of a local's declaration (`var` takes the class it is initialised with). */
function typeOfDeclarator(declaration: SyntaxNode, declarator: SyntaxNode, bindings: Bindings): string | null {
  const type = declaration.childForFieldName('type');
  if (type?.text === 'var') {
    const value = declarator.childForFieldName('value');
    return value?.type === 'object_creation_expression' ? qualifyType(value.childForFieldName('type'), bindings) : null;
  }
  return qualifyType(type, bindings);
}

/** The local and field declarators among `statements`, in order. */
function declaratorsIn(statements: (SyntaxNode | null)[]): Declarator[] {
  const out: Declarator[] = [];
  for (const s of statements) {
    if (!s || (s.type !== 'local_variable_declaration' && s.type !== 'field_declaration')) continue;
    for (const d of s.childrenForFieldName('declarator')) {
      const name = d?.childForFieldName('name')?.text;
      if (name !== undefined) out.push({ start: s.startIndex, name, declaration: s, declarator: d! });
    }
  }
  return out;
}

/** The declarators of a block or class body (cached per node). */
function declaratorsOf(list: SyntaxNode, bindings: Bindings): Declarator[] {
  const cache = fileOf(bindings).declarators;
  let found = cache.get(list.id);
  if (!found) cache.set(list.id, (found = declaratorsIn(list.namedChildren)));
  return found;
}

/** Where `name` is declared among `declarators` starting before `before` (the last such declaration). */
function declaredIn(declarators: Declarator[], name: string, before: number, bindings: Bindings): string | null | undefined {
  let found: Declarator | undefined;
  for (const d of declarators) {
    if (d.start >= before) break;
    if (d.name === name) found = d;
  }
  return found && typeOfDeclarator(found.declaration, found.declarator, bindings);
}

/**
 * The class of the variable `id` names, from its declaration in scope: a local declared
 * before it, a parameter, a loop or catch variable, a resource, a field. Null when the
 * declaration gives no class (`var x = f()`, a lambda parameter); undefined when there is none.
 */
function declaredType(id: SyntaxNode, bindings: Bindings): string | null | undefined {
  const name = id.text;
  const at = id.startIndex;
  for (let p = id.parent; p; p = p.parent) {
    switch (p.type) {
      case 'block':
      case 'constructor_body':
      case 'switch_block_statement_group': {
        const t = declaredIn(declaratorsOf(p, bindings), name, at, bindings);
        if (t !== undefined) return t;
        break;
      }
      case 'class_body':
      case 'enum_body_declarations': {
        const t = declaredIn(declaratorsOf(p, bindings), name, Number.MAX_SAFE_INTEGER, bindings);
        if (t !== undefined) return t;
        break;
      }
      case 'method_declaration':
      case 'constructor_declaration': {
        for (const param of p.childForFieldName('parameters')?.namedChildren ?? []) {
          if (param?.childForFieldName('name')?.text === name) return qualifyType(param.childForFieldName('type'), bindings);
        }
        break;
      }
      case 'lambda_expression': {
        const params = p.childForFieldName('parameters');
        const list = params?.type === 'identifier' ? [params] : params?.namedChildren ?? [];
        for (const param of list) {
          const pid = param?.type === 'identifier' ? param : param?.childForFieldName('name');
          if (pid?.text === name) return param?.type === 'formal_parameter' ? qualifyType(param.childForFieldName('type'), bindings) : null;
        }
        break;
      }
      case 'enhanced_for_statement':
        if (p.childForFieldName('name')?.text === name) return qualifyType(p.childForFieldName('type'), bindings);
        break;
      case 'for_statement': {
        const init = p.childForFieldName('init');
        if (init?.type === 'local_variable_declaration') {
          const t = declaredIn(declaratorsIn([init]), name, at, bindings);
          if (t !== undefined) return t;
        }
        break;
      }
      case 'catch_clause': {
        const param = p.namedChildren.find((c) => c?.type === 'catch_formal_parameter');
        if (param?.childForFieldName('name')?.text === name) {
          const types = param.namedChildren.find((c) => c?.type === 'catch_type');
          return types && types.namedChildCount === 1 ? qualifyType(types.namedChild(0), bindings) : null;
        }
        break;
      }
      case 'try_with_resources_statement': {
        for (const r of p.childForFieldName('resources')?.namedChildren ?? []) {
          if (r?.childForFieldName('name')?.text === name) return qualifyType(r.childForFieldName('type'), bindings);
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

export function variableType(id: SyntaxNode, bindings: Bindings): string | null | undefined {
  const cache = fileOf(bindings).types;
  if (cache.has(id.startIndex)) return cache.get(id.startIndex);
  const t = declaredType(id, bindings);
  // Undefined (no declaration: a class name) is kept apart from null (declared, class unknown).
  cache.set(id.startIndex, t);
  return t;
}

/** JavaScript / TypeScript / TSX node types mapped onto the engine's questions. */
import type { SyntaxNode, Tree } from '../parser';
import { NESTING_LIMIT, noteNestingCut } from '../nesting';
import { AssignParts, Bindings, ConstValue, KeywordArg, nameFromTable, PairParts, SyntaxAdapter, TextPiece } from '../syntax';
import { decodeJsString, encodeJsString, templateValue } from './strings';

const set = (...types: string[]): ReadonlySet<string> => new Set(types);

const TRANSPARENT = set('parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'type_assertion');
const FUNCTIONS = set('function_declaration', 'function_expression', 'function', 'generator_function_declaration', 'method_definition', 'arrow_function');
/** Constructs that name a value, and the fields that hold the name (`jsx_attribute`: its first child). */
const VALUE_NAMES: Record<string, string[]> = {
  variable_declarator: ['name'],
  assignment_expression: ['left'],
  augmented_assignment_expression: ['left'],
  assignment_pattern: ['left'],
  pair: ['key'],
  public_field_definition: ['name', 'property'],
  field_definition: ['property', 'name'],
  jsx_attribute: [],
};
/** True when the line begins inside JSX children, where only `{/* … *\/}` is a comment. */
function startsInJsxChildren(tree: Tree, offset: number): boolean {
  let node: SyntaxNode | null = tree.rootNode.descendantForIndex(offset);
  for (let depth = 0; node && depth < 6; depth++, node = node.parent) {
    if (node.type === 'jsx_text') return true;
    // `{expr}` as a child (not an attribute value): the line is inside the element's children.
    if (node.type === 'jsx_expression') return node.parent?.type === 'jsx_element' || node.parent?.type === 'jsx_fragment';
    if (node.type === 'jsx_element' || node.type === 'jsx_self_closing_element') {
      return node.parent?.type === 'jsx_element' || node.parent?.type === 'jsx_fragment';
    }
    if (node.type === 'jsx_opening_element') return node.parent?.parent?.type === 'jsx_element';
  }
  return false;
}

const BOUNDARIES = set('statement_block', 'program', 'class_body', 'switch_body');

/** `node:fs` and `fs` are the same module. */
export const RELATIVE_DOT = '\u2024';

function moduleName(spec: string): string {
  if (spec.startsWith('node:')) return spec.slice(5);
  // A relative module stays one name segment (`./models` → `․/models`, with U+2024 for the
  // dots), so `**.x` patterns work on it and the path can be recovered (RELATIVE_DOT).
  return spec.startsWith('.') ? spec.replace(/\./g, RELATIVE_DOT) : spec;
}

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (TRANSPARENT.has(n.type) && n.namedChildCount > 0) n = n.namedChild(0)!;
  return n;
}

/** `require('x')` or `require('x').a.b` → `x.a.b`; anything else → null. */
function requirePath(node: SyntaxNode, depth = 0): string | null {
  if (depth > NESTING_LIMIT) return null;
  const n = unwrap(node);
  if (n.type === 'call_expression') {
    const fn = n.childForFieldName('function');
    const args = n.childForFieldName('arguments');
    if (fn?.type === 'identifier' && fn.text === 'require' && args?.namedChildCount === 1) {
      const arg = args.namedChild(0)!;
      if (arg.type === 'string') return moduleName(decodeJsString(arg));
    }
    return null;
  }
  if (n.type === 'member_expression') {
    // CommonJS's `module.parent.exports`: the module that required this one, by convention its
    // folder's index (`Api.actors = require('./actors')` in index.js, `const Api = module.parent.exports` in actors.js).
    if (n.text === 'module.parent.exports') return moduleName('.');
    const base = requirePath(n.childForFieldName('object')!, depth + 1);
    const prop = n.childForFieldName('property');
    return base && prop ? `${base}.${prop.text}` : null;
  }
  if (n.type === 'await_expression' && n.namedChildCount === 1) {
    const inner = n.namedChild(0)!;
    // `await import('x')`
    if (inner.type === 'call_expression' && inner.childForFieldName('function')?.type === 'import') {
      const arg = inner.childForFieldName('arguments')?.namedChild(0);
      return arg?.type === 'string' ? moduleName(decodeJsString(arg)) : null;
    }
  }
  return null;
}

function bindPattern(pattern: SyntaxNode, base: string, bindings: Bindings): void {
  if (pattern.type === 'identifier') {
    bindings.imports.set(pattern.text, { qualified: base, node: pattern, inList: false });
    return;
  }
  if (pattern.type !== 'object_pattern') return;
  for (const entry of pattern.namedChildren) {
    if (!entry) continue;
    if (entry.type === 'shorthand_property_identifier_pattern') {
      bindings.imports.set(entry.text, { qualified: `${base}.${entry.text}`, node: entry, inList: true });
    } else if (entry.type === 'pair_pattern') {
      const key = entry.childForFieldName('key');
      const value = entry.childForFieldName('value');
      if (key && value?.type === 'identifier') {
        bindings.imports.set(value.text, { qualified: `${base}.${propertyName(key)}`, node: entry, inList: true });
      }
    } else if (entry.type === 'object_assignment_pattern') {
      const left = entry.childForFieldName('left');
      if (left?.type === 'shorthand_property_identifier_pattern') {
        bindings.imports.set(left.text, { qualified: `${base}.${left.text}`, node: entry, inList: true });
      }
    }
  }
}

function propertyName(key: SyntaxNode): string {
  return key.type === 'string' ? decodeJsString(key) : key.text;
}

function collectImport(node: SyntaxNode, bindings: Bindings): void {
  const source = node.childForFieldName('source');
  if (!source || source.type !== 'string') return;
  const mod = moduleName(decodeJsString(source));
  const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
  if (!clause) return;
  for (const part of clause.namedChildren) {
    if (!part) continue;
    if (part.type === 'identifier') {
      // A default import of a CommonJS module is the module object itself.
      bindings.imports.set(part.text, { qualified: mod, node: part, inList: false });
    } else if (part.type === 'namespace_import') {
      const id = part.namedChildren.find((c) => c?.type === 'identifier');
      if (id) bindings.imports.set(id.text, { qualified: mod, node: part, inList: false });
    } else if (part.type === 'named_imports') {
      for (const spec of part.namedChildren) {
        if (spec?.type !== 'import_specifier') continue;
        const name = spec.childForFieldName('name');
        const alias = spec.childForFieldName('alias') ?? name;
        if (name && alias) {
          bindings.imports.set(alias.text, { qualified: `${mod}.${propertyName(name)}`, node: spec, inList: true });
        }
      }
    }
  }
}

const FUNCTION_TYPES = set('function_declaration', 'function_expression', 'function', 'generator_function_declaration', 'generator_function', 'arrow_function', 'method_definition');

export const javascriptSyntax: SyntaxAdapter = {
  family: 'js',
  callTypes: set('call_expression'),
  newTypes: set('new_expression'),
  assignTypes: set('assignment_expression', 'augmented_assignment_expression'),
  pairTypes: set('pair'),
  stringTypes: set('string', 'template_string'),
  commentTypes: set('comment'),
  functionTypes: FUNCTION_TYPES,
  declarationTypes: set('variable_declarator', 'assignment_expression'),
  bindingTypes: new Set(['import_statement', 'variable_declarator', ...FUNCTION_TYPES]),

  collectBinding(node, bindings) {
    if (node.type === 'import_statement') return collectImport(node, bindings);
    if (FUNCTION_TYPES.has(node.type)) {
      // A parameter shadows a constant of the same name declared elsewhere in the file. Read
      // from the function, not its parameter list: asking a node for its parent costs its depth.
      const list = node.childForFieldName('parameters');
      const params = list ? list.namedChildren : [node.childForFieldName('parameter')];
      for (const p of params) {
        const id = p?.type === 'identifier' ? p : (p?.childForFieldName('pattern') ?? p?.childForFieldName('left'));
        if (id?.type === 'identifier') bindings.addShadow(id.text, node);
      }
      return;
    }
    const name = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    if (!name || !value) return;
    const path = requirePath(value);
    if (path) return bindPattern(name, path, bindings);
    if (name.type !== 'identifier') return;
    const kind = node.parent?.firstChild?.text;
    if (kind === 'const') bindings.addConstant(name.text, value);
    else bindings.addConstant(name.text, null);
  },

  callee(call) {
    return call.childForFieldName('function') ?? call.childForFieldName('constructor');
  },

  positionalArgs(call) {
    const args = call.childForFieldName('arguments');
    if (!args || args.type !== 'arguments') return [];
    return args.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  },

  keywordArgs(call) {
    const out = new Map<string, KeywordArg>();
    for (const arg of this.positionalArgs(call)) {
      const obj = unwrap(arg);
      if (obj.type !== 'object') continue;
      for (const prop of obj.namedChildren) {
        if (prop?.type !== 'pair') continue;
        const parts = this.pairParts(prop);
        if (parts && !out.has(parts.key)) out.set(parts.key, { node: prop, value: parts.value });
      }
    }
    return out;
  },

  lastSegment(callee) {
    const n = unwrap(callee);
    if (n.type === 'member_expression') return n.childForFieldName('property') ?? n;
    if (n.type === 'subscript_expression') return n.childForFieldName('index') ?? n;
    return n;
  },

  qualify(node, bindings, depth = 0) {
    if (depth > NESTING_LIMIT) {
      noteNestingCut(node.startPosition.row);
      return null;
    }
    const n = unwrap(node);
    switch (n.type) {
      case 'identifier': {
        const bound = bindings.imports.get(n.text);
        return bound ? bound.qualified : n.text;
      }
      case 'this':
      case 'super':
        return n.type;
      case 'member_expression': {
        const obj = n.childForFieldName('object');
        const prop = n.childForFieldName('property');
        if (!obj || !prop) return null;
        // An unnamed receiver (`f().x`) still lets `**.x` patterns match.
        const base = this.qualify(obj, bindings, depth + 1) ?? requirePath(obj) ?? '<expr>';
        return `${base}.${prop.text}`;
      }
      case 'subscript_expression': {
        const obj = n.childForFieldName('object');
        const index = n.childForFieldName('index');
        if (!obj || !index) return null;
        const key = this.constantValue(index, bindings);
        const base = this.qualify(obj, bindings, depth + 1);
        return base && typeof key === 'string' && /^[\w$-]+$/.test(key) ? `${base}.${key}` : null;
      }
      case 'call_expression':
        return requirePath(n);
      default:
        return null;
    }
  },

  constantValue(node, bindings, depth = 0): ConstValue | undefined {
    // Nesting (a long `'a' + 'b' + …` chain) is cheap and may go deep; following a name
    // costs more, so at most ~8 hops through constants (and no runaway recursion either way).
    if (depth > 64) return undefined;
    const n = unwrap(node);
    switch (n.type) {
      case 'string':
        return decodeJsString(n);
      case 'template_string':
        return templateValue(n, (expr) => this.constantValue(expr, bindings, depth + 1));
      case 'number': {
        const v = Number(n.text.replace(/_/g, ''));
        return Number.isNaN(v) ? undefined : v;
      }
      case 'true':
        return true;
      case 'false':
        return false;
      case 'null':
      case 'undefined':
        return null;
      case 'identifier': {
        if (n.text === 'undefined') return null;
        const init = bindings.constantFor(n);
        return init ? this.constantValue(init, bindings, depth + 8) : undefined;
      }
      case 'binary_expression': {
        const op = n.childForFieldName('operator')?.text;
        if (op !== '+') return undefined;
        const l = this.constantValue(n.childForFieldName('left')!, bindings, depth + 1);
        if (l === undefined) return undefined;
        const r = this.constantValue(n.childForFieldName('right')!, bindings, depth + 1);
        if (r === undefined) return undefined;
        return typeof l === 'number' && typeof r === 'number' ? l + r : `${l}${r}`;
      }
      case 'unary_expression': {
        const op = n.childForFieldName('operator')?.text;
        const arg = n.childForFieldName('argument');
        if (!arg) return undefined;
        const v = this.constantValue(arg, bindings, depth + 1);
        if (v === undefined) return undefined;
        if (op === '-' && typeof v === 'number') return -v;
        if (op === '!') return !v;
        return undefined;
      }
      default:
        return undefined;
    }
  },

  assignParts(node): AssignParts | null {
    const target = node.childForFieldName('left');
    const value = node.childForFieldName('right');
    if (!target || !value) return null;
    const operator = node.childForFieldName('operator')?.text ?? '=';
    return { target, value, operator };
  },

  pairParts(node): PairParts | null {
    const keyNode = node.childForFieldName('key');
    const value = node.childForFieldName('value');
    if (!keyNode || !value) return null;
    if (keyNode.type === 'computed_property_name') return null;
    return { key: propertyName(keyNode), keyNode, value };
  },

  parentKey(pair) {
    let obj = pair.parent;
    if (!obj || obj.type !== 'object') return null;
    let holder = obj.parent;
    while (holder && TRANSPARENT.has(holder.type)) {
      obj = holder;
      holder = holder.parent;
    }
    if (!holder) return null;
    if (holder.type === 'pair') return this.pairParts(holder)?.key ?? null;
    if (holder.type === 'jsx_expression' && holder.parent?.type === 'jsx_attribute') {
      return holder.parent.namedChild(0)?.text ?? null;
    }
    return null;
  },

  isArgumentList(node) {
    return node.type === 'arguments';
  },

  isStatementBoundary(type) {
    return BOUNDARIES.has(type);
  },

  namingNode(node) {
    switch (node.type) {
      case 'variable_declarator':
      case 'public_field_definition':
      case 'field_definition':
        return node.childForFieldName('name') ?? node.childForFieldName('property');
      case 'assignment_expression':
      case 'augmented_assignment_expression':
        return node.childForFieldName('left');
      case 'pair':
        return node.childForFieldName('key');
      case 'jsx_attribute':
        return node.namedChild(0);
      case 'return_statement': {
        let fn = node.parent;
        while (fn && !FUNCTIONS.has(fn.type)) fn = fn.parent;
        return fn ? this.namingNode(fn) : null;
      }
      default:
        if (FUNCTIONS.has(node.type)) {
          const name = node.childForFieldName('name');
          if (name) return name;
          const parent = node.parent;
          return parent && (parent.type === 'variable_declarator' || parent.type === 'pair') ? this.namingNode(parent) : null;
        }
        return null;
    }
  },

  stringPartTypes: set('string_fragment'),

  interpolated(literal) {
    return literal.type === 'template_string' && literal.namedChildren.some((c) => c?.type === 'template_substitution');
  },

  valueName(literal) {
    return nameFromTable(literal, set('parenthesized_expression', 'as_expression', 'satisfies_expression'), VALUE_NAMES);
  },

  templatePieces(node) {
    if (node.type !== 'template_string') return undefined;
    const out: TextPiece[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'string_fragment') out.push({ text: child.text });
      // `${ /* note */ x }` (a comment beside the value) cannot be read as one value.
      else if (child.type === 'template_substitution' && child.namedChildCount === 1) out.push({ expr: child.namedChild(0)! });
      else return false;
    }
    return out;
  },

  wordLiteral(word, like) {
    if (word.length === 1) {
      const p = word[0]!;
      return 'expr' in p ? p.expr.text : encodeJsString(p.text, like.text.startsWith('"') ? '"' : "'");
    }
    const body = word.map((p) => ('expr' in p ? '${' + p.expr.text + '}' : p.text.replace(/[`\\]|\$\{/g, (m) => '\\' + m))).join('');
    return '`' + body + '`';
  },

  listLiteral(items) {
    return `[${items.join(', ')}]`;
  },

  blockCommentAt(tree, offset) {
    return startsInJsxChildren(tree, offset) ? { open: '{/*', close: '*/}' } : undefined;
  },

  envRead(_text, _lineStarts, name) {
    return { expr: `process.env.${name}`, title: `Read the secret from process.env.${name}`, edits: [] };
  },

  listTypes: set('arguments', 'object', 'array', 'object_pattern', 'named_imports'),

  addBinding(binding, name) {
    const entry = binding.node;
    if (entry.type === 'pair_pattern' || (entry.type === 'import_specifier' && entry.childForFieldName('alias'))) return undefined;
    const end = { line: entry.endPosition.row, character: entry.endPosition.column };
    return { range: { start: end, end }, newText: `, ${name}` };
  },

  stringLiteral(value, like) {
    const quote = like && like.type === 'string' && like.text.startsWith('"') ? '"' : "'";
    return encodeJsString(value, quote);
  },
};

/** Java node types mapped onto the engine's questions. */
import type { SyntaxNode } from '../parser';
import { NESTING_LIMIT, noteNestingCut } from '../nesting';
import { AssignParts, Bindings, ConstValue, KeywordArg, nameFromTable, PairParts, SyntaxAdapter } from '../syntax';
import { decodeJavaString, encodeJavaString } from './strings';
import { resolveSimpleClass } from './classes';
import { argvLiteral, importLine } from './rendering';
import { dotted, fileOf, qualifyType, variableType } from './declaredTypes';
import { declaredValue, receiver, storedIn, useOf, usesOf } from './uses';

const set = (...types: string[]): ReadonlySet<string> => new Set(types);
const BOUNDARIES = set('block', 'class_body', 'program', 'constructor_body', 'switch_block', 'interface_body', 'enum_body');
const METHODS = set('method_declaration', 'constructor_declaration', 'compact_constructor_declaration');

/** Set when qualify stops at the nesting limit: a result computed so is not cached. */
let qualifyCut = false;

function collectImport(node: SyntaxNode, bindings: Bindings): void {
  const isStatic = node.children.some((c) => c?.type === 'static');
  const wildcard = node.children.some((c) => c?.type === 'asterisk');
  const name = node.namedChildren.find((c) => c?.type === 'scoped_identifier' || c?.type === 'identifier');
  if (!name) return;
  const full = dotted(name);
  if (wildcard) {
    if (!isStatic) fileOf(bindings).wildcards.push(full);
    return;
  }
  bindings.imports.set(full.slice(full.lastIndexOf('.') + 1), { qualified: full, node, inList: false });
}

function hasModifier(declaration: SyntaxNode, modifier: string): boolean {
  const mods = declaration.namedChildren.find((c) => c?.type === 'modifiers');
  return !!mods && mods.children.some((c) => c?.type === modifier);
}

function collectDeclaration(node: SyntaxNode, bindings: Bindings): void {
  const final = hasModifier(node, 'final');
  for (const d of node.childrenForFieldName('declarator')) {
    const name = d?.childForFieldName('name');
    if (!name) continue;
    const value = d!.childForFieldName('value');
    bindings.addConstant(name.text, final && value ? value : null);
  }
}

function collectParameters(node: SyntaxNode, bindings: Bindings): void {
  const scope = node.parent ?? node;
  const params = node.type === 'inferred_parameters' || node.type === 'formal_parameters' ? node.namedChildren : [node];
  for (const p of params) {
    const id = p?.type === 'identifier' ? p : p?.childForFieldName('name');
    if (id) bindings.addShadow(id.text, scope);
  }
}


function isClassName(name: string): boolean {
  return /^[A-Z]/.test(name);
}

function number(text: string): number | undefined {
  const t = text.replace(/_/g, '').replace(/[lLfFdD]$/, '');
  const v = /^0[xX]/.test(t) ? parseInt(t.slice(2), 16) : /^0[bB]/.test(t) ? parseInt(t.slice(2), 2) : /^0[0-7]+$/.test(t) ? parseInt(t, 8) : Number(t);
  return Number.isNaN(v) ? undefined : v;
}

/** What qualify answers for `node` (uncached; see javaSyntax.qualify). */
function qualifyNode(self: SyntaxAdapter, node: SyntaxNode, bindings: Bindings, depth: number): string | null {
  switch (node.type) {
    case 'identifier': {
      const parent = node.parent;
      // The name of a method call: `stmt.executeQuery` → the declared class of `stmt` + the method.
      if (parent?.type === 'method_invocation' && parent.childForFieldName('name')?.id === node.id) {
        const obj = parent.childForFieldName('object');
        if (!obj) return bindings.imports.get(node.text)?.qualified ?? node.text;
        const base = self.qualify(obj, bindings, depth + 1) ?? '<expr>';
        return `${base}.${node.text}`;
      }
      const imported = bindings.imports.get(node.text)?.qualified;
      if (imported) return imported;
      const type = variableType(node, bindings);
      if (type) return type;
      if (type === undefined && isClassName(node.text)) return resolveSimpleClass(node.text, fileOf(bindings).wildcards) ?? node.text;
      return node.text;
    }
    case 'this':
    case 'super':
      return node.type;
    case 'field_access': {
      const obj = node.childForFieldName('object');
      const field = node.childForFieldName('field');
      if (!obj || !field) return null;
      // `this.stmt`: the field's declared class.
      if (obj.type === 'this') {
        const type = variableType(field, bindings);
        if (type) return type;
      }
      const base = self.qualify(obj, bindings, depth + 1) ?? '<expr>';
      return `${base}.${field.text}`;
    }
    case 'type_identifier':
    case 'scoped_type_identifier':
    case 'scoped_identifier':
    case 'generic_type':
      return qualifyType(node, bindings);
    case 'method_invocation': {
      // A call's result is named by the call (`Runtime.getRuntime().exec` → `java.lang.Runtime.getRuntime.exec`),
      // so fluent chains (`ResponseCookie.from(…).secure(false)`) keep the class they start from.
      const name = node.childForFieldName('name');
      return name ? self.qualify(name, bindings, depth + 1) : null;
    }
    case 'object_creation_expression':
      // `new ProcessBuilder(cmd).start()`: the receiver is an instance of the class made.
      return qualifyType(node.childForFieldName('type'), bindings);
    case 'parenthesized_expression':
    case 'cast_expression': {
      const inner = node.childForFieldName('value') ?? node.namedChild(node.namedChildCount - 1);
      return node.type === 'cast_expression' ? qualifyType(node.childForFieldName('type'), bindings) : inner ? self.qualify(inner, bindings, depth + 1) : null;
    }
    default:
      return null;
  }
}

export const javaSyntax: SyntaxAdapter = {
  family: 'java',
  callTypes: set('method_invocation'),
  newTypes: set('object_creation_expression'),
  assignTypes: set('assignment_expression'),
  pairTypes: set('element_value_pair'),
  stringTypes: set('string_literal'),
  commentTypes: set('line_comment', 'block_comment'),
  functionTypes: set('method_declaration', 'constructor_declaration', 'lambda_expression'),
  declarationTypes: set('variable_declarator', 'assignment_expression'),
  bindingTypes: set('import_declaration', 'field_declaration', 'local_variable_declaration', 'formal_parameters', 'inferred_parameters'),

  collectBinding(node, bindings) {
    switch (node.type) {
      case 'import_declaration':
        return collectImport(node, bindings);
      case 'field_declaration':
      case 'local_variable_declaration':
        return collectDeclaration(node, bindings);
      default:
        return collectParameters(node, bindings);
    }
  },

  callee(call) {
    return call.type === 'object_creation_expression' ? call.childForFieldName('type') : call.childForFieldName('name');
  },

  positionalArgs(call) {
    const args = call.childForFieldName('arguments');
    if (!args || args.type !== 'argument_list') return [];
    return args.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'line_comment' && c.type !== 'block_comment');
  },

  keywordArgs() {
    return new Map<string, KeywordArg>();
  },

  lastSegment(callee) {
    if (callee.type === 'scoped_type_identifier' || callee.type === 'scoped_identifier') return callee.namedChild(callee.namedChildCount - 1) ?? callee;
    if (callee.type === 'generic_type') return this.lastSegment(callee.namedChild(0) ?? callee);
    return callee;
  },

  qualify(node, bindings, depth = 0) {
    if (depth > NESTING_LIMIT) {
      noteNestingCut(node.startPosition.row);
      qualifyCut = true;
      return null;
    }
    // The pattern rules, the taint pass and its hooks ask about the same nodes, and a chain
    // `a.b().c().d()` qualifies each call's prefix again: one answer per node.
    const known = fileOf(bindings).qualified;
    const hit = known.get(node.id);
    if (hit !== undefined) return hit;
    const outer = qualifyCut;
    qualifyCut = false;
    const q = qualifyNode(this, node, bindings, depth);
    if (!qualifyCut) known.set(node.id, q);
    qualifyCut ||= outer;
    return q;
  },

  constantValue(node, bindings, depth = 0): ConstValue | undefined {
    if (depth > 64) return undefined;
    switch (node.type) {
      case 'string_literal':
        return decodeJavaString(node);
      case 'character_literal': {
        const inner = node.text.slice(1, -1);
        return inner.startsWith('\\') ? undefined : inner;
      }
      case 'decimal_integer_literal':
      case 'hex_integer_literal':
      case 'octal_integer_literal':
      case 'binary_integer_literal':
      case 'decimal_floating_point_literal':
        return number(node.text);
      case 'true':
        return true;
      case 'false':
        return false;
      case 'null_literal':
        return null;
      case 'parenthesized_expression':
        return node.namedChildCount === 1 ? this.constantValue(node.namedChild(0)!, bindings, depth + 1) : undefined;
      case 'identifier': {
        const init = bindings.constantFor(node);
        // `final byte[] iv = new byte[16];` is filled in later (`nextBytes(iv)`): not a constant.
        if (init?.type === 'array_creation_expression' && !init.childForFieldName('value')) return undefined;
        return init ? this.constantValue(init, bindings, depth + 8) : undefined;
      }
      case 'method_invocation': {
        // `"literal".getBytes(UTF_8)`, `"pw".toCharArray()`: the same constant text as bytes or chars.
        const name = node.childForFieldName('name')?.text;
        const obj = node.childForFieldName('object');
        if (!obj || (name !== 'getBytes' && name !== 'toCharArray')) return undefined;
        const v = this.constantValue(obj, bindings, depth + 1);
        return typeof v === 'string' ? v : undefined;
      }
      case 'array_creation_expression': {
        const init = node.childForFieldName('value');
        if (init) return this.constantValue(init, bindings, depth + 1);
        // `new byte[16]`: all zeros.
        const dims = node.namedChildren.filter((c) => c?.type === 'dimensions_expr');
        const size = dims.length === 1 ? this.constantValue(dims[0]!.namedChild(0)!, bindings, depth + 1) : undefined;
        return typeof size === 'number' && size >= 0 && size <= 4096 ? '\0'.repeat(size) : undefined;
      }
      case 'array_initializer': {
        // A byte or char array of literals folds to the string of its elements.
        let out = '';
        for (const el of node.namedChildren) {
          if (!el) continue;
          const v = this.constantValue(el, bindings, depth + 1);
          if (typeof v === 'number' && Number.isInteger(v)) out += String.fromCharCode(v & 0xffff);
          else if (typeof v === 'string' && v.length === 1) out += v;
          else return undefined;
        }
        return out;
      }
      case 'cast_expression': {
        const v = this.constantValue(node.childForFieldName('value')!, bindings, depth + 1);
        const type = node.childForFieldName('type')?.text;
        if (typeof v !== 'number' || !type || !/^(byte|short|char|int|long)$/.test(type)) return undefined;
        return type === 'byte' ? (v << 24) >> 24 : type === 'short' ? (v << 16) >> 16 : v;
      }
      case 'binary_expression': {
        if (node.childForFieldName('operator')?.text !== '+') return undefined;
        const l = this.constantValue(node.childForFieldName('left')!, bindings, depth + 1);
        if (l === undefined) return undefined;
        const r = this.constantValue(node.childForFieldName('right')!, bindings, depth + 1);
        if (r === undefined) return undefined;
        return typeof l === 'number' && typeof r === 'number' ? l + r : `${l}${r}`;
      }
      case 'unary_expression': {
        const op = node.childForFieldName('operator')?.text;
        const v = this.constantValue(node.childForFieldName('operand')!, bindings, depth + 1);
        if (op === '-' && typeof v === 'number') return -v;
        if (op === '!' && typeof v === 'boolean') return !v;
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
    return { target, value, operator: node.childForFieldName('operator')?.text ?? '=' };
  },

  pairParts(node): PairParts | null {
    const keyNode = node.childForFieldName('key');
    const value = node.childForFieldName('value');
    if (!keyNode || !value) return null;
    return { key: keyNode.text, keyNode, value };
  },

  parentKey() {
    return null;
  },

  isArgumentList(node) {
    return node.type === 'argument_list';
  },

  isStatementBoundary(type) {
    return BOUNDARIES.has(type);
  },

  namingNode(node) {
    switch (node.type) {
      case 'variable_declarator':
        return node.childForFieldName('name');
      case 'assignment_expression':
        return node.childForFieldName('left');
      case 'element_value_pair':
        return node.childForFieldName('key');
      case 'method_declaration':
        return node.childForFieldName('name');
      case 'return_statement': {
        let fn = node.parent;
        while (fn && !METHODS.has(fn.type)) fn = fn.parent;
        return fn?.childForFieldName('name') ?? null;
      }
      default:
        return null;
    }
  },

  stringLiteral(value) {
    return encodeJavaString(value);
  },

  templatePieces() {
    return undefined;
  },

  wordLiteral(word) {
    return word.map((p) => ('expr' in p ? p.expr.text : encodeJavaString(p.text))).join(' + ');
  },

  listLiteral(items) {
    return `new String[] { ${items.join(', ')} }`;
  },

  stringPartTypes: set('string_fragment'),

  interpolated() {
    return false;
  },

  valueName(literal) {
    return nameFromTable(literal, set('parenthesized_expression', 'cast_expression'), { variable_declarator: ['name'], assignment_expression: ['left'], element_value_pair: ['key'] });
  },

  envRead(_text, _lineStarts, name) {
    return { expr: `System.getenv(${encodeJavaString(name)})`, title: `Read the secret from System.getenv("${name}")`, edits: [] };
  },

  listTypes: set('argument_list'),

  statementBlockTypes: set('block', 'constructor_body', 'switch_block_statement_group'),
  receiver,
  declaredValue,
  storedIn,
  usesOf,
  useOf,

  importLine(qualified, root, bindings, text) {
    return importLine(qualified, root, bindings, fileOf(bindings).wildcards, text);
  },

  argvLiteral(words, _like, bindings) {
    const isString = (n: SyntaxNode): boolean =>
      n.type === 'string_literal' || ((n.type === 'identifier' || n.type === 'field_access') && this.qualify(n, bindings) === 'java.lang.String');
    return argvLiteral(words, isString);
  },
};

/** Python node types mapped onto the engine's questions. */
import type { SyntaxNode } from '../parser';
import { NESTING_LIMIT, noteNestingCut } from '../nesting';
import { AssignParts, Bindings, ConstValue, KeywordArg, nameFromTable, PairParts, SyntaxAdapter, TextEdit, TextPiece } from '../syntax';
import { decodePyString, encodePyString, isFString } from './strings';

const set = (...types: string[]): ReadonlySet<string> => new Set(types);
/** Constructs that name a value, and the fields that hold the name. */
const VALUE_NAMES: Record<string, string[]> = {
  assignment: ['left'],
  keyword_argument: ['name'],
  default_parameter: ['name'],
  typed_default_parameter: ['name'],
  pair: ['key'],
};

/** `os.environ` as the file can reach it, and the `import os` to add when it cannot. */
function osEnviron(text: string, lineStarts: number[]): { expr: (n: string) => string; edits: TextEdit[] } {
  if (/^[ \t]*import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os(?:\.path)?\b/m.test(text)) return { expr: (n) => `os.environ["${n}"]`, edits: [] };
  if (/^[ \t]*from[ \t]+os[ \t]+import[ \t]+(?:[\w ,()]*[ ,(])?environ\b/m.test(text)) return { expr: (n) => `environ["${n}"]`, edits: [] };
  // Insert `import os` after a shebang, coding line, module docstring and __future__ imports.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let line = 0;
  const lineText = (i: number): string => text.slice(lineStarts[i]!, lineStarts[i + 1] ?? text.length).replace(/\r?\n$/, '');
  while (line < lineStarts.length && /^(?:#!|#.*coding[:=])/.test(lineText(line))) line++;
  const doc = /^[ \t]*[rRuU]?("""|''')/.exec(lineText(line));
  if (doc) {
    const close = text.indexOf(doc[1]!, lineStarts[line]! + doc[0].length);
    if (close >= 0) {
      let l = 0;
      while (l + 1 < lineStarts.length && lineStarts[l + 1]! <= close) l++;
      line = l + 1;
    }
  }
  for (let i = line; i < lineStarts.length; i++) if (/^from[ \t]+__future__[ \t]+import\b/.test(lineText(i))) line = i + 1;
  const at = { line, character: 0 };
  return { expr: (n) => `os.environ["${n}"]`, edits: [{ range: { start: at, end: at }, newText: `import os${eol}` }] };
}

const BOUNDARIES = set('block', 'module', 'class_definition');

function dotted(node: SyntaxNode): string {
  return node.text.replace(/\s+/g, '');
}

function collectImport(node: SyntaxNode, bindings: Bindings): void {
  for (const name of node.childrenForFieldName('name')) {
    if (!name) continue;
    if (name.type === 'dotted_name') {
      // `import os.path` binds `os`, and `os.path.x` then qualifies to itself.
      const head = name.namedChild(0)!.text;
      bindings.imports.set(head, { qualified: head, node: name, inList: false });
    } else if (name.type === 'aliased_import') {
      const target = name.childForFieldName('name');
      const alias = name.childForFieldName('alias');
      if (target && alias) bindings.imports.set(alias.text, { qualified: dotted(target), node: name, inList: false });
    }
  }
}

export const PACKAGE_SEGMENT = '__package__';
export const PARENT_SEGMENT = '__parent__';

function relativeModuleName(mod: string): string {
  const dots = /^\.+/.exec(mod)?.[0].length ?? 0;
  if (dots === 0) return mod;
  const rest = mod.slice(dots);
  return [PACKAGE_SEGMENT, ...Array<string>(dots - 1).fill(PARENT_SEGMENT), ...(rest ? [rest] : [])].join('.');
}

function collectImportFrom(node: SyntaxNode, bindings: Bindings): void {
  const moduleNode = node.childForFieldName('module_name');
  if (!moduleNode) return;
  // A relative module (`.db`, `..`, `..pkg.db`) is named from the importing file's package,
  // `__package__.db` / `__package__.__parent__.pkg.db`: every segment a name, as model globs
  // (`**.objects.raw`) expect, and none a library's. modules.ts turns it back into dots.
  const mod = relativeModuleName(dotted(moduleNode));
  const member = (name: string): string => `${mod}.${name}`;
  for (const name of node.childrenForFieldName('name')) {
    if (!name) continue;
    if (name.type === 'dotted_name') {
      bindings.imports.set(name.text, { qualified: member(dotted(name)), node: name, inList: true });
    } else if (name.type === 'aliased_import') {
      const target = name.childForFieldName('name');
      const alias = name.childForFieldName('alias');
      if (target && alias) bindings.imports.set(alias.text, { qualified: member(dotted(target)), node: name, inList: true });
    }
  }
}

export const pythonSyntax: SyntaxAdapter = {
  family: 'python',
  callTypes: set('call'),
  newTypes: set(),
  assignTypes: set('assignment', 'augmented_assignment'),
  pairTypes: set('pair'),
  stringTypes: set('string', 'concatenated_string'),
  commentTypes: set('comment'),
  functionTypes: set('function_definition', 'lambda'),
  declarationTypes: set('assignment'),
  bindingTypes: set('import_statement', 'import_from_statement', 'assignment', 'for_statement', 'augmented_assignment', 'function_definition'),

  collectBinding(node, bindings) {
    switch (node.type) {
      case 'import_statement':
        return collectImport(node, bindings);
      case 'import_from_statement':
        return collectImportFrom(node, bindings);
      case 'assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (left?.type === 'identifier') bindings.addConstant(left.text, right && right.type !== 'assignment' ? right : null);
        return;
      }
      case 'augmented_assignment':
      case 'for_statement': {
        const left = node.childForFieldName('left');
        if (left?.type === 'identifier') bindings.addConstant(left.text, null);
        return;
      }
      case 'function_definition': {
        // Parameters shadow module constants of the same name inside the function.
        const params = node.childForFieldName('parameters');
        for (const p of params?.namedChildren ?? []) {
          const id = p?.type === 'identifier' ? p : p?.namedChildren.find((c) => c?.type === 'identifier');
          if (id) bindings.addShadow(id.text, node);
        }
        return;
      }
    }
  },

  callee(call) {
    return call.childForFieldName('function');
  },

  positionalArgs(call) {
    const args = call.childForFieldName('arguments');
    // `''.join(c for c in s)`: a lone generator expression is the argument list itself.
    if (args?.type === 'generator_expression') return [args];
    if (!args || args.type !== 'argument_list') return [];
    return args.namedChildren.filter(
      (c): c is SyntaxNode => !!c && c.type !== 'keyword_argument' && c.type !== 'comment' && c.type !== 'dictionary_splat',
    );
  },

  keywordArgs(call) {
    const out = new Map<string, KeywordArg>();
    const args = call.childForFieldName('arguments');
    for (const arg of args?.namedChildren ?? []) {
      if (arg?.type !== 'keyword_argument') continue;
      const name = arg.childForFieldName('name');
      const value = arg.childForFieldName('value');
      if (name && value) out.set(name.text, { node: arg, value });
    }
    return out;
  },

  lastSegment(callee) {
    if (callee.type === 'attribute') return callee.childForFieldName('attribute') ?? callee;
    return callee;
  },

  qualify(node, bindings, depth = 0) {
    if (depth > NESTING_LIMIT) {
      noteNestingCut(node.startPosition.row);
      return null;
    }
    switch (node.type) {
      case 'identifier': {
        const bound = bindings.imports.get(node.text);
        return bound ? bound.qualified : node.text;
      }
      case 'attribute': {
        const obj = node.childForFieldName('object');
        const attr = node.childForFieldName('attribute');
        if (!obj || !attr) return null;
        const base = this.qualify(obj, bindings, depth + 1) ?? '<expr>';
        return `${base}.${attr.text}`;
      }
      case 'subscript': {
        const value = node.childForFieldName('value');
        const index = node.childForFieldName('subscript');
        if (!value || !index) return null;
        const key = this.constantValue(index, bindings);
        const base = this.qualify(value, bindings, depth + 1);
        return base && typeof key === 'string' && /^[\w-]+$/.test(key) ? `${base}.${key}` : null;
      }
      case 'parenthesized_expression':
        return node.namedChildCount === 1 ? this.qualify(node.namedChild(0)!, bindings, depth + 1) : null;
      default:
        return null;
    }
  },

  constantValue(node, bindings, depth = 0): ConstValue | undefined {
    // Nesting (a long `'a' + 'b' + …` chain) is cheap and may go deep; following a name
    // costs more, so at most ~8 hops through constants (and no runaway recursion either way).
    if (depth > 64) return undefined;
    switch (node.type) {
      case 'string':
        return decodePyString(node);
      case 'concatenated_string': {
        let out = '';
        for (const part of node.namedChildren) {
          const v = part ? decodePyString(part) : undefined;
          if (v === undefined) return undefined;
          out += v;
        }
        return out;
      }
      case 'integer':
      case 'float': {
        const v = Number(node.text.replace(/_/g, ''));
        return Number.isNaN(v) ? undefined : v;
      }
      case 'true':
        return true;
      case 'false':
        return false;
      case 'none':
        return null;
      case 'parenthesized_expression':
        return node.namedChildCount === 1 ? this.constantValue(node.namedChild(0)!, bindings, depth + 1) : undefined;
      case 'identifier': {
        const init = bindings.constantFor(node);
        return init ? this.constantValue(init, bindings, depth + 8) : undefined;
      }
      case 'binary_operator': {
        if (node.childForFieldName('operator')?.text !== '+') return undefined;
        const l = this.constantValue(node.childForFieldName('left')!, bindings, depth + 1);
        if (l === undefined) return undefined;
        const r = this.constantValue(node.childForFieldName('right')!, bindings, depth + 1);
        if (r === undefined) return undefined;
        if (typeof l === 'number' && typeof r === 'number') return l + r;
        return typeof l === 'string' && typeof r === 'string' ? l + r : undefined;
      }
      case 'unary_operator': {
        const v = this.constantValue(node.childForFieldName('argument')!, bindings, depth + 1);
        return typeof v === 'number' && node.childForFieldName('operator')?.text === '-' ? -v : undefined;
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
    if (!keyNode || !value || keyNode.type !== 'string') return null;
    const key = decodePyString(keyNode);
    return key === undefined ? null : { key, keyNode, value };
  },

  parentKey(pair) {
    const dict = pair.parent;
    const holder = dict?.parent;
    if (!holder) return null;
    if (holder.type === 'pair') return this.pairParts(holder)?.key ?? null;
    if (holder.type === 'keyword_argument') return holder.childForFieldName('name')?.text ?? null;
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
      case 'assignment':
      case 'augmented_assignment':
        return node.childForFieldName('left');
      case 'keyword_argument':
        return node.childForFieldName('name');
      case 'pair':
        return node.childForFieldName('key');
      case 'function_definition':
        return node.childForFieldName('name');
      case 'return_statement': {
        let fn = node.parent;
        while (fn && fn.type !== 'function_definition') fn = fn.parent;
        return fn?.childForFieldName('name') ?? null;
      }
      default:
        return null;
    }
  },

  templatePieces(node) {
    if (node.type !== 'string' || !isFString(node)) return undefined;
    const out: TextPiece[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'string_content') {
        if (child.text.includes('\\') || /\{\{|\}\}/.test(child.text)) return false;
        out.push({ text: child.text });
      } else if (child.type === 'interpolation') {
        const expr = child.childForFieldName('expression');
        // A conversion or format spec changes the text; keep it simple and refuse.
        if (!expr || child.namedChildCount !== 1) return false;
        out.push({ expr, formatted: true });
      }
    }
    return out;
  },

  wordLiteral(word, like) {
    const quote = like.text.replace(/^[a-zA-Z]*/, '').startsWith("'") ? "'" : '"';
    if (word.length === 1) {
      const p = word[0]!;
      // subprocess rejects non-str arguments; the f-string used to convert the value.
      if ('expr' in p) return p.formatted ? `str(${p.expr.text})` : p.expr.text;
      return encodePyString(p.text, quote);
    }
    const exprs = word.filter((p): p is { expr: SyntaxNode } => 'expr' in p).map((p) => p.expr.text);
    const q = exprs.some((e) => e.includes(quote)) ? (quote === '"' ? "'" : '"') : quote;
    if (exprs.some((e) => e.includes(q) || e.includes('\\') || /[{}]/.test(e))) return undefined;
    const body = word.map((p) => ('expr' in p ? `{${p.expr.text}}` : p.text.replace(/[{}]/g, (m) => m + m))).join('');
    return `f${q}${body}${q}`;
  },

  listLiteral(items) {
    return `[${items.join(', ')}]`;
  },

  stringPartTypes: set('string_content'),

  interpolated() {
    return false;
  },

  valueName(literal) {
    return nameFromTable(literal, set('parenthesized_expression'), VALUE_NAMES);
  },

  envRead(text, lineStarts, name) {
    const imp = osEnviron(text, lineStarts);
    return { expr: imp.expr(name), title: `Read the secret from os.environ["${name}"]`, edits: imp.edits };
  },

  listTypes: set('argument_list', 'dictionary', 'list'),

  addBinding(binding, name) {
    const entry = binding.node;
    if (entry.type === 'aliased_import') return undefined;
    const end = { line: entry.endPosition.row, character: entry.endPosition.column };
    return { range: { start: end, end }, newText: `, ${name}` };
  },

  stringLiteral(value, like) {
    const quote = like && like.text.replace(/^[a-zA-Z]*/, '').startsWith("'") ? "'" : '"';
    return encodePyString(value, quote);
  },
};

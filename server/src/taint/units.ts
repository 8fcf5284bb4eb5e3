/**
 * The functions of a file: which have names (and so summaries), which are request
 * handlers, and what role each of their parameters plays.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import type { NameMatcher } from '../engine/rule';
import type { HandlerModel, TaintModels } from './models';

export const JS_FUNCTIONS = new Set(['function_declaration', 'function_expression', 'function', 'generator_function_declaration', 'generator_function', 'arrow_function', 'method_definition']);
export const PY_FUNCTIONS = new Set(['function_definition', 'lambda']);

export interface Param {
  name: string;
  node: SyntaxNode;
  /** Type annotation text, when there is one. */
  type?: string;
  /** Text of a default value (`Depends(...)`). */
  defaultText?: string;
  decorators: string[];
}

export interface Unit {
  node: SyntaxNode;
  name: string | null;
  params: Param[];
  body: SyntaxNode | null;
  /** Role per parameter index, from the handler models. */
  roles: Map<number, string>;
  /** Sink kind of strings this handler returns (Flask views answer with HTML). */
  returnSink?: string;
  /** Role of `self` in a handler method (Tornado's RequestHandler). */
  selfRole?: string;
}

export function isFunctionNode(ctx: FileContext, node: SyntaxNode): boolean {
  return (ctx.adapter.family === 'js' ? JS_FUNCTIONS : PY_FUNCTIONS).has(node.type);
}

/** The function around `node`, or the file's root outside any function. */
export function enclosingScope(ctx: FileContext, node: SyntaxNode): SyntaxNode {
  let scope = node.parent ?? node;
  while (scope.parent && !isFunctionNode(ctx, scope)) scope = scope.parent;
  return scope;
}

/** The file imports `module` or something inside it. */
export function importsModule(ctx: FileContext, module: string): boolean {
  for (const b of ctx.bindings.imports.values()) if (b.qualified === module || b.qualified.startsWith(`${module}.`)) return true;
  return false;
}

function paramName(p: SyntaxNode): SyntaxNode | null {
  switch (p.type) {
    case 'identifier':
      return p;
    case 'required_parameter':
    case 'optional_parameter':
      return paramName(p.childForFieldName('pattern') ?? p.namedChild(0)!);
    case 'assignment_pattern':
      return paramName(p.childForFieldName('left')!);
    case 'typed_parameter':
    case 'typed_default_parameter':
    case 'default_parameter':
      return p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier') ?? null;
    default:
      return null;
  }
}

export function paramsOf(ctx: FileContext, fn: SyntaxNode): Param[] {
  const list = fn.childForFieldName('parameters') ?? (fn.type === 'arrow_function' ? fn.childForFieldName('parameter') : null);
  if (!list) return [];
  const items = list.type === 'identifier' ? [list] : list.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  const out: Param[] = [];
  for (const item of items) {
    const id = paramName(item);
    const typeNode = item.childForFieldName('type');
    if (!id) {
      // A destructured parameter (`{ query }: Request`): no name, but its type still counts.
      out.push({ name: '', node: item, type: typeNode?.text.replace(/^:\s*/, ''), decorators: [] });
      continue;
    }
    const value = item.childForFieldName('value') ?? item.childForFieldName('right');
    const decorators = item.namedChildren.filter((c) => c?.type === 'decorator').map((d) => d!.text.replace(/^@/, '').replace(/\(.*$/s, ''));
    out.push({ name: id.text, node: id, type: typeNode?.text.replace(/^:\s*/, ''), defaultText: value?.text, decorators });
  }
  // Methods: `self`/`cls` are not inputs.
  if (ctx.adapter.family === 'python' && out[0] && (out[0].name === 'self' || out[0].name === 'cls')) out.shift();
  return out;
}

export function functionName(fn: SyntaxNode): string | null {
  const own = fn.childForFieldName('name');
  if (own) return own.text;
  const parent = fn.parent;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text ?? null;
  if (parent?.type === 'assignment_expression' || parent?.type === 'pair') {
    const left = parent.childForFieldName('left') ?? parent.childForFieldName('key');
    return left?.text.replace(/^.*\./, '') ?? null;
  }
  return null;
}

function decoratorsOf(ctx: FileContext, fn: SyntaxNode): string[] {
  const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : null;
  if (!holder) return [];
  return holder.namedChildren
    .filter((c) => c?.type === 'decorator')
    .map((d) => {
      const expr = d!.namedChild(0);
      const callee = expr?.type === 'call' ? expr.childForFieldName('function') : expr;
      return callee ? ctx.adapter.qualify(callee, ctx.bindings) ?? callee.text : '';
    });
}

function isExported(fn: SyntaxNode): boolean {
  let p = fn.parent;
  if (p?.type === 'variable_declarator') p = p.parent?.parent ?? null;
  return p?.type === 'export_statement';
}

/** The object pattern of a destructured parameter (`{ query }`, `{ query }: Request`, `{ query } = {}`). */
export function objectPatternOf(node: SyntaxNode): SyntaxNode | null {
  if (node.type === 'object_pattern') return node;
  if (node.type === 'required_parameter' || node.type === 'optional_parameter') {
    const pattern = node.childForFieldName('pattern') ?? node.namedChild(0);
    return pattern ? objectPatternOf(pattern) : null;
  }
  if (node.type === 'assignment_pattern') {
    const left = node.childForFieldName('left');
    return left ? objectPatternOf(left) : null;
  }
  return null;
}

/** One entry of an object pattern: the property it reads (none for `...rest`) and where it binds. */
export function patternEntry(entry: SyntaxNode): { key?: string; target: SyntaxNode | null } {
  switch (entry.type) {
    case 'shorthand_property_identifier_pattern':
      return { key: entry.text, target: entry };
    case 'pair_pattern':
      return { key: entry.childForFieldName('key')?.text, target: entry.childForFieldName('value') };
    case 'object_assignment_pattern': {
      const target = entry.childForFieldName('left');
      return { key: target?.text, target };
    }
    case 'rest_pattern':
      return { target: entry.namedChild(0) };
    default:
      return { target: null };
  }
}

/** Keys a destructured parameter takes (`{ query, body: b }` → query, body; `''` for `...rest`). */
function patternKeys(pattern: SyntaxNode): string[] {
  return pattern.namedChildren.filter((e): e is SyntaxNode => !!e).map((e) => patternEntry(e).key ?? '');
}

/**
 * Parameters named like the model, position by position. A destructured parameter
 * (`({ query, body }, res) => …`) stands for a named one when every key it takes is an input
 * member of the role that position gets (`query`, `body`, `params` of a request) and another
 * parameter matches by name.
 */
function namedLike(params: Param[], alternatives: string[][], roles: string[], sources: TaintModels['sources']): boolean {
  // At least one parameter must match by name: `({ query }) => …` alone says nothing.
  if (!alternatives.some((names, i) => params[i] !== undefined && names.includes(params[i]!.name))) return false;
  return alternatives.every((names, i) => {
    const p = params[i];
    if (!p) return false;
    if (names.includes(p.name)) return true;
    const pattern = p.name ? null : objectPatternOf(p.node);
    const role = roles[i];
    if (!pattern || !role) return false;
    const keys = patternKeys(pattern);
    return keys.length > 0 && keys.every((k) => sources.some((s) => s.role === role && s.members?.has(k)));
  });
}

/** The role a parameter's type annotation gives it (`res: Response` with `Response` imported from express). */
function typedRole(ctx: FileContext, models: TaintModels, p: Param): string | undefined {
  if (models.typedParams.length === 0 || !p.type) return undefined;
  const type = p.type.replace(/^type\s+/, '').replace(/<.*$/s, '').trim();
  if (!/^[\w$.]+$/.test(type)) return undefined;
  const [head, ...rest] = type.split('.');
  const qualified = ctx.bindings.imports.get(head!)?.qualified;
  if (!qualified) return undefined;
  const name = [qualified, ...rest].join('.');
  return models.typedParams.find((t) => t.type === name)?.role;
}

const CLASS_TYPES = new Set(['class_definition', 'class_declaration', 'class']);
const SELF_NAMES = new Set(['self', 'cls', 'this']);

/** The class a method is defined in (through a decorator and the class body), if it is one. */
export function classOf(fn: SyntaxNode): SyntaxNode | null {
  let p = fn.parent;
  if (p?.type === 'decorated_definition') p = p.parent;
  if (p?.type === 'block' || p?.type === 'class_body') p = p.parent;
  return p && CLASS_TYPES.has(p.type) ? p : null;
}

function enclosingClass(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (CLASS_TYPES.has(p.type)) return p;
  return null;
}

/** Per tree: calls by the name they call, `f` for `f()` and `<class id>.f` for `self.f()`. */
const callIndex = new WeakMap<object, Map<string, SyntaxNode[]>>();

function callsByName(ctx: FileContext): Map<string, SyntaxNode[]> {
  let index = callIndex.get(ctx.tree);
  if (index) return index;
  index = new Map();
  for (const type of ctx.adapter.callTypes) {
    for (const call of ctx.tree.rootNode.descendantsOfType(type)) {
      const callee = call ? ctx.adapter.callee(call) : null;
      if (!call || !callee) continue;
      let key: string | undefined;
      if (callee.type === 'identifier') key = callee.text;
      else if (callee.type === 'attribute' || callee.type === 'member_expression') {
        const obj = callee.childForFieldName('object');
        const prop = callee.childForFieldName('attribute') ?? callee.childForFieldName('property');
        const cls = obj && SELF_NAMES.has(obj.text) ? enclosingClass(call) : null;
        if (cls && prop) key = `${cls.id}.${prop.text}`;
      }
      if (!key) continue;
      const list = index.get(key);
      if (list) list.push(call);
      else index.set(key, [call]);
    }
  }
  callIndex.set(ctx.tree, index);
  return index;
}

/** True when the file calls this function somewhere outside its own body. */
function calledInFile(ctx: FileContext, fn: SyntaxNode): boolean {
  const name = fn.childForFieldName('name')?.text ?? functionName(fn);
  if (!name) return false;
  const cls = classOf(fn);
  const calls = callsByName(ctx).get(cls ? `${cls.id}.${name}` : name) ?? [];
  return calls.some((c) => c.startIndex < fn.startIndex || c.endIndex > fn.endIndex);
}

/** The registration call a function literal is passed to (`app.get('/x', fn)`), if any. */
function registration(ctx: FileContext, fn: SyntaxNode): { qualified: string; firstArg?: string } | null {
  const args = fn.parent;
  if (!args || !ctx.adapter.isArgumentList(args)) return null;
  const call = args.parent;
  if (!call) return null;
  const callee = ctx.adapter.callee(call);
  const qualified = callee ? ctx.adapter.qualify(callee, ctx.bindings) : null;
  if (!qualified) return null;
  const first = ctx.adapter.positionalArgs(call)[0];
  const value = first ? ctx.adapter.constantValue(first, ctx.bindings) : undefined;
  return { qualified, firstArg: typeof value === 'string' ? value : undefined };
}

export function handlerModelFor(ctx: FileContext, models: TaintModels, fn: SyntaxNode, params: Param[], registeredNames: Map<string, { qualified: string; firstArg?: string }>, path: string | undefined): HandlerModel | undefined {
  const name = functionName(fn);
  const reg = registration(ctx, fn) ?? (name ? registeredNames.get(name) ?? null : null);
  const decorators = decoratorsOf(ctx, fn);
  for (const h of models.handlers) {
    if (h.path && !(path && h.path.test(path))) continue;
    if (h.register) {
      if (!reg || !h.register(reg.qualified)) continue;
      if (h.firstArg && !(reg.firstArg !== undefined && h.firstArg.test(reg.firstArg))) continue;
    }
    if (h.paramsNamed && !namedLike(params, h.paramsNamed, h.params, models.sources)) continue;
    if (h.module && !importsModule(ctx, h.module)) continue;
    if (h.decorators && !decorators.some((d) => h.decorators!(d))) continue;
    if (h.exports && !(name && h.exports.has(name) && isExported(fn))) continue;
    if (h.notCalledInFile && calledInFile(ctx, fn)) continue;
    if (h.classExtends) {
      if (h.methods && !(name && methodNamed(h.methods, name))) continue;
      const cls = classOf(fn);
      if (!cls || !extendsClass(ctx, cls, h.classExtends, 0)) continue;
    }
    if (h.objectKeys && !memberUnderKey(fn, h.objectKeys)) continue;
    if (!h.register && !h.paramsNamed && !h.decorators && !h.exports && !h.classExtends && !h.objectKeys) continue;
    return h;
  }
  return undefined;
}

/** `get` matches `get`; a name ending in `*` is a prefix (`resolve_*`: graphene's resolvers). */
function methodNamed(methods: ReadonlySet<string>, name: string): boolean {
  if (methods.has(name)) return true;
  for (const m of methods) if (m.endsWith('*') && name.startsWith(m.slice(0, -1))) return true;
  return false;
}

/** `Query: { user: (_, args) => … }` or `Query: { user(_, args) { … } }`: a member of an object under one of `keys`. */
function memberUnderKey(fn: SyntaxNode, keys: ReadonlySet<string>): boolean {
  const object = fn.type === 'method_definition' ? fn.parent : fn.parent?.type === 'pair' ? fn.parent.parent : null;
  const holder = object?.type === 'object' ? object.parent : null;
  const key = holder?.type === 'pair' ? holder.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '') : undefined;
  return !!key && keys.has(key);
}

/** The class extends a match of `bases`, directly or through classes of the same file. */
function extendsClass(ctx: FileContext, cls: SyntaxNode, bases: NameMatcher, depth: number): boolean {
  const list = cls.childForFieldName('superclasses');
  for (const base of list?.namedChildren ?? []) {
    if (!base || (base.type !== 'identifier' && base.type !== 'attribute')) continue;
    const qualified = ctx.adapter.qualify(base, ctx.bindings);
    if (qualified && bases(qualified)) return true;
    if (depth < 5 && base.type === 'identifier') {
      const local = ctx.tree.rootNode.namedChildren.find((c) => c?.type === 'class_definition' && c.childForFieldName('name')?.text === base.text);
      if (local && local.id !== cls.id && extendsClass(ctx, local, bases, depth + 1)) return true;
    }
  }
  return false;
}

/** Identifiers passed to registration calls (`app.get('/x', handler)`), so named handlers get roles too. */
export function registeredHandlerNames(ctx: FileContext, models: TaintModels, calls: SyntaxNode[]): Map<string, { qualified: string; firstArg?: string }> {
  const out = new Map<string, { qualified: string; firstArg?: string }>();
  // Only calls whose method name a handler model registers with are worth reading.
  const lasts = new Set<string>();
  for (const h of models.handlers) for (const n of h.registerNames ?? []) lasts.add(n.slice(n.lastIndexOf('.') + 1));
  if (lasts.size === 0) return out;
  for (const call of calls) {
    const callee = ctx.adapter.callee(call);
    if (!callee || !lasts.has(ctx.adapter.lastSegment(callee).text)) continue;
    const args = ctx.adapter.positionalArgs(call);
    const named = args.filter((a) => a.type === 'identifier');
    if (named.length === 0) continue;
    const qualified = callee ? ctx.adapter.qualify(callee, ctx.bindings) : null;
    if (!qualified) continue;
    const first = args[0] ? ctx.adapter.constantValue(args[0], ctx.bindings) : undefined;
    for (const a of named) if (!out.has(a.text)) out.set(a.text, { qualified, firstArg: typeof first === 'string' ? first : undefined });
  }
  return out;
}

/** Flask/Werkzeug route converters that turn a URL part into a number or UUID: `<int:id>`. */
function convertedParams(fn: SyntaxNode): Set<string> {
  const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : null;
  const out = new Set<string>();
  for (const d of holder?.namedChildren ?? []) {
    if (d?.type !== 'decorator') continue;
    for (const m of d.text.matchAll(/<(int|float|uuid):(\w+)>/g)) out.add(m[2]!);
  }
  return out;
}

export function makeUnit(ctx: FileContext, models: TaintModels, fn: SyntaxNode, registered: Map<string, { qualified: string; firstArg?: string }>, path: string | undefined): Unit {
  const params = paramsOf(ctx, fn);
  const converted = ctx.adapter.family === 'python' ? convertedParams(fn) : new Set<string>();
  const roles = new Map<number, string>();
  const handler = handlerModelFor(ctx, models, fn, params, registered, path);
  params.forEach((p, i) => {
    const role = handler?.params[i] ?? handler?.params[handler.params.length - 1];
    if (handler && role) {
      const cleanType = p.type && handler.cleanTypes && [...handler.cleanTypes].some((t) => p.type === t || p.type!.endsWith(`.${t}`));
      const cleanDefault = p.defaultText && handler.cleanTypes && [...handler.cleanTypes].some((t) => p.defaultText!.startsWith(`${t}(`));
      if (!cleanType && !cleanDefault && !converted.has(p.name) && (handler.params[i] !== undefined || role === 'remote')) roles.set(i, role);
    }
    for (const s of models.sources) if (s.decorators && p.decorators.some((d) => s.decorators!.has(d))) roles.set(i, s.role ?? 'remote');
    if (!roles.has(i)) {
      const role = typedRole(ctx, models, p);
      if (role) roles.set(i, role);
    }
  });
  return { node: fn, name: functionName(fn), params, body: fn.childForFieldName('body'), roles, returnSink: handler?.returns, selfRole: handler?.selfRole };
}

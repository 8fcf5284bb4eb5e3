/**
 * The functions of a file: which have names (and so summaries), which are request
 * handlers, and what role each of their parameters plays.
 */
import type { SyntaxNode } from '../languages/parser';
import { qualifiedParamType } from '../engine/paramTypes';
import type { FileContext } from '../engine/fileContext';
import type { NameMatcher } from '../engine/rule';
import type { HandlerModel, TaintModels } from './models';
import type { Param } from '../languages/taintSyntax';

export type { Param };

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
  return ctx.syntax.kind(node) === 'function';
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

export function paramsOf(ctx: FileContext, fn: SyntaxNode): Param[] {
  return ctx.syntax.params(fn);
}

export function functionName(ctx: FileContext, fn: SyntaxNode): string | null {
  return ctx.syntax.functionName(fn);
}

function decoratorsOf(ctx: FileContext, fn: SyntaxNode): string[] {
  return ctx.syntax.decorators(fn).map((callee) => ctx.adapter.qualify(callee, ctx.bindings) ?? callee.text);
}

/** One entry of an object pattern: the property it reads (none for `...rest`) and where it binds. */
export function patternEntry(ctx: FileContext, entry: SyntaxNode): { key?: string; target: SyntaxNode | null } {
  const syn = ctx.syntax;
  switch (syn.kind(entry)) {
    case 'shorthand-entry':
      return { key: entry.text, target: entry };
    case 'pair-entry':
      return { key: syn.child(entry, 'key')?.text, target: syn.child(entry, 'value') };
    case 'default-entry': {
      const target = syn.child(entry, 'left');
      return { key: target?.text, target };
    }
    case 'rest-entry':
      return { target: entry.namedChild(0) };
    default:
      return { target: null };
  }
}

/** Keys a destructured parameter takes (`{ query, body: b }` → query, body; `''` for `...rest`). */
function patternKeys(ctx: FileContext, pattern: SyntaxNode): string[] {
  return pattern.namedChildren.filter((e): e is SyntaxNode => !!e).map((e) => patternEntry(ctx, e).key ?? '');
}

/**
 * Parameters named like the model, position by position. A destructured parameter
 * (`({ query, body }, res) => …`) stands for a named one when every key it takes is an input
 * member of the role that position gets (`query`, `body`, `params` of a request) and another
 * parameter matches by name.
 */
function namedLike(ctx: FileContext, params: Param[], alternatives: string[][], roles: string[], sources: TaintModels['sources']): boolean {
  // At least one parameter must match by name: `({ query }) => …` alone says nothing.
  if (!alternatives.some((names, i) => params[i] !== undefined && names.includes(params[i]!.name))) return false;
  return alternatives.every((names, i) => {
    const p = params[i];
    if (!p) return false;
    if (names.includes(p.name)) return true;
    const pattern = p.name ? null : ctx.syntax.objectPatternOf(p.node);
    const role = roles[i];
    if (!pattern || !role) return false;
    const keys = patternKeys(ctx, pattern);
    return keys.length > 0 && keys.every((k) => sources.some((s) => s.role === role && s.members?.has(k)));
  });
}

/** The role a parameter's type annotation gives it (`res: Response` with `Response` imported from express). */
function typedRole(ctx: FileContext, models: TaintModels, p: Param): string | undefined {
  if (models.typedParams.length === 0) return undefined;
  const name = qualifiedParamType(ctx, p);
  return name ? models.typedParams.find((t) => t.type === name)?.role : undefined;
}

function enclosingClass(ctx: FileContext, node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (ctx.syntax.kind(p) === 'class') return p;
  return null;
}

/** Per tree: calls by the name they call, `f` for `f()` and `<class id>.f` for `self.f()`. */
const callIndex = new WeakMap<object, Map<string, SyntaxNode[]>>();

function callsByName(ctx: FileContext): Map<string, SyntaxNode[]> {
  let index = callIndex.get(ctx.tree);
  if (index) return index;
  index = new Map();
  const syn = ctx.syntax;
  for (const type of ctx.adapter.callTypes) {
    for (const call of ctx.tree.rootNode.descendantsOfType(type)) {
      const callee = call ? ctx.adapter.callee(call) : null;
      if (!call || !callee) continue;
      let key: string | undefined;
      const member = syn.kind(callee) === 'member';
      const obj = member ? syn.child(callee, 'object') : syn.child(call, 'object');
      if (!obj && syn.kind(callee) === 'name') key = callee.text;
      else if (obj) {
        const prop = member ? syn.child(callee, 'property') : callee;
        const cls = syn.selfNames.has(obj.text) ? enclosingClass(ctx, call) : null;
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
  const name = ctx.syntax.child(fn, 'name')?.text ?? functionName(ctx, fn);
  if (!name) return false;
  const cls = ctx.syntax.classOf(fn);
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
  const name = functionName(ctx, fn);
  const reg = registration(ctx, fn) ?? (name ? registeredNames.get(name) ?? null : null);
  const decorators = decoratorsOf(ctx, fn);
  for (const h of models.handlers) {
    if (h.path && !(path && h.path.test(path))) continue;
    if (h.register) {
      if (!reg || !h.register(reg.qualified)) continue;
      if (h.firstArg && !(reg.firstArg !== undefined && h.firstArg.test(reg.firstArg))) continue;
    }
    if (h.paramsNamed && !namedLike(ctx, params, h.paramsNamed, h.params, models.sources)) continue;
    if (h.paramsTyped && !typedLike(ctx, params, h.paramsTyped)) continue;
    if (h.module && !importsModule(ctx, h.module)) continue;
    if (h.decorators && !decorators.some((d) => h.decorators!(d))) continue;
    if (h.exports && !(name && h.exports.has(name) && ctx.syntax.isExported(fn))) continue;
    if (h.notCalledInFile && calledInFile(ctx, fn)) continue;
    if (h.classExtends) {
      if (h.methods && !(name && methodNamed(h.methods, name))) continue;
      const cls = ctx.syntax.classOf(fn);
      if (!cls || !extendsClass(ctx, cls, h.classExtends, 0)) continue;
    }
    if (h.objectKeys && !memberUnderKey(ctx, fn, h.objectKeys)) continue;
    if (!h.register && !h.paramsNamed && !h.paramsTyped && !h.decorators && !h.exports && !h.classExtends && !h.objectKeys) continue;
    return h;
  }
  return undefined;
}

/** Exactly as many parameters as `types`, each of an import-resolved type its position matches. */
function typedLike(ctx: FileContext, params: Param[], types: NameMatcher[]): boolean {
  if (params.length !== types.length) return false;
  return params.every((p, i) => {
    const t = qualifiedParamType(ctx, p);
    return !!t && types[i]!(t);
  });
}

/** `get` matches `get`; a name ending in `*` is a prefix (`resolve_*`: graphene's resolvers). */
function methodNamed(methods: ReadonlySet<string>, name: string): boolean {
  if (methods.has(name)) return true;
  for (const m of methods) if (m.endsWith('*') && name.startsWith(m.slice(0, -1))) return true;
  return false;
}

/** `Query: { user: (_, args) => … }` or `Query: { user(_, args) { … } }`: a member of an object under one of `keys`. */
function memberUnderKey(ctx: FileContext, fn: SyntaxNode, keys: ReadonlySet<string>): boolean {
  const syn = ctx.syntax;
  const parent = fn.parent;
  const object = !parent ? null : syn.kind(parent) === 'object' ? parent : syn.kind(parent) === 'pair' ? parent.parent : null;
  const holder = object && syn.kind(object) === 'object' ? object.parent : null;
  const key = holder && syn.kind(holder) === 'pair' ? syn.child(holder, 'key')?.text.replace(/^['"]|['"]$/g, '') : undefined;
  return !!key && keys.has(key);
}

/** The class extends a match of `bases`, directly or through classes of the same file. */
function extendsClass(ctx: FileContext, cls: SyntaxNode, bases: NameMatcher, depth: number): boolean {
  const syn = ctx.syntax;
  const list = syn.child(cls, 'superclasses');
  for (const base of list?.namedChildren ?? []) {
    const k = base ? syn.kind(base) : undefined;
    if (!base || (k !== 'name' && k !== 'member')) continue;
    const qualified = ctx.adapter.qualify(base, ctx.bindings);
    if (qualified && bases(qualified)) return true;
    if (depth < 5 && k === 'name') {
      const local = ctx.tree.rootNode.namedChildren.find((c) => !!c && syn.kind(c) === 'class' && syn.child(c, 'name')?.text === base.text);
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
    const named = args.filter((a) => ctx.syntax.kind(a) === 'name');
    if (named.length === 0) continue;
    const qualified = callee ? ctx.adapter.qualify(callee, ctx.bindings) : null;
    if (!qualified) continue;
    const first = args[0] ? ctx.adapter.constantValue(args[0], ctx.bindings) : undefined;
    for (const a of named) if (!out.has(a.text)) out.set(a.text, { qualified, firstArg: typeof first === 'string' ? first : undefined });
  }
  return out;
}

function typeIn(type: string | undefined, types: ReadonlySet<string> | undefined): boolean {
  return !!type && !!types && [...types].some((t) => type === t || type.endsWith(`.${t}`));
}

export function makeUnit(ctx: FileContext, models: TaintModels, fn: SyntaxNode, registered: Map<string, { qualified: string; firstArg?: string }>, path: string | undefined): Unit {
  const params = paramsOf(ctx, fn);
  const converted = ctx.syntax.convertedParams(fn);
  const roles = new Map<number, string>();
  const handler = handlerModelFor(ctx, models, fn, params, registered, path);
  params.forEach((p, i) => {
    const role = handler?.params[i] ?? handler?.params[handler.params.length - 1];
    if (handler && role) {
      const cleanType = typeIn(p.type, handler.cleanTypes);
      const cleanDefault = p.defaultText && handler.cleanTypes && [...handler.cleanTypes].some((t) => p.defaultText!.startsWith(`${t}(`));
      if (!cleanType && !cleanDefault && !converted.has(p.name) && (handler.params[i] !== undefined || role === 'remote')) roles.set(i, role);
    }
    for (const s of models.sources) {
      if (!s.decorators || !p.decorators.some((d) => s.decorators!.has(d))) continue;
      if (typeIn(p.type, s.cleanTypes)) roles.delete(i);
      else roles.set(i, s.role ?? 'remote');
    }
    if (!roles.has(i)) {
      const role = typedRole(ctx, models, p);
      if (role) roles.set(i, role);
    }
  });
  return { node: fn, name: functionName(ctx, fn), params, body: ctx.syntax.child(fn, 'body'), roles, returnSink: handler?.returns, selfRole: handler?.selfRole };
}

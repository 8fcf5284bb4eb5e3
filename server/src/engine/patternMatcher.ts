/**
 * Runs `pattern` rules: one walk of the tree collects the node kinds the rules care
 * about, then each rule's sugar (`call`, `assign`, `property`, …) is checked against
 * just those nodes. Raw tree-sitter queries run in queryMatcher.ts.
 */
import type { SyntaxNode } from '../languages/parser';
import { namingContext, SyntaxAdapter } from '../languages/syntax';
import type { Captures, FileContext } from './fileContext';
import type { MatchSpec, Rule, ValueTest } from './rule';
import { testValue } from './valueTests';
import { enclosingFunctionName, laterUsesFit } from './laterUses';
import { qualifiedParamType } from './paramTypes';

export type NodeBuckets = Map<string, SyntaxNode[]>;

export interface Candidate {
  rule: Rule;
  spec: MatchSpec;
  captures: Captures;
  /** What to underline. */
  report: SyntaxNode;
  /** The matched node (the whole call, assignment, pair or string). */
  anchor: SyntaxNode;
}

/** Node types a set of pattern rules needs collected during the walk. */
export function wantedTypes(adapter: SyntaxAdapter, rules: readonly Rule[], taint = false): Set<string> {
  const wanted = new Set<string>(adapter.bindingTypes);
  // The taint pass reads functions, calls and declarations from the same collection.
  if (taint) for (const t of [...adapter.functionTypes, ...adapter.callTypes, ...adapter.declarationTypes]) wanted.add(t);
  for (const rule of rules) {
    for (const spec of rule.matches) {
      const types =
        spec.kind === 'call' ? adapter.callTypes
        : spec.kind === 'new' ? adapter.newTypes
        : spec.kind === 'assign' ? adapter.assignTypes
        : spec.kind === 'property' ? adapter.pairTypes
        : spec.kind === 'string' ? adapter.stringTypes
        : [];
      for (const t of types) wanted.add(t);
    }
  }
  return wanted;
}

function enclosingCallMatches(ctx: FileContext, node: SyntaxNode, names: (q: string) => boolean): boolean {
  let current = node.parent;
  for (let depth = 0; current && depth < 40; depth++, current = current.parent) {
    if (!ctx.adapter.callTypes.has(current.type) && !ctx.adapter.newTypes.has(current.type)) continue;
    const callee = ctx.adapter.callee(current);
    const q = callee ? ctx.adapter.qualify(callee, ctx.bindings) : null;
    if (q && names(q)) return true;
  }
  return false;
}

/**
 * A function around `node` (any level) takes a parameter of one of the types `names`
 * (import-resolved): a request handler (`w http.ResponseWriter`, `c *gin.Context`) rather
 * than a library primitive handed a request by its caller.
 */
function functionTakes(ctx: FileContext, node: SyntaxNode, names: (q: string) => boolean): boolean {
  for (let p = node.parent, depth = 0; p && depth < 200; p = p.parent, depth++) {
    if (!ctx.adapter.functionTypes.has(p.type)) continue;
    for (const param of ctx.syntax.params(p)) {
      const type = qualifiedParamType(ctx, param);
      if (type && names(type)) return true;
    }
  }
  return false;
}

/** A function around `node` (any level) calls one of `names`. */
function functionCalls(ctx: FileContext, node: SyntaxNode, names: (q: string) => boolean): boolean {
  for (let p = node.parent, depth = 0; p && depth < 200; p = p.parent, depth++) {
    if (!ctx.adapter.functionTypes.has(p.type)) continue;
    for (const call of p.descendantsOfType([...ctx.adapter.callTypes])) {
      const callee = call ? ctx.adapter.callee(call) : null;
      const q = callee ? ctx.adapter.qualify(callee, ctx.bindings) : null;
      if (q && names(q)) return true;
    }
  }
  return false;
}

function passesFilters(ctx: FileContext, spec: MatchSpec, node: SyntaxNode): boolean {
  if (spec.context || spec.notContext) {
    const name = namingContext(ctx.adapter, node);
    if (spec.context && (!name || !spec.context.test(name))) return false;
    if (spec.notContext && name && spec.notContext.test(name)) return false;
  }
  if (spec.inFunction || spec.notInFunction) {
    const fn = enclosingFunctionName(ctx, node);
    if (spec.inFunction && (!fn || !spec.inFunction.test(fn))) return false;
    if (spec.notInFunction && fn && spec.notInFunction.test(fn)) return false;
  }
  if (spec.notInFunctionCalling && functionCalls(ctx, node, spec.notInFunctionCalling)) return false;
  if (spec.inFunctionTaking && !functionTakes(ctx, node, spec.inFunctionTaking)) return false;
  if (spec.insideCall && !enclosingCallMatches(ctx, node, spec.insideCall)) return false;
  if (spec.notInsideCall && enclosingCallMatches(ctx, node, spec.notInsideCall)) return false;
  return true;
}

/**
 * What a call or assignment resolves to, computed once per node and shared by every rule:
 * crossing into wasm for each field is the expensive part of matching.
 */
interface Resolved {
  /** The callee (calls) or target (assignments). */
  head: SyntaxNode | null;
  qualified: string | null;
}

class ResolveCache {
  private readonly byId = new Map<number, Resolved>();

  constructor(private readonly ctx: FileContext) {}

  call(node: SyntaxNode): Resolved {
    let r = this.byId.get(node.id);
    if (!r) {
      const head = this.ctx.adapter.callee(node);
      r = { head, qualified: head ? this.ctx.adapter.qualify(head, this.ctx.bindings) : null };
      this.byId.set(node.id, r);
    }
    return r;
  }

  assign(node: SyntaxNode): Resolved & { value?: SyntaxNode; operator?: string } {
    let r = this.byId.get(node.id) as (Resolved & { value?: SyntaxNode; operator?: string }) | undefined;
    if (!r) {
      const parts = this.ctx.adapter.assignParts(node);
      r = parts
        ? { head: parts.target, qualified: this.ctx.adapter.qualify(parts.target, this.ctx.bindings), value: parts.value, operator: parts.operator }
        : { head: null, qualified: null };
      this.byId.set(node.id, r);
    }
    return r;
  }
}

function matchCall(ctx: FileContext, spec: MatchSpec, node: SyntaxNode, resolved: Resolved): Captures | undefined {
  const { adapter } = ctx;
  const callee = resolved.head;
  if (!callee || !resolved.qualified || !spec.names!(resolved.qualified)) return undefined;
  const captures: Captures = new Map([
    ['call', node],
    ['callee', callee],
    ['callee-name', adapter.lastSegment(callee)],
  ]);
  const argsNode = node.childForFieldName('arguments');
  if (argsNode) captures.set('args', argsNode);
  const receiver = adapter.receiver?.(node);
  if (receiver) captures.set('receiver', receiver);
  const args = adapter.positionalArgs(node);
  args.forEach((a, i) => captures.set(`arg${i}`, a));
  for (const [index, test] of spec.args) {
    const arg = index === 'last' ? args[args.length - 1] : args[index];
    if (!testValue(ctx, arg, test)) return undefined;
  }
  if (spec.keywords.size > 0) {
    const keywords = adapter.keywordArgs(node);
    for (const [name, test] of spec.keywords) {
      const kw = keywords.get(name);
      if (!testValue(ctx, kw?.value, test)) return undefined;
      if (kw) {
        captures.set(`kw:${name}`, kw.node);
        captures.set(`kwvalue:${name}`, kw.value);
      }
    }
  }
  return captures;
}

function matchAssign(ctx: FileContext, spec: MatchSpec, node: SyntaxNode, resolved: ReturnType<ResolveCache['assign']>): Captures | undefined {
  if (!resolved.head || !resolved.value || !resolved.qualified) return undefined;
  if (spec.operators && !spec.operators.has(resolved.operator!)) return undefined;
  if (!spec.names!(resolved.qualified)) return undefined;
  if (spec.value && !testValue(ctx, resolved.value, spec.value)) return undefined;
  return new Map([
    ['assign', node],
    ['target', resolved.head],
    ['property', ctx.adapter.lastSegment(resolved.head)],
    ['value', resolved.value],
  ]);
}

function matchProperty(ctx: FileContext, spec: MatchSpec, node: SyntaxNode): Captures | undefined {
  const parts = ctx.adapter.pairParts(node);
  if (!parts || !spec.keys!.has(parts.key)) return undefined;
  if (spec.parentKeys) {
    const parent = ctx.adapter.parentKey(node);
    if (!parent || !spec.parentKeys.has(parent)) return undefined;
  }
  if (spec.value && !testValue(ctx, parts.value, spec.value)) return undefined;
  return new Map([
    ['pair', node],
    ['key', parts.keyNode],
    ['value', parts.value],
  ]);
}

function matchString(ctx: FileContext, spec: MatchSpec, node: SyntaxNode): Captures | undefined {
  if (node.parent && ctx.adapter.stringTypes.has(node.parent.type)) return undefined; // part of a larger literal
  const value = ctx.adapter.constantValue(node, ctx.bindings);
  if (typeof value !== 'string' || !spec.stringPattern!.test(value)) return undefined;
  if (spec.value && !testValue(ctx, node, spec.value)) return undefined;
  return new Map([['string', node]]);
}

/**
 * What a rule without `report:` underlines: for a call, the keyword or argument its tests
 * single out as unsafe (`shell=True`, `createHash('md5')`'s algorithm, the built command),
 * else the callee's name — never the whole call with its callbacks; for an assignment that
 * spans lines, its target; otherwise the matched node.
 */
function defaultReport(spec: MatchSpec, node: SyntaxNode, captures: Captures): SyntaxNode {
  if (spec.kind === 'call' || spec.kind === 'new') {
    for (const [name, test] of spec.keywords) {
      const kw = captures.get(`kw:${name}`);
      if (kw && singlesOut(test)) return kw;
    }
    for (const [index, test] of spec.args) {
      const arg = captures.get(index === 'last' ? lastArgName(captures) : `arg${index}`);
      if (arg && singlesOut(test)) return arg;
    }
    return captures.get('callee-name') ?? node;
  }
  if (spec.kind === 'assign' && node.startPosition.row !== node.endPosition.row) return captures.get('target') ?? node;
  return node;
}

/**
 * The test picks out an unsafe value (`is: true`, `matches: md5`, a value that is not a
 * constant), rather than filtering by context (`text: password`) or by absence (`not: …`).
 */
function singlesOut(t: ValueTest): boolean {
  if (t.hasIs || t.matches || t.constant === false || t.resolves) return true;
  return !!t.any?.some(singlesOut) || !!t.all?.some(singlesOut);
}

function lastArgName(captures: Captures): string {
  let last = -1;
  for (const key of captures.keys()) if (/^arg\d+$/.test(key)) last = Math.max(last, Number(key.slice(3)));
  return `arg${last}`;
}

interface Entry {
  rule: Rule;
  spec: MatchSpec;
}

/** Rules grouped so each node is tested only against rules that could match its name. */
export class PatternIndex {
  /** kind → last name segment (or property key) → entries; '*' holds entries that match any. */
  private readonly byKind = new Map<string, Map<string, Entry[]>>();

  constructor(rules: readonly Rule[]) {
    for (const rule of rules) {
      for (const spec of rule.matches) {
        if (spec.kind === 'query') continue;
        const kind = spec.kind === 'new' ? 'new' : spec.kind;
        let map = this.byKind.get(kind);
        if (!map) this.byKind.set(kind, (map = new Map()));
        const keys =
          spec.kind === 'property' ? [...spec.keys!]
          : spec.nameList ? spec.nameList.map((n) => n.slice(n.lastIndexOf('.') + 1)).map((last) => (last.includes('*') ? '*' : last))
          : ['*'];
        for (const key of new Set(keys)) {
          let list = map.get(key);
          if (!list) map.set(key, (list = []));
          list.push({ rule, spec });
        }
      }
    }
  }

  kinds(): IterableIterator<string> {
    return this.byKind.keys();
  }

  entries(kind: string, key: string | null): Entry[] {
    const map = this.byKind.get(kind);
    if (!map) return [];
    const exact = key !== null ? map.get(key) : undefined;
    const wild = map.get('*');
    return exact && wild ? [...exact, ...wild] : exact ?? wild ?? [];
  }
}

function lastSegmentOf(qualified: string | null): string | null {
  return qualified === null ? null : qualified.slice(qualified.lastIndexOf('.') + 1);
}

export function matchPatternRules(ctx: FileContext, index: PatternIndex, buckets: NodeBuckets, keep: (rule: Rule) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const { adapter } = ctx;
  const cache = new ResolveCache(ctx);
  const emit = (entry: Entry, node: SyntaxNode, captures: Captures | undefined): void => {
    if (!captures || !keep(entry.rule) || !passesFilters(ctx, entry.spec, node)) return;
    for (const [name, test] of entry.spec.where) if (!testValue(ctx, captures.get(name), test)) return;
    if (!laterUsesFit(ctx, entry.spec, node, captures)) return;
    const report = (entry.spec.report ? captures.get(entry.spec.report) : undefined) ?? defaultReport(entry.spec, node, captures);
    out.push({ rule: entry.rule, spec: entry.spec, captures, report, anchor: node });
  };
  for (const kind of index.kinds()) {
    const types =
      kind === 'call' ? adapter.callTypes
      : kind === 'new' ? adapter.newTypes
      : kind === 'assign' ? adapter.assignTypes
      : kind === 'property' ? adapter.pairTypes
      : adapter.stringTypes;
    for (const type of types) {
      for (const node of buckets.get(type) ?? []) {
        if (kind === 'call' || kind === 'new') {
          const resolved = cache.call(node);
          for (const e of index.entries(kind, lastSegmentOf(resolved.qualified))) emit(e, node, matchCall(ctx, e.spec, node, resolved));
        } else if (kind === 'assign') {
          const resolved = cache.assign(node);
          for (const e of index.entries(kind, lastSegmentOf(resolved.qualified))) emit(e, node, matchAssign(ctx, e.spec, node, resolved));
        } else if (kind === 'property') {
          const key = adapter.pairParts(node)?.key ?? null;
          if (key === null) continue;
          for (const e of index.entries(kind, key)) emit(e, node, matchProperty(ctx, e.spec, node));
        } else {
          for (const e of index.entries(kind, null)) emit(e, node, matchString(ctx, e.spec, node));
        }
      }
    }
  }
  return out;
}

/**
 * Runs `pattern` rules: one walk of the tree collects the node kinds the rules care
 * about, then each rule's sugar (`call`, `assign`, `property`, …) is checked against
 * just those nodes. Raw tree-sitter queries run in queryMatcher.ts.
 */
import type { SyntaxNode } from '../languages/parser';
import { namingContext, SyntaxAdapter } from '../languages/syntax';
import type { Captures, FileContext } from './fileContext';
import type { MatchSpec, Rule } from './rule';
import { testValue } from './valueTests';

export type NodeBuckets = Map<string, SyntaxNode[]>;

export interface Candidate {
  rule: Rule;
  spec: MatchSpec;
  captures: Captures;
  report: SyntaxNode;
}

/** Node types a set of pattern rules needs collected during the walk. */
export function wantedTypes(adapter: SyntaxAdapter, rules: readonly Rule[]): Set<string> {
  const wanted = new Set<string>(adapter.bindingTypes);
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

function passesFilters(ctx: FileContext, spec: MatchSpec, node: SyntaxNode): boolean {
  if (spec.context || spec.notContext) {
    const name = namingContext(ctx.adapter, node);
    if (spec.context && (!name || !spec.context.test(name))) return false;
    if (spec.notContext && name && spec.notContext.test(name)) return false;
  }
  if (spec.insideCall && !enclosingCallMatches(ctx, node, spec.insideCall)) return false;
  if (spec.notInsideCall && enclosingCallMatches(ctx, node, spec.notInsideCall)) return false;
  return true;
}

function matchCall(ctx: FileContext, spec: MatchSpec, node: SyntaxNode): Captures | undefined {
  const { adapter, bindings } = ctx;
  const callee = adapter.callee(node);
  if (!callee) return undefined;
  const qualified = adapter.qualify(callee, bindings);
  if (!qualified || !spec.names!(qualified)) return undefined;
  const captures: Captures = new Map([
    ['call', node],
    ['callee', callee],
    ['callee-name', adapter.lastSegment(callee)],
  ]);
  const argsNode = node.childForFieldName('arguments');
  if (argsNode) captures.set('args', argsNode);
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

function matchAssign(ctx: FileContext, spec: MatchSpec, node: SyntaxNode): Captures | undefined {
  const parts = ctx.adapter.assignParts(node);
  if (!parts) return undefined;
  if (spec.operators && !spec.operators.has(parts.operator)) return undefined;
  const qualified = ctx.adapter.qualify(parts.target, ctx.bindings);
  if (!qualified || !spec.names!(qualified)) return undefined;
  if (spec.value && !testValue(ctx, parts.value, spec.value)) return undefined;
  return new Map([
    ['assign', node],
    ['target', parts.target],
    ['property', ctx.adapter.lastSegment(parts.target)],
    ['value', parts.value],
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

const DEFAULT_REPORT: Record<string, string> = { call: 'call', new: 'call', assign: 'assign', property: 'pair', string: 'string' };

export function matchPatternRules(ctx: FileContext, rules: readonly Rule[], buckets: NodeBuckets): Candidate[] {
  const out: Candidate[] = [];
  const { adapter } = ctx;
  for (const rule of rules) {
    for (const spec of rule.matches) {
      if (spec.kind === 'query') continue;
      const types =
        spec.kind === 'call' ? adapter.callTypes
        : spec.kind === 'new' ? adapter.newTypes
        : spec.kind === 'assign' ? adapter.assignTypes
        : spec.kind === 'property' ? adapter.pairTypes
        : adapter.stringTypes;
      for (const type of types) {
        for (const node of buckets.get(type) ?? []) {
          const captures =
            spec.kind === 'call' || spec.kind === 'new' ? matchCall(ctx, spec, node)
            : spec.kind === 'assign' ? matchAssign(ctx, spec, node)
            : spec.kind === 'property' ? matchProperty(ctx, spec, node)
            : matchString(ctx, spec, node);
          if (!captures || !passesFilters(ctx, spec, node)) continue;
          const report = captures.get(spec.report ?? DEFAULT_REPORT[spec.kind]!) ?? node;
          out.push({ rule, spec, captures, report });
        }
      }
    }
  }
  return out;
}

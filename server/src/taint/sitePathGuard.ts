/**
 * Checks that pin a URL to a fixed destination the way a fixed prefix in a built string
 * does (urlPrefix.ts): a path on this site, `x.startswith("/") and not x.startswith(("//",
 * "/\\", "/\t", "/\n", "/\r"))`, `/^\/(?![/\\\t\n\r])/.test(x)`, or a fixed host,
 * `x.startsWith("https://example.com/")`. Where such a check holds the value is clean for
 * redirects and outgoing requests — this is how the helper that the open-redirect fix
 * writes (fixes.ts) is understood, by its body rather than its name.
 *
 * The parts of the check may be spread over a condition: `A and not B`, or the fall-through
 * of `if (!A || B) return`. Each value's facts are gathered from the parts that all hold.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import { DANGEROUS, regexStart } from './regexStart';
import { pinsDestination } from './urlPrefix';

/** What one part of the condition says about a value's beginning. */
interface StartFact {
  subject: SyntaxNode;
  /** It starts with one of these (absent: the part only rules beginnings out). */
  anyOf?: string[];
  excludes: string[];
}

/** More parts than this in one condition are not read (the check stays linear and bounded). */
const MAX_PARTS = 64;

function unwrap(ctx: FileContext, node: SyntaxNode): SyntaxNode {
  let n = node;
  while (ctx.syntax.kind(n) === 'paren' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

/** The parts of a condition that all hold where it has `truth` (`A && B` true, `A || B` false, through `!`). */
function conjuncts(ctx: FileContext, condition: SyntaxNode, truth: boolean): { node: SyntaxNode; truth: boolean }[] {
  const syn = ctx.syntax;
  const out: { node: SyntaxNode; truth: boolean }[] = [];
  const stack = [{ node: condition, truth }];
  while (stack.length > 0 && out.length < MAX_PARTS) {
    const { node, truth: t } = stack.pop()!;
    const n = unwrap(ctx, node);
    const kind = syn.kind(n);
    if (kind === 'unary') {
      const op = syn.operator(n);
      const arg = syn.child(n, 'argument') ?? n.namedChild(0);
      if ((op === '!' || op === 'not') && arg) stack.push({ node: arg, truth: !t });
      continue;
    }
    if (kind === 'binary') {
      const op = syn.operator(n);
      const l = syn.child(n, 'left');
      const r = syn.child(n, 'right');
      const and = op === '&&' || op === 'and';
      const or = op === '||' || op === 'or';
      if (l && r && ((and && t) || (or && !t))) {
        stack.push({ node: r, truth: t }, { node: l, truth: t });
        continue;
      }
      if (and || or) continue; // a disjunction: no part holds for sure
    }
    out.push({ node: n, truth: t });
  }
  return out;
}

/** A constant string, or (Python) a tuple of them as `startswith` takes. */
function constantStrings(ctx: FileContext, node: SyntaxNode): string[] | undefined {
  const n = unwrap(ctx, node);
  const items = ctx.syntax.kind(n) === 'array' ? n.namedChildren.filter((c): c is SyntaxNode => !!c && ctx.syntax.kind(c) !== 'comment') : [n];
  const out: string[] = [];
  for (const item of items) {
    const v = ctx.adapter.constantValue(item, ctx.bindings);
    if (typeof v !== 'string') return undefined;
    out.push(v);
  }
  return out.length > 0 ? out : undefined;
}

const PY_REGEX_CALLS: Record<string, boolean> = { 're.match': true, 're.fullmatch': true, 're.search': false };
/** Prefix checks written as functions of the subject and the prefix (`strings.HasPrefix(x, "/")`). */
const PREFIX_FUNCTIONS = new Set(['strings.HasPrefix', 'bytes.HasPrefix']);
/** The last name of the calls read here (`from re import match` calls `match` bare). */
const READ_METHODS = new Set(['startsWith', 'startswith', 'test', 'match', 'fullmatch', 'search', 'HasPrefix']);

/** What one part says, when it is a prefix check this module reads. */
function startFact(ctx: FileContext, node: SyntaxNode, truth: boolean): StartFact | undefined {
  const syn = ctx.syntax;
  if (syn.kind(node) !== 'call') return undefined;
  const callee = ctx.adapter.callee(node);
  if (!callee) return undefined;
  const member = syn.kind(callee) === 'member';
  const method = member ? syn.child(callee, 'property')?.text : callee.text;
  // Most conditions call something else: look no further than the name.
  if (!method || !READ_METHODS.has(method)) return undefined;
  const args = ctx.adapter.positionalArgs(node);
  if (ctx.adapter.keywordArgs(node).size > 0) return undefined;
  const receiver = member ? syn.child(callee, 'object') : syn.child(node, 'object');
  if ((method === 'startsWith' || method === 'startswith') && receiver && args.length === 1) {
    const prefixes = constantStrings(ctx, args[0]!);
    if (!prefixes) return undefined;
    return truth ? { subject: receiver, anyOf: prefixes, excludes: [] } : { subject: receiver, excludes: prefixes };
  }
  // JS: `/^\/(?![/\\])/.test(x)` (no `m` flag: `^` would match after any newline).
  if (method === 'test' && receiver && syn.kind(unwrap(ctx, receiver)) === 'regex' && args.length === 1) {
    const re = unwrap(ctx, receiver);
    if ((syn.child(re, 'flags')?.text ?? '').includes('m')) return undefined;
    return regexFact(syn.child(re, 'pattern')?.text ?? '', false, args[0]!, truth);
  }
  // Python: `re.match(r"/(?![/\\])", x)`; flags are not read (MULTILINE changes `^`).
  const qualified = ctx.adapter.qualify(callee, ctx.bindings);
  if (qualified && PREFIX_FUNCTIONS.has(qualified) && args.length === 2) {
    const prefixes = constantStrings(ctx, args[1]!);
    if (!prefixes) return undefined;
    return truth ? { subject: args[0]!, anyOf: prefixes, excludes: [] } : { subject: args[0]!, excludes: prefixes };
  }
  if (qualified && qualified in PY_REGEX_CALLS && args.length === 2) {
    const pattern = ctx.adapter.constantValue(args[0]!, ctx.bindings);
    if (typeof pattern !== 'string') return undefined;
    return regexFact(pattern, PY_REGEX_CALLS[qualified]!, args[1]!, truth);
  }
  return undefined;
}

function regexFact(pattern: string, implicitStart: boolean, subject: SyntaxNode, truth: boolean): StartFact | undefined {
  const start = regexStart(pattern, implicitStart);
  if (!start) return undefined;
  if (truth) return { subject, anyOf: [start.prefix], excludes: start.excludes };
  return start.failureExcludes ? { subject, excludes: start.failureExcludes } : undefined;
}

/**
 * A value starting with `prefix` goes to a fixed place when the prefix pins it, or when it
 * is a site path (`/`) and every character that would make it another host is ruled out
 * right after it.
 */
function pinned(prefix: string, excludes: readonly string[]): boolean {
  if (pinsDestination(prefix)) return true;
  return pinsDestination(prefix + 'a') && DANGEROUS.every((d) => excludes.some((e) => (prefix + d).startsWith(e)));
}

/** The values that a condition pins to a fixed destination where it has `truth`. */
export function pinnedByCondition(ctx: FileContext, condition: SyntaxNode, truth: boolean): SyntaxNode[] {
  const bySubject = new Map<string, StartFact[]>();
  for (const part of conjuncts(ctx, condition, truth)) {
    const fact = startFact(ctx, part.node, part.truth);
    if (!fact) continue;
    const key = unwrap(ctx, fact.subject).text.replace(/\s+/g, '');
    const list = bySubject.get(key);
    if (list) list.push(fact);
    else bySubject.set(key, [fact]);
  }
  const out: SyntaxNode[] = [];
  for (const facts of bySubject.values()) {
    const excludes = facts.flatMap((f) => f.excludes);
    if (facts.some((f) => f.anyOf && f.anyOf.every((p) => pinned(p, excludes)))) out.push(facts[0]!.subject);
  }
  return out;
}

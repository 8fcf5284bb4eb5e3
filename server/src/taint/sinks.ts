/** Recognising sinks during the walk and recording the tainted values that reach them. */
import type { SyntaxNode } from '../languages/parser';
import { NESTING_LIMIT, noteNestingCut } from '../languages/nesting';
import type { FileContext } from '../engine/fileContext';
import type { KeywordArg } from '../languages/syntax';
import { testValue } from '../engine/valueTests';
import { CLEAN, liveFor, snippet, step, Taint } from './facts';
import type { FlowWalker, Frame } from './flow';
import type { SinkModel } from './models';
import { documentTypeSetBefore, givenDocumentType, hasNonDocumentType, mayStartWithMarkup, receiverBase, typedAsNonDocument } from './contentType';

/** `at`: the sink's tainted argument (or assigned property); `value`: what to underline, when not `at`. */
function record(walker: FlowWalker, sink: SinkModel, node: SyntaxNode, at: SyntaxNode, taint: Taint, sinkText: string, value: SyntaxNode = at): void {
  const live = liveFor(taint, sink.kind);
  if (live.length === 0) return;
  const facts = live.map((f) => ({ ...f, trace: [...f.trace, step(value, `reaches ${sink.label ?? `\`${sinkText}\``}`)] }));
  walker.hits.push({ kind: sink.kind, node, sinkText: sink.label ?? sinkText, facts, arg: at, at: value });
}

function receiverRoleMatches(sink: SinkModel, receiver: SyntaxNode | null, frame: Frame, walker: FlowWalker): boolean {
  if (!sink.receiverRole) return true;
  if (receiver && madeInPlace(walker, receiver, sink.receiverRole)) return true;
  // `res.status(500).send(x)`: walk down chained calls to the variable.
  const base = receiverBase(walker.file.ctx, receiver);
  return !!base && frame.roles.get(base.text) === sink.receiverRole;
}

/** `urllib3.PoolManager().request(…)`, `(await aiohttp.ClientSession()).get(…)`: the receiver is an `instances` value with `role`, made in place. */
function madeInPlace(walker: FlowWalker, receiver: SyntaxNode, role: string): boolean {
  const { syntax: syn, adapter, bindings } = walker.file.ctx;
  let r = receiver;
  while ((syn.kind(r) === 'paren' || syn.kind(r) === 'await') && r.namedChildCount === 1) r = r.namedChild(0)!;
  const kind = syn.kind(r);
  if (kind !== 'call' && kind !== 'new') return false;
  const callee = adapter.callee(r);
  const q = callee ? adapter.qualify(callee, bindings) : null;
  return !!q && walker.file.models.instances.some((i) => i.role === role && (kind === 'new' ? !!i.newName?.(q) : !!(i.call?.(q) || i.newName?.(q))));
}

export function checkCallSinks(
  walker: FlowWalker,
  node: SyntaxNode,
  qualified: string | null,
  callee: SyntaxNode | null,
  receiver: SyntaxNode | null,
  args: SyntaxNode[],
  argTaints: Taint[],
  keywords: Map<string, KeywordArg>,
  keywordTaints: Map<string, Taint>,
  frame: Frame,
  receiverTaint: Taint = CLEAN,
  /** The call runs a project function with a summary: rows named by the method alone do not apply. */
  seenInto = false,
): void {
  if (!qualified) return;
  const ctx = walker.file.ctx;
  const candidates = walker.file.models.callSinks.find(qualified);
  if (candidates.length === 0) return;
  let options: Map<string, KeywordArg> | undefined;
  for (const sink of candidates) {
    if (seenInto && sink.anyReceiver) continue;
    // The response written to: the receiver, or the writer argument (`fmt.Fprintf(w, …)`).
    const target = sink.writerArg === undefined ? receiver : args[sink.writerArg] ?? null;
    if (sink.writerArg !== undefined && !target) continue;
    if (!receiverRoleMatches(sink, target, frame, walker)) continue;
    if (sink.respectsContentType && hasNonDocumentType(walker, target, frame)) continue;
    if (sink.typedAfter && typedAsNonDocument(ctx, node, args)) continue;
    if (sink.needsDocumentType && !givenDocumentType(walker, target, node)) continue;
    if (sink.pureMembers && usedOnlyFor(ctx, node, sink.pureMembers)) continue;
    let ok = true;
    // Keyword arguments, or the keys of an options object (`{ shell: true }`).
    if (sink.when.size > 0) options ??= ctx.adapter.keywordArgs(node);
    // A key that is a number names a positional argument (`when: { 0: { matches: '^(?i)location$' } }`).
    for (const [k, test] of sink.when) if (!testValue(ctx, /^\d+$/.test(k) ? args[Number(k)] : options!.get(k)?.value, test)) ok = false;
    if (!ok) continue;
    const text = snippet(callee ?? node);
    // `new URL(u).openStream()`: the value the method runs on is what the sink uses.
    if (sink.receiver && receiver) record(walker, sink, node, receiver, receiverTaint, text);
    if (!checkArgs(walker, sink, node, args, argTaints, frame, text)) continue;
    for (const k of sink.keywords) {
      const kw = keywords.get(k);
      if (kw) record(walker, sink, node, kw.value, keywordTaints.get(k) ?? CLEAN, text);
    }
  }
}

/** A sink's positional arguments; false when the row is done with the call (`dict-key`, `shell-argv`). */
function checkArgs(walker: FlowWalker, sink: SinkModel, node: SyntaxNode, args: SyntaxNode[], argTaints: Taint[], frame: Frame, text: string): boolean {
  const ctx = walker.file.ctx;
  const indices = sink.args === 'any' ? args.map((_, i) => i).filter((i) => i !== sink.writerArg) : sink.args;
  if (sink.dictKey) {
    for (const i of indices) for (const value of valuesUnderKey(ctx, args[i], sink.dictKey, 0)) record(walker, sink, node, value, walker.expr(value, frame), text);
    return false;
  }
  if (sink.shellArgv) {
    // The argv starts at the row's first position (`exec.CommandContext(ctx, "sh", "-c", cmd)`: 1).
    const command = shellCommandArg(ctx, sink.args === 'any' ? args : args.slice(sink.args[0] ?? 0));
    if (command) record(walker, sink, node, command, walker.expr(command, frame), text);
    return false;
  }
  for (const i of indices) {
    const arg = args[i];
    if (!arg || sink.argNot?.has(ctx.syntax.shape(arg)) || (sink.argIs && !sink.argIs.has(ctx.syntax.shape(arg)))) continue;
    if (sink.inspectsObjects && wholeCollection(ctx, arg, argTaints[i] ?? CLEAN)) continue;
    record(walker, sink, node, arg, argTaints[i] ?? CLEAN, text);
  }
  return true;
}

/** The values under `key` in a dictionary/object literal, in nested literals and lists too. */
function valuesUnderKey(ctx: FileContext, node: SyntaxNode | undefined, key: string, depth: number): SyntaxNode[] {
  if (!node || depth > 8) return [];
  const kind = ctx.syntax.kind(node);
  if (kind === 'array') return node.namedChildren.flatMap((c) => valuesUnderKey(ctx, c ?? undefined, key, depth + 1));
  if (kind !== 'object') return [];
  const out: SyntaxNode[] = [];
  for (const pair of node.namedChildren) {
    // `{ url }`: a shorthand entry is its own value.
    if (pair && ctx.syntax.kind(pair) === 'name' && pair.text === key) out.push(pair);
    if (!pair || ctx.syntax.kind(pair) !== 'pair') continue;
    const parts = ctx.adapter.pairParts(pair);
    if (parts?.key === key) out.push(parts.value);
    else if (parts) out.push(...valuesUnderKey(ctx, parts.value, key, depth + 1));
  }
  return out;
}

const SHELLS = /^(?:sh|bash|dash|zsh|ksh|ash|fish|cmd|cmd\.exe|powershell|powershell\.exe|pwsh)$/i;

/**
 * The command string a shell is given in an argument list: `cmd` in `['sh', '-c', cmd]` (Python:
 * one list, program first) or in `spawn('bash', ['-lc', cmd])` (JavaScript: program, then list).
 */
function shellCommandArg(ctx: FileContext, args: SyntaxNode[]): SyntaxNode | null {
  const first = args[0];
  if (!first) return null;
  const syn = ctx.syntax;
  const isList = (n: SyntaxNode | undefined): n is SyntaxNode => !!n && syn.kind(n) === 'array';
  // `new String[] { … }` holds its elements in an initializer.
  const items = (list: SyntaxNode): SyntaxNode[] => {
    const inner = syn.child(list, 'value');
    if (inner && isList(inner)) return items(inner);
    return list.namedChildren.filter((c): c is SyntaxNode => !!c && syn.kind(c) !== 'comment');
  };
  let program: SyntaxNode | undefined;
  let rest: SyntaxNode[];
  if (isList(first)) {
    [program, ...rest] = items(first);
  } else {
    // The arguments after the program: in a list (`spawn('sh', ['-c', cmd])`) or one by one (`new ProcessBuilder("sh", "-c", cmd)`).
    program = first;
    rest = isList(args[1]) ? items(args[1]) : args.slice(1);
  }
  const name = program ? ctx.adapter.constantValue(program, ctx.bindings) : undefined;
  if (typeof name !== 'string' || !SHELLS.test(name.split(/[\\/]/).pop()!)) return null;
  for (let i = 0; i < rest.length - 1; i++) {
    const flag = ctx.adapter.constantValue(rest[i]!, ctx.bindings);
    // `-c`, combined short flags (`-lc`, `-ec`), cmd's `/c`, PowerShell's `-Command`.
    if (typeof flag === 'string' && (/^-[a-z]*c$/i.test(flag) || /^\/c$/i.test(flag) || /^-command$/i.test(flag))) return rest[i + 1]!;
  }
  return null;
}

/** `Path(x).name`, `Path(x).is_absolute()`: the call's result is used at once, only through one of `members`. */
function usedOnlyFor(ctx: FileContext, call: SyntaxNode, members: ReadonlySet<string>): boolean {
  const syn = ctx.syntax;
  const parent = call.parent;
  if (!parent || syn.child(parent, 'object')?.id !== call.id) return false;
  const kind = syn.kind(parent);
  // A member read off the result, or (where calls hold their receiver) a method called on it.
  const member = kind === 'member' ? syn.child(parent, 'property') : kind === 'call' ? ctx.adapter.callee(parent) : null;
  return !!member && members.has(member.text);
}

/** Request collections that are always objects (a parsed query string, headers, cookies). */
const COLLECTIONS = new Set(['query', 'params', 'headers', 'cookies', 'args', 'form', 'GET', 'POST', 'COOKIES', 'META', 'query_params', 'path_params']);

/** `req.query` itself, as the source it is (not a value taken out of it, not a copy built from it). */
function wholeCollection(ctx: FileContext, arg: SyntaxNode, taint: Taint): boolean {
  if (ctx.syntax.kind(arg) !== 'member') return false;
  const property = ctx.syntax.child(arg, 'property');
  if (!property || !COLLECTIONS.has(property.text)) return false;
  const text = arg.text.replace(/\s+/g, '');
  return taint.length > 0 && taint.every((f) => f.label !== 'source' || f.sourceText.replace(/\s+/g, '') === text);
}

export function checkNewSinks(walker: FlowWalker, node: SyntaxNode, args: SyntaxNode[], argTaints: Taint[], frame: Frame, keywords = new Map<string, KeywordArg>(), keywordTaints = new Map<string, Taint>()): void {
  const ctx = walker.file.ctx;
  const callee = ctx.adapter.callee(node);
  const qualified = callee ? ctx.adapter.qualify(callee, ctx.bindings) : null;
  if (!qualified) return;
  for (const sink of walker.file.models.newSinks.find(qualified)) {
    const text = `new ${snippet(callee!)}`;
    if (!checkArgs(walker, sink, node, args, argTaints, frame, text)) continue;
    // Named fields (`ldap.SearchRequest{Filter: f}`).
    for (const k of sink.keywords) {
      const kw = keywords.get(k);
      if (kw) record(walker, sink, node, kw.value, keywordTaints.get(k) ?? CLEAN, text);
    }
  }
}

export function checkAssignSink(walker: FlowWalker, target: SyntaxNode, value: SyntaxNode | null, taint: Taint, node: SyntaxNode, frame: Frame): void {
  if (taint.length === 0) return;
  const ctx = walker.file.ctx;
  const qualified = ctx.adapter.qualify(target, ctx.bindings);
  if (!qualified) return;
  for (const sink of walker.file.models.assignSinks.find(qualified)) {
    if (sink.receiverRole || sink.respectsContentType || sink.leadingMarkup) {
      // `ctx.body = x`: the receiver is the object the property is set on.
      const receiver = ctx.syntax.child(target, 'object');
      if (!receiverRoleMatches(sink, receiver, frame, walker)) continue;
      if (sink.respectsContentType && hasNonDocumentType(walker, receiver, frame)) continue;
      if (value && sink.argNot?.has(ctx.syntax.shape(value))) continue;
      if (sink.leadingMarkup && value && !mayStartWithMarkup(ctx, value)) {
        const base = receiverBase(ctx, receiver);
        if (!base || !documentTypeSetBefore(walker, base, node)) continue;
      }
    }
    // `el.innerHTML = html`: the value assigned is what is tainted.
    record(walker, sink, node, target, taint, snippet(target), value ?? target);
  }
}

/** Operators that do not build a string from their operands (`x or ''` picks one). */
const CHOOSING = new Set(['and', 'or', '&&', '||', '??']);

/** A string assembled in place: an f-string/template, `+`/`%` with a literal, or `'…'.format()`. */
export function builtString(ctx: FileContext, node: SyntaxNode, depth = 0): boolean {
  if (depth > NESTING_LIMIT) {
    noteNestingCut(node.startPosition.row);
    return false;
  }
  const syn = ctx.syntax;
  switch (syn.kind(node)) {
    case 'string':
      return node.namedChildren.some((c) => !!c && syn.kind(c) === 'interpolation');
    case 'binary': {
      if (CHOOSING.has(syn.operator(node))) return false;
      const l = syn.child(node, 'left');
      const r = syn.child(node, 'right');
      return [l, r].some((x) => !!x && (syn.kind(x) === 'string' || builtString(ctx, x, depth + 1)));
    }
    case 'call': {
      const fn = syn.child(node, 'function');
      if (!fn || syn.kind(fn) !== 'member' || syn.child(fn, 'property')?.text !== 'format') return false;
      const obj = syn.child(fn, 'object');
      return !!obj && syn.kind(obj) === 'string';
    }
    case 'paren':
      return node.namedChildCount === 1 && builtString(ctx, node.namedChild(0)!, depth + 1);
    default:
      return false;
  }
}

/**
 * `return page` where every assignment to `page` in the function is a string — a literal, a
 * string assembled in place, or `+=` of one (`RESPONSE = ""` then `RESPONSE += f'…{x}'`) — and
 * at least one assembles it.
 */
export function builtStringVariable(ctx: FileContext, fn: SyntaxNode, value: SyntaxNode): boolean {
  const syn = ctx.syntax;
  if (syn.kind(value) !== 'name') return false;
  let built = false;
  for (const a of fn.descendantsOfType(syn.typesOf('assign', 'update'))) {
    const left = a ? syn.child(a, 'left') : null;
    const right = a ? syn.child(a, 'right') : null;
    if (!a || !left || left.text !== value.text) continue;
    if (!right || syn.kind(left) !== 'name') return false;
    if (builtString(ctx, right)) built = true;
    else if (syn.kind(right) !== 'string') return false;
  }
  return built;
}

export function checkReturnSink(walker: FlowWalker, kind: string, node: SyntaxNode, value: SyntaxNode, taint: Taint): void {
  record(walker, { kind, args: [], keywords: [], when: new Map(), label: 'the HTML response' }, node, value, taint, 'return');
}

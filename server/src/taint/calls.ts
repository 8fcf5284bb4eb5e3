/**
 * Calls in the taint walk: sources reached through methods (`req.get('x')`), sinks,
 * sanitizers, the summaries of the file's own helpers and of imported ones, callbacks,
 * and the default that a call's result carries its inputs' taint.
 */
import type { SyntaxNode } from '../languages/parser';
import type { KeywordArg } from '../languages/syntax';
import { accessPath, roleSource } from './accessPath';
import { emptySummary, Summary } from './context';
import { sanitizerRowFor } from './sanitizerRow';
import type { Unit } from './units';
import { CLEAN, liveFor, revive, sanitize, snippet, step, survivors, Taint, union, withStep } from './facts';
import type { FlowWalker, Frame } from './flow';
import { checkCallSinks, checkNewSinks } from './sinks';
import { trackContentType } from './contentType';
import { evalPieces } from './urlPrefix';
import { blurArguments, followListCall } from './listPositions';
import { constantOf } from './constantCondition';
import { outsideResult, probe, returnsConstantsOnly } from './outside';

/** `values.append(x)`: the container now holds x's taint (as a whole: positions are not tracked). */
function storeInReceiver(w: FlowWalker, node: SyntaxNode, receiverNode: SyntaxNode, method: string, args: SyntaxNode[], argTaints: Taint[], frame: Frame): void {
  const from = w.file.models.storing.get(method);
  if (from === undefined) return;
  const stored = union(...argTaints.slice(from));
  // `settings.set('host', v)`: under a constant key, the value replaces that entry only.
  const entry = w.file.models.keyed.has(method) && args.length === from + 1 ? constantKey(w, args[0]) : undefined;
  if (stored.length === 0 && entry === undefined) return;
  // `sb.append(a).append(b)`, `map.set(k, v).set(…)`: a builder returns itself, so a chain of
  // storing calls stores into the value it starts from.
  let target = receiverNode;
  while (w.ctx.syntax.kind(target) === 'call') {
    const inner = receiverOf(w, target, w.ctx.adapter.callee(target));
    if (!inner.receiverNode || !inner.method || !w.file.models.storing.has(inner.method)) break;
    target = inner.receiverNode;
  }
  const path = accessPath(w.ctx, target);
  // A value with a role is a framework object (`res.set(name, value)` sets a header), not a
  // container; nor is the object a method runs on (`self.set(…)` would taint all of `self`).
  if (!path || frame.roles.has(path[0]!) || (path.length === 1 && w.ctx.syntax.selfNames.has(path[0]!))) return;
  // `url.searchParams.set('q', x)` changes the query, never where the URL points: the URL stays clean.
  if (path[path.length - 1] === 'searchParams') return;
  const key = path.join('.');
  if (entry !== undefined) {
    frame.env.set(`${key}.${entry}`, withStep(stored, step(node, `stored in \`${key}\``)));
    return;
  }
  frame.env.set(key, union(frame.env.get(key), withStep(stored, step(node, `stored in \`${key}\``))));
}

/** `json.Unmarshal(body, &v)`: the variable a pointer argument names now holds the taint too. */
function fillArgument(w: FlowWalker, arg: SyntaxNode | undefined, taint: Taint, node: SyntaxNode, frame: Frame): void {
  if (!arg || taint.length === 0) return;
  const syn = w.ctx.syntax;
  const target = syn.kind(arg) === 'unary' && syn.operator(arg) === '&' ? (syn.child(arg, 'argument') ?? arg.namedChild(0)) : arg;
  const path = target ? accessPath(w.ctx, target) : null;
  if (!path || frame.roles.has(path[0]!)) return;
  const key = path.join('.');
  frame.env.set(key, union(frame.env.get(key), withStep(taint, step(node, `filled by \`${snippet(w.ctx.adapter.callee(node) ?? node)}\``))));
}

/** A key or position written as a constant (`'host'`, `0`, a constant name), as the access path names it. */
function constantKey(w: FlowWalker, node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  const v = constantOf(w.ctx, node);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

export function evalNew(w: FlowWalker, node: SyntaxNode, frame: Frame): Taint {
  const args = w.ctx.adapter.positionalArgs(node);
  const argTaints = args.map((a) => w.expr(a, frame));
  // Named fields written outside the positional arguments (Go's `User{Name: n}`): the value holds
  // each, and a name it is bound to keeps them apart (`u.Name`, `u.Role`: FlowWalker.madeFields).
  const inside = (n: SyntaxNode): boolean => args.some((a) => a.startIndex <= n.startIndex && n.endIndex <= a.endIndex);
  const keywords = new Map<string, KeywordArg>();
  const fields = new Map<string, Taint>();
  for (const [k, v] of w.ctx.adapter.keywordArgs(node)) {
    if (inside(v.value)) continue;
    keywords.set(k, v);
    fields.set(k, w.expr(v.value, frame));
  }
  probe(w.file, args, argTaints);
  checkNewSinks(w, node, args, argTaints, frame, keywords, fields);
  w.madeFields = fields.size > 0 ? { node: node.id, fields, rest: union(...argTaints) } : undefined;
  // A constructor is a call by the type's name: `new BigDecimal(s)` parses like a sanitizer
  // call does, `new FileReader(f)` reads a file's content, which is not its name (`clean`).
  const callee = w.ctx.adapter.callee(node);
  const qualified = callee ? w.ctx.adapter.qualify(callee, w.ctx.bindings) : null;
  if (qualified) {
    const sanitizer = sanitizerRowFor(w.ctx, w.file.models, qualified, node);
    if (sanitizer && !sanitizer.method) {
      const input = union(...argTaints, ...fields.values());
      return sanitizer.revives ? revive(input, sanitizer.kinds) : sanitize(input, sanitizer.kinds);
    }
    if (w.file.models.clean(qualified)) return survivors(union(...argTaints, ...fields.values()));
  }
  return union(...argTaints, ...fields.values());
}

export function evalCall(w: FlowWalker, node: SyntaxNode, frame: Frame): Taint {
  const { adapter, bindings, syntax: syn } = w.ctx;
  const models = w.file.models;
  // `'https://host/{}'.format(x)`: a string built in place, read piece by piece.
  const pieces = syn.stringPieces(node, bindings);
  if (pieces) return evalPieces(w, pieces, frame);
  const callee = adapter.callee(node);
  const qualified = callee ? adapter.qualify(callee, bindings) : null;
  const args = adapter.positionalArgs(node);
  const { receiverNode, method } = receiverOf(w, node, callee);
  const receiver = receiverNode ? w.expr(receiverNode, frame) : CLEAN;

  // Callbacks: analysed in place; on a tainted receiver their parameters carry its taint.
  let mapped: Taint | undefined;
  const errorCallbacks = method && receiverNode ? models.errorCallbacks.get(method) : undefined;
  const argTaints: Taint[] = args.map((a, i) => {
    if (syn.kind(a) === 'function') {
      // `promise.catch(err => …)`: called with the error, not the value the receiver holds.
      const returned = w.closure(a, frame, errorCallbacks?.has(i) ? CLEAN : receiver).returns;
      // `ids.map((id) => 'post:' + id)`: the new list holds what the callback returns.
      if (method && receiverNode && models.maps.has(method)) mapped = union(mapped ?? CLEAN, returned);
      return CLEAN;
    }
    return w.expr(a, frame);
  });
  if (mapped) return mapped;
  const keywords = syn.keywordArguments ? adapter.keywordArgs(node) : new Map();
  const keywordTaints = new Map<string, Taint>();
  for (const [k, v] of keywords) keywordTaints.set(k, w.expr(v.value, frame));

  // Sources reached through a method call: `req.get('x')`, `request.args.get('x')`, `ctx.cookies.get()`.
  if (receiverNode && method) {
    const rpath = accessPath(w.ctx, receiverNode);
    const role = rpath ? frame.roles.get(rpath[0]!) : undefined;
    if (role && rpath) {
      const callPath = [...rpath.slice(1), method].join('.');
      const source = models.sources.find((s) => s.role === role && s.calls?.has(callPath));
      if (source?.into !== undefined) {
        // `c.ShouldBindJSON(&req)`: the input lands in the argument; the result is an error.
        fillArgument(w, args[source.into], [w.sourceFact(node, source.kind, snippet(node), source.cleanFor)], node, frame);
        return CLEAN;
      }
      if (source) return [w.sourceFact(node, source.kind, snippet(node), source.cleanFor)];
      const memberSource = roleSource(models.sources, role, [...rpath.slice(1), method]);
      if (memberSource && rpath.length >= 1) return [w.sourceFact(node, memberSource.kind, snippet(node), memberSource.cleanFor)];
    }
  }
  if (qualified) {
    const source = models.nameSources.find(qualified)[0];
    if (source) {
      // A call that makes a source can still be a sink for its arguments (`crypto.createHmac(alg, key)` with a predictable key).
      if (args.length > 0) {
        probe(w.file, args, argTaints);
        checkCallSinks(w, node, qualified, callee, receiverNode, args, argTaints, keywords, keywordTaints, frame, receiver);
      }
      return [w.sourceFact(node, source.kind, snippet(node), source.cleanFor, source.survives)];
    }
  }
  // `request.args.get('id')`: name the source by the whole call, not just `request.args`.
  if (receiverNode && receiver.length > 0 && receiver.every((f) => f.label === 'source' && f.trace.length === 1 && f.trace[0]!.range.start.line === receiverNode.startPosition.row && f.trace[0]!.range.start.character === receiverNode.startPosition.column) && method && /^(get|getlist|get_json|get_all|getall|getone)$/i.test(method)) {
    return [w.sourceFact(node, receiver[0]!.kind, snippet(node), [...receiver[0]!.cleanFor])];
  }

  // A project function Ward sees into (a summary) is judged by what it does, not by its method
  // name (`categories.exists(id)`, `helpers.query(handle)` are not Mongo's or a database's);
  // nor is one of a project module whose summary is not at hand (inside a helper module).
  const summary = summaryFor(w, node, callee, qualified);
  probe(w.file, args, argTaints);
  checkCallSinks(w, node, qualified, callee, receiverNode, args, argTaints, keywords, keywordTaints, frame, receiver, !!summary || (!!qualified && !!w.file.fromProject?.(qualified)));
  if (qualified) trackContentType(w, qualified, receiverNode, args, frame);
  if (receiverNode && method && !followListCall(w, node, receiverNode, method, args, argTaints, frame)) storeInReceiver(w, node, receiverNode, method, args, argTaints, frame);
  blurArguments(w, method ?? (callee ? callee.text : undefined), args, frame);
  for (const f of models.fills) {
    if (!(f.call && qualified && f.call(qualified)) && !(f.method && method && receiverNode && f.method.has(method))) continue;
    fillArgument(w, args[f.into], f.from === 'receiver' ? receiver : (argTaints[f.from] ?? CLEAN), node, frame);
  }

  if (qualified) {
    const sanitizer = sanitizerRowFor(w.ctx, models, qualified, node);
    if (sanitizer) {
      const input = sanitizer.method ? receiver : union(...argTaints, receiver);
      return sanitizer.revives ? revive(input, sanitizer.kinds) : sanitize(input, sanitizer.kinds);
    }
    // A count or a boolean of input is no input; a predictable value's hash is still predictable.
    if (models.clean(qualified)) return survivors(union(receiver, ...argTaints, ...keywordTaints.values()));
    // `fetch(url, { headers })`: the response is the server's answer to the URL, not what was sent.
    const from = models.resultsFrom.find((r) => r.call(qualified));
    if (from && !summary) {
      const carried = union(...from.args.map((i) => argTaints[i] ?? CLEAN));
      return carried.length > 0 ? withStep(carried, step(node, `through \`${snippet(callee ?? node)}\``)) : carried;
    }
  }

  // `names.slice(from, to)`: the arguments are positions; the result is part of the receiver.
  if (receiverNode && method && models.positions.has(method)) return receiver;

  // `table.get(key, default)`: the result is one of the table's values or the default, not the key.
  if (method && models.lookups.has(method) && receiverNode && args.length >= 1 && receiver.length === 0) return union(...argTaints.slice(1));
  // `settings.get('port')`, `parts.get(0)`: the entry under that constant key or position only.
  if (method && models.lookups.has(method) && receiverNode && args.length >= 1) {
    const rpath = accessPath(w.ctx, receiverNode);
    const entry = rpath && !frame.roles.has(rpath[0]!) ? constantKey(w, args[0]) : undefined;
    if (rpath && entry !== undefined) {
      const found = union(w.pathTaint([...rpath, entry], node, frame), ...argTaints.slice(1));
      return found.length > 0 ? withStep(found, step(node, `through \`${snippet(callee ?? node)}\``)) : found;
    }
  }

  // A helper of this file (or an imported module) with a summary.
  if (summary) {
    let returned = applySummary(w, summary, node, args, argTaints, callee!, frame);
    // A summary follows the parameters, not the object's own state: a method of a tainted
    // object (`query.getText()`, `args.getQuery()`) returns what the object holds, as an
    // unknown method does.
    if (receiverNode && receiver.length > 0 && !syn.selfNames.has(receiverNode.text) && !syn.opaqueResult?.(node, bindings)) {
      returned = union(returned, withStep(receiver, step(node, `through \`${snippet(callee ?? node)}\``)));
    }
    // A summary follows parameters and sources only: in a proving walk, a helper may return
    // anything else it reads, unless all it returns is constants.
    const helper = w.file.probes ? localHelper(w, node, callee) : undefined;
    return helper && returnsConstantsOnly(w.ctx, helper) ? returned : outsideResult(w.file, node, returned);
  }

  // `fallback := func(string) string { return "weekly" }; fallback(name)`: a function value
  // bound once to a literal that returns only constants returns a constant.
  if (callee && syn.kind(callee) === 'name') {
    const bound = bindings.constantFor(callee);
    if (bound && syn.kind(bound) === 'function' && returnsConstantsOnly(w.ctx, bound)) return CLEAN;
  }

  // Unknown calls carry their inputs' taint to the result, unless the variable it is stored in
  // cannot hold it (a number, an object looked up by the value).
  if (syn.opaqueResult?.(node, bindings)) return CLEAN;
  const all = union(receiver, ...argTaints, ...keywordTaints.values());
  return outsideResult(w.file, node, all.length > 0 ? withStep(all, step(node, `through \`${snippet(callee ?? node)}\``)) : all);
}

/**
 * The value a method is called on and the method's name: `obj` and `m` in `obj.m(x)`, read
 * from a member callee, or from the call itself where it holds its receiver (Java).
 */
export function receiverOf(w: FlowWalker, call: SyntaxNode, callee: SyntaxNode | null): { receiverNode: SyntaxNode | null; method: string | undefined } {
  const syn = w.ctx.syntax;
  if (!callee) return { receiverNode: null, method: undefined };
  if (syn.kind(callee) === 'member') return { receiverNode: syn.child(callee, 'object'), method: syn.child(callee, 'property')?.text };
  const held = syn.child(call, 'object');
  return held ? { receiverNode: held, method: callee.text } : { receiverNode: null, method: undefined };
}

/**
 * The sink named from the call site: `exec` via `run()`. The message template puts the text in
 * backticks; a labelled sink (`the HTML response`) is prose, and the helper is then named in its own.
 */
function viaHelper(sinkText: string, helper: string): string {
  // A helper that calls itself (a recursive copy) is named once.
  if (sinkText.endsWith(` via \`${helper}()`) || sinkText.endsWith(`via \`${helper}()\``)) return sinkText;
  return /^(the|an?) /.test(sinkText) ? `${sinkText} via \`${helper}()\`` : `${sinkText}\` via \`${helper}()`;
}

/** The function of this file a call runs, if the walk resolves it to one. */
function localHelper(w: FlowWalker, call: SyntaxNode, callee: SyntaxNode | null): SyntaxNode | undefined {
  return callee ? localUnit(w, call, callee)?.node : undefined;
}

/** The summary of the function a call runs: one of this file (its dependents noted) or an imported one. */
export function summaryFor(w: FlowWalker, call: SyntaxNode, callee: SyntaxNode | null, qualified: string | null): Summary | undefined {
  if (!callee) return undefined;
  const local = localUnit(w, call, callee);
  if (local) {
    const caller = w.file.current;
    if (w.file.dependents && caller) {
      let set = w.file.dependents.get(local.node.id);
      if (!set) w.file.dependents.set(local.node.id, (set = new Set()));
      set.add(caller.node.id);
    }
    // A function calling itself starts from what it does without that call (nothing), not from
    // an unknown call's "the result carries every input", which would feed itself round after
    // round (`return fetchAll({ ...options, page })`); the round its summary changes walks it again.
    const known = w.file.summaries.get(local.node.id);
    return known ?? (caller?.node.id === local.node.id && w.file.dependents ? emptySummary() : undefined);
  }
  return qualified && w.file.imported ? w.file.imported(qualified) : undefined;
}

function localUnit(w: FlowWalker, call: SyntaxNode, callee: SyntaxNode): Unit | undefined {
  const syn = w.ctx.syntax;
  const { receiverNode, method } = receiverOf(w, call, callee);
  let name: string | undefined;
  // `Student.create(conn, name)`: a static or class method of a class of this file.
  let owner: string | undefined;
  if (!receiverNode) name = syn.kind(callee) === 'name' ? callee.text : undefined;
  else if (syn.selfNames.has(receiverNode.text)) name = method;
  else if (syn.kind(receiverNode) === 'name') {
    owner = receiverNode.text;
    name = method;
  }
  // `new Formatter().name(x)`, `Formatter().name(x)`: a method of a class of this file, on an
  // instance made in place (checked below: the method's class has the name called).
  let made: string | undefined;
  const maker = receiverNode && (syn.kind(receiverNode) === 'new' || syn.kind(receiverNode) === 'call') ? syn.child(receiverNode, 'function') : null;
  if (maker && (syn.kind(receiverNode!) === 'new' || syn.kind(maker) === 'name')) {
    made = maker.text;
    name = method;
  }
  let local = name ? w.file.byName.get(name) : undefined;
  if (local && owner && !staticMethodOf(w, local.node, owner)) local = undefined;
  if (local && made !== undefined && !methodOf(w, local.node, made)) local = undefined;
  return local && !w.ctx.bindings.imports.has(owner ?? name!) ? local : undefined;
}

/** The function is a method of class `owner` (its name as written where the instance is made). */
function methodOf(w: FlowWalker, fn: SyntaxNode, owner: string): boolean {
  const cls = w.ctx.syntax.classOf(fn);
  return !!cls && w.ctx.syntax.child(cls, 'name')?.text === owner;
}

/** The function is a static or class method of class `owner`. */
function staticMethodOf(w: FlowWalker, fn: SyntaxNode, owner: string): boolean {
  const syn = w.ctx.syntax;
  const cls = syn.classOf(fn);
  return syn.isStaticMethod(fn) && !!cls && syn.child(cls, 'name')?.text === owner;
}

/**
 * What the call passes to parameter `p` as its member `member` (Summary: a helper that uses
 * only `options.url` or `file.path`): read at the call site when the argument is an access
 * path (`req.files[0].path` is the server's, `opts.url` holds none of what `opts.headers` does);
 * otherwise the whole argument, less the facts whose objects the server fills that member of.
 */
function argumentMember(w: FlowWalker, frame: Frame, args: SyntaxNode[], argTaints: Taint[], p: number, member: string | undefined): Taint {
  const whole = argTaints[p] ?? CLEAN;
  const node = args[p];
  return member === undefined || !node ? whole : memberOfValue(w, frame, node, member.split('.'), whole, 0);
}

/**
 * The member `names` of the value `node` (whose taint is `whole`): of an access path, read
 * from the environment; of an object literal, the entry under that key or what a spread in it
 * has there (`{ url: next, ...options }`); of anything else, the whole value, less the facts
 * whose objects the server fills that member of.
 */
function memberOfValue(w: FlowWalker, frame: Frame, node: SyntaxNode, names: readonly string[], whole: Taint, depth: number): Taint {
  const path = accessPath(w.ctx, node);
  if (path) return w.pathTaint([...path, ...names], node, frame);
  const syn = w.ctx.syntax;
  const kind = syn.kind(node);
  if (kind === 'paren' || kind === 'await') {
    const inner = node.namedChild(0);
    return inner && depth < 8 ? memberOfValue(w, frame, inner, names, whole, depth + 1) : whole;
  }
  if (kind === 'object' && depth < 8) {
    let out: Taint = CLEAN;
    for (const entry of node.namedChildren) {
      const k = entry ? syn.kind(entry) : 'comment';
      if (!entry || k === 'comment') continue;
      if (k === 'name') {
        // `{ url }`: the variable of that name.
        if (entry.text === names[0]) out = union(out, w.pathTaint([...names], entry, frame));
      } else if (k === 'spread') {
        const inner = entry.namedChild(0);
        if (!inner) return whole;
        out = union(out, memberOfValue(w, frame, inner, names, w.expr(inner, frame), depth + 1));
      } else if (k === 'pair') {
        const parts = w.ctx.adapter.pairParts(entry);
        if (!parts) return whole;
        if (parts.key !== names[0]) continue;
        const value = w.expr(parts.value, frame);
        out = union(out, names.length === 1 ? value : memberOfValue(w, frame, parts.value, names.slice(1), value, depth + 1));
      } else return whole; // a method, a computed key: read whole
    }
    return out;
  }
  return whole.filter((f) => !f.serverMembers?.has(names[0]!));
}

function applySummary(w: FlowWalker, summary: Summary, node: SyntaxNode, args: SyntaxNode[], argTaints: Taint[], callee: SyntaxNode, frame: Frame): Taint {
  const name = snippet(callee);
  for (const s of summary.toSinks) {
    const input = argumentMember(w, frame, args, argTaints, s.param, s.member);
    const live = liveFor(input, s.kind).filter((f) => f.label === 'source' || f.label.startsWith('param:'));
    if (live.length === 0) continue;
    const facts = live.map((f) => ({ ...f, trace: [...f.trace, step(node, `passed to \`${name}()\``), ...s.trace], cleanFor: new Set([...f.cleanFor, ...s.cleanFor]) }));
    const stillLive = facts.filter((f) => !f.cleanFor.has(s.kind));
    if (stillLive.length > 0) w.file.hits.push({ kind: s.kind, node, sinkText: viaHelper(s.sinkText, name), facts: stillLive, at: args[s.param] ?? callee });
  }
  let out: Taint = summary.returnsSources.map((f) => ({ ...f, trace: [...f.trace, step(node, `returned by \`${name}()\``)] }));
  for (const p of summary.toReturn) {
    const cleanFor = summary.returnCleanFor?.get(p);
    const passed = argumentMember(w, frame, args, argTaints, p, summary.returnMember?.get(p));
    const arg = cleanFor ? sanitize(passed, cleanFor) : passed;
    out = union(out, withStep(arg, step(node, `returned by \`${name}()\``)));
  }
  return out;
}

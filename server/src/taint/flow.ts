/**
 * The per-function taint walk: statements in order, an Env from access paths to taint,
 * branches joined by union, guards that clean a value on the branch they protect, and
 * closures analysed where they appear with the environment they capture.
 */
import type { SyntaxNode } from '../languages/parser';
import { pastDeadline } from '../engine/treeWalk';
import { accessPath, roleSource } from './accessPath';
import { assignTo, bindInputPattern, bindPattern, bindRolePattern } from './assignment';
import type { TaintFile } from './context';
import { ifStatement, loopStatement, switchStatement, tryStatement, withStatement } from './controlFlow';
import { Env } from './env';
import { CLEAN, Fact, step, Taint, union, withStep } from './facts';
import { builtString, builtStringVariable, checkReturnSink } from './sinks';
import { evalExpr } from './expressions';
import { makeUnit, Unit } from './units';
import type { Kind } from '../languages/taintSyntax';
import { NESTING_LIMIT, noteNestingCut } from '../languages/nesting';
import { outsideRead } from './outside';
import { noteReturnChecks, ReturnChecks } from './returnChecks';

export interface Frame {
  env: Env;
  /** Variables bound to a role (`req` → request). */
  roles: Map<string, string>;
  /** Taint of returned values. */
  returns: Taint;
}

/** How a trace names where a source's data comes from, by source kind. */
const SOURCE_NOUNS: Record<string, string> = { remote: 'request input', dom: 'browser input', cli: 'command-line argument', env: 'environment', 'weak-random': 'predictable random value' };

/** Kinds holding a list of statements: a function's body, a file, a class. */
const BODIES: ReadonlySet<Kind | undefined> = new Set(['block', 'module', 'class-body']);


/**
 * `names[-1]`: a position counted from the end is the element at length - 1 of a list followed by
 * position (listPositions.ts); of any other value, it could be any element: the whole value.
 */
function fromTheEnd(path: string[], frame: Frame): string[] {
  for (let i = 1; i < path.length; i++) {
    if (!/^-\d+$/.test(path[i]!)) continue;
    const length = frame.env.lengthOf(path.slice(0, i).join('.'));
    if (length === undefined || length + Number(path[i]) < 0) return path.slice(0, i);
    path = [...path.slice(0, i), String(length + Number(path[i])), ...path.slice(i + 1)];
  }
  return path;
}

export class FlowWalker {
  /** The named fields of the value the last `new` made (calls.ts evalNew), for the name it is bound to. */
  madeFields?: { node: number; fields: Map<string, Taint>; rest: Taint };
  /** What the function's truthy returns vouch for (returnChecks.ts), read by a summary walk. */
  returnChecks: ReturnChecks;
  private noteChecks = false;

  constructor(readonly file: TaintFile, private readonly unit: Unit) {}

  get hits(): TaintFile['hits'] {
    return this.file.hits;
  }

  get ctx() {
    return this.file.ctx;
  }

  /** The function (or file) whose code this walker walks: the scope of the names it reads. */
  get scope(): SyntaxNode {
    return this.unit.node;
  }

  /** Runs the unit with its parameters bound (roles, or `param:N` labels for summaries). */
  run(summaryLabels: boolean, outer?: Frame, statements?: SyntaxNode[]): Frame {
    const frame: Frame = { env: outer ? outer.env.copy() : this.file.probes ? Env.tracking() : new Env(), roles: new Map(outer?.roles ?? this.file.globalRoles), returns: CLEAN };
    this.bindParams(frame, summaryLabels);
    this.returnChecks = undefined;
    this.noteChecks = summaryLabels && !statements && !this.file.probes;
    const body = this.unit.body;
    if (!body) return frame;
    if (statements) {
      this.block(statements, frame);
      return frame;
    }
    if (BODIES.has(this.ctx.syntax.kind(body))) this.block(body.namedChildren, frame);
    else {
      frame.returns = union(frame.returns, this.expr(body, frame)); // arrow `=> expr`
      if (this.noteChecks) this.returnChecks = noteReturnChecks(this, this.unit, body, frame, this.returnChecks);
    }
    return frame;
  }

  private bindParams(frame: Frame, summaryLabels: boolean): void {
    if (this.unit.selfRole) frame.roles.set('self', this.unit.selfRole);
    this.unit.params.forEach((p, i) => {
      if (!p.name) {
        // `({ query, body }: Request, res) => …`: each destructured input member is a source.
        const role = this.unit.roles.get(i);
        const pattern = role ? this.ctx.syntax.objectPatternOf(p.node) : null;
        if (pattern && role !== 'remote') bindRolePattern(this, pattern, role!, frame);
        // `(_, { id, input }) => …` in a GraphQL resolver: every name taken out of the input is input.
        else if (pattern) bindInputPattern(this, pattern, frame);
        return;
      }
      frame.env.set(p.name, CLEAN);
      frame.roles.delete(p.name);
      const role = this.unit.roles.get(i);
      if (role === 'remote') {
        // A route parameter that is a string or number (a URL part, a query value FastAPI
        // validated) cannot carry a Mongo operator.
        const scalar = this.ctx.syntax.scalarParam(p);
        const fact: Fact = { label: 'source', kind: 'remote', sourceText: p.name, trace: [step(p.node, `source: parameter \`${p.name}\` (request input)`)], cleanFor: new Set(scalar ? ['nosql'] : []) };
        frame.env.set(p.name, [fact]);
      } else if (role) {
        frame.roles.set(p.name, role);
      } else if ((this.file.probes || summaryLabels) && !this.ctx.syntax.holdsNoText?.(p)) {
        // A proving walk (outside.ts) counts every parameter as coming from outside, and a
        // summary follows each one, except one whose declared type holds no text (`int port`):
        // what the caller passes there arrives as a number.
        frame.env.set(p.name, [{ label: `param:${i}`, kind: '', sourceText: p.name, trace: [step(p.node, `parameter \`${p.name}\``)], cleanFor: new Set() }]);
      }
    });
  }

  // ---- statements ---------------------------------------------------------------

  /** Walks statements in order; returns true when the block always exits. */
  block(statements: (SyntaxNode | null)[], frame: Frame): boolean {
    for (const s of statements) {
      if (!s) continue;
      if (pastDeadline(this.file.deadline)) return false;
      if (this.statement(s, frame)) return true;
    }
    return false;
  }

  /** One statement; past NESTING_LIMIT levels of nesting it is left out (and the cut noted). */
  statement(node: SyntaxNode, frame: Frame): boolean {
    const file = this.file;
    if (file.depth >= NESTING_LIMIT) {
      noteNestingCut(node.startPosition.row);
      return false;
    }
    file.depth++;
    const exits = this.statementAt(node, frame);
    file.depth--;
    return exits;
  }

  private statementAt(node: SyntaxNode, frame: Frame): boolean {
    const syn = this.ctx.syntax;
    switch (syn.kind(node)) {
      case 'expression-statement': {
        let exits = false;
        for (const c of node.namedChildren) {
          if (!c) continue;
          this.expr(c, frame);
          if (syn.kind(c) === 'call') {
            const callee = this.ctx.adapter.callee(c);
            const q = callee ? this.ctx.adapter.qualify(callee, this.ctx.bindings) : null;
            if (q && this.file.models.exits(q)) exits = true;
          }
        }
        return exits;
      }
      case 'declaration':
        for (const d of node.namedChildren) if (d && syn.kind(d) === 'declarator') this.declarator(d, frame);
        return false;
      case 'return': {
        const value = node.namedChild(0);
        if (value) {
          const taint = this.expr(value, frame);
          frame.returns = union(frame.returns, withStep(taint, step(node, 'returned')));
          if (this.unit.returnSink && (builtString(this.ctx, value) || builtStringVariable(this.ctx, this.unit.node, value))) checkReturnSink(this, this.unit.returnSink, node, value, taint);
          if (this.noteChecks) this.returnChecks = noteReturnChecks(this, this.unit, value, frame, this.returnChecks);
        }
        return true;
      }
      case 'throw':
        for (const c of node.namedChildren) if (c) this.expr(c, frame);
        return true;
      case 'jump':
        return true;
      case 'if':
        return ifStatement(this, node, frame);
      case 'block':
        return this.block(node.namedChildren, frame);
      case 'error':
        // Code being typed: keep analysing what parsed around the error.
        this.block(node.namedChildren, frame);
        return false;
      case 'else':
        return this.block(node.namedChildren.filter((c) => !!c && syn.kind(c) !== 'comment'), frame);
      case 'loop':
        loopStatement(this, node, frame);
        return false;
      case 'try':
        tryStatement(this, node, frame);
        return false;
      case 'with':
        withStatement(this, node, frame);
        return false;
      case 'switch':
        switchStatement(this, node, frame);
        return false;
      case 'wrapper':
        for (const c of node.namedChildren) if (c && syn.kind(c) !== 'label') this.statement(c, frame);
        return false;
      case 'function':
      case 'class':
      case 'import':
      case 'definition':
        return false; // analysed as units of their own
      case 'statement':
        for (const c of node.namedChildren) if (c) this.expr(c, frame);
        return false;
      default:
        this.expr(node, frame);
        return false;
    }
  }

  private declarator(d: SyntaxNode, frame: Frame): void {
    const syn = this.ctx.syntax;
    const name = syn.child(d, 'name');
    const value = syn.child(d, 'value');
    if (!name) return;
    if (!value) {
      if (syn.kind(name) === 'name') frame.env.set(name.text, CLEAN);
      return;
    }
    if (syn.kind(value) === 'function') return; // a named function: its own unit
    this.bind(name, value, this.expr(value, frame), frame);
  }

  /** Binds a pattern (`x`, `{ a, b: c }`, `[a, b]`, `a, b`) to a value's taint. */
  bind(pattern: SyntaxNode, valueNode: SyntaxNode | null, taint: Taint, frame: Frame): void {
    bindPattern(this, pattern, valueNode, taint, frame);
  }

  assign(target: SyntaxNode, valueNode: SyntaxNode | null, taint: Taint, frame: Frame, node: SyntaxNode): void {
    assignTo(this, target, valueNode, taint, frame, node);
  }

  fork(frame: Frame): Frame {
    return { env: frame.env.copy(), roles: new Map(frame.roles), returns: CLEAN };
  }

  // ---- expressions --------------------------------------------------------------

  /** The taint of `path` on this frame: a source when the path starts at a role or a source name. */
  pathTaint(path: string[], node: SyntaxNode, frame: Frame): Taint {
    if (path.length > 1 && path[path.length - 1] === 'length') return CLEAN; // a count, not the data
    path = fromTheEnd(path, frame);
    const key = path.join('.');
    if (path.length > 1 && frame.env.has(key)) return frame.env.get(key);
    const role = frame.roles.get(path[0]!);
    const models = this.file.models;
    if (role && path.length > 1) {
      const source = roleSource(models.sources, role, path.slice(1));
      if (source?.serverMembers?.has(path[path.length - 1]!) && path.length > 2) return CLEAN;
      if (source) return this.withServerMembers(this.sourceFact(node, source.kind, path.join('.'), source.cleanFor, source.survives), source.serverMembers);
    }
    if (!frame.env.has(path[0]!) && !frame.roles.has(path[0]!)) {
      const head = this.ctx.bindings.imports.get(path[0]!)?.qualified ?? path[0]!;
      const parts = [...head.split('.'), ...path.slice(1)];
      for (let n = parts.length; n >= 1; n--) {
        const source = models.nameSources.find(parts.slice(0, n).join('.'))[0];
        // `os.Args[0]` is the program's own path, not an argument (`not-members` of a names row).
        if (source?.notMembers && n < parts.length && source.notMembers.has(parts[n]!)) continue;
        if (source) return [this.sourceFact(node, source.kind, path.join('.'), source.cleanFor, source.survives)];
      }
    }
    let known = frame.env.get(key);
    // `upload.path` of `const upload = req.files[0]`: a member the server filled in.
    if (path.length > 1 && known.some((f) => f.serverMembers)) known = known.filter((f) => !f.serverMembers?.has(path[path.length - 1]!));
    if (path.length > 1) known = memberOfParameter(frame, key, known);
    return outsideRead(this.file, path, node, frame, known);
  }

  private withServerMembers(fact: Fact, members: ReadonlySet<string> | undefined): Taint {
    return [members ? { ...fact, serverMembers: members } : fact];
  }

  sourceFact(node: SyntaxNode, kind: string, text: string, cleanFor?: readonly string[], survives?: boolean): Fact {
    const fact: Fact = { label: 'source', kind, sourceText: text, trace: [step(node, `source: \`${text}\` (${SOURCE_NOUNS[kind] ?? `${kind} data`})`)], cleanFor: new Set(cleanFor) };
    return survives ? { ...fact, survives } : fact;
  }

  expr(node: SyntaxNode, frame: Frame): Taint {
    const file = this.file;
    if (file.depth >= NESTING_LIMIT) return this.flatTaint(node, frame);
    // No try/finally: an exception ends the whole file's walk, and the count with it.
    file.depth++;
    const taint = evalExpr(this, node, frame);
    file.depth--;
    return taint;
  }

  /**
   * An expression nested too deep to walk: the union of what the names and access paths in it
   * carry, read without recursion. Over-approximate (its calls, sanitizers and sinks are not
   * interpreted), so a source deep inside still reaches the sink around it.
   */
  private flatTaint(node: SyntaxNode, frame: Frame): Taint {
    noteNestingCut(node.startPosition.row);
    let out: Taint = CLEAN;
    const stack: SyntaxNode[] = [node];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (this.ctx.syntax.kind(n) === 'function') continue;
      const path = accessPath(this.ctx, n);
      if (path) {
        out = union(out, this.pathTaint(path, n, frame));
        continue;
      }
      for (const c of n.namedChildren) if (c) stack.push(c);
    }
    return withStep(out, step(node, 'through deeply nested code (approximated)'));
  }

  closure(fn: SyntaxNode, frame: Frame, paramTaint: Taint = CLEAN): Frame {
    let unit = this.file.units.get(fn.id);
    if (!unit) {
      unit = makeUnit(this.ctx, this.file.models, fn, new Map(), this.file.path);
      this.file.units.set(fn.id, unit);
    }
    const walker = new FlowWalker(this.file, unit);
    const inner = walker.run(false, frame);
    // A proving walk (outside.ts) already gave the parameters an outside fact: nothing to add,
    // and a second walk per level of nested callbacks would double at every level.
    if (paramTaint.length > 0 && !this.file.probes) {
      unit.params.forEach((p) => {
        if (p.name && !unit!.roles.has(unit!.params.indexOf(p))) inner.env.set(p.name, paramTaint);
      });
      // Re-run with the callback's parameters carrying the receiver's taint (`rows.map(r => …)`).
      const again: Frame = { env: frame.env.copy(), roles: new Map(frame.roles), returns: CLEAN };
      unit.params.forEach((p, i) => {
        if (p.name && !unit!.roles.has(i)) again.env.set(p.name, withStep(paramTaint, step(p.node, `passed to callback parameter \`${p.name}\``)));
      });
      const body = unit.body;
      if (body) {
        if (BODIES.has(this.ctx.syntax.kind(body))) walker.block(body.namedChildren, again);
        else again.returns = walker.expr(body, again);
      }
      return again;
    }
    return inner;
  }
}

/**
 * `options.url` where `options` holds a parameter's fact: the value is that member of the
 * parameter (Fact.member), so a summary tells callers which member of their argument it uses.
 */
function memberOfParameter(frame: Frame, key: string, known: Taint): Taint {
  if (!known.some((f) => f.label.startsWith('param:'))) return known;
  const from = frame.env.fallback(key);
  if (!from) return known;
  const rest = key.slice(from.key.length + 1);
  return known.map((f) => (f.label.startsWith('param:') && from.taint.includes(f) ? { ...f, member: f.member ? `${f.member}.${rest}` : rest } : f));
}

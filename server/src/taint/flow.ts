/**
 * The per-function taint walk: statements in order, an Env from access paths to taint,
 * branches joined by union, guards that clean a value on the branch they protect, and
 * closures analysed where they appear with the environment they capture.
 */
import type { SyntaxNode } from '../languages/parser';
import { accessPath, roleSource } from './accessPath';
import type { TaintFile } from './context';
import { Env } from './env';
import { CLEAN, Fact, snippet, step, Taint, union, withStep } from './facts';
import { applyGuard } from './guards';
import { builtString, checkAssignSink, checkReturnSink } from './sinks';
import { trackContentTypeAssign } from './contentType';
import { evalExpr } from './expressions';
import { isFunctionNode, makeUnit, objectPatternOf, patternEntry, Unit } from './units';

export interface Frame {
  env: Env;
  /** Variables bound to a role (`req` → request). */
  roles: Map<string, string>;
  /** Taint of returned values. */
  returns: Taint;
}

/** Calls after which a branch does not go on (`abort(403)`, `process.exit()`). */
const EXIT_CALLS = /^(flask\.abort|abort|sys\.exit|exit|process\.exit|os\._exit|\*\*\.redirect)$/;

export class FlowWalker {
  constructor(readonly file: TaintFile, private readonly unit: Unit) {}

  get hits(): TaintFile['hits'] {
    return this.file.hits;
  }

  get ctx() {
    return this.file.ctx;
  }

  /** Runs the unit with its parameters bound (roles, or `param:N` labels for summaries). */
  run(summaryLabels: boolean, outer?: Frame, statements?: SyntaxNode[]): Frame {
    const frame: Frame = { env: outer ? outer.env.copy() : new Env(), roles: new Map(outer?.roles ?? this.file.globalRoles), returns: CLEAN };
    this.bindParams(frame, summaryLabels);
    const body = this.unit.body;
    if (!body) return frame;
    if (statements) {
      this.block(statements, frame);
      return frame;
    }
    if (['statement_block', 'block', 'program', 'module', 'class_body'].includes(body.type)) this.block(body.namedChildren, frame);
    else frame.returns = union(frame.returns, this.expr(body, frame)); // arrow `=> expr`
    return frame;
  }

  private bindParams(frame: Frame, summaryLabels: boolean): void {
    this.unit.params.forEach((p, i) => {
      if (!p.name) {
        // `({ query, body }: Request, res) => …`: each destructured input member is a source.
        const role = this.unit.roles.get(i);
        const pattern = role && role !== 'remote' ? objectPatternOf(p.node) : null;
        if (pattern) this.bindRolePattern(pattern, role!, frame);
        return;
      }
      frame.env.set(p.name, CLEAN);
      frame.roles.delete(p.name);
      const role = this.unit.roles.get(i);
      if (role === 'remote') {
        const fact: Fact = { label: 'source', kind: 'remote', sourceText: p.name, trace: [step(p.node, `source: parameter \`${p.name}\` (request input)`)], cleanFor: new Set() };
        frame.env.set(p.name, [fact]);
      } else if (role) {
        frame.roles.set(p.name, role);
      } else if (summaryLabels) {
        frame.env.set(p.name, [{ label: `param:${i}`, kind: '', sourceText: p.name, trace: [step(p.node, `parameter \`${p.name}\``)], cleanFor: new Set() }]);
      }
    });
  }

  /** Binds the names a destructured role parameter takes: input members are sources, the rest clean. */
  private bindRolePattern(pattern: SyntaxNode, role: string, frame: Frame): void {
    for (const entry of pattern.namedChildren) {
      if (!entry || entry.type === 'rest_pattern') continue;
      const { key, target } = patternEntry(entry);
      if (!target || !key) continue;
      const source = roleSource(this.file.models.sources, role, [key]);
      const taint: Taint = source ? [this.sourceFact(entry, source.kind, key, source.cleanFor)] : CLEAN;
      if (target.type === 'identifier' || target.type === 'shorthand_property_identifier_pattern') {
        frame.env.set(target.text, taint);
        frame.roles.delete(target.text);
      } else this.bind(target, null, taint, frame);
    }
  }

  // ---- statements ---------------------------------------------------------------

  /** Walks statements in order; returns true when the block always exits. */
  block(statements: (SyntaxNode | null)[], frame: Frame): boolean {
    for (const s of statements) {
      if (!s) continue;
      if (Date.now() > this.file.deadline) return false;
      if (this.statement(s, frame)) return true;
    }
    return false;
  }

  private statement(node: SyntaxNode, frame: Frame): boolean {
    switch (node.type) {
      case 'expression_statement': {
        let exits = false;
        for (const c of node.namedChildren) {
          if (!c) continue;
          this.expr(c, frame);
          if (c.type === 'call_expression' || c.type === 'call') {
            const callee = this.ctx.adapter.callee(c);
            const q = callee ? this.ctx.adapter.qualify(callee, this.ctx.bindings) : null;
            if (q && EXIT_CALLS.test(q)) exits = true;
          }
        }
        return exits;
      }
      case 'lexical_declaration':
      case 'variable_declaration':
        for (const d of node.namedChildren) if (d?.type === 'variable_declarator') this.declarator(d, frame);
        return false;
      case 'return_statement': {
        const value = node.namedChild(0);
        if (value) {
          const taint = this.expr(value, frame);
          frame.returns = union(frame.returns, withStep(taint, step(node, 'returned')));
          if (this.unit.returnSink && builtString(value)) checkReturnSink(this, this.unit.returnSink, node, value, taint);
        }
        return true;
      }
      case 'throw_statement':
      case 'raise_statement':
        for (const c of node.namedChildren) if (c) this.expr(c, frame);
        return true;
      case 'break_statement':
      case 'continue_statement':
        return true;
      case 'if_statement':
        return this.ifStatement(node, frame);
      case 'statement_block':
      case 'block':
        return this.block(node.namedChildren, frame);
      case 'ERROR':
        // Code being typed: keep analysing what parsed around the error.
        this.block(node.namedChildren, frame);
        return false;
      case 'else_clause':
        return this.block(node.namedChildren.filter((c) => c?.type !== 'comment'), frame);
      case 'for_statement':
      case 'for_in_statement':
      case 'while_statement':
      case 'do_statement':
        this.loop(node, frame);
        return false;
      case 'try_statement':
        this.tryStatement(node, frame);
        return false;
      case 'with_statement':
        this.withStatement(node, frame);
        return false;
      case 'switch_statement':
        this.switchStatement(node, frame);
        return false;
      case 'export_statement':
      case 'labeled_statement':
        for (const c of node.namedChildren) if (c && c.type !== 'statement_identifier') this.statement(c, frame);
        return false;
      case 'function_declaration':
      case 'generator_function_declaration':
      case 'function_definition':
      case 'decorated_definition':
      case 'class_declaration':
      case 'class_definition':
      case 'class':
      case 'import_statement':
      case 'import_from_statement':
        return false; // analysed as units of their own
      default:
        if (node.type.endsWith('_statement') || node.type.endsWith('_declaration')) {
          for (const c of node.namedChildren) if (c) this.expr(c, frame);
        } else this.expr(node, frame);
        return false;
    }
  }

  private declarator(d: SyntaxNode, frame: Frame): void {
    const name = d.childForFieldName('name');
    const value = d.childForFieldName('value');
    if (!name) return;
    if (!value) {
      if (name.type === 'identifier') frame.env.set(name.text, CLEAN);
      return;
    }
    if (isFunctionNode(this.ctx, value)) return; // a named function: its own unit
    this.bind(name, value, this.expr(value, frame), frame);
  }

  /** Binds a pattern (`x`, `{ a, b: c }`, `[a, b]`, `a, b`) to a value's taint. */
  bind(pattern: SyntaxNode, valueNode: SyntaxNode | null, taint: Taint, frame: Frame): void {
    const basePath = valueNode ? accessPath(this.ctx, valueNode) : null;
    switch (pattern.type) {
      case 'identifier': {
        frame.env.set(pattern.text, withStep(taint, step(pattern, `assigned to \`${pattern.text}\``)));
        // `const r = req` keeps the role.
        const role = (basePath?.length === 1 ? frame.roles.get(basePath[0]!) : undefined) ?? this.file.globalRoles.get(pattern.text);
        if (role) frame.roles.set(pattern.text, role);
        else frame.roles.delete(pattern.text);
        return;
      }
      case 'object_pattern':
        for (const entry of pattern.namedChildren) {
          if (!entry) continue;
          const { key, target } = patternEntry(entry);
          if (!target) continue;
          const memberTaint = basePath && key ? this.pathTaint(basePath.concat(key), entry, frame) : taint;
          const id = target.type === 'shorthand_property_identifier_pattern' ? target : target;
          if (id.type === 'identifier' || id.type === 'shorthand_property_identifier_pattern') {
            frame.env.set(id.text, withStep(memberTaint, step(id, `assigned to \`${id.text}\``)));
          } else this.bind(id, null, memberTaint, frame);
        }
        return;
      default:
        // Arrays, tuples and other patterns: every name gets the whole value's taint.
        for (const c of pattern.namedChildren) if (c) this.bind(c, null, taint, frame);
    }
  }

  assign(target: SyntaxNode, valueNode: SyntaxNode | null, taint: Taint, frame: Frame, node: SyntaxNode): void {
    checkAssignSink(this, target, valueNode, taint, node, frame);
    trackContentTypeAssign(this, target, valueNode, frame);
    const path = accessPath(this.ctx, target);
    if (path && path.length > 1) {
      frame.env.set(path.join('.'), withStep(taint, step(target, `stored in \`${snippet(target)}\``)));
      return;
    }
    if (path) {
      this.bind(target, valueNode, taint, frame);
      return;
    }
    if (['pattern_list', 'tuple_pattern', 'list_pattern', 'array_pattern', 'object_pattern', 'tuple', 'list', 'array'].includes(target.type)) {
      this.bind(target, valueNode, taint, frame);
      return;
    }
    // `obj[key] = v` with an unknown key: the object as a whole now holds the taint.
    const base = target.childForFieldName('object') ?? target.childForFieldName('value');
    const basePath = base ? accessPath(this.ctx, base) : null;
    if (basePath) frame.env.set(basePath.join('.'), union(frame.env.get(basePath.join('.')), taint));
  }

  /**
   * `if condition: consequence else: …`: both branches are walked from the same state, each
   * with what the condition guarantees on it, then joined; a branch that always exits
   * (return, throw, abort) does not reach the code after the statement.
   */
  private conditional(condition: SyntaxNode | null, consequence: SyntaxNode | null, otherwise: (frame: Frame) => boolean, frame: Frame): boolean {
    if (condition) this.expr(condition, frame);
    const thenFrame = this.fork(frame);
    const elseFrame = this.fork(frame);
    if (condition) {
      applyGuard(this, condition, thenFrame, true);
      applyGuard(this, condition, elseFrame, false);
    }
    const thenExits = consequence ? this.statement(consequence, thenFrame) : false;
    const elseExits = otherwise(elseFrame);
    frame.returns = union(frame.returns, thenFrame.returns, elseFrame.returns);
    if (thenExits && elseExits) return true;
    frame.env = thenExits ? elseFrame.env : elseExits ? thenFrame.env : Env.join(thenFrame.env, elseFrame.env);
    return false;
  }

  private ifStatement(node: SyntaxNode, frame: Frame): boolean {
    const alternatives = node.childrenForFieldName('alternative').filter((a): a is SyntaxNode => !!a);
    return this.conditional(node.childForFieldName('condition'), node.childForFieldName('consequence'), (elseFrame) => {
      const first = alternatives[0];
      if (!first) return false;
      // Python: an elif chain is a nested if on the else branch.
      return first.type === 'elif_clause' ? this.elifChain(alternatives, elseFrame) : this.statement(first, elseFrame);
    }, frame);
  }

  private elifChain(clauses: SyntaxNode[], frame: Frame): boolean {
    const [head, ...rest] = clauses;
    if (!head) return false;
    if (head.type === 'else_clause') return this.block(head.childForFieldName('body')?.namedChildren ?? head.namedChildren, frame);
    return this.conditional(head.childForFieldName('condition'), head.childForFieldName('consequence'), (elseFrame) => this.elifChain(rest, elseFrame), frame);
  }

  fork(frame: Frame): Frame {
    return { env: frame.env.copy(), roles: new Map(frame.roles), returns: CLEAN };
  }

  private loop(node: SyntaxNode, frame: Frame): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const body = node.childForFieldName('body');
    // Twice round, so taint from a later statement reaches an earlier one on the next iteration.
    for (let i = 0; i < 2; i++) {
      const iter = this.fork(frame);
      for (const field of ['initializer', 'condition', 'increment']) {
        const part = node.childForFieldName(field);
        if (part) this.statement(part, iter);
      }
      if (left && right) this.bind(left.type === 'lexical_declaration' ? left.namedChild(0)! : left, null, this.expr(right, iter), iter);
      else if (right) this.expr(right, iter);
      if (body) this.statement(body, iter);
      frame.returns = union(frame.returns, iter.returns);
      frame.env = Env.join(frame.env, iter.env);
    }
    const alternative = node.childForFieldName('alternative');
    if (alternative) this.statement(alternative, frame);
  }

  private tryStatement(node: SyntaxNode, frame: Frame): void {
    const body = node.childForFieldName('body');
    if (body) this.statement(body, frame);
    for (const c of node.namedChildren) {
      if (!c || c === body) continue;
      const handlerFrame = this.fork(frame);
      const block = c.childForFieldName('body') ?? c.namedChildren.find((x) => x?.type === 'block' || x?.type === 'statement_block');
      if (block) this.statement(block, handlerFrame);
      frame.env = Env.join(frame.env, handlerFrame.env);
      frame.returns = union(frame.returns, handlerFrame.returns);
    }
  }

  private withStatement(node: SyntaxNode, frame: Frame): void {
    for (const item of node.descendantsOfType('with_item')) {
      const value = item?.childForFieldName('value');
      if (!value) continue;
      if (value.type === 'as_pattern') {
        const expr = value.namedChild(0);
        const alias = value.childForFieldName('alias')?.namedChild(0);
        const t = expr ? this.expr(expr, frame) : CLEAN;
        if (alias) this.bind(alias, expr, t, frame);
      } else this.expr(value, frame);
    }
    const body = node.childForFieldName('body');
    if (body) this.statement(body, frame);
  }

  private switchStatement(node: SyntaxNode, frame: Frame): void {
    const value = node.childForFieldName('value');
    if (value) this.expr(value, frame);
    const body = node.childForFieldName('body');
    let joined = frame.env;
    for (const c of body?.namedChildren ?? []) {
      if (!c) continue;
      const caseFrame = this.fork(frame);
      this.block(c.namedChildren.filter((x) => x !== c.childForFieldName('value')), caseFrame);
      joined = Env.join(joined, caseFrame.env);
      frame.returns = union(frame.returns, caseFrame.returns);
    }
    frame.env = joined;
  }

  // ---- expressions --------------------------------------------------------------

  /** The taint of `path` on this frame: a source when the path starts at a role or a source name. */
  pathTaint(path: string[], node: SyntaxNode, frame: Frame): Taint {
    if (path.length > 1 && path[path.length - 1] === 'length') return CLEAN; // a count, not the data
    const key = path.join('.');
    if (path.length > 1 && frame.env.has(key)) return frame.env.get(key);
    const role = frame.roles.get(path[0]!);
    const models = this.file.models;
    if (role && path.length > 1) {
      const source = roleSource(models.sources, role, path.slice(1));
      if (source) return [this.sourceFact(node, source.kind, path.join('.'), source.cleanFor)];
    }
    if (!frame.env.has(path[0]!) && !frame.roles.has(path[0]!)) {
      const head = this.ctx.bindings.imports.get(path[0]!)?.qualified ?? path[0]!;
      const parts = [...head.split('.'), ...path.slice(1)];
      for (let n = parts.length; n >= 1; n--) {
        const source = models.nameSources.find(parts.slice(0, n).join('.'))[0];
        if (source) return [this.sourceFact(node, source.kind, path.join('.'), source.cleanFor)];
      }
    }
    return frame.env.get(path.join('.'));
  }

  sourceFact(node: SyntaxNode, kind: string, text: string, cleanFor?: readonly string[]): Fact {
    return { label: 'source', kind, sourceText: text, trace: [step(node, `source: \`${text}\` (${kind === 'remote' ? 'request input' : kind} data)`)], cleanFor: new Set(cleanFor) };
  }

  expr(node: SyntaxNode, frame: Frame): Taint {
    return evalExpr(this, node, frame);
  }

  closure(fn: SyntaxNode, frame: Frame, paramTaint: Taint = CLEAN): Frame {
    let unit = this.file.units.get(fn.id);
    if (!unit) {
      unit = makeUnit(this.ctx, this.file.models, fn, new Map(), this.file.path);
      this.file.units.set(fn.id, unit);
    }
    const walker = new FlowWalker(this.file, unit);
    const inner = walker.run(false, frame);
    if (paramTaint.length > 0) {
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
        if (body.type === 'statement_block' || body.type === 'block') walker.block(body.namedChildren, again);
        else again.returns = walker.expr(body, again);
      }
      return again;
    }
    return inner;
  }
}

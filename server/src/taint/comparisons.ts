/**
 * Comparisons that leak a secret through their timing (CWE-208): `==`/`===` stops at the first
 * character that differs, so a client who can send guesses and time the answers learns a
 * server-held secret (a MAC, an API key, a session's CSRF token) one character at a time.
 *
 * A comparison is a sink (the models' `comparisons` rows) when one side is request data and
 * the other a secret the server holds: a value carrying a source of a secret kind (a MAC:
 * `crypto.createHmac(…).digest()`, `hmac.new(…).hexdigest()`), or one named like a secret
 * (`expectedSignature`, `settings.API_KEY`, `user.reset_token`) that request data did not
 * make. Request data named like a secret compared with a value not named so is not a sink
 * (`req.body.privateKey === address` tells the client which public value it sent). Not sinks: comparisons with constants,
 * lengths (`sig.length === expected.length`), two request values, a MAC computed from the
 * request compared with a value the code holds (nothing the client chose is guessed), and what
 * the pack says builds a query rather than a truth value (SQLAlchemy's `User.token == t`).
 */
import type { SyntaxNode } from '../languages/parser';
import { accessPath } from './accessPath';
import { liveFor, snippet, step, Taint } from './facts';
import type { FlowWalker } from './flow';
import type { ComparisonModel } from './models';

/** `expectedSignature`, `API_KEY`, `x-hub-signature` → `expected_signature`, `api_key`, `x_hub_signature`. */
export function nameWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The name a value goes by: a variable, the last member, a constant key, or a getter's constant argument (`os.getenv('API_KEY')`). */
function nameOf(w: FlowWalker, node: SyntaxNode): string | undefined {
  const { syntax: syn, adapter, bindings } = w.ctx;
  let n = node;
  while (['paren', 'await', 'cast'].includes(syn.kind(n) ?? '') && n.namedChildCount >= 1) n = n.namedChild(0)!;
  const path = accessPath(w.ctx, n);
  if (path) return path[path.length - 1];
  if (syn.kind(n) === 'call') {
    const first = adapter.positionalArgs(n)[0];
    const key = first ? adapter.constantValue(first, bindings) : undefined;
    if (typeof key === 'string') return key;
    const callee = adapter.callee(n);
    return callee ? adapter.lastSegment(callee).text : undefined;
  }
  return undefined;
}

function unwrapped(w: FlowWalker, node: SyntaxNode): SyntaxNode {
  let n = node;
  while (['paren', 'await', 'cast'].includes(w.ctx.syntax.kind(n) ?? '') && n.namedChildCount >= 1) n = n.namedChild(0)!;
  return n;
}

/** A count or a size of a value (`sig.length`), not the value. */
function isCount(w: FlowWalker, node: SyntaxNode, row: ComparisonModel): boolean {
  const path = accessPath(w.ctx, unwrapped(w, node));
  return !!path && path.length > 1 && row.countMembers.has(path[path.length - 1]!);
}

/** A literal, a constant, or an empty value (`null`, `undefined`, `None`): nothing secret to guess. */
function isConstant(w: FlowWalker, node: SyntaxNode, row: ComparisonModel): boolean {
  const n = unwrapped(w, node);
  if (row.emptyNames.has(n.text)) return true;
  return w.ctx.adapter.constantValue(n, w.ctx.bindings) !== undefined;
}

function namedSecret(name: string | undefined, row: ComparisonModel): boolean {
  if (!name) return false;
  const words = nameWords(name);
  return row.secretNames.test(words) && !(row.notSecretNames?.test(words) ?? false);
}

/** Secret facts (`secret-kinds`) on a value, or a non-request source named like a secret (`process.env.API_TOKEN`). */
function carriesSecret(taint: Taint, row: ComparisonModel, requestKinds: ReadonlySet<string>): boolean {
  return taint.some((f) => f.label === 'source' && (row.secretKinds.has(f.kind) || (!requestKinds.has(f.kind) && namedSecret(lastName(f.sourceText), row))));
}

/** `os.environ['API_KEY']` → `API_KEY`, `process.env.TOKEN` → `TOKEN`. */
function lastName(text: string): string | undefined {
  const m = /([A-Za-z_$][\w$-]*)['"]?\s*[\])]*\s*$/.exec(text);
  return m?.[1];
}

/**
 * Records a `timing` hit (the row's kind) for an equality comparison of `operands` whose taints
 * the walk computed, when one side is a secret and the other request data.
 */
export function checkComparison(w: FlowWalker, node: SyntaxNode, operator: string, operands: SyntaxNode[], taints: Taint[]): void {
  const rows = w.file.models.comparisons;
  if (rows.length === 0 || operands.length !== 2) return;
  if (w.ctx.syntax.queryExpression?.(node)) return;
  for (const row of rows) {
    if (!row.operators.has(operator)) continue;
    if (operands.some((o) => isCount(w, o, row) || isConstant(w, o, row))) continue;
    for (const i of [0, 1]) {
      const input = operands[i]!;
      const held = operands[1 - i]!;
      const inputTaint = taints[i]!;
      const heldTaint = taints[1 - i]!;
      // The request side: request data (or a parameter, for a helper's summary), not a secret itself.
      const live = liveFor(inputTaint, row.kind).filter((f) => !row.secretKinds.has(f.kind) && (f.label !== 'source' || row.requestKinds.has(f.kind)));
      if (live.length === 0 || carriesSecret(inputTaint, row, row.requestKinds)) continue;
      // The held side: a secret the request did not make (a MAC of the request's body is one), or
      // a field named like one of a record looked up by request data (`user.resetToken` after
      // `findOne({ email })`: its taint came through the call), but not a call of request data
      // named like one (`hmac(answer)` is a MAC of what the client sent).
      const fromRequest = heldTaint.filter((f) => f.label !== 'source' || row.requestKinds.has(f.kind));
      const lookedUp = fromRequest.length > 0 && fromRequest.every((f) => f.label === 'source' && f.trace.some((s) => s.message.startsWith('through ')));
      const secret =
        carriesSecret(heldTaint, row, row.requestKinds) ||
        ((fromRequest.length === 0 || (lookedUp && accessPath(w.ctx, unwrapped(w, held)) !== null)) && namedSecret(nameOf(w, held), row));
      if (!secret) continue;
      // Short, for the message: the start of a long MAC expression names it well enough.
      const whole = snippet(held);
      const text = whole.length > 24 ? `${whole.slice(0, 23).trimEnd()}…` : whole;
      const facts = live.map((f) => ({ ...f, trace: [...f.trace, step(input, `compared with \`${text}\` by \`${operator}\``)] }));
      w.file.hits.push({ kind: row.kind, node, sinkText: text, facts, arg: input, at: node });
      return;
    }
  }
}

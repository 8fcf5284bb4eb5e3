/**
 * Built SQL in Java as bound `?` parameters, in the three shapes JDBC code takes:
 * - `jdbc.queryForList("… '" + name + "'")` (Spring's JdbcTemplate): the values become the
 *   call's trailing `Object...` arguments;
 * - `PreparedStatement ps = conn.prepareStatement("… " + id)`: the SQL gets `?` and
 *   `ps.setString(1, id)` follows the declaration;
 * - `st.executeQuery("… " + id)` on a `Statement` made by `conn.createStatement()`: a
 *   `PreparedStatement` from the same connection is prepared just before, bound, and run.
 * A shape it cannot rewrite exactly (a builder, SQL that already has `?`, an array of
 * arguments, a connection it cannot name) gets no fix.
 */
import type { SyntaxNode } from '../../parser';
import type { FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import type { Fix, TextEdit } from '../../../engine/finding';
import { importEdit, positionOf, statementOf } from '../../../engine/fixEdits';
import type { FixEntry } from '../../packFixes';
import type { SinkHit } from '../../../taint/context';
import { parameterizedQuery, PlaceholderStyle } from '../../../fixes/sqlParams';
import { eol } from '../../../fixes/placement';

export const JDBC_PARAMS: FixEntry = {
  title: 'Bind the values as ? parameters',
  when: 'the SQL is built in place and run by JdbcTemplate, prepareStatement, or a Statement from conn.createStatement()',
};

/** JDBC and Spring always use `?`; every Java file's imports start with one of these. */
const STYLES: PlaceholderStyle[] = [{ modules: new Set(['java', 'javax', 'jakarta', 'org', 'com', 'io', 'net']), placeholder: () => '?' }];

const TEMPLATE_METHODS = new Set(['query', 'queryForList', 'queryForMap', 'queryForObject', 'queryForRowSet', 'queryForStream', 'update']);
const TEMPLATE_CLASSES = /^org\.springframework\.jdbc\.core\.(?:JdbcTemplate|JdbcOperations)\./;
const STATEMENT_RUNS = new Set(['executeQuery', 'executeUpdate', 'execute', 'executeLargeUpdate']);

/** `ps.setString(i, v)` for text, `setInt`/`setLong` for those types, `setObject` otherwise. */
function setter(ctx: FileContext, value: SyntaxNode): string {
  const type = value.type === 'identifier' ? ctx.adapter.qualify(value, ctx.bindings) : null;
  if (type === 'java.lang.String' || type === 'String') return 'setString';
  if (type === 'int' || type === 'java.lang.Integer') return 'setInt';
  if (type === 'long' || type === 'java.lang.Long') return 'setLong';
  if (value.type === 'method_invocation' && /^get(?:Parameter|Header)$/.test(value.childForFieldName('name')?.text ?? '')) return 'setString';
  return 'setObject';
}

function indentOf(ctx: FileContext, node: SyntaxNode): string | undefined {
  const lineStart = ctx.text.lastIndexOf('\n', node.startIndex - 1) + 1;
  const before = ctx.text.slice(lineStart, node.startIndex);
  return before.trim() === '' ? before : undefined;
}

/** A name for the new statement variable that the method does not use yet. */
function freshName(scope: SyntaxNode, base: string): string {
  for (let i = 0; ; i++) {
    const name = i === 0 ? base : `${base}${i + 1}`;
    if (!new RegExp(`\\b${name}\\b`).test(scope.text)) return name;
  }
}

function enclosingMethod(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (/^(?:method|constructor)_declaration$|^lambda_expression$/.test(p.type)) return p;
  return null;
}

/** The connection a `Statement` variable was made from: `Statement st = conn.createStatement();` earlier in the method. */
function connectionOf(ctx: FileContext, receiver: SyntaxNode): string | undefined {
  if (receiver.type === 'method_invocation' && receiver.childForFieldName('name')?.text === 'createStatement') return receiver.childForFieldName('object')?.text;
  if (receiver.type !== 'identifier') return undefined;
  const method = enclosingMethod(receiver);
  if (!method) return undefined;
  let made: string | undefined;
  let assignments = 0;
  for (const d of method.descendantsOfType(['variable_declarator', 'assignment_expression'])) {
    if (!d || d.startIndex > receiver.startIndex) continue;
    const target = d.childForFieldName('name') ?? d.childForFieldName('left');
    if (target?.text !== receiver.text) continue;
    assignments++;
    const value = d.childForFieldName('value') ?? d.childForFieldName('right');
    made = value?.type === 'method_invocation' && value.childForFieldName('name')?.text === 'createStatement' && value.childForFieldName('arguments')?.namedChildCount === 0 ? value.childForFieldName('object')?.text : undefined;
  }
  return assignments === 1 ? made : undefined;
}

export function jdbcParamsFix(ctx: FileContext, hit: SinkHit): Fix | undefined {
  const query = parameterizedQuery(ctx, hit, STYLES);
  if (!query) return undefined;
  // Placeholders already there would be numbered wrong.
  if ((query.sql.match(/\?/g) ?? []).length !== query.values.length) return undefined;
  const call = query.call;
  const method = call.childForFieldName('name')?.text ?? '';
  const callee = ctx.adapter.callee(call);
  const qualified = callee ? ctx.adapter.qualify(callee, ctx.bindings) ?? '' : '';
  const literal = ctx.adapter.stringLiteral(query.sql, query.arg);
  const valueNodes = valueNodesOf(query.arg, query.values);
  if (TEMPLATE_CLASSES.test(qualified) && TEMPLATE_METHODS.has(method)) {
    if (query.args.some((a) => a.type === 'array_creation_expression')) return undefined;
    const last = query.args[query.args.length - 1]!;
    const at = positionOf(ctx, last.endIndex);
    return {
      title: JDBC_PARAMS.title,
      preferred: true,
      edits: [{ range: nodeRange(query.arg), newText: literal }, { range: { start: at, end: at }, newText: `, ${query.values.join(', ')}` }],
    };
  }
  if (/^java\.sql\.Connection\.prepare(?:Statement|Call)$/.test(qualified) && query.args.length === 1) return prepareFix(ctx, call, query.arg, literal, valueNodes);
  if (/^java\.sql\.(?:Statement|PreparedStatement|CallableStatement)\./.test(qualified) && STATEMENT_RUNS.has(method) && query.args.length === 1) {
    const receiver = call.childForFieldName('object');
    const conn = receiver ? connectionOf(ctx, receiver) : undefined;
    if (!conn) return undefined;
    return statementFix(ctx, call, method, conn, literal, valueNodes);
  }
  return undefined;
}

/** The spliced-in value nodes of the query, in order (their texts are `values`). */
function valueNodesOf(arg: SyntaxNode, values: string[]): SyntaxNode[] | undefined {
  const out: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [arg];
  const found = new Map<string, SyntaxNode>();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (values.includes(n.text) && !found.has(n.text)) found.set(n.text, n);
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
  for (const v of values) {
    const node = found.get(v);
    if (!node) return undefined;
    out.push(node);
  }
  return out;
}

function binds(ctx: FileContext, name: string, values: SyntaxNode[]): string[] {
  return values.map((v, i) => `${name}.${setter(ctx, v)}(${i + 1}, ${v.text});`);
}

/** `PreparedStatement ps = conn.prepareStatement(sql)`: `?` in the SQL, the binds right after. */
function prepareFix(ctx: FileContext, call: SyntaxNode, arg: SyntaxNode, literal: string, values: SyntaxNode[] | undefined): Fix | undefined {
  if (!values) return undefined;
  const declarator = call.parent;
  const declaration = declarator?.parent;
  if (declarator?.type !== 'variable_declarator' || declaration?.type !== 'local_variable_declaration') return undefined;
  const name = declarator.childForFieldName('name')?.text;
  const indent = indentOf(ctx, declaration);
  if (!name || indent === undefined) return undefined;
  const br = eol(ctx);
  const at = positionOf(ctx, declaration.endIndex);
  return {
    title: JDBC_PARAMS.title,
    preferred: true,
    edits: [{ range: nodeRange(arg), newText: literal }, { range: { start: at, end: at }, newText: binds(ctx, name, values).map((b) => br + indent + b).join('') }],
  };
}

/**
 * `Statement st = conn.createStatement();` used by nothing but the rewritten call: its line
 * goes too, or the fix would leave a statement that is never closed.
 */
function unusedStatementRemoval(ctx: FileContext, receiver: SyntaxNode | null, scope: SyntaxNode): TextEdit[] {
  if (receiver?.type !== 'identifier') return [];
  const uses = scope.descendantsOfType('identifier').filter((n) => n?.text === receiver.text);
  const declarator = uses.find((n) => n?.parent?.type === 'variable_declarator' && n.parent.childForFieldName('name')?.id === n.id)?.parent;
  const declaration = declarator?.parent;
  if (uses.length !== 2 || !declarator || declaration?.type !== 'local_variable_declaration' || declaration.namedChildren.filter((c) => c?.type === 'variable_declarator').length !== 1) return [];
  const lineStart = ctx.text.lastIndexOf('\n', declaration.startIndex - 1) + 1;
  const next = ctx.text.indexOf('\n', declaration.endIndex);
  if (ctx.text.slice(lineStart, declaration.startIndex).trim() !== '' || next < 0 || ctx.text.slice(declaration.endIndex, next).trim() !== '') return [];
  return [{ range: { start: positionOf(ctx, lineStart), end: positionOf(ctx, next + 1) }, newText: '' }];
}

/** `st.executeQuery(sql)`: a PreparedStatement from the same connection, prepared and bound just before the statement. */
function statementFix(ctx: FileContext, call: SyntaxNode, method: string, conn: string, literal: string, values: SyntaxNode[] | undefined): Fix | undefined {
  if (!values) return undefined;
  const statement = statementOf(ctx, call);
  const scope = enclosingMethod(call);
  const indent = statement ? indentOf(ctx, statement) : undefined;
  if (!statement || !scope || indent === undefined) return undefined;
  const imported = importEdit(ctx, 'java.sql.PreparedStatement');
  if (!imported) return undefined;
  const name = freshName(scope, 'ps');
  const br = eol(ctx);
  const lines = [`PreparedStatement ${name} = ${conn}.prepareStatement(${literal});`, ...binds(ctx, name, values)];
  // One edit from the statement's start to the call's end: an insertion at the statement's
  // start and a replacement of a call that starts there too would touch.
  const between = ctx.text.slice(statement.startIndex, call.startIndex);
  const edits: TextEdit[] = [
    { range: { start: positionOf(ctx, statement.startIndex), end: positionOf(ctx, call.endIndex) }, newText: lines.map((l) => l + br + indent).join('') + between + `${name}.${method}()` },
    ...unusedStatementRemoval(ctx, call.childForFieldName('object'), scope),
    ...imported,
  ];
  return { title: JDBC_PARAMS.title, preferred: true, edits };
}

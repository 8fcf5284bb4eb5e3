/**
 * SQL built from values (`'SELECT … WHERE id = ' + id`, an f-string) as a parameterised
 * query: the values spliced into the query become bound parameters, in the placeholder
 * style of the file's database driver. The pack says which drivers use which style and
 * writes the call's new arguments (`sql, [values]`, `sql, (values,)`). A fix that cannot be
 * made exactly (an unknown driver, a value inside a larger SQL literal it cannot lift out)
 * is not offered.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import type { SinkHit } from '../taint/context';
import { flatten, Piece } from './pieces';

export interface PlaceholderStyle {
  /** The driver modules (as the file imports them) that use this style. */
  modules: ReadonlySet<string>;
  /** The placeholder of the n-th value (from 1): `?`, `$1`, `%s`. */
  placeholder(n: number): string;
}

/** The value a variable read at `use` was given by its only assignment in the function around it (the pack's reader), or undefined. */
export type QueryVariable = (ctx: FileContext, use: SyntaxNode) => SyntaxNode | undefined;

export interface ParameterizedQuery {
  call: SyntaxNode;
  /** The query argument (the first one, or the last). */
  arg: SyntaxNode;
  /** Where the SQL is built: the argument itself, or the value the query variable was given. */
  built: SyntaxNode;
  /** The call's positional arguments. */
  args: SyntaxNode[];
  sql: string;
  /** The source text of each bound value, in order. */
  values: string[];
}

/** The style of the one driver among the file's imports; undefined with none, or with drivers of two styles (which one runs the query is not known). */
function placeholderStyle(ctx: FileContext, styles: readonly PlaceholderStyle[]): PlaceholderStyle | undefined {
  // A module by its first dotted name (`mysql2.promise`), or by its whole import path (`github.com/lib/pq`).
  const modules = new Set([...ctx.bindings.imports.values()].flatMap((b) => [b.qualified.split('.')[0]!, b.qualified]));
  const used = styles.filter((s) => [...modules].some((m) => s.modules.has(m)));
  return used.length === 1 ? used[0] : undefined;
}

/**
 * Whether SQL ending in `before` expects a value next (a bound parameter fits), not a name
 * or a fragment: `ORDER BY ` + column, `FROM ` + table or `AND ` + condition would change
 * meaning as a parameter (sorting by a constant, a syntax error), so no fix is offered.
 */
function takesValue(before: string): boolean {
  const sql = before.replace(/'[^']*'|"[^"]*"/g, "''").trimEnd();
  if (/(?:[=<>]|\bLIKE|\bLIMIT|\bOFFSET|\bBETWEEN|\bBETWEEN\s+\S+\s+AND)$/i.test(sql)) return true;
  if (!/[(,]$/.test(sql)) return false;
  // Inside `IN (…)` or `VALUES (…)`: the innermost open parenthesis says which list this is.
  let depth = 0;
  for (let i = sql.length - 1; i >= 0; i--) {
    const c = sql[i];
    if (c === ')') depth++;
    else if (c === '(' && depth-- === 0) return /\b(?:IN|VALUES)\s*$/i.test(sql.slice(0, i));
  }
  return false;
}

/** SQL text with placeholders, and the expressions that become bound values, in order. */
function parameterize(pieces: Piece[], style: PlaceholderStyle): { sql: string; values: string[] } | undefined {
  let sql = '';
  const values: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if ('text' in p) {
      sql += p.text;
      continue;
    }
    const before = sql;
    const next = pieces[i + 1];
    const quote = /(['"])$/.exec(before)?.[1];
    if (quote) {
      // `'` + value + `'`: the quoted SQL literal becomes one bound value.
      if (!next || !('text' in next) || !next.text.startsWith(quote)) return undefined;
      sql = before.slice(0, -1);
      values.push(p.expr.text);
      sql += style.placeholder(values.length);
      pieces[i + 1] = { text: next.text.slice(1) };
    } else {
      if (/['"][^'"]*$/.test(before.replace(/'[^']*'|"[^"]*"/g, ''))) return undefined; // inside a larger literal
      if (!takesValue(before)) return undefined;
      values.push(p.expr.text);
      sql += style.placeholder(values.length);
    }
  }
  if (values.length === 0) return undefined;
  return { sql, values };
}

/** The query of a SQL sink call (its first argument, or the value of the query variable passed there) rewritten with placeholders, or undefined. */
export function parameterizedQuery(ctx: FileContext, hit: SinkHit, styles: readonly PlaceholderStyle[], variable?: QueryVariable, queryAt: 'first' | 'last' = 'first'): ParameterizedQuery | undefined {
  const arg = hit.arg;
  const call = hit.node;
  if (!arg || ctx.syntax.kind(call) !== 'call') return undefined;
  const args = ctx.adapter.positionalArgs(call);
  // `first`: the query opens the arguments (the values follow in a list); `last`: nothing is bound after it yet (`QueryContext(ctx, sql)`).
  if ((queryAt === 'first' ? args[0] : args[args.length - 1])?.id !== arg.id) return undefined;
  const style = placeholderStyle(ctx, styles);
  if (!style) return undefined;
  let built = arg;
  if (ctx.syntax.kind(arg) === 'name') {
    const value = variable?.(ctx, arg);
    if (!value || !onlyReadAt(ctx, value, arg)) return undefined;
    built = value;
  }
  const pieces: Piece[] = [];
  if (!flatten(ctx, built, pieces)) return undefined;
  const result = parameterize(pieces, style);
  if (!result) return undefined;
  if (built !== arg && valuesChangeBefore(ctx, pieces, built, arg)) return undefined;
  return { call, arg, built, args, ...result };
}

/**
 * The query variable is read by the call and nowhere else in the scope it shares with its
 * assignment: another reader (a second query, a log line) would get placeholders without values.
 */
function onlyReadAt(ctx: FileContext, value: SyntaxNode, use: SyntaxNode): boolean {
  const above = new Set<number>();
  for (let n: SyntaxNode | null = value; n; n = n.parent) above.add(n.id);
  let scope: SyntaxNode | null = use.parent;
  while (scope && !above.has(scope.id)) scope = scope.parent;
  if (!scope) return false;
  let names = 0;
  const stack: SyntaxNode[] = [scope];
  while (stack.length > 0 && names <= 2) {
    const n = stack.pop()!;
    if (n.text === use.text && ctx.syntax.kind(n) === 'name') names++;
    for (let i = 0; i < n.namedChildCount; i++) stack.push(n.namedChild(i)!);
  }
  return names === 2; // where it is assigned, and the call
}

/** A name in the bound values is assigned again between the query's assignment and the call: the values would be read later than they were. */
function valuesChangeBefore(ctx: FileContext, pieces: Piece[], built: SyntaxNode, use: SyntaxNode): boolean {
  const between = ctx.text.slice(built.endIndex, use.startIndex);
  const names = new Set(pieces.flatMap((p) => ('expr' in p ? p.expr.text.match(/[A-Za-z_$][\w$]*/g) ?? [] : [])));
  return [...names].some((name) => new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*(?:[-+*/%|&^]?=(?!=)|\\+\\+|--)|\\bfor\\s+${name.replace(/\$/g, '\\$')}\\b`).test(between));
}

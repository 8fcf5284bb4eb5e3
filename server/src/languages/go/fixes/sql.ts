/**
 * SQL parameters in Go: the drivers' placeholder styles (`$1` for PostgreSQL drivers, `?`
 * for MySQL and SQLite), and the values as the call's variadic arguments:
 * `db.Query("… WHERE id = " + id)` → `db.Query("… WHERE id = $1", id)`.
 */
import type { SyntaxNode } from '../../parser';
import type { FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import type { Fix } from '../../../engine/finding';
import type { SinkHit } from '../../../taint/context';
import { parameterizedQuery, PlaceholderStyle } from '../../../fixes/sqlParams';
import { SQL_PARAMS } from '../../../fixes/sharedEntries';
import { onlyAssignment } from '../declared';

const STYLES: PlaceholderStyle[] = [
  {
    modules: new Set(['github.com/lib/pq', 'github.com/jackc/pgx/v5/stdlib', 'github.com/jackc/pgx/v4/stdlib', 'github.com/jackc/pgx/v5', 'github.com/jackc/pgx/v4', 'github.com/jackc/pgx/v5/pgxpool']),
    placeholder: (n) => `$${n}`,
  },
  {
    modules: new Set(['github.com/go-sql-driver/mysql', 'github.com/mattn/go-sqlite3', 'modernc.org/sqlite', 'github.com/glebarez/go-sqlite']),
    placeholder: () => '?',
  },
];

/** The value a local read at `use` was given by its only assignment (`q := fmt.Sprintf(…)`), before the use. */
function valueOf(_ctx: FileContext, use: SyntaxNode): SyntaxNode | undefined {
  return onlyAssignment(use);
}

export function sqlParamsFix(ctx: FileContext, hit: SinkHit): Fix | undefined {
  const query = parameterizedQuery(ctx, hit, STYLES, valueOf, 'last');
  if (!query) return undefined;
  const literal = ctx.adapter.stringLiteral(query.sql, query.built.type === 'raw_string_literal' ? query.built : undefined);
  const values = query.values.join(', ');
  // A query variable keeps its name: its value gets the placeholders, the call the values.
  const edits =
    query.built === query.arg
      ? [{ range: nodeRange(query.arg), newText: `${literal}, ${values}` }]
      : [{ range: nodeRange(query.built), newText: literal }, { range: nodeRange(query.arg), newText: `${query.arg.text}, ${values}` }];
  return { title: SQL_PARAMS.title, preferred: true, edits };
}

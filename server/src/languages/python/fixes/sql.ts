/** SQL parameters in Python (DB-API): the drivers' placeholder styles, and `execute(sql, (values,))`. */
import type { FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import type { Fix } from '../../../engine/finding';
import type { SinkHit } from '../../../taint/context';
import { parameterizedQuery, PlaceholderStyle } from '../../../fixes/sqlParams';
import { SQL_PARAMS } from '../../../fixes/sharedEntries';
import { containmentSyntax } from './paths';

const STYLES: PlaceholderStyle[] = [
  { modules: new Set(['sqlite3', 'aiosqlite']), placeholder: () => '?' },
  { modules: new Set(['psycopg2', 'psycopg', 'pymysql', 'MySQLdb', 'mysql', 'django']), placeholder: () => '%s' },
];

export function sqlParamsFix(ctx: FileContext, hit: SinkHit): Fix | undefined {
  const query = parameterizedQuery(ctx, hit, STYLES, containmentSyntax.onlyAssignment);
  // The values are the second argument: none may be there already.
  if (!query || query.args[1] || ctx.adapter.keywordArgs(query.call).size > 0) return undefined;
  const tuple = query.values.length === 1 ? `(${query.values[0]},)` : `(${query.values.join(', ')})`;
  const literal = ctx.adapter.stringLiteral(query.sql, undefined);
  // A query variable keeps its name: its value gets the placeholders, the call the values.
  const edits =
    query.built === query.arg
      ? [{ range: nodeRange(query.arg), newText: `${literal}, ${tuple}` }]
      : [{ range: nodeRange(query.built), newText: literal }, { range: nodeRange(query.arg), newText: `${query.arg.text}, ${tuple}` }];
  return { title: SQL_PARAMS.title, preferred: true, edits };
}

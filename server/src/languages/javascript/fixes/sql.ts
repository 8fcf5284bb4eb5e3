/** SQL parameters in JavaScript: the drivers' placeholder styles, and `query(sql, [values], callback?)`. */
import type { FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import type { Fix } from '../../../engine/finding';
import type { SinkHit } from '../../../taint/context';
import { parameterizedQuery, PlaceholderStyle } from '../../../fixes/sqlParams';
import { SQL_PARAMS } from '../../../fixes/sharedEntries';
import { containmentSyntax } from './paths';

const STYLES: PlaceholderStyle[] = [
  { modules: new Set(['pg', 'postgres', 'pg-promise']), placeholder: (n) => `$${n}` },
  { modules: new Set(['mysql', 'mysql2', 'mysql2/promise', 'sqlite3', 'better-sqlite3', 'knex', 'sqlite']), placeholder: () => '?' },
];

/** A callback may follow the query; the values go between them. */
const CALLBACKS = new Set(['arrow_function', 'function_expression', 'function']);

export function sqlParamsFix(ctx: FileContext, hit: SinkHit): Fix | undefined {
  const query = parameterizedQuery(ctx, hit, STYLES, containmentSyntax.onlyAssignment);
  if (!query) return undefined;
  const second = query.args[1];
  if (second && !CALLBACKS.has(second.type)) return undefined;
  const literal = ctx.adapter.stringLiteral(query.sql, query.built.type === 'string' ? query.built : undefined);
  const values = `[${query.values.join(', ')}]`;
  // A query variable keeps its name: its value gets the placeholders, the call the values.
  const edits =
    query.built === query.arg
      ? [{ range: nodeRange(query.arg), newText: `${literal}, ${values}` }]
      : [{ range: nodeRange(query.built), newText: literal }, { range: nodeRange(query.arg), newText: `${query.arg.text}, ${values}` }];
  return { title: SQL_PARAMS.title, preferred: true, edits };
}

/** Which `sanitizers` row a call made here matches, for the walk and for pattern rules' `sanitized` tests. */
import type { SyntaxNode } from '../languages/parser';
import type { KeywordArg } from '../languages/syntax';
import type { FileContext } from '../engine/fileContext';
import { testValue } from '../engine/valueTests';
import type { SanitizerModel, TaintModels } from './models';
import { importsModule } from './units';

/**
 * The first sanitizer row for the call (or `new`) `node` to `qualified` that applies here: its
 * module imported, and its `when` conditions on the arguments holding
 * (`name.replaceAll("[\\\\/]", "")` removes the separators, `name.replaceAll("\\s", "")` does not).
 */
export function sanitizerRowFor(ctx: FileContext, models: TaintModels, qualified: string, node: SyntaxNode): SanitizerModel | undefined {
  let args: SyntaxNode[] | undefined;
  let options: Map<string, KeywordArg> | undefined;
  return models.sanitizerIndex.find(qualified).find((row) => {
    if (row.module && !importsModule(ctx, row.module)) return false;
    for (const [k, test] of row.when ?? []) {
      // A key that is a number names a positional argument, as in a sink's `when`.
      const value = /^\d+$/.test(k) ? (args ??= ctx.adapter.positionalArgs(node))[Number(k)] : (options ??= ctx.adapter.keywordArgs(node)).get(k)?.value;
      if (!testValue(ctx, value, test)) return false;
    }
    return true;
  });
}

/** Data passed to `eval` in Python is parsed with `ast.literal_eval` instead (literals only; see fixes/dataEval.ts). */
import { nodeRange } from '../../../engine/fileContext';
import type { DataEvalSyntax } from '../../../fixes/dataEval';
import type { FixEntry } from '../../packFixes';
import { pyImport } from './placement';

export const LITERAL_EVAL: FixEntry = {
  title: 'Parse the value as a Python literal (ast.literal_eval) instead of running it',
  when: 'eval gets a value read from somewhere, its result is used as a value, and nothing names it as code',
};

export const dataEvalSyntax: DataEvalSyntax = {
  evals: new Set(['eval', 'builtins.eval']),
  through: new Set(['parenthesized_expression']),
  valueParents: new Set(['assignment', 'return_statement', 'argument_list', 'pair', 'list', 'tuple', 'subscript', 'attribute', 'keyword_argument', 'augmented_assignment']),
  reads: new Set(['identifier', 'attribute', 'subscript', 'call']),
  parenthesizedIdiom: false,
  parse(ctx, call, data) {
    const ast = pyImport(ctx, 'ast');
    if (!ast) return undefined;
    return {
      title: LITERAL_EVAL.title,
      preferred: true,
      edits: [{ range: nodeRange(call), newText: `${ast.local}.literal_eval(${data.text})` }, ...ast.edits],
    };
  },
};

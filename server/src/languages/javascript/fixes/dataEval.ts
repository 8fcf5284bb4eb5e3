/** Data passed to `eval` in JavaScript is parsed with `JSON.parse` instead (see fixes/dataEval.ts). */
import { nodeRange } from '../../../engine/fileContext';
import type { DataEvalSyntax } from '../../../fixes/dataEval';
import type { FixEntry } from '../../packFixes';

export const JSON_PARSE: FixEntry = {
  title: 'Parse the value as JSON (JSON.parse) instead of running it',
  when: 'eval gets a value read from somewhere, its result is used as a value, and nothing names it as code',
};

export const dataEvalSyntax: DataEvalSyntax = {
  evals: new Set(['eval', 'window.eval', 'globalThis.eval', 'global.eval', 'self.eval']),
  through: new Set(['parenthesized_expression', 'await_expression']),
  valueParents: new Set(['variable_declarator', 'assignment_expression', 'return_statement', 'arguments', 'pair', 'array', 'subscript_expression', 'member_expression']),
  reads: new Set(['identifier', 'member_expression', 'subscript_expression', 'call_expression']),
  parenthesizedIdiom: true,
  parse: (_ctx, call, data) => ({ title: JSON_PARSE.title, preferred: true, edits: [{ range: nodeRange(call), newText: `JSON.parse(${data.text})` }] }),
};

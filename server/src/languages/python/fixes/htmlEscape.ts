/**
 * Escaping HTML in Python: `html.escape(str(x))` (the module imported where the name is
 * free). Besides the pieces of concatenations and f-strings, the values of `"…%s…" % (a, b)`
 * and `"…{}…".format(a, b)` are escaped one by one.
 */
import type { SyntaxNode } from '../../parser';
import type { FileContext } from '../../../engine/fileContext';
import type { HtmlEscaper } from '../../../fixes/htmlEscape';
import { usesIdentifier } from '../../../fixes/placement';
import { pyImport } from './placement';

function formatValues(ctx: FileContext, arg: SyntaxNode): SyntaxNode[] | false | undefined {
  if (arg.type === 'binary_operator' && arg.childForFieldName('operator')?.text === '%') {
    const format = ctx.adapter.constantValue(arg.childForFieldName('left')!, ctx.bindings);
    const right = arg.childForFieldName('right')!;
    if (typeof format !== 'string' || /%\(/.test(format)) return false;
    const values = right.type === 'tuple' ? right.namedChildren.filter((c): c is SyntaxNode => !!c) : [right];
    return values.length === (format.replace(/%%/g, '').match(/%[sdir]/g) ?? []).length && /%[^sdir%]/.test(format.replace(/%%/g, '')) === false ? values : false;
  }
  if (arg.type === 'call') {
    const callee = ctx.adapter.callee(arg);
    if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'format' && typeof ctx.adapter.constantValue(callee.childForFieldName('object')!, ctx.bindings) === 'string') {
      const list = arg.childForFieldName('arguments');
      const values = (list?.namedChildren ?? []).filter((c): c is SyntaxNode => !!c).map((c) => (c.type === 'keyword_argument' ? c.childForFieldName('value') : c));
      if (values.some((v) => !v || v.type === 'list_splat' || v.type === 'dictionary_splat')) return false;
      return values as SyntaxNode[];
    }
  }
  return undefined;
}

export const htmlEscaper: HtmlEscaper = {
  applies: () => true,
  formatValues,
  escaper(ctx) {
    // `html` is a common variable name; the module is added only where the name is free.
    const bound = [...ctx.bindings.imports].find(([, b]) => b.qualified === 'html' && !b.inList)?.[0];
    if (!bound && usesIdentifier(ctx, 'html')) return undefined;
    const imported = bound ? { local: bound, edits: [] } : pyImport(ctx, 'html');
    if (!imported) return undefined;
    const call = `${imported.local}.escape`;
    return { wrap: (v) => `${call}(str(${v.text}))`, edits: imported.edits };
  },
};

/**
 * Escaping values written into a servlet's HTML in Java: with the encoder the file already
 * uses (Spring's `HtmlUtils.htmlEscape`, OWASP's `Encode.forHtml`, commons-text's
 * `StringEscapeUtils.escapeHtml4`), or Spring's when the file uses Spring. A file that
 * uses none of them gets no fix: adding a library is the project's decision.
 */
import type { SyntaxNode } from '../../parser';
import type { FileContext } from '../../../engine/fileContext';
import { importEdit } from '../../../engine/fixEdits';
import type { HtmlEscaper } from '../../../fixes/htmlEscape';

const ENCODERS: { cls: string; call: string; uses: RegExp }[] = [
  { cls: 'org.springframework.web.util.HtmlUtils', call: 'HtmlUtils.htmlEscape', uses: /^org\.springframework\./ },
  { cls: 'org.owasp.encoder.Encode', call: 'Encode.forHtml', uses: /^org\.owasp\.encoder\./ },
  { cls: 'org.apache.commons.text.StringEscapeUtils', call: 'StringEscapeUtils.escapeHtml4', uses: /^org\.apache\.commons\.text\./ },
];

/** Values the encoders take as they are: text. Anything else goes through String.valueOf. */
function isText(ctx: FileContext, value: SyntaxNode): boolean {
  if (value.type === 'string_literal') return true;
  if (value.type === 'identifier') {
    const type = ctx.adapter.qualify(value, ctx.bindings);
    return type === 'java.lang.String' || type === 'String';
  }
  return value.type === 'method_invocation' && /^(?:getParameter|getHeader|getQueryString|getPathInfo|getRequestURI|toString|trim|substring|toLowerCase|toUpperCase)$/.test(value.childForFieldName('name')?.text ?? '');
}

export const javaHtmlEscaper: HtmlEscaper = {
  applies: () => true,
  escaper(ctx) {
    const imports = [...ctx.bindings.imports.values()].map((b) => b.qualified);
    const encoder = ENCODERS.find((e) => imports.some((q) => q === e.cls)) ?? ENCODERS.find((e) => imports.some((q) => e.uses.test(q)));
    if (!encoder) return undefined;
    const edits = importEdit(ctx, encoder.cls);
    if (!edits) return undefined;
    return { wrap: (v) => `${encoder.call}(${isText(ctx, v) ? v.text : `String.valueOf(${v.text})`})`, edits };
  },
};

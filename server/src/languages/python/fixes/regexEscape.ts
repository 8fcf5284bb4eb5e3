/** Escaping for `re.compile(x)`: `re.escape`, through the name the file imported the module under. */
import type { RegexEscaper } from '../../../fixes/regexEscape';

export const regexEscaper: RegexEscaper = {
  escape(ctx) {
    for (const [local, b] of ctx.bindings.imports) if (b.qualified === 're' && local !== 're.escape') return { wrap: (t) => `${local}.escape(${t})`, edits: [] };
    return undefined;
  },
};

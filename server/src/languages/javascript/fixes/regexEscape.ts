/** Escaping for `new RegExp(x)`: lodash's escapeRegExp where lodash is imported, else a small helper at the end of the file (function declarations are hoisted). */
import type { RegexEscaper } from '../../../fixes/regexEscape';
import { fileEnds } from '../../../fixes/safeRedirect';
import { isTyped } from './placement';

const NAME = 'escapeRegExp';

export const regexEscaper: RegexEscaper = {
  escape(ctx) {
    for (const [local, b] of ctx.bindings.imports) if (b.qualified === 'lodash' || b.qualified === 'lodash.escapeRegExp') return { wrap: (t) => `${b.qualified === 'lodash' ? `${local}.${NAME}` : local}(${t})`, edits: [] };
    const ends = fileEnds(ctx);
    // A function of that name is a regex sanitizer by name (the models): the file's own is used.
    if (ends.mentions(NAME)) return { wrap: (t) => `${NAME}(${t})`, edits: [] };
    const typed = isTyped(ctx);
    const helper = String.raw`

// Escapes every character a regular expression gives a meaning to, so the text matches itself.
function ${NAME}(text${typed ? ': unknown): string' : ')'} {
  return String(text).replace(/[.*+?^${'$'}{}()|[\]\\]/g, '\\$&');
}
`;
    return { wrap: (t) => `${NAME}(${t})`, edits: [{ range: { start: ends.endOfCode(), end: ends.endOfFile() }, newText: helper }] };
  },
};

/**
 * A RegExp whose matching runs on RE2 (the `re2js` port: automata, no backtracking), so
 * its time is linear in the input whatever the pattern. It is a real RegExp subclass:
 * `test`, `exec`, `lastIndex`, `source`, `flags` and the String methods work as usual
 * (they all go through `exec`). Lookarounds and backreferences have no linear-time
 * form: constructing one with them throws NotLinear.
 */
import { RE2JS } from 're2js';
import { NotLinear, toRe2 } from './regex/re2Syntax';
import { parseRegex } from './regex/syntax';

export { NotLinear } from './regex/re2Syntax';

export class LinearRegExp extends RegExp {
  private readonly re2: RE2JS;

  constructor(pattern: string | RegExp, flags?: string) {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    const flagText = flags ?? (typeof pattern === 'string' ? '' : pattern.flags);
    super(source, flagText);
    const parsed = parseRegex(source, flagText.replace(/[dg]/g, ''));
    let re2Flags = 0;
    if (parsed.flags.ignoreCase) re2Flags |= RE2JS.CASE_INSENSITIVE;
    if (parsed.flags.multiline) re2Flags |= RE2JS.MULTILINE;
    try {
      this.re2 = RE2JS.compile(toRe2(parsed), re2Flags);
    } catch (err) {
      if (err instanceof NotLinear) throw err;
      throw new NotLinear(`a pattern RE2 refuses (${(err as Error).message})`, 0);
    }
  }

  override exec(input: string): RegExpExecArray | null {
    const text = String(input);
    const keepsPlace = this.global || this.sticky;
    const from = keepsPlace ? this.lastIndex : 0;
    const fail = (): null => {
      if (keepsPlace) this.lastIndex = 0;
      return null;
    };
    if (from > text.length) return fail();
    const m = this.re2.matcher(text);
    if (!m.find(from) || (this.sticky && m.start() !== from)) return fail();
    const groups: (string | undefined)[] = [];
    for (let g = 0; g <= this.re2.groupCount(); g++) {
      const s = m.start(g);
      groups.push(s < 0 ? undefined : text.slice(s, m.end(g)));
    }
    const result = Object.assign(groups, { index: m.start(), input: text, groups: undefined }) as unknown as RegExpExecArray;
    if (keepsPlace) this.lastIndex = m.end();
    return result;
  }
}

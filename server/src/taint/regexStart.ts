/**
 * What a regular expression tested at the start of a string (`/^\/(?![/\\])/.test(x)`,
 * `re.match(r"/[a-z]", x)`) proves about how the string begins: the literal text every
 * match starts with, and which characters cannot come right after it. Only the common
 * shapes are read (literal text, then a class, a negative lookahead or the end); anything
 * else gives a weaker answer (a shorter prefix, fewer exclusions), never a wrong one.
 *
 * Only the characters that decide whether a URL leaves the site are tracked after the
 * prefix: `/` and `\` (browsers read `/\evil` as `//evil`) and the tab and newlines that
 * URL parsers drop (`/\t/evil` is `//evil` too).
 */

export const DANGEROUS: readonly string[] = ['/', '\\', '\t', '\n', '\r'];

export interface RegexStart {
  /** Text every matching string starts with. */
  prefix: string;
  /** Beginnings no matching string has (`//`, `/\`): the prefix plus a character ruled out after it. */
  excludes: string[];
  /**
   * Beginnings a string that does not match surely lacks: set when the regex says nothing
   * but "starts with this" (a literal, maybe ending in a class), so `!/^\/\//.test(x)`
   * proves that `x` does not start with `//`.
   */
  failureExcludes?: string[];
}

/** Which of the DANGEROUS characters a class-like token surely matches, and whether it may match others of them. */
interface CharSet {
  sure: Set<string>;
  unsure: boolean;
}

type Token =
  | { kind: 'char'; ch: string }
  | { kind: 'set'; set: CharSet }
  | { kind: 'lookahead'; negative: boolean; body: string }
  | { kind: 'quantifier' }
  | { kind: 'end' }
  | { kind: 'other' };

const NONE = (): CharSet => ({ sure: new Set(), unsure: false });
const ALL = (): CharSet => ({ sure: new Set(DANGEROUS), unsure: false });
const UNKNOWN = (): CharSet => ({ sure: new Set(), unsure: true });

/** `\d`-style class escapes, for the DANGEROUS characters only. */
function classEscape(letter: string): CharSet | undefined {
  switch (letter) {
    case 'd':
    case 'w':
      return NONE();
    case 'D':
    case 'W':
      return ALL();
    case 's':
      return { sure: new Set(['\t', '\n', '\r']), unsure: false };
    case 'S':
      return { sure: new Set(['/', '\\']), unsure: false };
    default:
      return undefined;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v', '0': '\0' };

/** An escape at `i` (pointing at the backslash): the character it stands for, or a class, and its length. */
function escapeAt(p: string, i: number): { ch?: string; set?: CharSet; length: number } {
  const c = p[i + 1];
  if (c === undefined) return { set: UNKNOWN(), length: 1 };
  const set = classEscape(c);
  if (set) return { set, length: 2 };
  if (SIMPLE_ESCAPES[c] !== undefined) return { ch: SIMPLE_ESCAPES[c], length: 2 };
  const hex = c === 'x' ? /^[0-9a-fA-F]{2}/.exec(p.slice(i + 2)) : c === 'u' ? /^[0-9a-fA-F]{4}/.exec(p.slice(i + 2)) : null;
  if (hex) return { ch: String.fromCharCode(parseInt(hex[0], 16)), length: 2 + hex[0].length };
  // Escaped punctuation is itself; other letters (`\b`, `\p{…}`, back-references) are not read.
  if (/[^A-Za-z0-9]/.test(c)) return { ch: c, length: 2 };
  return { set: UNKNOWN(), length: 2 };
}

/** `[…]` at `i`: which DANGEROUS characters it matches, and its length; undefined when unreadable. */
function classAt(p: string, i: number): { set: CharSet; length: number } | undefined {
  let j = i + 1;
  const negated = p[j] === '^';
  if (negated) j++;
  if (p[j] === ']') return undefined; // `[]…]` differs between JS and Python
  const inside = NONE();
  let prev: string | undefined;
  for (; j < p.length && p[j] !== ']'; ) {
    let ch: string | undefined;
    if (p[j] === '\\') {
      const e = escapeAt(p, j);
      j += e.length;
      if (e.set) {
        for (const d of e.set.sure) inside.sure.add(d);
        inside.unsure ||= e.set.unsure;
        prev = undefined;
        continue;
      }
      ch = e.ch;
    } else if (p[j] === '[') {
      return undefined; // POSIX classes, nested sets
    } else ch = p[j++];
    if (ch === '-' && prev !== undefined && p[j] !== ']' && p[j] !== undefined) {
      // A range `prev-next`.
      let next: string | undefined;
      if (p[j] === '\\') {
        const e = escapeAt(p, j);
        j += e.length;
        next = e.ch;
      } else next = p[j++];
      if (next === undefined) {
        inside.unsure = true;
      } else {
        for (const d of DANGEROUS) if (d >= prev && d <= next) inside.sure.add(d);
      }
      prev = undefined;
      continue;
    }
    if (ch !== undefined && DANGEROUS.includes(ch)) inside.sure.add(ch);
    prev = ch;
  }
  if (p[j] !== ']') return undefined;
  const length = j + 1 - i;
  if (!negated) return { set: inside, length };
  // `[^…]` matches exactly the DANGEROUS characters not listed; unsure when the list was.
  if (inside.unsure) return { set: { sure: new Set(), unsure: true }, length };
  return { set: { sure: new Set(DANGEROUS.filter((d) => !inside.sure.has(d))), unsure: false }, length };
}

/** The body of a group starting at `i` (at `(`) and the group's length, honouring escapes, classes and nesting. */
function groupAt(p: string, i: number): { body: string; length: number } | undefined {
  let depth = 0;
  for (let j = i; j < p.length; j++) {
    const c = p[j];
    if (c === '\\') j++;
    else if (c === '[') {
      const cls = classAt(p, j);
      if (!cls) return undefined;
      j += cls.length - 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return { body: p.slice(i, j + 1), length: j + 1 - i };
  }
  return undefined;
}

function tokenAt(p: string, i: number): { token: Token; length: number } {
  const c = p[i]!;
  if (c === '\\') {
    const e = escapeAt(p, i);
    return { token: e.set ? { kind: 'set', set: e.set } : { kind: 'char', ch: e.ch! }, length: e.length };
  }
  if (c === '[') {
    const cls = classAt(p, i);
    return cls ? { token: { kind: 'set', set: cls.set }, length: cls.length } : { token: { kind: 'other' }, length: 1 };
  }
  if (c === '.') return { token: { kind: 'set', set: { sure: new Set(['/', '\\', '\t']), unsure: true } }, length: 1 };
  if (c === '$') return { token: { kind: 'end' }, length: 1 };
  if (c === '*' || c === '+' || c === '?' || c === '{') return { token: { kind: 'quantifier' }, length: 1 };
  if (c === '(') {
    const g = groupAt(p, i);
    if (g && (g.body.startsWith('(?!') || g.body.startsWith('(?='))) {
      return { token: { kind: 'lookahead', negative: g.body[2] === '!', body: g.body.slice(3, -1) }, length: g.length };
    }
    return { token: { kind: 'other' }, length: 1 };
  }
  if (c === '|' || c === '^' || c === ')') return { token: { kind: 'other' }, length: 1 };
  return { token: { kind: 'char', ch: c }, length: 1 };
}

function tokens(p: string, from: number): Token[] {
  const out: Token[] = [];
  for (let i = from; i < p.length && out.length < 200; ) {
    const { token, length } = tokenAt(p, i);
    out.push(token);
    i += length;
  }
  return out;
}

/**
 * The beginnings a negative lookahead's body rules out: each alternative read as literal
 * text, maybe ending in a class (`\/|\\`, `[/\\]`, `\/\/`). Unreadable alternatives rule out nothing.
 */
function lookaheadExcludes(body: string): string[] {
  const out: string[] = [];
  for (const alternative of splitTopLevel(body)) {
    let literal = '';
    let ok = true;
    const toks = tokens(alternative, 0);
    for (let k = 0; k < toks.length && ok; k++) {
      const t = toks[k]!;
      if (t.kind === 'char') literal += t.ch;
      else if (t.kind === 'set' && k === toks.length - 1) {
        for (const d of t.set.sure) out.push(literal + d);
        ok = false;
        literal = '';
      } else ok = false;
    }
    if (ok && literal !== '') out.push(literal);
  }
  return out;
}

/** `a|b` split at its top-level bars (not inside groups or classes). */
function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < body.length; j++) {
    const c = body[j];
    if (c === '\\') j++;
    else if (c === '[') {
      const cls = classAt(body, j);
      if (!cls) return [];
      j += cls.length - 1;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(body.slice(start, j));
      start = j + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/**
 * Reads a pattern matched at the start of a string. `implicitStart`: the call anchors it
 * (Python's `re.match`); otherwise it must begin with `^`. Patterns with inline flags or
 * a top-level alternation are not read.
 */
export function regexStart(pattern: string, implicitStart: boolean): RegexStart | undefined {
  if (/\(\?[a-zA-Z]/.test(pattern) || splitTopLevel(pattern).length !== 1) return undefined;
  let from = 0;
  if (pattern.startsWith('^')) from = 1;
  else if (!implicitStart) return undefined;
  const toks = tokens(pattern, from);
  let prefix = '';
  let k = 0;
  for (; k < toks.length && toks[k]!.kind === 'char'; k++) {
    if (toks[k + 1]?.kind === 'quantifier') break;
    prefix += (toks[k] as { ch: string }).ch;
  }
  const excludes: string[] = [];
  const rest = toks.slice(k);
  const next = rest[0];
  const optional = rest[1]?.kind === 'quantifier';
  if (!next) return { prefix, excludes, failureExcludes: [prefix] };
  if (next.kind === 'end') {
    for (const d of DANGEROUS) excludes.push(prefix + d);
  } else if (next.kind === 'set' && !optional) {
    if (!next.set.unsure) for (const d of DANGEROUS) if (!next.set.sure.has(d)) excludes.push(prefix + d);
    if (rest.length === 1) return { prefix, excludes, failureExcludes: [...next.set.sure].map((d) => prefix + d) };
  } else if (next.kind === 'lookahead' && next.negative && !optional) {
    for (let j = 0; j < rest.length && rest[j]!.kind === 'lookahead'; j++) {
      const la = rest[j] as { negative: boolean; body: string };
      if (la.negative) for (const e of lookaheadExcludes(la.body)) excludes.push(prefix + e);
    }
  }
  return { prefix, excludes };
}

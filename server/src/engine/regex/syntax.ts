/**
 * A parser for JavaScript regular expressions (the syntax `new RegExp(source, flags)`
 * accepts, Annex B included when there is no `u`/`v` flag), producing a tree with source
 * offsets for the safety analysis and for translation to RE2 syntax.
 */
import { CharSet, DIGIT, LINE_TERMINATORS, SPACE, WORD } from './charSet';

export type Node =
  /** `complementOf`: a negated class, kept as written so case folding can apply before the negation. */
  | { type: 'char'; set: CharSet; complementOf?: CharSet; start: number; end: number }
  | { type: 'seq'; items: Node[]; start: number; end: number }
  | { type: 'alt'; alts: Node[]; start: number; end: number }
  | { type: 'group'; capture: boolean; name?: string; body: Node; start: number; end: number }
  | { type: 'repeat'; body: Node; min: number; max: number; lazy: boolean; start: number; end: number }
  | { type: 'assert'; kind: 'start' | 'end' | 'word' | 'notword'; start: number; end: number }
  | { type: 'look'; behind: boolean; negative: boolean; body: Node; start: number; end: number }
  | { type: 'backref'; start: number; end: number };

export interface Flags {
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
  unicode: boolean;
  sticky: boolean;
}

export interface Parsed {
  root: Node;
  flags: Flags;
  groups: number;
  /** The largest character: 0xFFFF (UTF-16 units), or 0x10FFFF with `u`. */
  maxChar: number;
}

export class RegexSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at offset ${offset}`);
  }
}

export function parseFlags(flags: string): Flags {
  if (/[^dgimsuyv]/.test(flags) || new Set(flags).size !== flags.length) throw new RegexSyntaxError(`invalid flags "${flags}"`, 0);
  if (flags.includes('v')) throw new RegexSyntaxError('the v flag is not supported', 0);
  return { ignoreCase: flags.includes('i'), multiline: flags.includes('m'), dotAll: flags.includes('s'), unicode: flags.includes('u'), sticky: flags.includes('y') };
}

export function parseRegex(source: string, flagText = ''): Parsed {
  const flags = parseFlags(flagText);
  const p = new Parser(source, flags);
  const root = p.parse();
  return { root, flags, groups: p.groupCount, maxChar: p.maxChar };
}

const HEX = /^[0-9a-fA-F]$/;

class Parser {
  private i = 0;
  groupCount = 0;
  readonly maxChar: number;
  private readonly totalGroups: number;
  private readonly namedGroups: boolean;

  constructor(private readonly src: string, private readonly flags: Flags) {
    this.maxChar = flags.unicode ? 0x10ffff : 0xffff;
    // Backreference or octal escape depends on how many groups the whole pattern has.
    this.totalGroups = countGroups(src);
    this.namedGroups = flags.unicode || /\(\?<[^=!]/.test(src);
  }

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new RegexSyntaxError(`unmatched "${this.src[this.i]}"`, this.i);
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.i + offset];
  }

  private alternation(): Node {
    const start = this.i;
    const alts = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0]! : { type: 'alt', alts, start, end: this.i };
  }

  private sequence(): Node {
    const start = this.i;
    const items: Node[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atomStart = this.i;
      const atom = this.atom();
      items.push(this.quantified(atom, atomStart));
    }
    return items.length === 1 ? items[0]! : { type: 'seq', items, start, end: this.i };
  }

  private quantified(atom: Node, start: number): Node {
    let node = atom;
    for (;;) {
      const q = this.quantifier();
      if (!q) return node;
      if (node.type === 'assert' || (node.type === 'look' && (node.behind || this.flags.unicode))) {
        throw new RegexSyntaxError('nothing to repeat', start);
      }
      if (node.type === 'repeat') throw new RegexSyntaxError('nothing to repeat', this.i);
      const lazy = this.peek() === '?';
      if (lazy) this.i++;
      node = { type: 'repeat', body: node, min: q.min, max: q.max, lazy, start, end: this.i };
    }
  }

  private quantifier(): { min: number; max: number } | undefined {
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      return c === '*' ? { min: 0, max: Infinity } : c === '+' ? { min: 1, max: Infinity } : { min: 0, max: 1 };
    }
    if (c !== '{') return undefined;
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
    if (!m) {
      if (this.flags.unicode) throw new RegexSyntaxError('incomplete quantifier', this.i);
      return undefined; // a literal "{" (Annex B)
    }
    this.i += m[0].length;
    const min = Number(m[1]);
    const max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
    if (max < min) throw new RegexSyntaxError('numbers out of order in quantifier', this.i - m[0].length);
    return { min, max };
  }

  private atom(): Node {
    const start = this.i;
    const c = this.src[this.i]!;
    switch (c) {
      case '^':
        this.i++;
        return { type: 'assert', kind: 'start', start, end: this.i };
      case '$':
        this.i++;
        return { type: 'assert', kind: 'end', start, end: this.i };
      case '.':
        this.i++;
        return this.char(this.flags.dotAll ? CharSet.of([[0, this.maxChar]]) : LINE_TERMINATORS.negate(this.maxChar), start);
      case '(':
        return this.group();
      case '[': {
        const cls = this.charClass();
        return { ...this.char(cls.set, start), ...(cls.complementOf ? { complementOf: cls.complementOf } : {}) } as Node;
      }
      case '\\':
        return this.atomEscape();
      case '*':
      case '+':
      case '?':
        throw new RegexSyntaxError('nothing to repeat', start);
      case '{':
        if (this.flags.unicode || /^\{\d+(,\d*)?\}/.test(this.src.slice(this.i))) throw new RegexSyntaxError('nothing to repeat', start);
        break;
      case ')':
        throw new RegexSyntaxError('unmatched ")"', start);
      case ']':
      case '}':
        if (this.flags.unicode) throw new RegexSyntaxError(`lone "${c}"`, start);
        break;
    }
    const cp = this.readSourceChar();
    return this.char(CharSet.char(cp), start);
  }

  /** One character of the pattern text: a code point with `u`, a UTF-16 unit without. */
  private readSourceChar(): number {
    const cp = this.flags.unicode ? this.src.codePointAt(this.i)! : this.src.charCodeAt(this.i);
    this.i += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private char(set: CharSet, start: number): Node {
    // Case folding is left to the users of the tree: the analysis widens the set, RE2 gets `(?i)`.
    return { type: 'char', set, start, end: this.i };
  }

  private group(): Node {
    const start = this.i;
    this.i++; // (
    let capture = true;
    let name: string | undefined;
    let look: { behind: boolean; negative: boolean } | undefined;
    if (this.peek() === '?') {
      const rest = this.src.slice(this.i + 1);
      if (rest.startsWith(':')) {
        capture = false;
        this.i += 2;
      } else if (rest.startsWith('=') || rest.startsWith('!')) {
        look = { behind: false, negative: rest[0] === '!' };
        this.i += 2;
      } else if (rest.startsWith('<=') || rest.startsWith('<!')) {
        look = { behind: true, negative: rest[1] === '!' };
        this.i += 3;
      } else if (rest.startsWith('<')) {
        const m = /^<([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)>/u.exec(rest);
        if (!m) throw new RegexSyntaxError('invalid group name', this.i);
        name = m[1];
        this.i += 1 + m[0].length;
      } else {
        // Modifiers `(?i:…)`, `(?-i:…)`: analysed as a plain group; ignore-case is then assumed throughout.
        const m = /^([ims]*)(?:-([ims]*))?:/.exec(rest);
        if (!m || (!m[1] && !m[2])) throw new RegexSyntaxError('invalid group', this.i);
        if (m[1]!.includes('i') || m[2]?.includes('i')) throw new RegexSyntaxError('case modifiers in groups are not supported', this.i);
        capture = false;
        this.i += 1 + m[0].length;
      }
    }
    if (capture) this.groupCount++;
    const body = this.alternation();
    if (this.peek() !== ')') throw new RegexSyntaxError('unterminated group', start);
    this.i++;
    if (look) return { type: 'look', ...look, body, start, end: this.i };
    return { type: 'group', capture, name, body, start, end: this.i };
  }

  private atomEscape(): Node {
    const start = this.i;
    this.i++; // backslash
    const c = this.peek();
    if (c === undefined) throw new RegexSyntaxError('\\ at end of pattern', start);
    if (c === 'b' || c === 'B') {
      this.i++;
      return { type: 'assert', kind: c === 'b' ? 'word' : 'notword', start, end: this.i };
    }
    if (/[1-9]/.test(c)) {
      const m = /^\d+/.exec(this.src.slice(this.i))!;
      if (this.flags.unicode || Number(m[0]) <= this.totalGroups) {
        this.i += m[0].length;
        return { type: 'backref', start, end: this.i };
      }
    }
    if (c === 'k' && this.namedGroups) {
      const m = /^k<([^>]+)>/.exec(this.src.slice(this.i));
      if (!m) throw new RegexSyntaxError('invalid named reference', start);
      this.i += m[0].length;
      return { type: 'backref', start, end: this.i };
    }
    return this.char(this.escapeSet(false), start);
  }

  /** The escape after a backslash (already consumed), in or outside a class. */
  private escapeSet(inClass: boolean): CharSet {
    const start = this.i - 1;
    const c = this.src[this.i]!;
    this.i++;
    switch (c) {
      case 'd':
        return DIGIT;
      case 'D':
        return DIGIT.negate(this.maxChar);
      case 'w':
        return WORD;
      case 'W':
        return WORD.negate(this.maxChar);
      case 's':
        return SPACE;
      case 'S':
        return SPACE.negate(this.maxChar);
      case 'p':
      case 'P':
        if (!this.flags.unicode) return CharSet.char(c.charCodeAt(0));
        {
          const m = /^\{[^}]*\}/.exec(this.src.slice(this.i));
          if (!m) throw new RegexSyntaxError('invalid property escape', start);
          this.i += m[0].length;
          // Which characters a property holds is not tabulated here: any character is a safe over-estimate.
          return CharSet.of([[0, this.maxChar]]);
        }
      case 'n':
        return CharSet.char(0x0a);
      case 'r':
        return CharSet.char(0x0d);
      case 't':
        return CharSet.char(0x09);
      case 'v':
        return CharSet.char(0x0b);
      case 'f':
        return CharSet.char(0x0c);
      case 'b':
        return CharSet.char(0x08); // only reached inside a class
      case '0':
        if (!/[0-9]/.test(this.peek() ?? '')) return CharSet.char(0);
        if (this.flags.unicode) throw new RegexSyntaxError('invalid decimal escape', start);
        return CharSet.char(this.legacyOctal(c));
      case 'c': {
        const l = this.peek();
        if (l && /[A-Za-z]/.test(l)) {
          this.i++;
          return CharSet.char(l.charCodeAt(0) % 32);
        }
        if (inClass && l && /[0-9_]/.test(l) && !this.flags.unicode) {
          this.i++;
          return CharSet.char(l.charCodeAt(0) % 32);
        }
        if (this.flags.unicode) throw new RegexSyntaxError('invalid unicode escape', start);
        this.i--; // "\c" is a backslash then "c"
        return CharSet.char(0x5c);
      }
      case 'x': {
        const h = this.src.slice(this.i, this.i + 2);
        if (h.length === 2 && HEX.test(h[0]!) && HEX.test(h[1]!)) {
          this.i += 2;
          return CharSet.char(parseInt(h, 16));
        }
        if (this.flags.unicode) throw new RegexSyntaxError('invalid escape', start);
        return CharSet.char(0x78);
      }
      case 'u':
        return CharSet.char(this.unicodeEscape(start));
      default:
        if (/[1-7]/.test(c) && !this.flags.unicode) return CharSet.char(this.legacyOctal(c));
        if (/[89]/.test(c) && !this.flags.unicode) return CharSet.char(c.charCodeAt(0));
        if (this.flags.unicode && !/[\^$\\.*+?()[\]{}|/-]/.test(c)) throw new RegexSyntaxError('invalid escape', start);
        this.i--;
        return CharSet.char(this.readSourceChar());
    }
  }

  private legacyOctal(first: string): number {
    let value = Number(first);
    for (let n = 0; n < 2 && /[0-7]/.test(this.peek() ?? '') && value * 8 + Number(this.peek()) <= 0xff; n++) {
      value = value * 8 + Number(this.peek());
      this.i++;
    }
    return value;
  }

  private unicodeEscape(start: number): number {
    const rest = this.src.slice(this.i);
    if (this.flags.unicode && rest.startsWith('{')) {
      const m = /^\{([0-9a-fA-F]+)\}/.exec(rest);
      if (!m || parseInt(m[1]!, 16) > 0x10ffff) throw new RegexSyntaxError('invalid unicode escape', start);
      this.i += m[0].length;
      return parseInt(m[1]!, 16);
    }
    const m = /^[0-9a-fA-F]{4}/.exec(rest);
    if (!m) {
      if (this.flags.unicode) throw new RegexSyntaxError('invalid unicode escape', start);
      return 0x75; // "u"
    }
    this.i += 4;
    const unit = parseInt(m[0], 16);
    // A surrogate pair written as two escapes is one character with `u`.
    const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(this.src.slice(this.i));
    if (this.flags.unicode && unit >= 0xd800 && unit <= 0xdbff && low) {
      this.i += 6;
      return (unit - 0xd800) * 0x400 + (parseInt(low[1]!, 16) - 0xdc00) + 0x10000;
    }
    return unit;
  }

  private charClass(): { set: CharSet; complementOf?: CharSet } {
    const start = this.i;
    this.i++; // [
    const negated = this.peek() === '^';
    if (negated) this.i++;
    const parts: CharSet[] = [];
    while (this.peek() !== ']') {
      if (this.i >= this.src.length) throw new RegexSyntaxError('unterminated character class', start);
      const from = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.i++;
        const to = this.classAtom();
        const single = (s: CharSet): number | undefined => (s.ranges.length === 1 && s.ranges[0]![0] === s.ranges[0]![1] ? s.ranges[0]![0] : undefined);
        const a = single(from);
        const b = single(to);
        if (a === undefined || b === undefined) {
          if (this.flags.unicode) throw new RegexSyntaxError('invalid character class range', start);
          parts.push(from, CharSet.char(0x2d), to); // `[\w-a]` is a class of \w, "-" and "a" (Annex B)
        } else {
          if (a > b) throw new RegexSyntaxError('range out of order in character class', start);
          parts.push(CharSet.of([[a, b]]));
        }
      } else parts.push(from);
    }
    this.i++; // ]
    const set = CharSet.union(parts);
    return negated ? { set: set.negate(this.maxChar), complementOf: set } : { set };
  }

  private classAtom(): CharSet {
    if (this.peek() === '\\') {
      this.i++;
      if (this.i >= this.src.length) throw new RegexSyntaxError('\\ at end of pattern', this.i - 1);
      if (this.peek() === '-' && this.flags.unicode) {
        this.i++;
        return CharSet.char(0x2d);
      }
      return this.escapeSet(true);
    }
    return CharSet.char(this.readSourceChar());
  }
}

/** Capturing groups in the pattern text (for `\1`: backreference or octal escape). */
function countGroups(src: string): number {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && (src[i + 1] !== '?' || (src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!'))) n++;
  }
  return n;
}

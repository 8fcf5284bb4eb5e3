/**
 * Writes a parsed JavaScript regex in RE2 syntax with the same meaning: every character
 * step becomes an explicit class of code points (so `\s`, `.` and `[^…]` keep their
 * JavaScript sets), groups keep their numbers. Lookarounds and backreferences have no RE2
 * form: they throw NotLinear.
 */
import type { CharSet } from './charSet';
import type { Node, Parsed } from './syntax';

export class NotLinear extends Error {
  constructor(what: string, readonly offset: number) {
    super(`${what} at offset ${offset}`);
  }
}

/** RE2 refuses larger counts. */
const MAX_COUNT = 1000;

const hex = (c: number): string => `\\x{${c.toString(16)}}`;

function charClass(set: CharSet, unicode: boolean): string {
  let ranges = set.ranges;
  // Without `u` JavaScript reads UTF-16 units and RE2 code points: a class that takes every
  // high surrogate takes the first half of any astral character, so it takes the whole one.
  if (!unicode && ranges.some(([a, b]) => a <= 0xd800 && b >= 0xdbff)) ranges = [...ranges, [0x10000, 0x10ffff]];
  if (ranges.length === 0) return '[^\\x{0}-\\x{10ffff}]';
  if (ranges.length === 1 && ranges[0]![0] === ranges[0]![1]) return hex(ranges[0]![0]);
  return `[${rangesOf(ranges)}]`;
}

function rangesOf(ranges: readonly (readonly [number, number])[]): string {
  return ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');
}

export function toRe2(parsed: Parsed): string {
  const unicode = parsed.flags.unicode;
  const write = (n: Node): string => {
    switch (n.type) {
      case 'char':
        // Under `i` RE2 folds a class's cases before negating it, as JavaScript does.
        return n.complementOf && parsed.flags.ignoreCase && !n.complementOf.isEmpty() ? `[^${rangesOf(n.complementOf.ranges)}]` : charClass(n.set, unicode);
      case 'seq':
        return n.items.map(write).join('');
      case 'alt':
        return `(?:${n.alts.map(write).join('|')})`;
      case 'group':
        return n.capture ? `(${write(n.body)})` : `(?:${write(n.body)})`;
      case 'assert':
        return n.kind === 'start' ? '^' : n.kind === 'end' ? '$' : n.kind === 'word' ? '\\b' : '\\B';
      case 'look':
        throw new NotLinear('a lookaround', n.start);
      case 'backref':
        throw new NotLinear('a backreference', n.start);
      case 'repeat': {
        if (n.min > MAX_COUNT || (n.max !== Infinity && n.max > MAX_COUNT)) throw new NotLinear(`a count over ${MAX_COUNT}`, n.start);
        const q =
          n.min === 0 && n.max === Infinity ? '*'
          : n.min === 1 && n.max === Infinity ? '+'
          : n.min === 0 && n.max === 1 ? '?'
          : n.max === Infinity ? `{${n.min},}`
          : n.min === n.max ? `{${n.min}}`
          : `{${n.min},${n.max}}`;
        return `(?:${write(n.body)})${q}${n.lazy ? '?' : ''}`;
      }
    }
  };
  return write(parsed.root);
}

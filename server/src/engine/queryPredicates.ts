/**
 * `#match?` and its variants in tree-sitter queries. web-tree-sitter would compile their
 * regexes itself (a plain RegExp, out of Ward's hands), so a query is handed to it with
 * those predicates renamed (`#ward-match?`: an unknown predicate it leaves to the caller),
 * and Ward applies them with regexes compiled like every other rule regex.
 */
import type { QueryCapture } from 'web-tree-sitter';

const OPERATORS = ['match?', 'not-match?', 'any-match?', 'any-not-match?'];
const PREFIX = 'ward-';

export interface PreparedQuery {
  source: string;
  /** The regex of each match predicate, as tree-sitter reads the string. */
  regexes: string[];
}

/** tree-sitter's string escapes: \n \r \t \0, and a backslash before anything else keeps that character. */
function unescape(body: string): string {
  return body.replace(/\\(.)/gs, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c === '0' ? '\0' : c));
}

export function prepareQuery(source: string): PreparedQuery {
  let out = '';
  const regexes: string[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === ';') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      out += source.slice(i, stop);
      i = stop;
    } else if (c === '"') {
      const end = stringEnd(source, i);
      out += source.slice(i, end);
      i = end;
    } else if (c === '#') {
      const op = OPERATORS.find((o) => source.startsWith(o, i + 1) && !/[\w?!-]/.test(source[i + 1 + o.length] ?? ''));
      if (!op) {
        out += c;
        i++;
        continue;
      }
      out += `#${PREFIX}${op}`;
      i += 1 + op.length;
      // `@capture "regex"`: the regex is the first string after the operator.
      const m = /^\s+@[\w.-]+\s+"/.exec(source.slice(i));
      if (m) {
        const start = i + m[0].length - 1;
        regexes.push(unescape(source.slice(start + 1, stringEnd(source, start) - 1)));
      }
    } else {
      out += c;
      i++;
    }
  }
  return { source: out, regexes };
}

function stringEnd(source: string, open: number): number {
  let j = open + 1;
  while (j < source.length && source[j] !== '"' && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, source.length);
}

interface Predicate {
  operator: string;
  operands: readonly ({ type: 'capture'; name: string } | { type: 'string'; value: string })[];
}

/** Whether a match passes the renamed predicates, with web-tree-sitter's semantics for them. */
export function passesMatchPredicates(predicates: readonly Predicate[], captures: readonly QueryCapture[], regexFor: (source: string) => RegExp): boolean {
  for (const p of predicates) {
    if (!p.operator.startsWith(PREFIX)) continue;
    const op = p.operator.slice(PREFIX.length);
    const [capture, pattern] = p.operands;
    // A capture name, then a string (web-tree-sitter's predicate steps).
    if (!capture || !('name' in capture) || !pattern || !('value' in pattern)) continue;
    const positive = op === 'match?' || op === 'any-match?';
    const all = !op.startsWith('any-');
    const regex = regexFor(pattern.value);
    const texts = captures.filter((c) => c.name === capture.name).map((c) => c.node.text);
    if (texts.length === 0) {
      if (positive) return false;
      continue;
    }
    const test = (t: string): boolean => regex.test(t) === positive;
    if (!(all ? texts.every(test) : texts.some(test))) return false;
  }
  return true;
}

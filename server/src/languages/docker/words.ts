/**
 * The arguments of an instruction: leading `--flag=value` options, the exec form (a JSON array
 * of strings) or shell-form words (split on blanks, quotes grouping, the escape character
 * escaping), each with its place in the file; and `$VAR`/`${VAR:-default}` expansion with the
 * ARG and ENV values in scope.
 */
import type { TextMap } from './textMap';

export interface Word {
  /** As written (quotes and escapes kept). */
  raw: string;
  /** Quotes and escapes removed. */
  value: string;
  /** File offsets. */
  start: number;
  end: number;
}

export interface Flag extends Word {
  /** `mount` of `--mount=type=secret,id=x`. */
  name: string;
  /** What follows `=` (quotes removed); undefined for `--link`. */
  option: string | undefined;
}

/** Shell-form words of `text[from..]`, with offsets in `text`. */
export function splitWords(text: string, from: number, escape: string): { raw: string; value: string; start: number; end: number }[] {
  const out: { raw: string; value: string; start: number; end: number }[] = [];
  let i = from;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    let value = '';
    let quote: string | undefined;
    while (i < text.length) {
      const c = text[i]!;
      if (quote) {
        if (c === quote) quote = undefined;
        else if (c === escape && quote === '"' && i + 1 < text.length) value += text[++i]!;
        else value += c;
      } else if (/\s/.test(c)) break;
      else if (c === '"' || c === "'") quote = c;
      else if (c === escape && i + 1 < text.length) value += text[++i]!;
      else value += c;
      i++;
    }
    out.push({ raw: text.slice(start, i), value, start, end: i });
  }
  return out;
}

/** The strings of a JSON array of strings at `text[from..]`, or undefined when it is not one. */
export function jsonArray(text: string, from: number): { raw: string; value: string; start: number; end: number }[] | undefined {
  let i = from;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  ws();
  if (text[i] !== '[') return undefined;
  i++;
  const out: { raw: string; value: string; start: number; end: number }[] = [];
  ws();
  if (text[i] === ']') {
    i++;
  } else {
    for (;;) {
      ws();
      if (text[i] !== '"') return undefined;
      const start = i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      if (i >= text.length) return undefined;
      i++;
      const raw = text.slice(start, i);
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        return undefined;
      }
      out.push({ raw, value: value as string, start, end: i });
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        break;
      }
      return undefined;
    }
  }
  ws();
  return i >= text.length ? out : undefined;
}

/** Leading `--name[=value]` words, and where the rest starts (an offset in the body). */
export function readFlags(body: TextMap, escape: string): { flags: Flag[]; rest: number } {
  const flags: Flag[] = [];
  let rest = 0;
  for (const w of splitWords(body.text, 0, escape)) {
    if (!w.raw.startsWith('--')) break;
    const eq = w.value.indexOf('=');
    flags.push({
      ...w,
      start: body.fileOffset(w.start),
      end: body.fileOffset(w.end),
      name: (eq < 0 ? w.value.slice(2) : w.value.slice(2, eq)).toLowerCase(),
      option: eq < 0 ? undefined : w.value.slice(eq + 1),
    });
    rest = w.end;
  }
  return { flags, rest };
}

/** A variable in scope: its value, or undefined when it has none the file knows (`ARG X` without a default). */
export type Scope = ReadonlyMap<string, string | undefined>;

/**
 * `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}` and `${VAR+alt}` expanded
 * with `scope`; `known` is false when a value the result depends on is not known.
 */
export function expand(text: string, scope: Scope, escape = '\\'): { value: string; known: boolean } {
  if (!text.includes('$')) return { value: text, known: true };
  let known = true;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === escape && text[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}/.exec(text.slice(i));
    const bare = braced ? undefined : /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
    const m = braced ?? bare;
    if (!m) {
      out += c;
      continue;
    }
    i += m[0].length - 1;
    const name = m[1]!;
    const has = scope.has(name);
    const value = scope.get(name);
    const op = braced ? m[2] : undefined;
    const word = braced ? m[3] ?? '' : '';
    if (op === ':-' || op === '-') {
      const set = op === ':-' ? value !== undefined && value !== '' : has;
      if (has && value === undefined) known = false;
      if (set && value !== undefined) out += value;
      else if (!set || value === undefined) {
        const inner = expand(word, scope, escape);
        known &&= inner.known;
        out += inner.value;
      }
    } else if (op === ':+' || op === '+') {
      if (has && value === undefined) known = false;
      if (op === ':+' ? value !== undefined && value !== '' : has) {
        const inner = expand(word, scope, escape);
        known &&= inner.known;
        out += inner.value;
      }
    } else if (value !== undefined) out += value;
    else known = false;
  }
  return { value: out, known };
}

/**
 * The filter chain of a Django/Jinja2 output (`{{ value|escape|safe }}`): the value and each
 * filter with its offset in the file, split on `|` outside quotes and brackets.
 */
export interface Piece {
  text: string;
  /** Offset in the file of the piece's first character (after spaces). */
  start: number;
  /** Offset of the `|` before it (filters only). */
  bar: number;
}

export function filterChain(inner: string, innerStart: number): { value: Piece; filters: Piece[] } {
  const pieces: Piece[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  let bar = -1;
  const push = (to: number): void => {
    const raw = inner.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    pieces.push({ text: raw.trim(), start: innerStart + from + lead, bar });
  };
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '|' && depth === 0 && inner[i + 1] !== '|' && inner[i - 1] !== '|') {
      push(i);
      bar = innerStart + i;
      from = i + 1;
    }
  }
  push(inner.length);
  return { value: pieces[0]!, filters: pieces.slice(1) };
}

/** A filter's name (`default` of `default:"x"`, `truncate` of `truncate(20)`). */
export function filterName(piece: Piece): string {
  return /^[A-Za-z_][\w.]*/.exec(piece.text)?.[0] ?? '';
}

/** A quoted string, a number, or nothing: what the template author wrote, not data. */
export function isConstant(expression: string): boolean {
  return /^(?:"[^"]*"|'[^']*'|`[^`$]*`|-?\d+(?:\.\d+)?|true|false|True|False|None|null)?$/.test(expression.trim());
}

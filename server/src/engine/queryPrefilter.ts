/**
 * Words a tree-sitter query needs in the file before it can match. A pattern with
 * `(#eq? @f "postMessage")` cannot match a file without "postMessage", so running the
 * query there (which walks the whole tree) is skipped.
 */

/** Top-level patterns of a query source, strings and comments respected. */
function topLevelItems(source: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '"') {
      for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (ch === ';') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (ch === '(' || ch === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === ')' || ch === ']') {
      depth--;
      if (depth === 0 && start >= 0) {
        items.push(source.slice(start, i + 1));
        start = -1;
      }
    }
  }
  return items;
}

/** `#eq?`/`#any-of?` groups directly inside a pattern's outer parentheses. */
function requiredWords(item: string): string[] | null {
  if (item.startsWith('[')) return null;
  const predicate = /\(#(?:eq|any-of)\?\s+@[\w.-]+((?:\s+"(?:[^"\\]|\\.)*")+)\s*\)/y;
  let depth = 0;
  for (let i = 0; i < item.length; i++) {
    const ch = item[i]!;
    if (ch === '"') {
      for (i++; i < item.length && item[i] !== '"'; i++) if (item[i] === '\\') i++;
      continue;
    }
    if (ch === '(' || ch === '[') {
      if (depth === 1 && ch === '(' && item[i + 1] === '#') {
        predicate.lastIndex = i;
        const m = predicate.exec(item);
        if (m) return [...m[1]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((w) => w[1]!.replace(/\\(.)/g, '$1'));
      }
      depth++;
    } else if (ch === ')' || ch === ']') depth--;
  }
  return null;
}

/** Per pattern, the words any one of which must occur; null when some pattern needs none. */
export function queryPrefilter(source: string): string[][] | null {
  const items = topLevelItems(source);
  if (items.length === 0) return null;
  const out: string[][] = [];
  for (const item of items) {
    const words = requiredWords(item);
    if (!words || words.length === 0 || words.some((w) => w === '')) return null;
    out.push(words);
  }
  return out;
}

export function mayMatch(prefilter: string[][] | null, text: string): boolean {
  return !prefilter || prefilter.some((words) => words.some((w) => text.includes(w)));
}

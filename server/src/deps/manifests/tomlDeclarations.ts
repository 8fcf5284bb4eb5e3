/**
 * Where pyproject.toml declares its dependencies, with offsets: the TOML parser gives values,
 * not places, and a finding belongs on the line that names the package, its fix on the
 * version inside the spec. A scan of the text that knows TOML's tables, keys, strings,
 * arrays and inline tables well enough to step over any value, and reads the dependency
 * tables of PEP 621, PEP 735 and Poetry. The text has been checked as valid TOML before.
 */

/** A string's raw text (between its quotes) and the offset of its first character. */
export interface DeclaredString {
  value: string;
  offset: number;
}

export type Declaration =
  /** A PEP 508 string (`django>=3.2.4`) in `[project]`, its optional groups or `[dependency-groups]`. */
  | { kind: 'requirement'; value: DeclaredString }
  /** A Poetry table entry: `django = "^3.2.4"`, `django = { version = "^3.2.4", extras = […] }`. */
  | { kind: 'poetry'; name: string; nameOffset: number; spec?: DeclaredString };

/** `project.dependencies`, `project.optional-dependencies.<group>`, `dependency-groups.<group>`. */
function requirementArray(path: readonly string[]): boolean {
  const [a, b] = path;
  if (a === 'project') return (b === 'dependencies' && path.length === 2) || (b === 'optional-dependencies' && path.length === 3);
  return a === 'dependency-groups' && path.length === 2;
}

/**
 * Where a Poetry dependency table's path names a package: `tool.poetry.dependencies.<name>`,
 * `tool.poetry.dev-dependencies.<name>`, `tool.poetry.group.<group>.dependencies.<name>`;
 * the index of the name, or -1.
 */
function poetryName(path: readonly string[]): number {
  if (path[0] !== 'tool' || path[1] !== 'poetry') return -1;
  if ((path[2] === 'dependencies' || path[2] === 'dev-dependencies') && path.length >= 4) return 3;
  if (path[2] === 'group' && path[4] === 'dependencies' && path.length >= 6) return 5;
  return -1;
}

/** A key (bare, quoted, dotted) from `i`: its parts and where it ends. */
function readKey(text: string, i: number): { parts: string[]; offsets: number[]; end: number } {
  const parts: string[] = [];
  const offsets: number[] = [];
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    const q = text[i];
    if (q === '"' || q === "'") {
      const close = text.indexOf(q, i + 1);
      const end = close < 0 ? text.length : close;
      parts.push(text.slice(i + 1, end));
      offsets.push(i + 1);
      i = end + 1;
    } else {
      const m = /^[A-Za-z0-9_-]+/.exec(text.slice(i, i + 256));
      parts.push(m ? m[0] : '');
      offsets.push(i);
      i += m ? m[0].length : 0;
    }
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] !== '.') return { parts, offsets, end: i };
    i++;
  }
}

/** Steps over a string from its opening quote; its raw content and the index after it. */
function readString(text: string, i: number): { value: DeclaredString; end: number } {
  const q = text[i]!;
  const triple = text.startsWith(q.repeat(3), i);
  const open = triple ? 3 : 1;
  let j = i + open;
  for (;;) {
    if (j >= text.length) break;
    if (q === '"' && text[j] === '\\') {
      j += 2;
      continue;
    }
    if (triple ? text.startsWith(q.repeat(3), j) : text[j] === q) break;
    if (!triple && text[j] === '\n') break;
    j++;
  }
  // A triple-quoted string may end in up to two more quotes of its own.
  let close = j;
  if (triple) while (text[close + 3] === q && close + 3 < text.length) close++;
  return { value: { value: text.slice(i + open, close), offset: i + open }, end: Math.min(text.length, close + open) };
}

interface Value {
  end: number;
  /** Strings directly inside an array value. */
  strings: DeclaredString[];
  /** `version = "…"` directly inside an inline-table value. */
  version?: DeclaredString;
  /** The value is itself a string. */
  string?: DeclaredString;
}

/** Steps over any value from `i` (its first character). */
function readValue(text: string, i: number): Value {
  const c = text[i];
  if (c === '"' || c === "'") {
    const s = readString(text, i);
    return { end: s.end, strings: [], string: s.value };
  }
  if (c === '[' || c === '{') {
    const strings: DeclaredString[] = [];
    let version: DeclaredString | undefined;
    const closer = c === '[' ? ']' : '}';
    let j = i + 1;
    while (j < text.length) {
      const ch = text[j]!;
      if (ch === closer) return { end: j + 1, strings, version };
      if (ch === '#') {
        const nl = text.indexOf('\n', j);
        j = nl < 0 ? text.length : nl;
        continue;
      }
      if (/[\s,]/.test(ch)) {
        j++;
        continue;
      }
      if (c === '{' && ch !== '"' && ch !== "'" && ch !== '[' && ch !== '{') {
        // key = value inside an inline table.
        const k = readKey(text, j);
        j = k.end;
        if (text[j] === '=') j++;
        while (text[j] === ' ' || text[j] === '\t') j++;
        const v = readValue(text, j);
        if (k.parts.length === 1 && k.parts[0] === 'version' && v.string) version = v.string;
        j = Math.max(v.end, j + 1);
        continue;
      }
      const v = readValue(text, j);
      if (c === '[' && v.string) strings.push(v.string);
      j = Math.max(v.end, j + 1);
    }
    return { end: text.length, strings, version };
  }
  // A number, date, boolean: to the end of the line or a comment.
  const m = /^[^\n#,\]}]*/.exec(text.slice(i, i + 4096));
  return { end: i + (m ? m[0].length : 0), strings: [] };
}

export function declaredIn(text: string): Declaration[] {
  const out: Declaration[] = [];
  let table: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '#') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    if (ch === '[') {
      const array = text[i + 1] === '[';
      table = readKey(text, i + (array ? 2 : 1)).parts;
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    const k = readKey(text, i);
    let j = k.end;
    if (text[j] !== '=') {
      // Not a key line (the text is valid TOML, so this does not happen): skip the line.
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    j++;
    while (text[j] === ' ' || text[j] === '\t') j++;
    const v = readValue(text, j);
    // Dotted keys (`optional-dependencies.dev = […]`) continue the table's path.
    const path = [...table, ...k.parts];
    const at = poetryName(path);
    if (requirementArray(path)) for (const s of v.strings) out.push({ kind: 'requirement', value: s });
    else if (at >= 0) {
      const rest = path.slice(at + 1);
      // The name is a key here (`django = "^3.2"`), or the table's (`[tool.poetry.dependencies.django]` then `version = "^3.2"`).
      const nameOffset = at >= table.length ? k.offsets[at - table.length]! : j;
      if (rest.length === 0) out.push({ kind: 'poetry', name: path[at]!, nameOffset, spec: v.string ?? v.version });
      else if (rest.length === 1 && rest[0] === 'version') out.push({ kind: 'poetry', name: path[at]!, nameOffset, spec: v.string });
    }
    i = Math.max(v.end, j + 1);
  }
  return out;
}

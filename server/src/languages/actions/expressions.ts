/**
 * `${{ … }}` expressions in workflow text, and the context references inside them
 * (`github.event.issue.title`, `steps.meta.outputs.branch`, `env.TITLE`), normalised to
 * dotted paths (`x['y']` → `x.y`, `x[0]`/`x[*]` → `x.*`).
 */

export interface Expression {
  /** Offsets of `${{` and just after `}}` in the text searched. */
  start: number;
  end: number;
  body: string;
  /** Offset of the body in the text searched. */
  bodyStart: number;
}

export interface Reference {
  path: string;
  /** Offsets in the expression's body. */
  start: number;
  end: number;
  /** The value only decides a boolean (a comparison, `contains(…)`, `!x`): it cannot carry text into a script. */
  decidesOnly: boolean;
}

export function expressionsIn(text: string): Expression[] {
  const out: Expression[] = [];
  let at = text.indexOf('${{');
  while (at >= 0) {
    const close = closeOf(text, at + 3);
    if (close < 0) break;
    out.push({ start: at, end: close + 2, body: text.slice(at + 3, close), bodyStart: at + 3 });
    at = text.indexOf('${{', close + 2);
  }
  return out;
}

/** The `}}` that ends an expression starting at `from`, skipping quoted strings (`'}}'`). */
function closeOf(text: string, from: number): number {
  let inString = false;
  for (let i = from; i < text.length - 1; i++) {
    const c = text[i];
    if (c === "'") inString = !inString;
    else if (!inString && c === '}' && text[i + 1] === '}') return i;
  }
  return -1;
}

const BOOLEAN_FUNCTIONS = /^(?:contains|startsWith|endsWith|success|failure|always|cancelled|hashFiles)$/i;
const IDENT = /[A-Za-z_][\w-]*/y;

export function referencesIn(body: string): Reference[] {
  const out: Reference[] = [];
  // The function each open parenthesis belongs to, to know what a reference is an argument of.
  const calls: string[] = [];
  const comparison = /==|!=|<=|>=|<|>/.test(body.replace(/'(?:[^']|'')*'/g, "''"));
  const orAnd = /&&|\|\|/.test(body);
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === "'") {
      const end = body.indexOf("'", i + 1);
      i = end < 0 ? body.length : end + 1;
      continue;
    }
    if (c === '(') {
      calls.push('');
      i++;
      continue;
    }
    if (c === ')') {
      calls.pop();
      i++;
      continue;
    }
    IDENT.lastIndex = i;
    const m = IDENT.exec(body);
    if (!m || (i > 0 && /[\w.-]/.test(body[i - 1]!))) {
      i++;
      continue;
    }
    const start = i;
    let path = m[0];
    i += m[0].length;
    // A function call: remember its name for the parenthesis that follows.
    const after = body.slice(i).match(/^\s*\(/);
    if (after) {
      calls.push(path);
      i += after[0].length;
      continue;
    }
    for (;;) {
      const seg = body.slice(i).match(/^\.([A-Za-z_*][\w-]*|\*)|^\[\s*'([^']*)'\s*\]|^\[\s*(\d+|\*)\s*\]/);
      if (!seg) break;
      path += '.' + (seg[1] ?? seg[2] ?? '*').replace(/^\d+$/, '*');
      i += seg[0].length;
    }
    if (/^(?:true|false|null)$/.test(path)) continue;
    const before = body.slice(0, start).trimEnd();
    const negated = before.endsWith('!') && !before.endsWith('!=');
    const inBooleanCall = calls.some((f) => BOOLEAN_FUNCTIONS.test(f));
    out.push({ path, start, end: i, decidesOnly: negated || inBooleanCall || (comparison && !orAnd) });
  }
  return out;
}

/** A dotted-path glob (`github.event.commits.*.message`) as a test; `*` matches one segment, a trailing `**` any rest. */
export function pathMatcher(globs: readonly string[]): (path: string) => string | undefined {
  const compiled = globs.map((g) => ({
    glob: g,
    re: new RegExp(`^${g.split('.').map((s) => (s === '**' ? '.*' : s === '*' ? '[^.]+' : s.replace(/[-]/g, '\\-'))).join('\\.')}$`, 'i'),
  }));
  return (path) => compiled.find((c) => c.re.test(path))?.glob;
}

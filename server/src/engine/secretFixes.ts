/**
 * Quick fixes for secret findings: the literal becomes an environment lookup in the
 * file's language (`process.env.X`, `os.environ["X"]`, `${X}` in compose files).
 */
import type { Family } from '../languages/registry';
import type { Fix, Position, TextEdit } from './finding';
import type { Rule } from './rule';

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function positionAt(lineStarts: number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo]! };
}

/** `stripeKey`, `STRIPE-KEY`, `config.stripe_key` → `stripe_key`-style words for matching. */
export function normalizeName(name: string): string {
  return name
    .replace(/^["'`[]+|["'`\]]+$/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/** The environment variable a fix reads: the last segment of the name, in UPPER_SNAKE. */
export function envNameFor(name: string | undefined, rule: Rule): string {
  const segment = name ? name.split(/[.[\]"'`]+/).filter(Boolean).pop() : undefined;
  const norm = segment ? normalizeName(segment) : '';
  if (norm && /^[a-z]/.test(norm) && norm.length <= 60) return norm.toUpperCase();
  if (rule.secret?.env) return rule.secret.env;
  return rule.id.replace(/^secret-/, '').replace(/-/g, '_').toUpperCase();
}

export interface SecretContext {
  family?: Family;
  /** Project-relative path, to recognise compose files and choose the fix. */
  path?: string;
}

export const COMPOSE_FILE = /(?:^|[\\/])(?:docker-)?compose[\w.-]*\.ya?ml$/i;

function pythonOsImport(text: string, lineStarts: number[]): { expr: (n: string) => string; edits: TextEdit[] } {
  if (/^[ \t]*import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os(?:\.path)?\b/m.test(text)) return { expr: (n) => `os.environ["${n}"]`, edits: [] };
  if (/^[ \t]*from[ \t]+os[ \t]+import[ \t]+(?:[\w ,()]*[ ,(])?environ\b/m.test(text)) return { expr: (n) => `environ["${n}"]`, edits: [] };
  // Insert `import os` after a shebang, coding line, module docstring and __future__ imports.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let line = 0;
  const lineText = (i: number): string => text.slice(lineStarts[i]!, lineStarts[i + 1] ?? text.length).replace(/\r?\n$/, '');
  while (line < lineStarts.length && /^(?:#!|#.*coding[:=])/.test(lineText(line))) line++;
  const doc = /^[ \t]*[rRuU]?("""|''')/.exec(lineText(line));
  if (doc) {
    const close = text.indexOf(doc[1]!, lineStarts[line]! + doc[0].length);
    if (close >= 0) line = positionAt(lineStarts, close).line + 1;
  }
  for (let i = line; i < lineStarts.length; i++) if (/^from[ \t]+__future__[ \t]+import\b/.test(lineText(i))) line = i + 1;
  const at = { line, character: 0 };
  return { expr: (n) => `os.environ["${n}"]`, edits: [{ range: { start: at, end: at }, newText: `import os${eol}` }] };
}

export function fixFor(
  text: string,
  rule: Rule,
  c: { name: string; literal?: { start: number; end: number } },
  lineStarts: number[],
  ctx: SecretContext,
  inCode: boolean,
): Fix[] {
  if (!c.literal) return [];
  const env = envNameFor(c.name, rule);
  const range = { start: positionAt(lineStarts, c.literal.start), end: positionAt(lineStarts, c.literal.end) };
  if (inCode && ctx.family === 'js') {
    return [{ title: `Read the secret from process.env.${env}`, preferred: true, envName: env, edits: [{ range, newText: `process.env.${env}` }] }];
  }
  if (inCode && ctx.family === 'python') {
    const imp = pythonOsImport(text, lineStarts);
    return [{ title: `Read the secret from os.environ["${env}"]`, preferred: true, envName: env, edits: [...imp.edits, { range, newText: imp.expr(env) }] }];
  }
  if (!inCode && ctx.path && COMPOSE_FILE.test(ctx.path)) {
    return [{ title: `Read the secret from the environment: \${${env}}`, preferred: true, envName: env, edits: [{ range, newText: `\${${env}}` }] }];
  }
  return [];
}

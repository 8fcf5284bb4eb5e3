/**
 * Quick fixes for secret findings: the literal becomes an environment lookup in the
 * file's language (`process.env.X`, `os.environ["X"]`, `${X}` in compose files).
 */
import type { SyntaxAdapter } from '../languages/syntax';
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
  /** Project-relative path, to recognise compose files and choose the fix. */
  path?: string;
}

export const COMPOSE_FILE = /(?:^|[\\/])(?:docker-)?compose[\w.-]*\.ya?ml$/i;

export function fixFor(
  text: string,
  rule: Rule,
  c: { name: string; literal?: { start: number; end: number } },
  lineStarts: number[],
  ctx: SecretContext,
  /** The code's syntax, when the secret is a literal in code. */
  code: SyntaxAdapter | undefined,
): Fix[] {
  if (!c.literal) return [];
  const env = envNameFor(c.name, rule);
  const range = { start: positionAt(lineStarts, c.literal.start), end: positionAt(lineStarts, c.literal.end) };
  if (code) {
    const read = code.envRead(text, lineStarts, env);
    return [{ title: read.title, preferred: true, envName: env, edits: [...read.edits, { range, newText: read.expr }] }];
  }
  if (ctx.path && COMPOSE_FILE.test(ctx.path)) {
    return [{ title: `Read the secret from the environment: \${${env}}`, preferred: true, envName: env, edits: [{ range, newText: `\${${env}}` }] }];
  }
  return [];
}

/**
 * `secret` rules: a keyword prefilter, a regex, an entropy floor and an allow-list of
 * placeholders. In parsed files a match must sit in a string literal or a comment. The
 * value is always masked in what the finding says.
 */
import type { Tree } from '../languages/parser';
import type { Finding, Position } from './finding';
import type { Rule } from './rule';

export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** `ghp_…a1B2`: enough to recognise which secret it is, never enough to use it. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '…'.padEnd(Math.min(value.length, 4), '*');
  const prefix = /^[a-zA-Z]{2,5}[_-]/.exec(value)?.[0] ?? value.slice(0, 2);
  return `${prefix}…${value.slice(-4)}`;
}

function positionAt(text: string, lineStarts: number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo]! };
}

export function matchSecretRules(
  text: string,
  rules: readonly Rule[],
  tree?: Tree,
  literalTypes?: ReadonlySet<string>,
): Finding[] {
  const out: Finding[] = [];
  let lower: string | undefined;
  let lineStarts: number[] | undefined;
  for (const rule of rules) {
    const spec = rule.secret;
    if (!spec) continue;
    lower ??= text.toLowerCase();
    if (spec.keywords.length > 0 && !spec.keywords.some((k) => lower!.includes(k))) continue;
    const regex = new RegExp(spec.regex.source, spec.regex.flags);
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (m[0].length === 0) regex.lastIndex++;
      const value = m[spec.group] ?? m[0];
      if (!value) continue;
      if (spec.entropy > 0 && shannonEntropy(value) < spec.entropy) continue;
      if (spec.allow.some((a) => a.test(value))) continue;
      const start = m.index + (spec.group > 0 ? m[0].indexOf(value) : 0);
      if (tree && literalTypes) {
        const node = tree.rootNode.descendantForIndex(start, start + value.length);
        let n = node;
        let inLiteral = false;
        for (let d = 0; n && d < 4; d++, n = n.parent) if (literalTypes.has(n.type) || n.type.includes('comment')) inLiteral = true;
        if (!inLiteral) continue;
      }
      lineStarts ??= [0, ...[...text.matchAll(/\n/g)].map((x) => x.index! + 1)];
      out.push({
        ruleId: rule.id,
        severity: rule.severity,
        confidence: rule.confidence,
        category: rule.category,
        cwe: rule.cwe,
        owasp: rule.owasp,
        title: rule.title,
        message: rule.message.replace(/\{\{\s*secret\s*\}\}/g, maskSecret(value)),
        range: { start: positionAt(text, lineStarts, start), end: positionAt(text, lineStarts, start + value.length) },
        fixes: [],
      });
    }
  }
  return out;
}

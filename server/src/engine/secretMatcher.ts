/**
 * `secret` rules. Two kinds:
 *
 * - format rules: a keyword prefilter, a linear-time regex for a provider's credential
 *   format, an entropy floor, an allow-list of placeholders and an optional checksum
 *   (GitHub/npm tokens carry a CRC32; JWTs must have a JSON header);
 * - name rules (`names:`): a value given to a name that means secret (`password`,
 *   `api_key`, …). In config text the `name = value` / `name: value` shape is read with
 *   one shared regex; in parsed code the string literal's place in the tree gives the
 *   name (variable, assignment target, object key, keyword argument).
 *
 * In parsed files a match must sit in a string literal, a comment or text the parser could
 * not place (an ERROR node). The value is always
 * masked in what the finding says, and fixes replace it, never repeat it.
 */
import type { SyntaxNode, Tree } from '../languages/parser';
import type { SyntaxAdapter } from '../languages/syntax';
import type { Finding, Fix, Position, Severity, Confidence } from './finding';
import { ruleFinding } from './findingBuilder';
import { KeywordScanner } from './keywordScanner';
import type { Rule } from './rule';
import { COMPOSE_FILE, fixFor, lineStartsOf, normalizeName, positionAt, SecretContext } from './secretFixes';
import { maskSecret, severityFor, valueAccepted } from './secretValues';

export { maskSecret, shannonEntropy, crc32, base62, githubChecksumValid, isPlaceholder } from './secretValues';
export { normalizeName } from './secretFixes';
export type { SecretContext } from './secretFixes';

/** The tree, or a way to get it: a secrets-only scan parses a code file only once a candidate needs it. */
export type TreeSource = Tree | (() => Tree);

// ---------------------------------------------------------------------------------------
// Candidates for name rules

interface Candidate {
  name: string;
  value: string;
  start: number;
  /** The literal (with quotes) a fix replaces, when replacing it is safe. */
  literal?: { start: number; end: number };
  /** `normalizeName(name)`, computed once for all rules. */
  norm?: string;
}

/**
 * `name = value`, `name: value`, `"name": "value"`, `NAME=value`, `name := value`,
 * `name => value`. Linear: a name starts only after a non-name character, and every
 * quantifier is bounded.
 */
const ASSIGNMENT =
  /(?<![\w$.-])([A-Za-z_$][\w$.-]{0,80})["'\]]?[ \t]{0,4}(?::=|=>|[=:])[ \t]{0,4}(?:[rRbBuU]{0,2}(["'`]))?([^\s"'`]{1,400})/g;

function textCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(text); m; m = ASSIGNMENT.exec(text)) {
    const quote = m[2];
    let value = m[3]!;
    const start = m.index + m[0].length - value.length;
    const after = text[start + value.length];
    if (quote) {
      if (after !== quote) continue; // a value with spaces, or an unterminated string
    } else {
      value = value.replace(/[,;]+$/, '');
      if (/^[[{(|>&!*]/.test(value)) continue; // YAML block/anchor/flow, not a scalar
    }
    if (value.length < 6 || !NAME_HINT.test(m[1]!)) continue; // no rule wants it: keep the list short
    const literal = quote ? { start: start - 1, end: start + value.length + 1 } : { start, end: start + value.length };
    out.push({ name: m[1]!, value, start, literal });
  }
  return out;
}

const QUOTED = /(["'`])([^\s"'`\\]{8,400})\1/g;
const NAME_HINT = /pass|pwd|secret|token|key|auth|cred|bearer|dsn|sig/i;

/** The string literal node around [start, end) whose content is exactly that range. */
function literalAround(adapter: SyntaxAdapter, tree: Tree, start: number, end: number): SyntaxNode | undefined {
  let n: SyntaxNode | null = tree.rootNode.descendantForIndex(start, end);
  for (let d = 0; n && d < 4; d++, n = n.parent) {
    if (adapter.interpolated(n)) return undefined;
    if (adapter.stringTypes.has(n.type)) return n;
  }
  return undefined;
}

/**
 * String literals with a name in the tree. `plausible` screens each value first (some
 * active name rule would accept it), so the tree, possibly still to be parsed, is
 * consulted only for values that could be findings.
 */
function codeCandidates(text: string, tree: () => Tree, adapter: SyntaxAdapter, plausible: (value: string) => boolean): Candidate[] {
  const out: Candidate[] = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    const start = m.index + 1;
    const value = m[2]!;
    // Cheap before the tree lookup: a secret-ish word shortly before the string.
    if (!NAME_HINT.test(text.slice(Math.max(0, m.index - 80), m.index))) continue;
    if (!plausible(value)) continue;
    const literal = literalAround(adapter, tree(), start, start + value.length);
    if (!literal || literal.endIndex - literal.startIndex > value.length + 4) continue;
    const nameNode = adapter.valueName(literal);
    if (!nameNode) continue;
    const name = adapter.stringTypes.has(nameNode.type) ? nameNode.text.replace(/^["'`]|["'`]$/g, '') : nameNode.text;
    if (name.length > 100) continue;
    out.push({ name, value, start, literal: { start: literal.startIndex, end: literal.endIndex } });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Matching

function finding(rule: Rule, value: string, start: number, lineStarts: number[], severity: Severity, confidence: Confidence, fixes: Fix[]): Finding {
  const range = { start: positionAt(lineStarts, start), end: positionAt(lineStarts, start + value.length) };
  return { ...ruleFinding(rule, range, rule.message.replace(/\{\{\s*secret\s*\}\}/g, maskSecret(value)), fixes), severity, confidence };
}

/** A value computed once per scan, and only if some rule needs it. */
class Lazy<T> {
  private v: T | undefined;
  constructor(private readonly make: () => T) {}
  get(): T {
    return (this.v ??= this.make());
  }
}

export function matchSecretRules(
  text: string,
  rules: readonly Rule[],
  source?: TreeSource,
  adapter?: SyntaxAdapter,
  ctx: SecretContext = {},
): Finding[] {
  const out: Finding[] = [];
  const starts = new Lazy(() => lineStartsOf(text));
  const parsed = !!(source && adapter);
  const lazyTree = new Lazy(() => (typeof source === 'function' ? source() : source!));
  const tree = (): Tree => lazyTree.get();
  const present = keywordsIn(text, rules);
  const active = rules.filter((r) => r.secret && (r.secret.keywords.length === 0 || r.secret.keywords.some((k) => present.has(k))));
  const nameSpecs = active.flatMap((r) => (r.secret!.names ? [r.secret!] : []));
  const plausible = (value: string): boolean =>
    nameSpecs.some((spec) => {
      spec.regex.lastIndex = 0;
      return spec.regex.test(value) && valueAccepted(spec, value, value);
    });
  const candidates = new Lazy(() => (parsed ? codeCandidates(text, tree, adapter!, plausible) : textCandidates(text)));
  for (const rule of active) {
    const spec = rule.secret!;
    if (spec.names) {
      for (const c of candidates.get()) {
        const name = (c.norm ??= normalizeName(c.name));
        if (!spec.names.test(name) || spec.notNames?.test(name)) continue;
        spec.regex.lastIndex = 0;
        if (!spec.regex.test(c.value)) continue;
        if (!valueAccepted(spec, c.value, c.value)) continue;
        const { severity, confidence } = severityFor(rule, spec, c.value);
        out.push(finding(rule, c.value, c.start, starts.get(), severity, confidence, fixFor(text, rule, c, starts.get(), ctx, parsed ? adapter : undefined)));
      }
      continue;
    }
    // Compiled with `g` (ruleCompiler.ts); reused as is, so a user's regex keeps its linear-time engine.
    const regex = spec.regex.global ? spec.regex : new RegExp(spec.regex.source, spec.regex.flags + 'g');
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (m[0].length === 0) regex.lastIndex++;
      const value = m[spec.group] ?? m[0];
      if (!value) continue;
      if (!valueAccepted(spec, value, m[0])) continue;
      const start = m.index + (spec.group > 0 ? m[0].indexOf(value) : 0);
      let literal: { start: number; end: number } | undefined;
      let name: string | undefined;
      if (parsed) {
        let n: SyntaxNode | null = tree().rootNode.descendantForIndex(start, start + value.length);
        let inLiteral = false;
        for (let d = 0; n && d < 4; d++, n = n.parent) {
          // Text the parser could not place counts too: after an unclosed string or bracket,
          // error recovery can swallow a key's comment or string into an ERROR node.
          if (adapter!.stringTypes.has(n.type) || adapter!.stringPartTypes.has(n.type) || adapter!.commentTypes.has(n.type) || n.isError) {
            inLiteral = true;
            break;
          }
        }
        if (!inLiteral) continue;
        const lit = literalAround(adapter!, tree(), start, start + value.length);
        if (lit && lit.endIndex - lit.startIndex <= value.length + 4 && text.slice(lit.startIndex, lit.endIndex).includes(value)) {
          const inner = text.slice(lit.startIndex, lit.endIndex).replace(/^[rRbBuUfF]{0,2}["'`]|["'`]$/g, '');
          if (inner === value) {
            literal = { start: lit.startIndex, end: lit.endIndex };
            const nameNode = adapter!.valueName(lit);
            name = nameNode ? nameNode.text.replace(/^["'`]|["'`]$/g, '') : undefined;
          }
        }
      }
      if (!parsed && ctx.path && COMPOSE_FILE.test(ctx.path)) {
        // `KEY: value`, `- KEY=value`: the compose file reads ${KEY} from the environment instead.
        const lineStart = text.lastIndexOf('\n', start - 1) + 1;
        const before = /(?:^|[\s-])["']?([A-Za-z_][\w.-]{0,80})["']?[ \t]*[:=][ \t]*(["']?)$/.exec(text.slice(lineStart, start));
        const q = before?.[2] ?? '';
        if (before && text.slice(start + value.length, start + value.length + q.length) === q) {
          name = before[1];
          literal = { start: start - q.length, end: start + value.length + q.length };
        }
      }
      const { severity, confidence } = severityFor(rule, spec, value);
      const fixes = literal ? fixFor(text, rule, { name: name ?? '', literal }, starts.get(), ctx, parsed ? adapter : undefined) : [];
      out.push(finding(rule, value, start, starts.get(), severity, confidence, fixes));
      if (out.length > MAX_FINDINGS_PER_FILE) break;
    }
  }
  return dropGenericOverlaps(out, rules);
}

const keywordScanners = new Map<string, KeywordScanner>();

/** The keywords of `rules` that occur in `text` (one pass for all of them). */
const scannerFor = new WeakMap<readonly Rule[], KeywordScanner>();
function keywordsIn(text: string, rules: readonly Rule[]): Set<string> {
  const known = scannerFor.get(rules);
  if (known) return known.find(text);
  const keywords = [...new Set(rules.flatMap((r) => r.secret?.keywords ?? []))].sort();
  if (keywords.length === 0) return new Set();
  const key = keywords.join('\u0000');
  let scanner = keywordScanners.get(key);
  if (!scanner) {
    scanner = new KeywordScanner(keywords);
    if (keywordScanners.size > 64) keywordScanners.clear();
    keywordScanners.set(key, scanner);
  }
  scannerFor.set(rules, scanner);
  return scanner.find(text);
}

/** A generated or vendored file full of key-shaped strings should not flood the report. */
const MAX_FINDINGS_PER_FILE = 500;

/** A value a provider rule recognised is not reported again by a generic name rule. */
function dropGenericOverlaps(findings: Finding[], rules: readonly Rule[]): Finding[] {
  const generic = new Set(rules.filter((r) => r.secret?.randomValue).map((r) => r.id));
  if (generic.size === 0 || findings.length < 2) return findings;
  // Format rules outrank name rules; among name rules, provider-specific (high confidence) ones win.
  const rank = (f: Finding): number => (generic.has(f.ruleId) ? 0 : 2) + (f.confidence === 'high' ? 1 : 0);
  const key = (p: Position): number => p.line * 1e6 + p.character;
  const overlaps = (a: Finding, b: Finding): boolean => key(a.range.start) < key(b.range.end) && key(b.range.start) < key(a.range.end);
  const strong = findings.filter((f) => rank(f) > 0);
  return findings.filter((f) => rank(f) >= 3 || !strong.some((s) => rank(s) > rank(f) && overlaps(s, f)));
}

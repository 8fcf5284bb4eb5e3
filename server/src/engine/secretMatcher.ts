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
 * In parsed files a match must sit in a string literal or a comment. The value is always
 * masked in what the finding says, and fixes replace it, never repeat it.
 */
import type { SyntaxNode, Tree } from '../languages/parser';
import type { Family } from '../languages/registry';
import type { Confidence, Finding, Fix, Position, Severity, TextEdit } from './finding';
import type { Rule, SecretSpec } from './rule';

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
  if (value.length < 16) return `…${value.slice(-2)}`;
  const prefix = /^[a-zA-Z][a-zA-Z0-9]{1,9}[_-]/.exec(value)?.[0] ?? value.slice(0, 2);
  return `${prefix.length > value.length / 3 ? value.slice(0, 2) : prefix}…${value.slice(-4)}`;
}

// ---------------------------------------------------------------------------------------
// Checksums

let crcTable: Uint32Array | undefined;
export function crc32(text: string): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) c = (c >>> 8) ^ crcTable[(c ^ byte) & 0xff]!;
  return (c ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export function base62(n: number, width = 6): string {
  let s = '';
  do {
    s = BASE62[n % 62]! + s;
    n = Math.floor(n / 62);
  } while (n > 0);
  return s.padStart(width, '0');
}

/** GitHub (and npm) tokens: `prefix_` + 30 random base62 characters + base62(CRC32(random)), 6 wide. */
export function githubChecksumValid(token: string): boolean {
  const body = token.slice(token.lastIndexOf('_') + 1);
  if (body.length !== 36) return false;
  return base62(crc32(body.slice(0, 30))) === body.slice(30);
}

function jwtHeaderValid(token: string): boolean {
  const dot = token.indexOf('.');
  if (dot < 0) return false;
  try {
    const header = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8')) as unknown;
    return !!header && typeof header === 'object' && typeof (header as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// Placeholders and value shape

/** Values that stand for a secret rather than being one. */
const PLACEHOLDER =
  /\$\{|\{\{|\$\(|#\{|%\(|<[A-Za-z_ -]{2,}>|x{5,}|X{5,}|\*{3,}|\.\.\.|…|0{8,}|(?:changeme|change_me|change-me|placeholder|example|dummy|redacted|replace_?me|your[_-]|yourtoken|insert[_-]|notreal|not_a_real|fake|sample|abcdefg|bcdefgh|1234567|2345678|3456789|qwerty)/i;
const BARE_PLACEHOLDER = /^(?:\$[A-Za-z_]\w*|%\w+%|null|none|nil|true|false|undefined|empty|secret|password|token|test|testing|string|required|optional)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || BARE_PLACEHOLDER.test(value);
}

/** For name rules: the value looks machine-made, not like a word, a path or an identifier. */
function looksRandom(value: string): boolean {
  if (UUID.test(value)) return false;
  if (/^(?:[A-Za-z_$][\w$]*\.)+[A-Za-z_$][\w$]*$/.test(value)) return false; // dotted identifier
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(value) && !/\d/.test(value.slice(0, 4))) return false; // CONSTANT_NAME
  if (/^[a-z]+(?:[_-][a-z]+)*$/.test(value)) return false; // words_joined
  if (/^[a-z]+(?:[A-Z][a-z]+)+$/.test(value)) return false; // camelCaseWords
  if (/^[./~]|^[A-Za-z]:\\|:\/\/|[()[\]{}<>]/.test(value)) return false; // path, URL, call, markup
  if (/^\d+(?:\.\d+)*$/.test(value)) return false; // a number or a version
  if (/\\[nrtu'"]/.test(value)) return false; // escaped source text (source maps, JSON-encoded code)
  if (/^(?:arn|urn):/i.test(value)) return false; // resource names
  if (/^[0-9a-f]{1,31}$/i.test(value)) return false; // short hex: ids, short hashes
  if (/pass(?:w(?:or)?d)?|secret|token|abcd1234|1234abcd|a1b2c3/i.test(value)) return false; // describes itself: `generatedpassword1`
  if (!/\d/.test(value)) {
    // Words run together (`platformAuthDOMGetToken`, `urn:ietf:params:oauth:grant-type:jwt-bearer`):
    // random text splits into short pieces at case changes, prose into long ones.
    const letters = value.replace(/[^A-Za-z]/g, '').length;
    const pieces = value.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[^A-Za-z]+/).filter(Boolean).length;
    if (pieces > 0 && letters / pieces >= 4) return false;
  }
  if (/^[\d\s:.\-/T+Z]+$/.test(value)) return false; // a date
  let classes = 0;
  if (/[a-z]/.test(value)) classes++;
  if (/[A-Z]/.test(value)) classes++;
  if (/\d/.test(value)) classes++;
  if (/[^A-Za-z0-9]/.test(value)) classes++;
  return classes >= 2 && (/\d/.test(value) || value.length >= 20);
}

// ---------------------------------------------------------------------------------------
// Names

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

// ---------------------------------------------------------------------------------------
// Positions

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionAt(lineStarts: number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo]! };
}

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

const NAME_FIELDS: Record<string, string[]> = {
  // JavaScript / TypeScript
  variable_declarator: ['name'],
  assignment_expression: ['left'],
  augmented_assignment_expression: ['left'],
  assignment_pattern: ['left'],
  pair: ['key'],
  public_field_definition: ['name', 'property'],
  field_definition: ['property', 'name'],
  jsx_attribute: [],
  // Python
  assignment: ['left'],
  keyword_argument: ['name'],
  default_parameter: ['name'],
  typed_default_parameter: ['name'],
};

/** The string literal node around [start, end) whose content is exactly that range. */
function literalAround(tree: Tree, start: number, end: number, literalTypes: ReadonlySet<string>): SyntaxNode | undefined {
  let n: SyntaxNode | null = tree.rootNode.descendantForIndex(start, end);
  for (let d = 0; n && d < 4; d++, n = n.parent) {
    if (n.type === 'template_string' && n.namedChildren.some((c) => c?.type === 'template_substitution')) return undefined;
    if (literalTypes.has(n.type) && n.type !== 'string_fragment' && n.type !== 'string_content') return n;
  }
  return undefined;
}

function contextName(literal: SyntaxNode): SyntaxNode | undefined {
  let node: SyntaxNode = literal;
  let parent = node.parent;
  // `x = "a" as string`, `x = ("a")`, `const X: T = "a"` (the declarator holds the type)
  while (parent && (parent.type === 'parenthesized_expression' || parent.type === 'as_expression' || parent.type === 'satisfies_expression')) {
    node = parent;
    parent = node.parent;
  }
  if (!parent) return undefined;
  const fields = NAME_FIELDS[parent.type];
  if (!fields) return undefined;
  if (parent.type === 'jsx_attribute') return parent.namedChild(0) ?? undefined;
  for (const f of fields) {
    const c = parent.childForFieldName(f);
    if (c && c.id !== node.id) return c;
  }
  const first = parent.namedChild(0);
  return first && first.id !== node.id ? first : undefined;
}

function codeCandidates(text: string, tree: Tree, literalTypes: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    const start = m.index + 1;
    const value = m[2]!;
    // Cheap before the tree lookup: a secret-ish word shortly before the string.
    if (!NAME_HINT.test(text.slice(Math.max(0, m.index - 80), m.index))) continue;
    const literal = literalAround(tree, start, start + value.length, literalTypes);
    if (!literal || literal.endIndex - literal.startIndex > value.length + 4) continue;
    const nameNode = contextName(literal);
    if (!nameNode) continue;
    const name = nameNode.type === 'string' ? nameNode.text.replace(/^["'`]|["'`]$/g, '') : nameNode.text;
    if (name.length > 100) continue;
    out.push({ name, value, start, literal: { start: literal.startIndex, end: literal.endIndex } });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Fixes

export interface SecretContext {
  family?: Family;
  /** Project-relative path, to recognise compose files and choose the fix. */
  path?: string;
}

const COMPOSE_FILE = /(?:^|[\\/])(?:docker-)?compose[\w.-]*\.ya?ml$/i;

function pythonOsImport(text: string, lineStarts: number[], lines: Position[]): { expr: (n: string) => string; edits: TextEdit[] } {
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
  void lines;
  const at = { line, character: 0 };
  return { expr: (n) => `os.environ["${n}"]`, edits: [{ range: { start: at, end: at }, newText: `import os${eol}` }] };
}

function fixFor(
  text: string,
  rule: Rule,
  c: Candidate,
  lineStarts: number[],
  ctx: SecretContext,
  inCode: boolean,
): Fix[] {
  if (!c.literal) return [];
  const env = envNameFor(c.name, rule);
  const range = { start: positionAt(lineStarts, c.literal.start), end: positionAt(lineStarts, c.literal.end) };
  if (inCode && ctx.family === 'js') {
    return [{ title: `Read the secret from process.env.${env}`, preferred: true, edits: [{ range, newText: `process.env.${env}` }] }];
  }
  if (inCode && ctx.family === 'python') {
    const imp = pythonOsImport(text, lineStarts, []);
    return [{ title: `Read the secret from os.environ["${env}"]`, preferred: true, edits: [...imp.edits, { range, newText: imp.expr(env) }] }];
  }
  if (!inCode && ctx.path && COMPOSE_FILE.test(ctx.path)) {
    return [{ title: `Read the secret from the environment: \${${env}}`, preferred: true, edits: [{ range, newText: `\${${env}}` }] }];
  }
  return [];
}

// ---------------------------------------------------------------------------------------
// Matching

function finding(rule: Rule, value: string, start: number, lineStarts: number[], severity: Severity, confidence: Confidence, fixes: Fix[]): Finding {
  return {
    ruleId: rule.id,
    severity,
    confidence,
    category: rule.category,
    cwe: rule.cwe,
    owasp: rule.owasp,
    title: rule.title,
    message: rule.message.replace(/\{\{\s*secret\s*\}\}/g, maskSecret(value)),
    range: { start: positionAt(lineStarts, start), end: positionAt(lineStarts, start + value.length) },
    fixes,
  };
}

function valueAccepted(spec: SecretSpec, value: string, whole: string): boolean {
  if (spec.entropy > 0 && shannonEntropy(value) < spec.entropy) return false;
  if (spec.allow.some((a) => a.test(value))) return false;
  if (spec.allowMatch.some((a) => a.test(whole))) return false;
  if (isPlaceholder(value)) return false;
  if (spec.randomValue && !looksRandom(value)) return false;
  if (spec.checksum === 'jwt' && !jwtHeaderValid(value)) return false;
  return true;
}

function severityFor(rule: Rule, spec: SecretSpec, value: string): { severity: Severity; confidence: Confidence } {
  if (spec.checksum === 'github-crc32') {
    return githubChecksumValid(value) ? { severity: rule.severity, confidence: 'high' } : { severity: 'warning', confidence: 'low' };
  }
  return { severity: rule.severity, confidence: rule.confidence };
}

/** Lower-cased text, computed once per scan and only if some rule needs it. */
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
  tree?: Tree,
  literalTypes?: ReadonlySet<string>,
  ctx: SecretContext = {},
): Finding[] {
  const out: Finding[] = [];
  const starts = new Lazy(() => lineStartsOf(text));
  const parsed = !!(tree && literalTypes);
  const candidates = new Lazy(() => (parsed ? codeCandidates(text, tree!, literalTypes!) : textCandidates(text)));
  const present = keywordsIn(text, rules);
  for (const rule of rules) {
    const spec = rule.secret;
    if (!spec) continue;
    if (spec.keywords.length > 0 && !spec.keywords.some((k) => present.has(k))) continue;
    if (spec.names) {
      for (const c of candidates.get()) {
        const name = (c.norm ??= normalizeName(c.name));
        if (!spec.names.test(name) || spec.notNames?.test(name)) continue;
        spec.regex.lastIndex = 0;
        if (!spec.regex.test(c.value)) continue;
        if (!valueAccepted(spec, c.value, c.value)) continue;
        const { severity, confidence } = severityFor(rule, spec, c.value);
        out.push(finding(rule, c.value, c.start, starts.get(), severity, confidence, fixFor(text, rule, c, starts.get(), ctx, parsed)));
      }
      continue;
    }
    const regex = new RegExp(spec.regex.source, spec.regex.flags.includes('g') ? spec.regex.flags : spec.regex.flags + 'g');
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (m[0].length === 0) regex.lastIndex++;
      const value = m[spec.group] ?? m[0];
      if (!value) continue;
      if (!valueAccepted(spec, value, m[0])) continue;
      const start = m.index + (spec.group > 0 ? m[0].indexOf(value) : 0);
      let literal: { start: number; end: number } | undefined;
      let name: string | undefined;
      if (parsed) {
        let n: SyntaxNode | null = tree!.rootNode.descendantForIndex(start, start + value.length);
        let inLiteral = false;
        for (let d = 0; n && d < 4; d++, n = n.parent) {
          if (literalTypes!.has(n.type) || n.type.includes('comment')) {
            inLiteral = true;
            break;
          }
        }
        if (!inLiteral) continue;
        const lit = literalAround(tree!, start, start + value.length, literalTypes!);
        if (lit && lit.endIndex - lit.startIndex <= value.length + 4 && text.slice(lit.startIndex, lit.endIndex).includes(value)) {
          const inner = text.slice(lit.startIndex, lit.endIndex).replace(/^[rRbBuUfF]{0,2}["'`]|["'`]$/g, '');
          if (inner === value) {
            literal = { start: lit.startIndex, end: lit.endIndex };
            const nameNode = contextName(lit);
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
      const fixes = literal ? fixFor(text, rule, { name: name ?? '', value, start, literal }, starts.get(), ctx, parsed) : [];
      out.push(finding(rule, value, start, starts.get(), severity, confidence, fixes));
      if (out.length > MAX_FINDINGS_PER_FILE) break;
    }
  }
  return dropGenericOverlaps(out, rules);
}

const keywordScanners = new Map<string, { regex: RegExp; keywords: string[] }>();

/**
 * The keyword prefilter: one pass over the text for the keywords of all rules at once
 * (a search per keyword costs ~10× more on large files).
 */
function keywordsIn(text: string, rules: readonly Rule[]): Set<string> {
  const keywords = [...new Set(rules.flatMap((r) => r.secret?.keywords ?? []))].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const present = new Set<string>();
  if (keywords.length === 0) return present;
  const key = keywords.join('\u0000');
  let scanner = keywordScanners.get(key);
  if (!scanner) {
    const alternatives = keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    scanner = { regex: new RegExp(`(${alternatives})`, 'gi'), keywords };
    if (keywordScanners.size > 64) keywordScanners.clear();
    keywordScanners.set(key, scanner);
  }
  const hits = new Set<string>();
  const regex = scanner.regex;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    hits.add(m[1]!.toLowerCase());
    if (hits.size === keywords.length) break;
  }
  // Longest first at each place, so a shorter keyword inside a longer hit is implied by it.
  for (const k of scanner.keywords) if (hits.has(k) || [...hits].some((h) => h.includes(k))) present.add(k);
  return present;
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

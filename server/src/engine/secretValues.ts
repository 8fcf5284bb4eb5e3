/**
 * What a secret value looks like: entropy, checksums, placeholders, machine-made shape,
 * and how it is masked in everything Ward prints.
 */
import type { Confidence, Severity } from './finding';
import { SEVERITY_RANK } from './finding';
import { policySeverity } from './severityPolicy';
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

export function valueAccepted(spec: SecretSpec, value: string, whole: string): boolean {
  if (spec.entropy > 0 && shannonEntropy(value) < spec.entropy) return false;
  if (spec.allow.some((a) => a.test(value))) return false;
  if (spec.allowMatch.some((a) => a.test(whole))) return false;
  if (isPlaceholder(value)) return false;
  if (spec.randomValue && !looksRandom(value)) return false;
  if (spec.checksum === 'jwt' && !jwtHeaderValid(value)) return false;
  return true;
}

/**
 * A token whose checksum fails has the provider's prefix but could not have been issued by
 * it (an example, a made-up or damaged value): low confidence, so the policy makes it info.
 */
export function severityFor(rule: Rule, spec: SecretSpec, value: string): { severity: Severity; confidence: Confidence } {
  if (spec.checksum === 'github-crc32') {
    if (githubChecksumValid(value)) return { severity: rule.severity, confidence: 'high' };
    const lowered = policySeverity(rule.kind, 'low');
    return { severity: SEVERITY_RANK[lowered] < SEVERITY_RANK[rule.severity] ? lowered : rule.severity, confidence: 'low' };
  }
  return { severity: rule.severity, confidence: rule.confidence };
}

/**
 * The severity policy (docs/severity.md): a rule's severity follows from what kind of
 * problem it reports and how sure Ward is, so "error" keeps meaning "exploitable as found".
 *
 *   severity = the lower of  cap(kind)  and  level(confidence)
 *
 * Built-in rules declare their kind, and a test holds every one to this function; rules
 * from users' folders may leave `kind` out (it is then guessed from mode and category) and
 * choose any severity.
 */
import type { Confidence, Severity } from './finding';
import { SEVERITY_RANK } from './finding';

export const RULE_KINDS = ['flow', 'exploitable-config', 'unsafe-api', 'weak-crypto', 'hardening', 'secret', 'limited-secret', 'vulnerable-dependency'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** The highest severity a kind of problem can have. */
export const KIND_CAP: Readonly<Record<RuleKind, Severity>> = {
  // Untrusted input proven to reach a dangerous sink.
  flow: 'error',
  // Exploitable as written, whatever the data: TLS verification off, JWT `none`, credentialed CORS for any origin.
  'exploitable-config': 'error',
  // A dangerous API or setting whose exploitability depends on data or a deployment Ward cannot see.
  'unsafe-api': 'warning',
  // A weak algorithm, key size, parameter or random source.
  'weak-crypto': 'warning',
  // Defence in depth and audit hints.
  hardening: 'info',
  // A usable credential in the code.
  secret: 'error',
  // A credential that is not enough on its own (an access key id) or reaches only a test mode.
  'limited-secret': 'warning',
  // A package version with a published advisory; each finding takes the advisory's CVSS severity (deps/cvss.ts).
  'vulnerable-dependency': 'error',
};

/** The highest severity a confidence allows: only high-confidence findings are errors. */
export const CONFIDENCE_CAP: Readonly<Record<Confidence, Severity>> = { high: 'error', medium: 'warning', low: 'info' };

export function policySeverity(kind: RuleKind, confidence: Confidence): Severity {
  const a = KIND_CAP[kind];
  const b = CONFIDENCE_CAP[confidence];
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

/** The kind of a rule that does not declare one (users' rules written before `kind` existed). */
export function defaultKind(mode: string, category: string): RuleKind {
  if (mode === 'taint') return 'flow';
  if (mode === 'secret' || mode === 'filename') return 'secret';
  if (mode === 'dependency') return 'vulnerable-dependency';
  if (category === 'crypto') return 'weak-crypto';
  return 'unsafe-api';
}

/** Which kinds make sense for a mode: a pattern cannot prove a flow, a secret is not an API misuse. */
export function kindFitsMode(kind: RuleKind, mode: string): boolean {
  if (mode === 'taint') return kind === 'flow' || kind === 'hardening';
  if (mode === 'secret' || mode === 'filename') return kind === 'secret' || kind === 'limited-secret';
  if (mode === 'dependency') return kind === 'vulnerable-dependency';
  // A document pack's checks report flows (with traces), settings and literal credentials alike.
  if (mode === 'check') return kind !== 'vulnerable-dependency';
  return kind !== 'flow' && kind !== 'secret' && kind !== 'limited-secret' && kind !== 'vulnerable-dependency';
}

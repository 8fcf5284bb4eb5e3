/** Applies the user's choices (disabled rules, overrides, minimum severity) to findings. */
import { Finding, SEVERITY_RANK, Severity } from './finding';

export interface Policy {
  disabledRules: readonly string[];
  severityOverrides: Readonly<Record<string, Severity | 'off'>>;
  minimumSeverity: Severity;
}

export function applyPolicy(findings: Finding[], policy: Policy): Finding[] {
  const disabled = new Set(policy.disabledRules);
  const min = SEVERITY_RANK[policy.minimumSeverity];
  const out: Finding[] = [];
  for (const f of findings) {
    if (disabled.has(f.ruleId)) continue;
    const override = policy.severityOverrides[f.ruleId];
    if (override === 'off') continue;
    const severity = override ?? f.severity;
    if (SEVERITY_RANK[severity] < min) continue;
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}

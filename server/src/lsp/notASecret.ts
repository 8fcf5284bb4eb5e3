/**
 * The "Ignore: not a secret" command for formats without comments: the finding's
 * fingerprint goes into the folder's baseline file, where the CLI (`ward scan --baseline`)
 * and the editor both read it. The entry holds the fingerprint (a hash), the rule id, the
 * relative path and the finding's message, whose value is masked: never the secret itself.
 */
import { fileURLToPath } from 'node:url';
import { BaselineError } from '../engine/baseline';
import type { Finding } from '../engine/finding';
import { projectPath } from '../engine/paths';
import type { IgnoreNotASecretArgs, IgnoreNotASecretResult } from '../protocol';
import type { BaselineStore } from './baselines';

export interface NotASecretDeps {
  baselines: BaselineStore;
  rootFor(uri: string): string | undefined;
  /** The findings last published for an open document (with their fingerprints). */
  findingsOf(uri: string): readonly Finding[] | undefined;
}

function isArgs(a: unknown): a is IgnoreNotASecretArgs {
  const x = a as IgnoreNotASecretArgs | null;
  return !!x && typeof x === 'object' && typeof x.uri === 'string' && typeof x.ruleId === 'string' && typeof x.fingerprint === 'string';
}

export function ignoreNotASecret(arg: unknown, deps: NotASecretDeps): IgnoreNotASecretResult {
  if (!isArgs(arg) || !arg.uri.startsWith('file:')) return { added: false, error: 'Ignore: not a secret needs a file of a workspace folder' };
  const root = deps.rootFor(arg.uri);
  if (!root) return { added: false, error: 'the file is not in a workspace folder, so there is no baseline file for it' };
  // The finding as it is now: an edit since the action was offered may have changed it.
  const finding = deps.findingsOf(arg.uri)?.find((f) => f.fingerprint === arg.fingerprint && f.ruleId === arg.ruleId);
  if (!finding) return { added: false, error: 'the finding is no longer in the document; nothing was added to the baseline' };
  const path = projectPath(root, fileURLToPath(arg.uri));
  try {
    const { file, added } = deps.baselines.add(root, { fingerprint: arg.fingerprint, ruleId: finding.ruleId, path, message: finding.message });
    return { file, added };
  } catch (err) {
    const message = err instanceof BaselineError ? err.message : `cannot write the baseline: ${(err as Error).message}`;
    return { added: false, error: message };
  }
}

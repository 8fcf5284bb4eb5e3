/**
 * The GitHub Actions pack: workflow files (`.github/workflows/*.yml|yaml`) and action
 * metadata (`action.yml|yaml`), read with the YAML grammar into a workflow model, and the
 * checks the `rules/actions/` rules name.
 */
import type { DocumentPack } from '../documentPack';
import { readYaml } from '../yaml/document';
import { YAML_GRAMMAR } from '../yaml/grammar';
import { untrustedEnvWrite, untrustedExpression } from './checks/injection';
import { missingPermissions, secretsInherit, selfHostedOnPullRequests, unsecureCommands, writeAllPermissions } from './checks/settings';
import { hardcodedCredentials, persistedCredentials, pipeToShell, privilegedCheckout, triggeringRunArtifact, unpinnedAction } from './checks/steps';
import { allSecrets, spoofableBotCondition, tlsVerificationOff, unpinnedImage } from './checks/more';
import { cleartextDownload, passwordArgument, privilegedJobContainer, unredactedSecretField, unsoundContains } from './checks/hardening';
import { readWorkflow, Workflow } from './workflow';

const WORKFLOW = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;
const ACTION = /(?:^|\/)action\.ya?ml$/i;

export const actionsPack: DocumentPack<Workflow> = {
  kind: 'github-actions',
  rulesFolder: 'actions',
  grammar: YAML_GRAMMAR,
  lineComment: '#',
  commentTypes: new Set(['comment']),
  recognises: (path) => {
    const p = path.replace(/\\/g, '/');
    return WORKFLOW.test(p) || ACTION.test(p);
  },
  editorFiles: [
    { language: 'yaml', pattern: '**/.github/workflows/*.{yml,yaml}' },
    { language: 'yaml', pattern: '**/action.{yml,yaml}' },
  ],
  read: (tree, text) => readWorkflow(readYaml(tree, text)),
  checks: {
    'untrusted-expression': untrustedExpression,
    'untrusted-env-write': untrustedEnvWrite,
    'missing-permissions': missingPermissions,
    'write-all-permissions': writeAllPermissions,
    'secrets-inherit': secretsInherit,
    'unsecure-commands': unsecureCommands,
    'self-hosted-pull-request': selfHostedOnPullRequests,
    'unpinned-action': unpinnedAction,
    'pipe-to-shell': pipeToShell,
    'privileged-checkout': privilegedCheckout,
    'persisted-credentials': persistedCredentials,
    'hardcoded-credentials': hardcodedCredentials,
    'all-secrets': allSecrets,
    'spoofable-bot-condition': spoofableBotCondition,
    'unpinned-image': unpinnedImage,
    'tls-verification-off': tlsVerificationOff,
    'triggering-run-artifact': triggeringRunArtifact,
    'unredacted-secret-field': unredactedSecretField,
    'password-argument': passwordArgument,
    'unsound-contains': unsoundContains,
    'privileged-job-container': privilegedJobContainer,
    'cleartext-download': cleartextDownload,
  },
  fixTitles: {
    'untrusted-expression': ['Pass the untrusted values through `env:` and read them as variables (bash, sh, pwsh and github-script; not where the quoting is unclear)'],
    'missing-permissions': ['Add `permissions: contents: read` (then grant each job what it needs)'],
    'persisted-credentials': ['Add `persist-credentials: false`'],
  },
};

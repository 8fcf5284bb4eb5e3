/**
 * The Kubernetes pack: manifests are YAML files with `apiVersion` and `kind` at the top level
 * (several `---` documents, `List`s, Helm's rendered output), claimed by their first lines
 * since their names say nothing. Helm template sources get a notice instead of findings.
 */
import type { DocumentPack } from '../documentPack';
import { documentStarts, readYaml, YAML_MAX_LINES } from '../yaml/document';
import { YAML_GRAMMAR } from '../yaml/grammar';
import { adminBinding, bindingToEveryone, exposedAdminPort, rbacSecretsRead, rbacWildcard } from './checks/access';
import { automountedToken, floatingImage, hostNamespace, hostPath, literalSecretEnv, missingLimits } from './checks/pods';
import {
  addedCapabilities, capabilitiesNotDropped, privileged, privilegeEscalation, procMountUnmasked, runAsNonRoot, runAsRootUser, unconfinedProfile, writableRootFilesystem,
} from './checks/securityContext';
import { looksLikeManifest, Manifest, readManifest } from './manifest';

const YAML_FILE = /\.ya?ml$/i;

export const kubernetesPack: DocumentPack<Manifest> = {
  kind: 'kubernetes',
  rulesFolder: 'kubernetes',
  grammar: YAML_GRAMMAR,
  lineComment: '#',
  commentTypes: new Set(['comment']),
  // No path says "manifest": the content does.
  recognises: () => false,
  byContent: { candidate: (path) => YAML_FILE.test(path), recognisesHead: looksLikeManifest },
  // Rendered bundles (CRDs and all) can pass the grammar's 32,767 lines: read them document by document.
  parts: { maxLines: YAML_MAX_LINES, cuts: documentStarts },
  // The client sends every `yaml` document already (for the secret rules); the server claims the manifests among them.
  editorFiles: [{ language: 'yaml', pattern: '**/*.{yml,yaml}' }],
  read: (tree, text, path) => readManifest(readYaml(tree, text), path),
  checks: {
    privileged,
    'privilege-escalation': privilegeEscalation,
    'run-as-non-root': runAsNonRoot,
    'run-as-root-user': runAsRootUser,
    'added-capabilities': addedCapabilities,
    'capabilities-not-dropped': capabilitiesNotDropped,
    'writable-root-filesystem': writableRootFilesystem,
    'proc-mount-unmasked': procMountUnmasked,
    'unconfined-profile': unconfinedProfile,
    'host-namespace': hostNamespace,
    'host-path': hostPath,
    'automounted-token': automountedToken,
    'floating-image': floatingImage,
    'missing-limits': missingLimits,
    'literal-secret-env': literalSecretEnv,
    'rbac-wildcard': rbacWildcard,
    'rbac-secrets-read': rbacSecretsRead,
    'admin-binding': adminBinding,
    'binding-to-everyone': bindingToEveryone,
    'exposed-admin-port': exposedAdminPort,
  },
  fixTitles: {
    privileged: ['Set `privileged: false`'],
    'privilege-escalation': ['Set `allowPrivilegeEscalation: false`'],
    'run-as-non-root': ['Set `runAsNonRoot: true` (the image must name a non-root user)'],
    'added-capabilities': ['Remove the capability from `capabilities.add`'],
    'capabilities-not-dropped': ['Drop all capabilities (`capabilities: drop: ["ALL"]`), then add back only those it needs'],
    'writable-root-filesystem': ['Set `readOnlyRootFilesystem: true` (mount an `emptyDir` where it must write)'],
    'proc-mount-unmasked': ['Set `procMount: Default`'],
    'unconfined-profile': ["Use the runtime's default profile (`RuntimeDefault`)"],
    'automounted-token': ['Add `automountServiceAccountToken: false`'],
  },
};

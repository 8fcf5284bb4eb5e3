/** The Docker Compose pack: `docker-compose*.yml|yaml` and `compose*.yml|yaml` files, read into their services. */
import type { DocumentPack } from '../documentPack';
import { readYaml } from '../yaml/document';
import { YAML_GRAMMAR } from '../yaml/grammar';
import { addedCapabilities, floatingImage, hostMount, hostNamespace, literalSecretEnv, privileged, publicDatabasePort, unconfined } from './checks';
import { ComposeFile, readCompose } from './compose';

// `compose.yaml`, `docker-compose.override.yml`, `compose-prod.yaml`, `dev.compose.yml`; not `composer.yml`.
const COMPOSE = /(?:^|\/)(?:[^/]*\.)?(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i;

export const composePack: DocumentPack<ComposeFile> = {
  kind: 'docker-compose',
  rulesFolder: 'compose',
  grammar: YAML_GRAMMAR,
  lineComment: '#',
  commentTypes: new Set(['comment']),
  recognises: (path) => COMPOSE.test(path.replace(/\\/g, '/')),
  editorFiles: [
    { language: 'dockercompose', pattern: '**/{docker-compose,compose}*.{yml,yaml}' },
    { language: 'dockercompose', pattern: '**/*.{docker-compose,compose}.{yml,yaml}' },
  ],
  read: (tree, text) => readCompose(readYaml(tree, text)),
  checks: {
    privileged,
    'host-namespace': hostNamespace,
    'host-mount': hostMount,
    'added-capabilities': addedCapabilities,
    unconfined,
    'literal-secret-env': literalSecretEnv,
    'public-database-port': publicDatabasePort,
    'floating-image': floatingImage,
  },
  fixTitles: {
    privileged: ['Set `privileged: false`'],
    'added-capabilities': ['Remove the capability from `cap_add`'],
    unconfined: ['Remove the option (the default profile applies)'],
    'public-database-port': ['Publish it on 127.0.0.1 only'],
  },
};

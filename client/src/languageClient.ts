/** Starts the Ward language server (dist/server.js) over IPC and keeps it running. */
import * as path from 'node:path';
import type { ExtensionContext, OutputChannel } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/protocol';
// The VS Code language ids of the language packs' grammars, from the registry at build time
// (esbuild.mjs): the packs' code stays out of the client.
import CODE_LANGUAGES, { DOCUMENT_FILES } from 'virtual:editor-languages';

/** Formats only the secret rules read: the server scans them as plain text. */
const CONFIG_LANGUAGES = [
  'dotenv', 'properties', 'yaml', 'json', 'jsonc', 'toml', 'ini', 'xml', 'dockerfile', 'dockercompose',
  'shellscript', 'terraform', 'hcl', 'markdown', 'plaintext', 'jupyter', 'java-properties', 'ignore',
];
export const DOCUMENT_SELECTOR = [
  ...[...CODE_LANGUAGES, ...CONFIG_LANGUAGES].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]),
  // Files VS Code has no language for: .env variants, keys, registry configs, notebooks.
  { scheme: 'file', pattern: '**/{.env,.env.*,*.env,*.pem,*.key,*.ppk,*.asc,.npmrc,.pypirc,.netrc,*.tfvars,*.ipynb,*.cfg,*.conf}' },
  // The document packs' files (workflows, Dockerfiles: their packs' editorFiles, from the registry
  // at build time), whatever language an extension gives them (some give workflows
  // `github-actions-workflow`).
  ...DOCUMENT_FILES.flatMap(({ language, pattern }) => [
    { scheme: 'file', language, pattern },
    { scheme: 'file', pattern },
  ]),
  { scheme: 'file', language: 'github-actions-workflow' },
  // Compose files (languages/compose), under the Docker extension's language id or none.
  { scheme: 'file', language: 'dockercompose', pattern: '**/{docker-compose,compose}*.{yml,yaml}' },
  { scheme: 'file', pattern: '**/{docker-compose,compose}*.{yml,yaml}' },
  { scheme: 'file', language: 'dockercompose', pattern: '**/*.{docker-compose,compose}.{yml,yaml}' },
  { scheme: 'file', pattern: '**/*.{docker-compose,compose}.{yml,yaml}' },
  // Kubernetes manifests (languages/kubernetes) are YAML files of any name: the server claims
  // them by their first lines (`apiVersion`, `kind`), the others get the secret rules only.
  { scheme: 'file', language: 'yaml', pattern: '**/*.{yml,yaml}' },
  // Terraform (languages/terraform: editorFiles): the language ids are above; without an
  // extension that knows HCL, VS Code has no language for `.tf`.
  { scheme: 'file', pattern: '**/*.tf' },
  // Manifests and lockfiles whose language VS Code may not know (dependency rules).
  { scheme: 'file', pattern: '**/{yarn.lock,go.mod,go.sum,gradle.lockfile,poetry.lock,uv.lock,Pipfile.lock,pyproject.toml,*requirements*.txt,requirements*.in}' },
];

export function createLanguageClient(context: ExtensionContext, output: OutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    synchronize: { configurationSection: 'ward' },
    // The workspace scan caches results there; without a folder open there is none (no disk cache).
    initializationOptions: { storagePath: context.storageUri?.fsPath, advisoriesPath: path.join(context.globalStorageUri.fsPath, 'advisories') } satisfies InitializationOptions,
    diagnosticCollectionName: 'ward',
  };
  // The default error handler restarts a crashed server (up to 4 times in 3 minutes).
  return new LanguageClient('ward', 'Ward', serverOptions, clientOptions);
}

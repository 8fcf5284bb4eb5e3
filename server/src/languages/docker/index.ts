/**
 * The Dockerfile pack: `Dockerfile`, `Dockerfile.*`, `*.dockerfile` and `Containerfile`, read
 * by the pack's own line parser (no Dockerfile grammar is published as wasm), with RUN
 * bodies parsed by the bash grammar, and the checks the `rules/docker/` rules name.
 */
import type { DocumentPack, ReadText } from '../documentPack';
import type { Tree } from '../parser';
import { readDockerfile } from './dockerfile';
import { BASH_GRAMMAR } from './grammar';
import type { DockerModel } from './model';
import { readScripts } from './shell';
import { lastUserRoot, missingUser } from './checks/users';
import { addInsteadOfCopy, addRemote, copySecretFile } from './checks/sources';
import { exposeSsh, secretBuildArg, secretInEnv, unpinnedBaseImage } from './checks/settings';
import { httpDownload, passwordlessSudo, pipeToShell, sudo, worldWritable } from './checks/commands';
import { tlsVerificationOff, unpinnedPackages, unsignedPackages } from './checks/packages';

/** `Dockerfile`, `Dockerfile.prod`, `api.Dockerfile`, `web.dockerfile`, `Containerfile` (not `Dockerfile.md` and the like). */
const NAME = /(?:^|\/)(?:(?:Dockerfile|Containerfile)(?:\.(?!(?:md|txt|rst|html?|json|ya?ml|sh|py|js|ts|orig|rej|bak|swp|lock|log|dockerignore)$)[^/]+)?|[^/]+\.(?:dockerfile|containerfile))$/i;

function readText(text: string, parse: (piece: string) => Tree): ReadText<DockerModel> | { notice: string } {
  const file = readDockerfile(text);
  if (file.stages.length === 0) return { notice: file.instructions.length === 0 ? 'no Dockerfile instructions in the file' : 'no FROM instruction (a fragment or template, not a Dockerfile)' };
  const scripts = readScripts(file, parse);
  const comments = [...file.comments, ...scripts.flatMap((s) => s.comments)].sort((a, b) => a[0] - b[0]);
  const notices: string[] = [];
  if (file.strayLines.length > 0) notices.push(`line ${file.strayLines[0]! + 1}${file.strayLines.length > 1 ? ` and ${file.strayLines.length - 1} more` : ''} not read as an instruction`);
  const broken = scripts.filter((s) => s.tree?.rootNode.hasError);
  if (broken.length > 0) notices.push(`the shell of ${broken.length} RUN step${broken.length > 1 ? 's' : ''} (line ${file.range(broken[0]!.instruction.start, broken[0]!.instruction.start).start.line + 1}) could not all be parsed; the rest was read`);
  return {
    model: { file, scripts },
    notices,
    isComment: (offset) => {
      let lo = 0;
      let hi = comments.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const [s, e] = comments[mid]!;
        if (offset < s) hi = mid - 1;
        else if (offset >= e) lo = mid + 1;
        else return true;
      }
      return false;
    },
  };
}

export const dockerPack: DocumentPack<DockerModel> = {
  kind: 'dockerfile',
  rulesFolder: 'docker',
  grammar: BASH_GRAMMAR,
  lineComment: '#',
  commentTypes: new Set(),
  recognises: (path) => NAME.test(path.replace(/\\/g, '/')),
  editorFiles: [
    { language: 'dockerfile', pattern: '**/{Dockerfile,Dockerfile.*,*.dockerfile,Containerfile,Containerfile.*,*.containerfile}' },
  ],
  readText,
  checks: {
    'last-user-root': lastUserRoot,
    'missing-user': missingUser,
    'add-instead-of-copy': addInsteadOfCopy,
    'add-remote': addRemote,
    'copy-secret-file': copySecretFile,
    'unpinned-base-image': unpinnedBaseImage,
    'expose-ssh': exposeSsh,
    'secret-in-env': secretInEnv,
    'secret-build-arg': secretBuildArg,
    'pipe-to-shell': pipeToShell,
    'http-download': httpDownload,
    'world-writable': worldWritable,
    sudo,
    'passwordless-sudo': passwordlessSudo,
    'tls-verification-off': tlsVerificationOff,
    'unsigned-packages': unsignedPackages,
    'unpinned-packages': unpinnedPackages,
  },
  fixTitles: {
    'missing-user': ['Run as the user the stage creates (add `USER name` after its last build step)'],
    'add-instead-of-copy': ['Use COPY'],
    sudo: ['Remove `sudo` (the step already runs as root)'],
  },
};

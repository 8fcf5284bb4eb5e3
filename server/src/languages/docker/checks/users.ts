/**
 * Who the container runs as: the final stage (with the stages it is built on) ending as root,
 * explicitly (`USER root`) or by never naming a user. Images whose entrypoint drops
 * privileges itself (gosu, su-exec, setpriv …, named in the stage) and base images known to
 * run as another user (the rule's `non-root-images`) are not reported.
 */
import type { CheckHit, DocFix } from '../../documentPack';
import { expanded, finalStage, Instruction, lineage, Stage } from '../dockerfile';
import { clip, commands, DockerModel, effective, hitAt, insertAfter, isRoot, optionRegExp, userAt } from '../model';

const DROPS_PRIVILEGES = /\b(?:gosu|su-exec|setpriv|runuser|s6-setuidgid|chpst|setuidgid)\b/;

function dropsPrivileges(stages: Stage[]): boolean {
  return stages.some((s) => s.instructions.some((ins) => ins.keyword !== 'FROM' && ins.keyword !== 'LABEL' && DROPS_PRIVILEGES.test(ins.body.text)));
}

function baseImage(stages: Stage[]): string | undefined {
  const root = stages[stages.length - 1]!;
  return root.image ?? root.imageWord?.value;
}

export function lastUserRoot(model: DockerModel, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const stage = finalStage(model.file);
  if (!stage) return [];
  const stages = lineage(stage);
  const { user, set } = userAt(stage);
  if (!set || !isRoot(user) || dropsPrivileges(stages)) return [];
  const image = baseImage(stages);
  if (image && optionRegExp(options, 'non-root-images')?.test(image)) return [];
  const word = set.args[0]!;
  return [hitAt(model, set, set.keywordStart, word.end, { user: word.value })];
}

export function missingUser(model: DockerModel, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const stage = finalStage(model.file);
  if (!stage) return [];
  const stages = lineage(stage);
  if (userAt(stage).set || dropsPrivileges(stages)) return [];
  const image = baseImage(stages);
  if (image === undefined || optionRegExp(options, 'non-root-images')?.test(image)) return [];
  // Other images may set a user of their own: only bases known to run as root are reported.
  const rootImages = optionRegExp(options, 'root-images');
  if (rootImages && !rootImages.test(image)) return [];
  const from = stage.from;
  const end = from.args[0]?.end ?? from.keywordEnd;
  const created = createdUser(model, stages);
  const fixes: DocFix[] = [];
  const last = [...stage.instructions].reverse().find((i) => ['RUN', 'COPY', 'ADD', 'WORKDIR', 'FROM', 'ENV', 'ARG'].includes(i.keyword));
  if (created && last) fixes.push({ title: `Run as \`${created}\` (add \`USER ${created}\`)`, edits: [insertAfter(model, last, `USER ${created}`)], preferred: true });
  return [hitAt(model, from, from.keywordStart, end, { image: clip(from.args[0]?.value ?? '', 30) }, fixes)];
}

const OPTIONS_WITH_VALUES = new Set(['-u', '-g', '-G', '-d', '-s', '-c', '-k', '-K', '-e', '-f', '-p', '-R', '-P', '-Z', '-b', '-h',
  '--uid', '--gid', '--groups', '--home', '--home-dir', '--shell', '--comment', '--gecos', '--ingroup', '--skel', '--key', '--expiredate', '--inactive', '--password', '--root', '--prefix', '--base-dir', '--firstuid', '--lastuid', '--conf']);

/** The last user a RUN in the stages creates (`useradd -r app`, `adduser -D app`), when its name is known. */
function createdUser(model: DockerModel, stages: Stage[]): string | undefined {
  let name: string | undefined;
  for (const cmd of commands(model)) {
    if (!stages.includes(cmd.instruction.stage!)) continue;
    const e = effective(cmd);
    if (!e || (e.name !== 'useradd' && e.name !== 'adduser')) continue;
    for (let i = 0; i < e.args.length; i++) {
      const v = e.args[i]!.value;
      if (v.startsWith('-')) {
        if (OPTIONS_WITH_VALUES.has(v)) i++;
        continue;
      }
      const user = expanded(cmd.instruction as Instruction, v);
      if (user && /^[a-z_][a-z0-9_.-]*$/i.test(user) && !isRoot(user)) name = user;
      break;
    }
  }
  return name;
}

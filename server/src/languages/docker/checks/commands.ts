/**
 * Shell commands of RUN instructions: scripts piped from the network into a shell, downloads
 * over plain HTTP, world-writable modes, sudo, passwordless sudo.
 */
import type { CheckHit, DocFix } from '../../documentPack';
import type { ShellCommand } from '../shell';
import { clip, commands, DockerModel, effective, Effective, hitAt, isRoot, shown, userAt } from '../model';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'fish']);
const INTERPRETERS = new Set(['python', 'perl', 'ruby', 'node', 'php']);

/** `bash`, `python3.11`, `perl`: a program that runs a script. */
function isShell(name: string): boolean {
  const base = name.replace(/[0-9.]+$/, '');
  return SHELLS.has(name) || SHELLS.has(base) || INTERPRETERS.has(base);
}
const DOWNLOADERS = new Set(['curl', 'wget']);

function isDownload(e: Effective | undefined): e is Effective {
  return !!e && DOWNLOADERS.has(e.name);
}

/** A shell or interpreter that runs what it reads on its standard input (`sh`, `bash -s --`, `python3 -`). */
function runsStdin(e: Effective | undefined): boolean {
  if (!e) return false;
  if (!isShell(e.name)) return false;
  // `-c`/`-e`/`-m` code or a script file: stdin is data, not the program.
  for (const a of e.args) {
    const v = a.value;
    if (v === '-' || v === '--') return true;
    if (v === '-s') return true;
    if (/^-[a-zA-Z]*[cem]$/.test(v)) return false;
    if (!v.startsWith('-')) return false;
  }
  return true;
}

/** The command that runs what `cmd` (a download) fetched, when it is piped or substituted into a shell. */
function shellOf(cmd: ShellCommand): ShellCommand | undefined {
  if (cmd.pipeline) {
    const after = cmd.pipeline.slice(cmd.pipeline.indexOf(cmd) + 1);
    return after.find((c) => runsStdin(effective(c)));
  }
  // `bash <(curl …)`, `sh -c "$(curl …)"`, `eval "$(wget -O- …)"`, `source <(curl …)`.
  const outer = cmd.substitutionOf;
  const e = outer ? effective(outer) : undefined;
  if (e && (isShell(e.name) || e.name === 'eval' || e.name === 'source' || e.name === '.')) return outer;
  return undefined;
}

export function pipeToShell(model: DockerModel): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const cmd of commands(model)) {
    if (!isDownload(effective(cmd))) continue;
    const shell = shellOf(cmd);
    if (!shell) continue;
    const [first, last] = cmd.pipeline ? [cmd, shell] : [shell, shell];
    const start = first.words[0]!.start;
    const end = last.words[last.words.length - 1]!.end;
    const words = cmd.pipeline ? cmd.pipeline.slice(cmd.pipeline.indexOf(cmd), cmd.pipeline.indexOf(shell) + 1).map((c) => c.words.map((w) => w.raw).join(' ')).join(' | ') : shell.words.map((w) => w.raw).join(' ');
    hits.push(hitAt(model, cmd.instruction, start, end, { command: clip(words, 45) }));
  }
  return hits;
}

const VERIFIERS = new Set(['sha256sum', 'sha512sum', 'sha384sum', 'sha1sum', 'shasum', 'md5sum', 'b2sum', 'gpg', 'gpgv', 'cosign', 'minisign', 'signify']);
const LOCAL_HOST = /^https?:\/\/(?:localhost|127\.|0\.0\.0\.0|\[::1\]|[^/.:]+(?:[:/]|$))/i;

export function httpDownload(model: DockerModel): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const script of model.scripts) {
    const verified = script.commands.some((c) => {
      const e = effective(c);
      return !!e && VERIFIERS.has(e.name);
    });
    if (verified) continue;
    for (const cmd of script.commands) {
      const e = effective(cmd);
      if (!isDownload(e) || shellOf(cmd)) continue;
      const url = e.args.find((a) => /^http:\/\//i.test(a.value) && !LOCAL_HOST.test(a.value));
      if (url) hits.push(hitAt(model, cmd.instruction, url.start, url.end, { url: clip(url.value, 38) }));
    }
  }
  return hits;
}

/** A mode that gives write access to everyone and is not a sticky directory's (`1777`, `a+rwxt`). */
export function worldWritableMode(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const sticky = mode.length === 4 && (Number(mode[0]) & 1) === 1;
    return (Number(mode[mode.length - 1]) & 2) === 2 && !sticky;
  }
  let writable = false;
  let sticky = false;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m || m[2] === '-') continue;
    // No `who` is filtered by the umask (022 in builds): not everyone.
    if (m[3]!.includes('w') && /[oa]/.test(m[1]!)) writable = true;
    if (m[3]!.includes('t')) sticky = true;
  }
  return writable && !sticky;
}

export function worldWritable(model: DockerModel): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const cmd of commands(model)) {
    const e = effective(cmd);
    if (!e || e.name !== 'chmod') continue;
    const mode = e.args.find((a) => !a.value.startsWith('-'));
    if (!mode || !worldWritableMode(mode.value)) continue;
    hits.push(hitAt(model, cmd.instruction, e.words[0]!.start, mode.end, { command: `chmod ${mode.value}` }));
  }
  for (const ins of model.file.instructions) {
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    const flag = ins.flags.find((f) => f.name === 'chmod');
    if (flag?.option && worldWritableMode(flag.option)) hits.push(hitAt(model, ins, flag.start, flag.end, { command: `${ins.keyword} --chmod=${flag.option}` }));
  }
  return hits;
}

export function sudo(model: DockerModel): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const cmd of commands(model)) {
    const w = cmd.words;
    if (w.length === 0 || w[0]!.value.replace(/^.*\//, '') !== 'sudo') continue;
    const e = effective(cmd);
    const fixes: DocFix[] = [];
    const stage = cmd.instruction.stage;
    // Removing sudo keeps the meaning only where the step already runs as root and sudo changes no user.
    if (e && stage && isRoot(userAt(stage, cmd.instruction).user)) {
      const start = w[0]!.start;
      const end = e.words[0]!.start;
      if (/^\S*sudo(?:\s+(?:-[EHn]+|--))*\s+$/.test(model.file.text.slice(start, end))) {
        fixes.push({ title: 'Remove `sudo` (the step already runs as root)', edits: [{ range: model.file.range(start, end), newText: '' }], preferred: true });
      }
    }
    hits.push(hitAt(model, cmd.instruction, w[0]!.start, w[0]!.end, { command: shown(w, 60) }, fixes));
  }
  return hits;
}

export function passwordlessSudo(model: DockerModel): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const cmd of commands(model)) {
    const w = cmd.words.find((x) => /NOPASSWD\s*:/.test(x.value));
    if (w) hits.push(hitAt(model, cmd.instruction, w.start, w.end, { rule: clip(w.value, 40) }));
  }
  for (const ins of model.file.instructions) {
    if (ins.keyword !== 'COPY') continue;
    for (const h of ins.heredocs) {
      const m = /NOPASSWD\s*:/.exec(h.text);
      if (m) hits.push(hitAt(model, ins, h.start + m.index, h.start + m.index + m[0].length, { rule: 'NOPASSWD' }));
    }
  }
  return hits;
}

/**
 * What COPY and ADD bring into the image: ADD where COPY does the job, ADD of a URL nothing
 * checks, and key or credential files copied into a layer.
 */
import type { CheckHit } from '../../documentPack';
import { expanded, Instruction } from '../dockerfile';
import { clip, commands, DockerModel, effective, hitAt, optionRegExp } from '../model';
import type { Word } from '../words';

/** The source words of COPY/ADD (all but the destination; heredoc sources left out). */
export function sources(ins: Instruction): Word[] {
  return ins.args.slice(0, -1).filter((w) => !w.value.startsWith('<<'));
}

const REMOTE = /^(?:https?|ftp):\/\//i;
const GIT = /^(?:git@|ssh:\/\/|git:\/\/)|\.git(?:#|$)/i;
/** What ADD unpacks: tar archives, compressed or not (and files that may be one). */
const ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tzst|taz|tlz|gz|bz2|xz|zst|lz|lzma|Z)$/i;
/** Flags COPY does not have. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export function addInsteadOfCopy(model: DockerModel): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const ins of model.file.instructions) {
    if (ins.keyword !== 'ADD' || ins.args.length < 2 || ins.heredocs.length > 0) continue;
    const values = sources(ins).map((w) => expanded(ins, w));
    if (values.length === 0 || values.some((v) => v === undefined || REMOTE.test(v) || GIT.test(v) || ARCHIVE.test(v) || v.includes('*') || v.includes('?'))) continue;
    const fixes = ins.flags.some((f) => ADD_ONLY_FLAGS.has(f.name))
      ? []
      : [{ title: 'Use COPY', edits: [{ range: model.file.range(ins.keywordStart, ins.keywordEnd), newText: model.file.text.slice(ins.keywordStart, ins.keywordEnd) === 'add' ? 'copy' : 'COPY' }], preferred: true }];
    hits.push(hitAt(model, ins, ins.keywordStart, ins.keywordEnd, { source: clip(values[0]!, 30) }, fixes));
  }
  return hits;
}

const VERIFIES = new Set(['sha256sum', 'sha512sum', 'sha384sum', 'sha1sum', 'shasum', 'md5sum', 'gpg', 'gpgv', 'cosign', 'minisign', 'signify', 'rpm', 'b2sum']);

/** A later RUN of the same stage checks a checksum or a signature. */
function verifiedLater(model: DockerModel, ins: Instruction): boolean {
  for (const cmd of commands(model)) {
    if (cmd.instruction.stage !== ins.stage || cmd.instruction.start < ins.end) continue;
    const e = effective(cmd);
    if (!e || !VERIFIES.has(e.name)) continue;
    if (e.name === 'gpg' && !e.args.some((a) => a.value === '--verify')) continue;
    if (e.name === 'rpm' && !e.args.some((a) => a.value === '-K' || a.value === '--checksig')) continue;
    return true;
  }
  return false;
}

export function addRemote(model: DockerModel): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const ins of model.file.instructions) {
    if (ins.keyword !== 'ADD' || ins.flags.some((f) => f.name === 'checksum')) continue;
    for (const w of sources(ins)) {
      const v = expanded(ins, w) ?? w.value;
      if (!REMOTE.test(v)) continue;
      // A git repository pinned to a full commit is fixed.
      if (GIT.test(v) && /#[0-9a-f]{40}(?::|$)/i.test(v)) continue;
      if (verifiedLater(model, ins)) continue;
      hits.push(hitAt(model, ins, w.start, w.end, { url: clip(v, 45) }));
    }
  }
  return hits;
}

export function copySecretFile(model: DockerModel, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const names = optionRegExp(options, 'names');
  const folders = optionRegExp(options, 'folders');
  const notNames = optionRegExp(options, 'not-names');
  const publicPlaces = optionRegExp(options, 'public-destinations');
  if (!names) return [];
  const hits: CheckHit[] = [];
  for (const ins of model.file.instructions) {
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    // A key copied to where public keys go (`/war/jenkins-key.pub`, a keyring) is a public one.
    const destination = ins.args[ins.args.length - 1];
    if (destination && publicPlaces?.test(expanded(ins, destination) ?? destination.value)) continue;
    for (const w of sources(ins)) {
      const v = (expanded(ins, w) ?? w.value).replace(/\/+$/, '');
      if (REMOTE.test(v)) continue;
      const base = v.slice(v.lastIndexOf('/') + 1);
      const segments = v.split('/');
      const isKey = (names.test(base) && !notNames?.test(base)) || (!!folders && segments.some((s) => folders.test(s)));
      if (isKey) hits.push(hitAt(model, ins, w.start, w.end, { file: clip(v, 40) }));
    }
  }
  return hits;
}

/**
 * Instructions that set up the image: base images without a fixed version, SSH exposed,
 * secrets in ENV/ARG (values are never put in messages).
 */
import type { CheckHit } from '../../documentPack';
import { assignments, expanded, finalStage, Instruction, lineage } from '../dockerfile';
import { clip, DockerModel, hitAt, optionRegExp } from '../model';

export function unpinnedBaseImage(model: DockerModel): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const stage of model.file.stages) {
    const word = stage.imageWord;
    if (!word || stage.parent || stage.image === undefined) continue;
    const image = stage.image;
    if (image.toLowerCase() === 'scratch' || image.includes('@sha256:') || image.includes('@')) continue;
    const lastPart = image.slice(image.lastIndexOf('/') + 1);
    const colon = lastPart.indexOf(':');
    const tag = colon < 0 ? undefined : lastPart.slice(colon + 1);
    if (tag !== undefined && tag !== '' && tag.toLowerCase() !== 'latest') continue;
    hits.push(hitAt(model, stage.from, word.start, word.end, { image: clip(image, 50) }));
  }
  return hits;
}

export function exposeSsh(model: DockerModel, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const ports = Array.isArray(options.ports) ? options.ports.filter((p): p is number => typeof p === 'number') : [22];
  const hits: CheckHit[] = [];
  for (const ins of model.file.instructions) {
    if (ins.keyword !== 'EXPOSE') continue;
    for (const w of ins.args) {
      const v = expanded(ins, w);
      const m = v ? /^(\d+)(?:-(\d+))?(?:\/(?:tcp|udp|sctp))?$/i.exec(v) : null;
      if (!m) continue;
      const lo = Number(m[1]);
      const hi = m[2] ? Number(m[2]) : lo;
      const port = ports.find((p) => p >= lo && p <= hi);
      if (port !== undefined) hits.push(hitAt(model, ins, w.start, w.end, { port: String(port) }));
    }
  }
  return hits;
}

/** Whether a name is secret-like under the rule's `names` / `not-names` options. */
function secretName(name: string, options: Readonly<Record<string, unknown>>): boolean {
  const names = optionRegExp(options, 'names');
  const not = optionRegExp(options, 'not-names');
  return !!names && names.test(name) && !not?.test(name);
}

/** A value that is a literal credential, not a reference, a path, a flag or nothing. */
function literalValue(value: string, options: Readonly<Record<string, unknown>>): boolean {
  const v = value.trim();
  if (v === '' || v.includes('$')) return false;
  return !optionRegExp(options, 'not-values')?.test(v);
}

export function secretInEnv(model: DockerModel, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const ins of model.file.instructions) {
    if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') continue;
    for (const a of assignments(ins)) {
      if (a.value === undefined || !secretName(a.name, options) || !literalValue(a.value, options)) continue;
      hits.push(hitAt(model, ins, a.word.start, a.valueEnd, { name: a.name, keyword: ins.keyword }));
    }
  }
  return hits;
}

/**
 * Secrets passed at build time that stay in the image: an ARG with a secret-like name in the
 * final image's stages (its value is in the image history of every RUN after it), or an ENV
 * set from one (in the image's configuration). Stages the final image does not build on are
 * the recommended place for them, and global ARGs only reach FROM lines.
 */
export function secretBuildArg(model: DockerModel, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const final = finalStage(model.file);
  if (!final) return [];
  const stages = lineage(final);
  const hits: CheckHit[] = [];
  const secretArgs = new Set<string>();
  for (const ins of model.file.instructions) {
    if (!ins.stage || !stages.includes(ins.stage)) continue;
    if (ins.keyword === 'ARG') {
      for (const a of assignments(ins)) {
        if (a.value !== undefined || !secretName(a.name, options)) continue;
        secretArgs.add(a.name);
        if (usedLater(ins, a.name)) hits.push(hitAt(model, ins, a.word.start, a.word.end, { name: a.name }));
      }
    }
    if (ins.keyword === 'ENV') {
      for (const a of assignments(ins)) {
        if (a.value === undefined) continue;
        const ref = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(a.value.trim());
        if (!ref || !(secretArgs.has(ref[1]!) || (secretName(a.name, options) && ins.scope.has(ref[1]!) && ins.scope.get(ref[1]!) === undefined))) continue;
        hits.push(hitAt(model, ins, a.word.start, a.valueEnd, { name: a.name }));
      }
    }
  }
  return hits;
}

/** A RUN of the same stage after `ins` (which sees the build argument). */
function usedLater(ins: Instruction, name: string): boolean {
  const list = ins.stage!.instructions;
  return list.slice(list.indexOf(ins) + 1).some((i) => i.keyword === 'RUN' || (i.keyword === 'ENV' && i.body.text.includes(name)));
}

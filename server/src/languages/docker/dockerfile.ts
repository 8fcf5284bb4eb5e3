/**
 * The Dockerfile model the checks read: instructions with their flags and arguments (exec or
 * shell form), the build stages (`FROM … AS name`; a stage built on another one is its
 * child), and the ARG/ENV values in scope at each instruction (global ARGs before the first
 * FROM apply to FROM lines; a stage sees them again after `ARG NAME`).
 */
import type { DocRange } from '../documentPack';
import { readLines, RawInstruction } from './lines';
import { LineIndex } from '../lineIndex';
import { expand, Flag, jsonArray, readFlags, Scope, splitWords, Word } from './words';

export interface Instruction extends RawInstruction {
  flags: Flag[];
  /** Exec form: the JSON array's strings (undefined for the shell form). */
  json: Word[] | undefined;
  /** The arguments after the flags: the exec form's strings, or the shell form's words. */
  args: Word[];
  /** Offset in `body` where the arguments (after the flags) start. */
  argsAt: number;
  /** The ARG and ENV values in scope before this instruction. */
  scope: Scope;
  stage: Stage | undefined;
}

export interface Stage {
  index: number;
  from: Instruction;
  /** `AS name`, lower-cased. */
  name: string | undefined;
  /** The image word of FROM, and its expanded value when every variable in it is known. */
  imageWord: Word | undefined;
  image: string | undefined;
  /** The earlier stage this one is built on (`FROM builder`). */
  parent: Stage | undefined;
  instructions: Instruction[];
}

export interface Dockerfile {
  text: string;
  lines: LineIndex;
  escape: string;
  directives: Map<string, string>;
  instructions: Instruction[];
  stages: Stage[];
  comments: [number, number][];
  strayLines: number[];
  range(start: number, end: number): DocRange;
}

/** `KEY=value` pairs of ENV/ARG/LABEL (and the old `ENV KEY value` form). */
export interface Assignment {
  name: string;
  /** undefined: `ARG NAME` without a default. */
  value: string | undefined;
  word: Word;
  /** File offsets of the value as written (quotes included). */
  valueStart: number;
  valueEnd: number;
}

export function assignments(ins: Instruction): Assignment[] {
  const words = ins.args;
  if (words.length === 0) return [];
  const first = words[0]!;
  if (ins.keyword === 'ENV' && !first.value.includes('=') && words.length >= 2) {
    // `ENV KEY value with spaces`: everything after the key.
    const last = words[words.length - 1]!;
    const valueText = ins.body.text.slice(ins.body.text.indexOf(words[1]!.raw, ins.argsAt)).trim();
    return [{ name: first.value, value: words.slice(1).map((w) => w.value).join(' ') || valueText, word: { ...first, end: last.end }, valueStart: words[1]!.start, valueEnd: last.end }];
  }
  return words.map((w) => {
    const eq = w.value.indexOf('=');
    if (eq < 0) return { name: w.value, value: undefined, word: w, valueStart: w.end, valueEnd: w.end };
    const rawEq = w.raw.indexOf('=');
    return { name: w.value.slice(0, eq), value: w.value.slice(eq + 1), word: w, valueStart: w.start + rawEq + 1, valueEnd: w.end };
  });
}

function readInstruction(raw: RawInstruction, escape: string): Omit<Instruction, 'scope' | 'stage'> {
  const { flags, rest } = readFlags(raw.body, escape);
  const body = raw.body;
  const toFile = (w: { raw: string; value: string; start: number; end: number }): Word => ({ ...w, start: body.fileOffset(w.start), end: body.fileOffset(w.end) });
  const json = jsonArray(body.text, rest);
  const args = (json ?? splitWords(body.text, rest, escape)).map(toFile);
  return { ...raw, flags, json: json ? args : undefined, args, argsAt: rest };
}

export function readDockerfile(text: string): Dockerfile {
  const read = readLines(text);
  const lines = new LineIndex(text);
  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  const globals = new Map<string, string | undefined>();
  let scope = new Map<string, string | undefined>();
  let stage: Stage | undefined;
  for (const raw of read.instructions) {
    const base = readInstruction(raw, read.escape);
    const ins: Instruction = { ...base, scope: new Map(stage ? scope : globals), stage };
    instructions.push(ins);
    if (ins.keyword === 'FROM') {
      const imageWord = ins.args[0];
      const expanded = imageWord ? expand(imageWord.value, globals, read.escape) : undefined;
      const image = expanded?.known ? expanded.value : undefined;
      const asAt = ins.args.findIndex((w, i) => i > 0 && w.value.toLowerCase() === 'as');
      const name = asAt > 0 ? ins.args[asAt + 1]?.value.toLowerCase() : undefined;
      const parent = image ? stages.find((s) => s.name === image.toLowerCase()) : undefined;
      stage = { index: stages.length, from: ins, name, imageWord, image, parent, instructions: [] };
      ins.stage = stage;
      stages.push(stage);
      // A stage sees its parent's ENV values; global ARGs only once declared again.
      scope = new Map(parent ? envOf(parent) : []);
      stage.instructions.push(ins);
      continue;
    }
    if (!stage) {
      if (ins.keyword === 'ARG') for (const a of assignments(ins)) globals.set(a.name, a.value === undefined ? undefined : expand(a.value, globals, read.escape).value);
      continue;
    }
    stage.instructions.push(ins);
    if (ins.keyword === 'ARG' || ins.keyword === 'ENV') {
      for (const a of assignments(ins)) {
        const value = a.value === undefined ? (ins.keyword === 'ARG' ? globals.get(a.name) : undefined) : expandKnown(a.value, scope, read.escape);
        scope.set(a.name, value);
      }
    }
  }
  return {
    text,
    lines,
    escape: read.escape,
    directives: read.directives,
    instructions,
    stages,
    comments: read.comments,
    strayLines: read.strayLines,
    range: (start, end) => lines.range(start, end),
  };
}

function expandKnown(value: string, scope: Scope, escape: string): string | undefined {
  const e = expand(value, scope, escape);
  return e.known ? e.value : undefined;
}

/** The ENV values a stage leaves to the stages built on it. */
function envOf(stage: Stage): Map<string, string | undefined> {
  const env = new Map(stage.parent ? envOf(stage.parent) : []);
  for (const ins of stage.instructions) {
    if (ins.keyword !== 'ENV') continue;
    for (const a of assignments(ins)) env.set(a.name, a.value === undefined ? undefined : expandKnown(a.value, ins.scope, '\\'));
  }
  return env;
}

/** The value of `word` with the instruction's variables expanded, or undefined when one is unknown. */
export function expanded(ins: Instruction, word: Word | string): string | undefined {
  const e = expand(typeof word === 'string' ? word : word.value, ins.scope);
  return e.known ? e.value : undefined;
}

/** The stage Docker builds by default: the last one. */
export function finalStage(file: Dockerfile): Stage | undefined {
  return file.stages[file.stages.length - 1];
}

/** The stage and the stages it is built on, nearest first. */
export function lineage(stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !out.includes(s); s = s.parent) out.push(s);
  return out;
}

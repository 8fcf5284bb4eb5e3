/**
 * What the Dockerfile checks read: the instructions and stages (dockerfile.ts) and the RUN
 * bodies' shell commands (shell.ts), with helpers to place a finding.
 */
import type { CheckHit, DocEdit, DocRange } from '../documentPack';
import type { Dockerfile, Instruction, Stage } from './dockerfile';
import { lineage } from './dockerfile';
import { baseName, effectiveWords, ShellCommand, ShellScript, ShellWord } from './shell';
import { expand } from './words';

export interface DockerModel {
  file: Dockerfile;
  scripts: ShellScript[];
}

export function rangeOf(model: DockerModel, start: number, end: number): DocRange {
  return model.file.range(start, end);
}

/**
 * A hit on `start..end`, anchored from its instruction's start (an ignore comment above the
 * instruction covers it) to the hit's end (two hits in one instruction stay two findings).
 */
export function hitAt(model: DockerModel, ins: Instruction, start: number, end: number, captures: Record<string, string>, fixes?: CheckHit['fixes']): CheckHit {
  return { range: rangeOf(model, start, end), anchor: rangeOf(model, Math.min(ins.start, start), Math.max(end, ins.keywordEnd)), captures, ...(fixes ? { fixes } : {}) };
}

/** Every shell command of the file's RUN instructions, in order. */
export function* commands(model: DockerModel): Generator<ShellCommand> {
  for (const s of model.scripts) yield* s.commands;
}

/** A command as it runs (wrappers like `sudo`/`env` looked through): its name and arguments. */
export interface Effective {
  name: string;
  words: ShellWord[];
  args: ShellWord[];
}

export function effective(cmd: ShellCommand): Effective | undefined {
  const words = effectiveWords(cmd.words);
  if (words.length === 0) return undefined;
  return { name: baseName(words[0]!.value), words, args: words.slice(1) };
}

/** `python3 -m pip install …` reads as `pip install …`. */
export function normalisedTool(e: Effective): Effective {
  if (/^python[0-9.]*$/.test(e.name) && e.args[0]?.value === '-m' && e.args[1]) {
    return { name: baseName(e.args[1].value), words: e.words.slice(2), args: e.args.slice(2) };
  }
  if (e.name === 'uv' && e.args[0]?.value === 'pip') return { name: 'pip', words: e.words.slice(1), args: e.args.slice(1) };
  return e;
}

/** A short, one-line rendering of shell words for a message. */
export function shown(words: readonly ShellWord[], max = 40): string {
  return clip(words.map((w) => w.raw).join(' '), max);
}

/** One line of at most `max` characters (messages must fit the Problems panel). */
export function clip(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function stringList(options: Readonly<Record<string, unknown>>, key: string): string[] {
  const v = options[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A case-insensitive regular expression from a rule option (undefined when absent). */
export function optionRegExp(options: Readonly<Record<string, unknown>>, key: string): RegExp | undefined {
  const v = options[key];
  if (typeof v !== 'string' || v === '') return undefined;
  let re = compiled.get(v);
  if (!re) compiled.set(v, (re = new RegExp(v, 'i')));
  return re;
}
const compiled = new Map<string, RegExp>();

/** The user the stage's later instructions run as at `ins` (`root` when none is set in the file). */
export function userAt(stage: Stage, ins?: Instruction): { user: string | undefined; set: Instruction | undefined } {
  for (const s of lineage(stage)) {
    const list = s === stage && ins ? s.instructions.slice(0, s.instructions.indexOf(ins)) : s.instructions;
    for (let i = list.length - 1; i >= 0; i--) {
      const u = list[i]!;
      if (u.keyword === 'USER' && u.args[0]) return { user: userName(u), set: u };
    }
  }
  return { user: 'root', set: undefined };
}

/** The user part of a USER instruction, expanded; undefined when a variable in it is unknown. */
export function userName(ins: Instruction): string | undefined {
  const word = ins.args[0];
  if (!word) return undefined;
  const value = expandWord(ins, word.value);
  return value === undefined ? undefined : value.split(':')[0]!.trim();
}

export function expandWord(ins: Instruction, text: string): string | undefined {
  const e = expand(text, ins.scope);
  return e.known ? e.value : undefined;
}

export function isRoot(user: string | undefined): boolean {
  return user === 'root' || user === '0';
}

/** An edit inserting `text` as a line of its own after instruction `ins`. */
export function insertAfter(model: DockerModel, ins: Instruction, text: string): DocEdit {
  const file = model.file.text;
  const eol = file.includes('\r\n') ? '\r\n' : '\n';
  const nl = file.indexOf('\n', ins.end);
  if (nl < 0) {
    const end = model.file.lines.position(file.length);
    return { range: { start: end, end }, newText: `${eol}${text}` };
  }
  const at = model.file.lines.position(nl + 1);
  return { range: { start: at, end: at }, newText: `${text}${eol}` };
}

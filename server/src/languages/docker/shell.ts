/**
 * `RUN` bodies as shell: the instruction's text (continuations joined) and its heredocs are
 * parsed with the bash grammar, and its commands read into words with their places in the
 * file. `RUN <<EOF` with nothing else runs the heredoc as the script; the exec form runs its
 * strings as one command (or `sh -c` / `bash -c` script). Stages whose SHELL is not a POSIX
 * shell (PowerShell, cmd) and files with the backtick escape (Windows images) are not parsed.
 */
import type { SyntaxNode, Tree } from '../parser';
import { Dockerfile, Instruction } from './dockerfile';
import { TextMap } from './textMap';

export interface ShellWord {
  /** As written. */
  raw: string;
  /** Quotes removed where the word is plain text; expansions kept as written. */
  value: string;
  /** File offsets. */
  start: number;
  end: number;
}

export interface ShellCommand {
  instruction: Instruction;
  /** The command name first, then its arguments (redirections and `VAR=x` prefixes left out). */
  words: ShellWord[];
  /** The commands of the pipeline this one is in (itself included), in order; undefined outside a pipeline. */
  pipeline: ShellCommand[] | undefined;
  /** Inside `$(…)`, `` `…` `` or `<(…)`: the command whose argument that is. */
  substitutionOf: ShellCommand | undefined;
  node: SyntaxNode | undefined;
  script: ShellScript;
}

export interface ShellScript {
  instruction: Instruction;
  map: TextMap;
  /** The tree its commands are in (shared by the file's scripts when they were parsed as one text). */
  tree: Tree | undefined;
  /** Where the script's text starts in the text `tree` parsed. */
  base: number;
  commands: ShellCommand[];
  /** File offsets of the script's comments. */
  comments: [number, number][];
}

const POSIX_SHELLS = /(?:^|\/)(?:sh|bash|dash|ash|zsh|ksh)$/;
const MAX_DEPTH = 200;

/** A script still to parse: its instruction and its text, mapped to the file. */
interface Piece {
  instruction: Instruction;
  map: TextMap;
}

/**
 * The shell scripts of the file's RUN instructions. All of them are parsed as one text (one
 * grammar call per file, not one per step: most Dockerfiles are a few short steps, where the
 * call's own cost dominates), joined by newlines; when that text does not parse cleanly, or a
 * statement of it runs from one script into the next, each script is parsed by itself.
 */
export function readScripts(file: Dockerfile, parse: (piece: string) => Tree): ShellScript[] {
  if (file.escape !== '\\') return [];
  const slots: (ShellScript | Piece)[] = [];
  for (const stage of file.stages) {
    let posix = true;
    for (const ins of stage.instructions) {
      if (ins.keyword === 'SHELL') posix = !!ins.json && ins.json.length > 0 && POSIX_SHELLS.test(ins.json[0]!.value);
      if (ins.keyword !== 'RUN' || !posix) continue;
      slots.push(...scriptsOf(ins));
    }
  }
  const pieces = slots.filter((s): s is Piece => !('commands' in s));
  const together = pieces.length > 1 ? parsedTogether(pieces, parse) : undefined;
  return slots.map((s) => ('commands' in s ? s : together?.get(s) ?? parsed(s, parse)));
}

function parsedTogether(pieces: Piece[], parse: (piece: string) => Tree): Map<Piece, ShellScript> | undefined {
  const bases: number[] = [];
  let text = '';
  for (const p of pieces) {
    bases.push(text.length);
    text += p.map.text + '\n';
  }
  const tree = parse(text);
  if (tree.rootNode.hasError) return undefined;
  const out = new Map<Piece, ShellScript>();
  const tops = tree.rootNode.namedChildren.filter((c): c is SyntaxNode => !!c);
  let t = 0;
  for (const [i, p] of pieces.entries()) {
    const base = bases[i]!;
    const end = base + p.map.text.length;
    const mine: SyntaxNode[] = [];
    for (; t < tops.length && tops[t]!.startIndex < end; t++) {
      // A statement that runs on into the next script (`a &&` then the next step) is not this script's alone.
      if (tops[t]!.startIndex < base || tops[t]!.endIndex > end) return undefined;
      mine.push(tops[t]!);
    }
    const script: ShellScript = { instruction: p.instruction, map: p.map, tree, base, commands: [], comments: [] };
    collect(script, mine, 1); // as deep as under their own root
    out.set(p, script);
  }
  return t === tops.length ? out : undefined;
}

function scriptsOf(ins: Instruction): (ShellScript | Piece)[] {
  if (ins.json) {
    const [first, flag, code] = ins.json;
    if (first && POSIX_SHELLS.test(first.value) && flag?.value === '-c' && code) {
      // The string's characters are the file's when it has no JSON escapes.
      const map = new TextMap().add(code.value, code.start + 1, code.raw.length === code.value.length + 2);
      return [{ instruction: ins, map }];
    }
    const script: ShellScript = { instruction: ins, map: new TextMap(), tree: undefined, base: 0, commands: [], comments: [] };
    script.commands.push({ instruction: ins, words: ins.json.map((w) => ({ ...w })), pipeline: undefined, substitutionOf: undefined, node: undefined, script });
    return [script];
  }
  // The body after RUN's own flags, segment by segment, so each character keeps its place.
  const body = ins.body;
  const command = new TextMap();
  for (const s of body.segments) {
    const from = Math.max(s.from, ins.argsAt);
    const to = s.from + s.length;
    if (to > from) command.add(body.text.slice(from, to), s.to + (from - s.from));
  }
  if (ins.heredocs.length === 0) return [{ instruction: ins, map: command }];
  // The command line with its heredoc markers blanked (same length, so each character keeps
  // its place): the bodies follow it in the file, and are scripts only for a shell.
  const line = new TextMap();
  for (const seg of command.segments) {
    const piece = command.text.slice(seg.from, seg.from + seg.length).replace(HEREDOC_MARKER, (m) => ' '.repeat(m.length));
    line.add(piece, seg.to);
  }
  const out: Piece[] = [];
  const first = /^\s*(\S+)/.exec(line.text)?.[1];
  if (first !== undefined) out.push({ instruction: ins, map: line });
  // `RUN <<EOF` (the heredoc is the script, unless its first line names another interpreter) and `RUN bash <<EOF`.
  if (first === undefined || POSIX_SHELLS.test(first)) {
    for (const h of ins.heredocs) {
      const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(h.text);
      const interpreter = shebang ? (shebang[1]!.endsWith('/env') ? shebang[2] ?? '' : shebang[1]!) : 'sh';
      if (first !== undefined || POSIX_SHELLS.test(interpreter)) out.push({ instruction: ins, map: new TextMap().add(h.text, h.start) });
    }
  }
  return out;
}

const HEREDOC_MARKER = /(?<!<)<<-?(["']?)[A-Za-z_][A-Za-z0-9_.-]*\1/g;

function parsed(piece: Piece, parse: (piece: string) => Tree): ShellScript {
  const tree = parse(piece.map.text);
  const script: ShellScript = { instruction: piece.instruction, map: piece.map, tree, base: 0, commands: [], comments: [] };
  collect(script, [tree.rootNode]);
  return script;
}

/** The file offset of a node's offset in the parsed text. */
function fileOffset(script: ShellScript, index: number): number {
  return script.map.fileOffset(index - script.base);
}

function wordOf(script: ShellScript, node: SyntaxNode): ShellWord {
  return { raw: node.text, value: unquote(node), start: fileOffset(script, node.startIndex), end: fileOffset(script, node.endIndex) };
}

/** A word's text without quotes or backslashes where it is plain text. */
export function unquote(node: SyntaxNode): string {
  switch (node.type) {
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string':
      return node.text.slice(1, -1).replace(/\\([$`"\\\n])/g, '$1');
    case 'concatenation':
      return node.children.map((c) => (c ? unquote(c) : '')).join('');
    case 'word':
      return node.text.replace(/\\(.)/g, '$1');
    default:
      return node.text;
  }
}

const SUBSTITUTIONS = new Set(['command_substitution', 'process_substitution']);

/** Every command and comment under `roots` (an explicit stack: no recursion the input controls). */
function collect(script: ShellScript, roots: SyntaxNode[], rootDepth = 0): void {
  const byNode = new Map<number, ShellCommand>();
  const stack: { node: SyntaxNode; depth: number }[] = roots.map((node) => ({ node, depth: rootDepth })).reverse();
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) continue;
    if (node.type === 'comment') {
      script.comments.push([fileOffset(script, node.startIndex), fileOffset(script, node.endIndex)]);
      continue;
    }
    if (node.type === 'command') {
      const words: ShellWord[] = [];
      for (const c of node.namedChildren) {
        if (!c || c.type === 'variable_assignment' || c.type.endsWith('redirect')) continue;
        words.push(wordOf(script, c));
      }
      const cmd: ShellCommand = { instruction: script.instruction, words, pipeline: undefined, substitutionOf: undefined, node, script };
      byNode.set(node.id, cmd);
      script.commands.push(cmd);
    }
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (c) stack.push({ node: c, depth: depth + 1 });
    }
  }
  const pipelines = new Map<number, ShellCommand[]>();
  for (const cmd of script.commands) {
    let up = cmd.node!.parent;
    if (up?.type === 'redirected_statement') up = up.parent;
    if (up?.type === 'pipeline') {
      const list = pipelines.get(up.id) ?? [];
      list.push(cmd);
      pipelines.set(up.id, list);
      cmd.pipeline = list;
    }
    // The command a substitution is an argument of.
    let inSub = false;
    for (let n = cmd.node!.parent, d = 0; n && d < MAX_DEPTH; n = n.parent, d++) {
      if (SUBSTITUTIONS.has(n.type)) inSub = true;
      else if (inSub && n.type === 'command') {
        cmd.substitutionOf = byNode.get(n.id);
        break;
      }
    }
  }
}

/** Commands that run another command (`sudo -E apt-get …`, `env X=1 pip …`): the words of the command they run. */
const WRAPPERS: Record<string, ReadonlySet<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '--user', '--group']),
  env: new Set(['-u', '-C', '--unset', '--chdir']),
  nice: new Set(['-n']),
  nohup: new Set(),
  time: new Set(),
  exec: new Set(['-a']),
  command: new Set(),
  gosu: new Set(),
  'su-exec': new Set(),
  xargs: new Set(['-I', '-n', '-P', '-d', '-a', '-E', '-L', '-s']),
};

/** The command a wrapper runs: its words from the name on (the command itself when not wrapped). */
export function effectiveWords(words: readonly ShellWord[]): ShellWord[] {
  let i = 0;
  for (let guard = 0; guard < 8 && i < words.length; guard++) {
    const name = baseName(words[i]!.value);
    const options = WRAPPERS[name];
    if (!options) break;
    i++;
    // gosu/su-exec take the user first.
    if (name === 'gosu' || name === 'su-exec') i++;
    while (i < words.length) {
      const w = words[i]!.value;
      if (name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) i++;
      else if (w === '--') {
        i++;
        break;
      } else if (w.startsWith('-')) i += options.has(w) ? 2 : 1;
      else break;
    }
  }
  return words.slice(i);
}

/** `/usr/bin/curl` → `curl`. */
export function baseName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

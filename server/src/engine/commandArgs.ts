/**
 * Turns a shell command built by concatenation (`'ls -l ' + dir`, `` `ls ${dir}` ``,
 * `f"ls {d}"`) into a program and an argument list, so the fix can call the program
 * without a shell. Refuses (returns undefined) whenever the literal parts use shell
 * syntax, because dropping the shell would then change what the command does.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from './fileContext';
import type { TextPiece } from '../languages/syntax';

export type Piece = TextPiece;

const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[\]#~{}!\n]/;

/** Deeper concatenations than this are not turned into argument lists (and cannot overflow the stack). */
const MAX_FLATTEN_DEPTH = 64;

/**
 * The constant text and the values of a string built in place (concatenation, template,
 * f-string), in order; false when it cannot be read (or is nested deeper than `limit`).
 */
export function flatten(ctx: FileContext, node: SyntaxNode, out: Piece[], depth = 0, limit = MAX_FLATTEN_DEPTH): boolean {
  if (depth > limit) return false;
  const { adapter, bindings, syntax: syn } = ctx;
  const constant = adapter.constantValue(node, bindings);
  if (typeof constant === 'string') {
    out.push({ text: constant });
    return true;
  }
  const kind = syn.kind(node);
  if (kind === 'paren' && node.namedChildCount === 1) return flatten(ctx, node.namedChild(0)!, out, depth + 1, limit);
  if (kind === 'binary' && syn.operator(node) === '+') {
    return flatten(ctx, syn.child(node, 'left')!, out, depth + 1, limit) && flatten(ctx, syn.child(node, 'right')!, out, depth + 1, limit);
  }
  const template = adapter.templatePieces(node);
  if (template === false) return false;
  if (template) {
    out.push(...template);
    return true;
  }
  out.push({ expr: node });
  return true;
}

/** Splits pieces into words the way a shell would split unquoted text. */
function words(pieces: Piece[]): Piece[][] | undefined {
  const result: Piece[][] = [];
  let current: Piece[] = [];
  for (const piece of pieces) {
    if ('expr' in piece) {
      current.push(piece);
      continue;
    }
    if (SHELL_SYNTAX.test(piece.text)) return undefined;
    const chunks = piece.text.split(/([ \t]+)/);
    for (const chunk of chunks) {
      if (chunk === '') continue;
      if (/^[ \t]+$/.test(chunk)) {
        if (current.length) result.push(current);
        current = [];
      } else current.push({ text: chunk });
    }
  }
  if (current.length) result.push(current);
  return result;
}

function commandWords(ctx: FileContext, node: SyntaxNode): Piece[][] | undefined {
  const pieces: Piece[] = [];
  if (!flatten(ctx, node, pieces)) return undefined;
  // A bare variable holds a whole command line whose words are unknown here.
  if (!pieces.some((p) => 'text' in p && p.text.trim() !== '')) return undefined;
  const w = words(pieces);
  if (!w || w.length === 0) return undefined;
  const program = w[0]!;
  if (program.length !== 1 || !('text' in program[0]!)) return undefined;
  return w;
}

/** Each word as source text in the file's language, or undefined when one cannot be written. */
function renderWords(ctx: FileContext, words: Piece[][], like: SyntaxNode): string[] | undefined {
  const out: string[] = [];
  for (const word of words) {
    const r = ctx.adapter.wordLiteral(word, like);
    if (r === undefined) return undefined;
    out.push(r);
  }
  return out;
}

/** The program and the list of its arguments: `'ls', ['-l', dir]`, for `execFile(file, args, …)`. */
export function fileAndArgs(ctx: FileContext, node: SyntaxNode): string | undefined {
  const w = commandWords(ctx, node);
  const rendered = w && renderWords(ctx, w, node);
  if (!rendered) return undefined;
  const [program, ...rest] = rendered;
  return `${program}, ${ctx.adapter.listLiteral(rest)}`;
}

/** A list of all words: Python `["ls", "-l", d]`, JS `['ls', '-l', dir]`, Java `new String[] { "ls", d }`. */
export function argList(ctx: FileContext, node: SyntaxNode): string | undefined {
  const w = commandWords(ctx, node);
  if (w && ctx.adapter.argvLiteral) return ctx.adapter.argvLiteral(w, node, ctx.bindings);
  const rendered = w && renderWords(ctx, w, node);
  return rendered ? ctx.adapter.listLiteral(rendered) : undefined;
}

const SEPARATORS = new Set([';', '&', '|', '(', ')', '{', '}', '\n', '`']);

/** Programs that run one of their arguments as a command or script: a quoted argument is code to them. */
const RUNNERS = /^(?:.*\/)?(?:sh|bash|zsh|dash|ksh|mksh|csh|tcsh|fish|busybox|eval|exec|command|builtin|env|sudo|doas|su|runuser|ssh|xargs|nohup|nice|ionice|timeout|time|watch|setsid|chroot|stdbuf|flock|parallel|script)$/;

/**
 * Whether a value spliced in right after `command` (the command's constant text so far)
 * and quoted for the shell (`shlex.quote`) is one plain argument, as `sh` reads it: outside
 * any quotes (inside them the quoting is undone, or `$(…)` runs in double quotes), not
 * after a pending backslash or a `$` (`$'…'` reads backslash escapes), not inside
 * backquotes, not where a command starts or glued to its first word (there it names the
 * program to run), and not an argument of a program that runs its arguments (`sh -c`,
 * `sudo`, `xargs`).
 */
export function quotedArgumentFits(command: string): boolean {
  let quote = '';
  let backquoted = false;
  // Words of the current simple command, whether one is open, and the first one's text.
  let words = 0;
  let inWord = false;
  let program = '';
  const wordChar = (text: string): void => {
    if (!inWord) {
      words++;
      if (words === 1) program = '';
    }
    inWord = true;
    if (words === 1) program += text;
  };
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      else if (words === 1) program += c;
      continue;
    }
    if (c === '\\') {
      if (i + 1 === command.length) return false;
      i++;
      if (quote === '') wordChar(command[i]!);
      else if (words === 1) program += command[i];
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = '';
      else if (words === 1) program += c;
      continue;
    }
    if (c === '$' && command[i + 1] === '{') {
      // `${NAME}` is part of a word, not a group; what it holds is not known.
      const close = command.indexOf('}', i);
      if (close < 0) return false;
      wordChar('\0');
      i = close;
    } else if (c === "'" || c === '"') {
      quote = c;
      wordChar('');
    } else if (SEPARATORS.has(c)) {
      if (c === '`') backquoted = !backquoted;
      words = 0;
      inWord = false;
    } else if (c === ' ' || c === '\t') {
      // `NAME=value cmd …`: the assignment comes before the program.
      if (inWord && words === 1 && /^[A-Za-z_]\w*=/.test(program)) words = 0;
      inWord = false;
    } else wordChar(c);
  }
  const programDone = words >= 2 || (words === 1 && !inWord);
  return quote === '' && !backquoted && programDone && !command.endsWith('$') && !RUNNERS.test(program) && !program.includes('\0');
}

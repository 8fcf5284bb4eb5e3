/**
 * A Dockerfile read into instructions, the way BuildKit's parser reads it: parser directives
 * at the top (`# syntax=…`, `# escape=\``), comment lines, instructions continued by the
 * escape character at the end of a line (comment and empty lines inside a continuation are
 * dropped), and heredocs (`RUN <<EOF … EOF`, `COPY <<EOF /file`) after the instruction's
 * line. No shell or variable semantics here: dockerfile.ts reads the instructions.
 */
import { TextMap } from './textMap';

export interface Heredoc {
  /** The word that ends it (`EOF`). */
  marker: string;
  /** `<<-EOF`: leading tabs are stripped from its lines. */
  stripTabs: boolean;
  /** `<<"EOF"`/`<<'EOF'`: no expansion inside. */
  quoted: boolean;
  /** File offsets of its body (from the line after the instruction to the start of the end line). */
  start: number;
  end: number;
  text: string;
}

export interface RawInstruction {
  /** Upper-case (`RUN`). */
  keyword: string;
  /** File offsets: the keyword, and the whole instruction (its lines and heredocs). */
  keywordStart: number;
  keywordEnd: number;
  start: number;
  end: number;
  /** The text after the keyword with continuations joined, mapped to the file. */
  body: TextMap;
  heredocs: Heredoc[];
}

export interface ReadLines {
  instructions: RawInstruction[];
  directives: Map<string, string>;
  escape: string;
  /** File offsets [start, end) of the comment lines (a `#` first on its line, outside heredocs). */
  comments: [number, number][];
  /** Lines that are not instructions, for a notice (0-based line numbers). */
  strayLines: number[];
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*?)\s*$/;
const KEYWORD = /^([A-Za-z]+)(?=\s|$)/;
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;

interface Line {
  start: number;
  /** Without the line break (and a `\r` before it). */
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const body = text.slice(start, end);
    lines.push({ start, text: body.endsWith('\r') ? body.slice(0, -1) : body });
    if (end === text.length) break;
    start = end + 1;
  }
  return lines;
}

/** The part of a line before a trailing escape character (and blanks), or undefined when it does not continue. */
function continued(line: string, escape: string): string | undefined {
  const trimmed = line.replace(/[ \t]+$/, '');
  if (!trimmed.endsWith(escape)) return undefined;
  // An escaped escape (`\\` at the end) does not continue the line.
  let n = 0;
  for (let i = trimmed.length - 1; i >= 0 && trimmed[i] === escape; i--) n++;
  return n % 2 === 1 ? trimmed.slice(0, -1) : undefined;
}

export function readLines(text: string): ReadLines {
  const lines = splitLines(text);
  const directives = new Map<string, string>();
  const comments: [number, number][] = [];
  const strayLines: number[] = [];
  const instructions: RawInstruction[] = [];
  let i = 0;
  // Parser directives: `# key=value` lines before anything else (a blank line or another comment ends them).
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]!.text);
    if (!m || directives.has(m[1]!.toLowerCase())) break;
    directives.set(m[1]!.toLowerCase(), m[2]!);
    comments.push([lines[i]!.start, lines[i]!.start + lines[i]!.text.length]);
  }
  const escape = directives.get('escape') === '`' ? '`' : '\\';
  const isCommentLine = (l: Line): boolean => /^\s*#/.test(l.text);
  while (i < lines.length) {
    const line = lines[i]!;
    const lead = /^\s*/.exec(line.text)![0].length;
    const content = line.text.slice(lead);
    if (content === '') {
      i++;
      continue;
    }
    if (content.startsWith('#')) {
      comments.push([line.start + lead, line.start + line.text.length]);
      i++;
      continue;
    }
    const kw = KEYWORD.exec(content);
    if (!kw) {
      strayLines.push(i);
      i++;
      continue;
    }
    const keywordStart = line.start + lead;
    const keywordEnd = keywordStart + kw[1]!.length;
    const body = new TextMap();
    let rest = line.text.slice(lead + kw[1]!.length);
    let restStart = keywordEnd;
    let end = line.start + line.text.length;
    for (;;) {
      const cut = continued(rest, escape);
      if (cut === undefined) {
        body.add(rest, restStart);
        end = restStart + rest.length;
        i++;
        break;
      }
      body.add(cut, restStart);
      end = restStart + rest.length;
      i++;
      // Comment and empty lines inside a continuation are dropped, not ends.
      while (i < lines.length && (isCommentLine(lines[i]!) || lines[i]!.text.trim() === '')) {
        const l = lines[i]!;
        if (isCommentLine(l)) {
          const at = l.start + /^\s*/.exec(l.text)![0].length;
          comments.push([at, l.start + l.text.length]);
        }
        i++;
      }
      if (i >= lines.length) break;
      rest = lines[i]!.text;
      restStart = lines[i]!.start;
    }
    const keyword = kw[1]!.toUpperCase();
    const heredocs: Heredoc[] = [];
    if (HEREDOC_KEYWORDS.has(keyword)) {
      for (const m of body.text.matchAll(HEREDOC)) {
        // `<<<` is a here-string, not a heredoc.
        if (body.text[m.index! - 1] === '<') continue;
        const marker = m[3]!;
        const stripTabs = m[1] === '-';
        const start = i < lines.length ? lines[i]!.start : text.length;
        while (i < lines.length && (stripTabs ? lines[i]!.text.replace(/^\t+/, '') : lines[i]!.text) !== marker) i++;
        const bodyEnd = i < lines.length ? lines[i]!.start : text.length;
        heredocs.push({ marker, stripTabs, quoted: m[2] !== '', start, end: bodyEnd, text: text.slice(start, bodyEnd) });
        if (i < lines.length) {
          end = lines[i]!.start + lines[i]!.text.length;
          i++;
        } else end = text.length;
      }
    }
    instructions.push({ keyword, keywordStart, keywordEnd, start: keywordStart, end, body, heredocs });
  }
  return { instructions, directives, escape, comments, strayLines };
}

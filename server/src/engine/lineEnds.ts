/**
 * Tree-sitter starts a new row only at "\n"; editors (LSP, VS Code) and the CLI's readers
 * also start a line at a lone "\r" (old Mac line ends). In a file with lone "\r"s every
 * position after the first would land on the wrong line, so such a file's results are
 * moved into editor lines once, at the end of a scan.
 */
import type { FileResult, Finding, Position, Range } from './finding';

export function hasLoneCarriageReturn(text: string): boolean {
  return text.includes('\r') && /\r(?!\n)/.test(text);
}

/** Where each line starts, the way findings count lines (editor lines). */
export function editorLineStarts(text: string): number[] {
  if (hasLoneCarriageReturn(text)) return starts(text, /\r\n|\r|\n/g);
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

function starts(text: string, breaks: RegExp): number[] {
  const out = [0];
  for (const m of text.matchAll(breaks)) out.push(m.index! + m[0].length);
  return out;
}

/** The result with every position counted in editor lines (only needed when hasLoneCarriageReturn). */
export function inEditorLines(result: FileResult, text: string): FileResult {
  const treeRows = starts(text, /\n/g);
  const editorLines = starts(text, /\r\n|\r|\n/g);
  const move = (p: Position): Position => {
    const offset = Math.min(text.length, (treeRows[p.line] ?? text.length) + p.character);
    let lo = 0;
    let hi = editorLines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (editorLines[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - editorLines[lo]! };
  };
  const range = (r: Range): Range => ({ start: move(r.start), end: move(r.end) });
  const finding = (f: Finding): Finding => ({
    ...f,
    range: range(f.range),
    ...(f.anchor ? { anchor: range(f.anchor) } : {}),
    ...(f.also ? { also: f.also.map((n) => ({ ...n, range: range(n.range) })) } : {}),
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: range(e.range) })) })),
    ...(f.trace ? { trace: f.trace.map((s) => (s.file ? s : { ...s, range: range(s.range) })) } : {}),
  });
  return { ...result, findings: result.findings.map(finding) };
}

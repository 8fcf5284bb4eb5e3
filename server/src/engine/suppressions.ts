/**
 * `ward-ignore` comments: reading them (to mark findings suppressed) and writing them
 * (the "Ignore on this line" / "Ignore in this file" quick fixes).
 *
 *   // ward-ignore js-eval-injection -- input is a constant table key     (this line or the next)
 *   # ward-ignore-file py-pickle-load -- test data only                      (whole file)
 *   {/* ward-ignore js-react-dangerous-html -- sanitized by DOMPurify *\/}  (JSX children)
 */
import type { Tree } from '../languages/parser';
import type { SyntaxAdapter } from '../languages/syntax';
import { anchorOf, Finding, Suppression, TextEdit } from './finding';

const MARKER = /(\/\/|#|\/\*|<!--)\s*ward-ignore(-file)?(?![\w-])([^\n]*)/g;
const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;
/** Advisory ids a dependency finding can be ignored by (`# ward-ignore GHSA-xxxx-xxxx-xxxx -- reason`). */
export const ADVISORY_ID = /^(?:GHSA(?:-[0-9a-z]{4}){3}|CVE-\d{4}-\d{4,}|PYSEC-\d{4}-\d+|GO-\d{4}-\d+|OSV-\d{4}-\d+|MAL-\d{4}-\d+)$/i;

export interface Directive {
  line: number;
  /** The comment stands alone on its line, so it covers the next line too. */
  standalone: boolean;
  file: boolean;
  /** Rule ids and advisory ids (GHSA-…, CVE-…, upper case); empty means every rule. */
  ruleIds: Set<string>;
  justification: string;
}

function parseBody(body: string): { ruleIds: Set<string>; justification: string } {
  const cleaned = body.replace(/\*\/\s*\}?\s*$|-->\s*$/, '').trim();
  const [idsPart, ...reason] = cleaned.split(/\s--\s?|^--\s?/);
  const ruleIds = new Set(
    (idsPart ?? '')
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter((s) => RULE_ID.test(s) || ADVISORY_ID.test(s))
      .map((s) => (ADVISORY_ID.test(s) ? s.toUpperCase() : s)),
  );
  return { ruleIds, justification: reason.join('--').trim() };
}

export function parseDirectives(text: string, isComment?: (offset: number) => boolean): Directive[] {
  if (!text.includes('ward-ignore')) return [];
  const out: Directive[] = [];
  let line = 0;
  let lastIndex = 0;
  for (const m of text.matchAll(MARKER)) {
    const at = m.index!;
    for (let i = lastIndex; i < at; i++) if (text.charCodeAt(i) === 10) line++;
    lastIndex = at;
    if (isComment && !isComment(at)) continue;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const standalone = /^[\s{]*$/.test(text.slice(lineStart, at));
    out.push({ line, standalone, file: !!m[2], ...parseBody(m[3] ?? '') });
  }
  return out;
}

/** Marks findings covered by a directive; the caller decides whether to hide or report them. */
export function applySuppressions(findings: Finding[], text: string, tree?: Tree, commentTypes?: ReadonlySet<string>): void {
  applyDirectives(findings, text, commentTest(tree, commentTypes));
}

/** Whether an offset is inside a comment node of `tree` (undefined: every marker counts). */
export function commentTest(tree?: Tree, commentTypes?: ReadonlySet<string>): ((offset: number) => boolean) | undefined {
  return tree && commentTypes
    ? (offset: number): boolean => {
        const node = tree.rootNode.descendantForIndex(offset);
        return !!node && (commentTypes.has(node.type) || node.type.includes('comment'));
      }
    : undefined;
}

/** The same, with the comment test given (a document pack that reads its files itself knows its comments). */
export function applyDirectives(findings: Finding[], text: string, isComment: ((offset: number) => boolean) | undefined): void {
  const directives = parseDirectives(text, isComment);
  if (directives.length === 0) return;
  for (const f of findings) {
    // A comment above the statement covers it, and so does one above the underlined part of it.
    const lines = [anchorOf(f).start.line, f.range.start.line];
    const d = directives.find(
      (d) =>
        (d.file || lines.some((line) => d.line === line || (d.standalone && d.line === line - 1))) &&
        (d.ruleIds.size === 0 || d.ruleIds.has(f.ruleId)),
    );
    if (d) f.suppressed = { kind: d.file ? 'file' : 'line', justification: d.justification } satisfies Suppression;
  }
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export const REASON_PLACEHOLDER = '<reason>';

/** Inserts (or extends) a standalone ignore comment above `line`. */
export function ignoreLineEdit(text: string, line: number, ruleId: string, lineComment: string, tree?: Tree, adapter?: SyntaxAdapter): TextEdit {
  const starts = lineStartOffsets(text);
  const start = starts[line] ?? text.length;
  const lineText = text.slice(start, starts[line + 1] ?? text.length).replace(/\r?\n$/, '');
  const indent = /^[ \t]*/.exec(lineText)![0];
  if (line > 0) {
    const prevStart = starts[line - 1]!;
    const prev = text.slice(prevStart, start).replace(/\r?\n$/, '');
    const m = /^([ \t]*(?:\/\/|#|\{?\/\*)\s*ward-ignore)(?!-file)\s+([a-z0-9, -]*?)(\s+--|\s*\*\/|\s*$)/.exec(prev);
    if (m && m[2]!.trim() !== '') {
      const at = prevStart + m[1]!.length + prev.slice(m[1]!.length).indexOf(m[2]!) + m[2]!.trimEnd().length;
      const pos = { line: line - 1, character: at - prevStart };
      return { range: { start: pos, end: pos }, newText: `, ${ruleId}` };
    }
  }
  // Where a line comment would not be one (JSX children), the language's block form.
  const block = tree ? adapter?.blockCommentAt?.(tree, start + indent.length) : undefined;
  const comment = block
    ? `${block.open} ward-ignore ${ruleId} -- ${REASON_PLACEHOLDER} ${block.close}`
    : `${lineComment} ward-ignore ${ruleId} -- ${REASON_PLACEHOLDER}`;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${comment}${eol}` };
}

/** Inserts a file-wide ignore comment at the top, after a shebang or a Python coding line. */
export function ignoreFileEdit(text: string, ruleId: string, lineComment: string): TextEdit {
  const lines = text.split('\n');
  let line = 0;
  while (line < lines.length && line < 2 && /^(#!|#.*coding[:=])/.test(lines[line]!)) line++;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${lineComment} ward-ignore-file ${ruleId} -- ${REASON_PLACEHOLDER}${eol}`,
  };
}

/**
 * "Ignore … on this line / in this file" writes `ward-ignore <rule> -- <reason>`; the reason
 * is then selected, so the user types it over the placeholder at once. LSP has no snippet
 * edits a client must support (SnippetTextEdit is LSP 3.18; vscode-languageclient 9 does not
 * convert it), so the code action carries the plain edit plus a server command that runs
 * after it and asks the client, with the standard `window/showDocument`, to select the
 * placeholder. A client without showDocument gets the edit alone.
 */
import type { Command, Connection, Range, TextEdit } from 'vscode-languageserver';
import { REASON_PLACEHOLDER } from '../engine/suppressions';
import { COMMAND_SELECT_IGNORE_REASON } from '../protocol';

/** Where `placeholder` is once `edit` is applied (text before the edit's start does not move). */
export function placeholderRangeAfter(edit: TextEdit, placeholder = REASON_PLACEHOLDER): Range | undefined {
  const at = edit.newText.indexOf(placeholder);
  if (at < 0) return undefined;
  const before = edit.newText.slice(0, at);
  const newlines = before.split('\n').length - 1;
  const { line, character } = edit.range.start;
  const start = newlines === 0
    ? { line, character: character + before.length }
    : { line: line + newlines, character: before.length - before.lastIndexOf('\n') - 1 };
  return { start, end: { line: start.line, character: start.character + placeholder.length } };
}

/** The command that selects the reason after `edit` is applied; undefined when there is none to select. */
export function selectReasonCommand(uri: string, edit: TextEdit): Command | undefined {
  const range = placeholderRangeAfter(edit);
  return range && { title: 'Type the reason', command: COMMAND_SELECT_IGNORE_REASON, arguments: [{ uri, range }] };
}

function isPosition(p: unknown): p is Range['start'] {
  const q = p as Range['start'];
  return !!q && Number.isInteger(q.line) && Number.isInteger(q.character) && q.line >= 0 && q.character >= 0;
}

/** The server side of COMMAND_SELECT_IGNORE_REASON: `window/showDocument` with the selection. */
export async function selectReason(connection: Connection, arg: unknown): Promise<boolean> {
  const a = arg as { uri?: unknown; range?: Range } | undefined;
  if (!a || typeof a.uri !== 'string' || !a.range || !isPosition(a.range.start) || !isPosition(a.range.end)) return false;
  const result = await connection.window.showDocument({ uri: a.uri, takeFocus: true, selection: a.range });
  return result.success;
}

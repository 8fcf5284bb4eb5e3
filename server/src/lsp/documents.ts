/**
 * Open documents with their text and syntax tree. Incremental edits are applied to the
 * text and to the tree (`tree.edit`), so the next parse reuses the unchanged parts.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { makeEdit, Tree } from '../languages/parser';
import { LanguageSpec, languageForId, languageForPath } from '../languages/registry';
import type { Finding } from '../engine/finding';
import { Dirty, trackEdit } from '../engine/incremental';

export interface OpenDocument {
  doc: TextDocument;
  language: LanguageSpec | undefined;
  /** Tree for `treeVersion`, edited to follow later changes until reparsed. */
  tree?: Tree;
  treeVersion?: number;
  treeStale: boolean;
  /** Rows edited since the last complete analysis, for re-analysing only those. */
  dirty?: Dirty;
  /** Findings (before settings are applied) of the last analysis, in its coordinates. */
  lastFindings?: Finding[];
  /** The project modules the last check used summaries of, and their versions on disk. */
  imports?: { key: string; modules: string[] };
  /** How long the last check of this document took (parse + analysis), for the debounce. */
  lastCheckMs?: number;
}

function endPositionOf(start: { line: number; character: number }, text: string): { row: number; column: number } {
  const lines = text.split('\n');
  if (lines.length === 1) return { row: start.line, column: start.character + text.length };
  return { row: start.line + lines.length - 1, column: lines[lines.length - 1]!.length };
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    this.close(uri);
    const language = languageForId(languageId) ?? languageForPath(uri);
    const entry: OpenDocument = { doc: TextDocument.create(uri, languageId, version, text), language, treeStale: false };
    this.docs.set(uri, entry);
    return entry;
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const entry = this.docs.get(uri);
    if (!entry) return undefined;
    for (const change of changes) {
      if ('range' in change && entry.tree) {
        const startIndex = entry.doc.offsetAt(change.range.start);
        const oldEndIndex = entry.doc.offsetAt(change.range.end);
        entry.tree.edit(
          makeEdit({
            startIndex,
            oldEndIndex,
            newEndIndex: startIndex + change.text.length,
            startPosition: { row: change.range.start.line, column: change.range.start.character },
            oldEndPosition: { row: change.range.end.line, column: change.range.end.character },
            newEndPosition: endPositionOf(change.range.start, change.text),
          }),
        );
        entry.treeStale = true;
        entry.dirty = trackEdit(entry.dirty, change.range.start.line, change.range.end.line, endPositionOf(change.range.start, change.text).row);
      } else if (!('range' in change)) {
        entry.lastFindings = undefined;
        entry.dirty = undefined;
        // A full-text replacement invalidates the tree.
        entry.tree?.delete();
        entry.tree = undefined;
      }
      entry.doc = TextDocument.update(entry.doc, [change], version);
    }
    return entry;
  }

  setTree(entry: OpenDocument, tree: Tree, version: number): void {
    if (entry.tree && entry.tree !== tree) entry.tree.delete();
    entry.tree = tree;
    entry.treeVersion = version;
    entry.treeStale = false;
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  close(uri: string): void {
    const entry = this.docs.get(uri);
    entry?.tree?.delete();
    this.docs.delete(uri);
  }
}

/**
 * Open documents with their text and syntax tree. Each content change is checked first
 * (contentChanges.ts); a valid one is applied to the text and to the tree (`tree.edit`),
 * so the next parse reuses the unchanged parts. A change that had to be adjusted drops the
 * tree and the incremental state, so the next check parses and analyses the text afresh.
 * A change that cannot be read at all leaves Ward without a true copy of the buffer: the
 * document is marked out of sync until a full-text change, a reopen or a save brings the
 * text back (Ward never analyses a text it knows to differ from the editor's).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { makeEdit, Tree } from '../languages/parser';
import { LanguageSpec, languageForId, languageForPath } from '../languages/registry';
import type { Finding } from '../engine/finding';
import { Dirty, RowSpan, trackEdit } from '../engine/incremental';
import { checkChange, isFullChange, pointAfter, pointAt, RangeChange } from './contentChanges';

export interface OpenDocument {
  doc: TextDocument;
  language: LanguageSpec | undefined;
  /**
   * Counts the changes applied since the document was opened. Checks compare it, not the
   * client's version, to know whether their result is still current: a client can repeat
   * or lower a version number.
   */
  revision: number;
  /**
   * The last parse, edited to follow later changes, so it can seed an incremental parse.
   * Undefined while a check holds it (the check owns its trees until it ends) and after a
   * change that could not be mirrored in the tree.
   */
  tree?: Tree;
  /** The tree has been edited since it was parsed (its nodes no longer match the text). */
  treeStale: boolean;
  /** Rows edited since the last complete analysis, for re-analysing only those. */
  dirty?: Dirty;
  /** Findings (before settings are applied) of the last analysis, in its coordinates. */
  lastFindings?: Finding[];
  /** The statements that did not parse at the last analysis (incremental.ts brokenSpans). */
  lastBroken?: RowSpan[];
  /** The project modules the last check used summaries of, and their versions on disk. */
  imports?: { key: string; modules: string[] };
  /** How long the last check of this document took (parse + analysis), for the debounce. */
  lastCheckMs?: number;
  /** Why Ward's copy of the text no longer matches the editor's (a change it could not apply). */
  outOfSync?: string;
  /** Closed (or replaced by a second didOpen): a check still running must not keep anything. */
  closed?: boolean;
}

export interface ChangeOutcome {
  entry: OpenDocument | undefined;
  /** What was wrong with the notification, for the output channel. */
  problems: string[];
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    this.close(uri);
    const language = languageForId(languageId) ?? languageForPath(uri);
    const entry: OpenDocument = { doc: TextDocument.create(uri, languageId, version, text), language, revision: 0, treeStale: false };
    this.docs.set(uri, entry);
    return entry;
  }

  change(uri: string, version: unknown, changes: unknown): ChangeOutcome {
    const entry = this.docs.get(uri);
    if (!entry) return { entry, problems: ['a change for a document that is not open was ignored'] };
    const problems: string[] = [];
    let next = entry.doc.version;
    if (typeof version !== 'number' || !Number.isInteger(version)) problems.push(`the change's version ${JSON.stringify(version) ?? 'is missing'}; kept ${next}`);
    else {
      if (version <= next) problems.push(`version ${version} follows version ${next} (versions should increase); the change is applied`);
      next = version;
    }
    const list: unknown[] = Array.isArray(changes) ? changes : [changes];
    if (!Array.isArray(changes)) problems.push(`contentChanges is ${JSON.stringify(changes) ?? 'missing'}, not a list`);
    // Changes before the last full-text replacement do not matter, and that replacement
    // brings back a document that was out of sync.
    let first = list.length - 1;
    while (first >= 0 && !isFullChange(list[first])) first--;
    if (entry.outOfSync && first < 0) {
      entry.doc = TextDocument.update(entry.doc, [], next);
      return { entry, problems };
    }
    for (const raw of list.slice(Math.max(0, first))) {
      const change = checkChange(entry.doc, raw);
      if (change.kind === 'malformed') {
        this.desync(entry, change.reason);
        problems.push(`${change.reason}: this and the following changes were not applied; Ward stops checking the document until its full text comes back (a save, or closing and reopening it)`);
        break;
      }
      entry.revision++;
      if (change.kind === 'full') {
        entry.outOfSync = undefined;
        this.dropTree(entry);
        entry.doc = TextDocument.create(uri, entry.doc.languageId, entry.doc.version, change.text);
        continue;
      }
      if (change.adjusted) {
        problems.push(`${change.adjusted}; the document is parsed and analysed afresh`);
        this.dropTree(entry);
      } else this.editTree(entry, change);
      const doc = entry.doc;
      TextDocument.update(doc, [{ range: { start: doc.positionAt(change.start), end: doc.positionAt(change.end) }, text: change.text }], doc.version);
    }
    entry.doc = TextDocument.update(entry.doc, [], next);
    return { entry, problems };
  }

  /** Replaces the whole text (a resync from the file on disk); the version stays. */
  replaceText(entry: OpenDocument, text: string): void {
    entry.revision++;
    entry.outOfSync = undefined;
    this.dropTree(entry);
    entry.doc = TextDocument.create(entry.doc.uri, entry.doc.languageId, entry.doc.version, text);
  }

  private desync(entry: OpenDocument, reason: string): void {
    entry.revision++;
    entry.outOfSync = reason;
    this.dropTree(entry);
  }

  /** Mirrors a checked change in the tree (positions in tree-sitter's rows) and in the dirty rows. */
  private editTree(entry: OpenDocument, change: RangeChange): void {
    const text = entry.doc.getText();
    const start = pointAt(text, change.start);
    const oldEnd = pointAfter(start, text.slice(change.start, change.end));
    const newEnd = pointAfter(start, change.text);
    if (entry.tree) {
      entry.tree.edit(
        makeEdit({
          startIndex: change.start,
          oldEndIndex: change.end,
          newEndIndex: change.start + change.text.length,
          startPosition: start,
          oldEndPosition: oldEnd,
          newEndPosition: newEnd,
        }),
      );
      entry.treeStale = true;
    }
    if (entry.lastFindings) entry.dirty = trackEdit(entry.dirty, start.row, oldEnd.row, newEnd.row);
  }

  /** The next check parses from scratch and analyses the whole file. */
  private dropTree(entry: OpenDocument): void {
    entry.tree?.delete();
    entry.tree = undefined;
    entry.lastFindings = undefined;
    entry.dirty = undefined;
  }

  /**
   * Gives back a tree a check held: kept when it still matches the text at `revision`
   * (`stale`: it was edited since it was parsed), deleted when the text moved on meanwhile,
   * as the changes since were not applied to it.
   */
  adopt(entry: OpenDocument, tree: Tree, revision: number, stale = false): void {
    if (entry.closed || entry.revision !== revision) {
      tree.delete();
      return;
    }
    if (entry.tree && entry.tree !== tree) entry.tree.delete();
    entry.tree = tree;
    entry.treeStale = stale;
  }

  /** Hands the document's tree to a check (undefined when there is none). */
  takeTree(entry: OpenDocument): Tree | undefined {
    const tree = entry.tree;
    entry.tree = undefined;
    return tree;
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  /** Forgets the document and frees its tree; false when it was not open. */
  close(uri: string): boolean {
    const entry = this.docs.get(uri);
    if (!entry) return false;
    entry.closed = true;
    entry.tree?.delete();
    entry.tree = undefined;
    entry.lastFindings = undefined;
    entry.dirty = undefined;
    this.docs.delete(uri);
    return true;
  }
}

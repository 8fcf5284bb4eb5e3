/**
 * One check of an open document: the tree reparsed incrementally, the project helpers it
 * imports summarised, then the edited statements or the whole file analysed. The check
 * owns the trees it uses until it ends (a change or a close meanwhile cannot edit or free a
 * tree under it), and what it learnt — tree, findings, dirty rows — is kept only when the
 * document's text did not change meanwhile.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileResult } from '../engine/finding';
import { checkText, DEFAULT_LIMITS, InputLimits, sizeNotice } from '../engine/inputGuards';
import { brokenSpans, errorsInside, mergeFindings, RegionInvalidated, regionFor, withChangedRows } from '../engine/incremental';
import { hasLoneCarriageReturn } from '../engine/lineEnds';
import type { ScanOptions } from '../engine/scan';
import { ParseTimeout, Tree } from '../languages/parser';
import type { WardSettings } from '../settings';
import { fallbackAnalysis } from './analysisFallback';
import type { DocumentStore, OpenDocument } from './documents';
import type { EngineCache } from './engines';
import { ImportSummaries } from './importSummaries';

/** Below this many lines a whole-file analysis is fast enough. */
const INCREMENTAL_MIN_LINES = 1500;

function limitsFor(settings: WardSettings): InputLimits {
  return { ...DEFAULT_LIMITS, maxBytes: settings.maxFileSizeMB * 1024 * 1024 };
}

export class DocumentAnalyzer {
  private readonly imports = new ImportSummaries();

  constructor(
    private readonly docs: DocumentStore,
    private readonly engines: EngineCache,
  ) {}

  private pathsOf(entry: OpenDocument, root: string | undefined): { path?: string; relativePath?: string } {
    const path = entry.doc.uri.startsWith('file:') ? fileURLToPath(entry.doc.uri) : undefined;
    return { path, relativePath: path && root ? relative(root, path) : path };
  }

  /** The document's findings and notices; undefined when its text changed (or it closed) meanwhile. */
  async analyse(entry: OpenDocument, settings: WardSettings, root: string | undefined): Promise<FileResult | undefined> {
    const revision = entry.revision;
    const current = (): boolean => !entry.closed && entry.revision === revision;
    const text = entry.doc.getText();
    const limits = limitsFor(settings);
    const { engine } = this.engines.get(settings.extraRuleFolders, root, settings.advisories);
    const { path, relativePath } = this.pathsOf(entry, root);
    if (!entry.language) {
      if (text.length > limits.maxBytes) return { findings: [], notices: [{ kind: 'skipped', message: sizeNotice(text.length, limits) }] };
      // A workflow (a document pack's file), a manifest or lockfile (its unsaved text, with the
      // files beside it from disk), or any other text for the secret rules.
      return engine.scanPathText(path, text, { relativePath, budgetMs: settings.fileTimeBudgetMs, limits });
    }
    const lang = entry.language;
    // Too big or minified: the engine says so (and still runs the secret rules on a minified file).
    if (checkText(text, limits)) return engine.scanText(text, lang, { limits, budgetMs: settings.fileTimeBudgetMs, relativePath });
    const stale = entry.treeStale;
    const old = this.docs.takeTree(entry);
    // Where the text does not parse, tree-sitter's incremental parse may recover from the
    // errors otherwise than a parse of the same text from scratch (an unclosed string read as
    // code after an edit, as a string when the file is opened): a broken text is parsed
    // afresh, so the editor shows what opening the file, Scan Workspace and `ward scan` show.
    const reuse = old && !old.rootNode.hasError ? old : undefined;
    let tree: Tree;
    let first: Tree | undefined;
    try {
      first = await engine.parse(lang, text, settings.fileTimeBudgetMs, reuse ?? null);
      tree = reuse && first.rootNode.hasError ? await engine.parse(lang, text, settings.fileTimeBudgetMs, null) : first;
      if (tree !== first) first.delete();
    } catch (err) {
      first?.delete();
      if (!(err instanceof ParseTimeout)) {
        // Whatever broke the parse may have left the old tree unusable: start afresh next time.
        old?.delete();
        throw err;
      }
      if (old) this.docs.adopt(entry, old, revision, stale);
      return { findings: [], notices: [{ kind: 'skipped', message: `${err.message} (ward.fileTimeBudgetMs)` }] };
    }
    // Where the tree grew from the last one, the rows whose syntax changed since (an edit can
    // re-read text it did not touch) join the edited rows.
    const dirty = reuse && tree === first && entry.dirty ? withChangedRows(entry.dirty, reuse.getChangedRanges(tree)) : entry.dirty;
    old?.delete();
    try {
      if (!current()) return undefined;
      // Helpers this file imports from the project, summarised from disk (cross-file taint).
      const imported = path ? await this.imports.indexFor(engine, path, text) : undefined;
      if (!current()) return undefined;
      const options: ScanOptions = { relativePath, budgetMs: settings.fileTimeBudgetMs, absolutePath: path, summaryIndex: imported?.index, incremental: true };
      const broken = brokenSpans(tree, lang.family);
      // A changed helper module can change findings anywhere in the file: no region then.
      const sameImports = entry.imports?.key === imported?.key;
      const commit = (result: FileResult, findings = result.notices.length === 0 ? result.findings : undefined): FileResult | undefined => {
        if (!current()) return undefined;
        entry.dirty = undefined;
        entry.lastFindings = findings;
        entry.lastBroken = broken;
        entry.imports = imported && { key: imported.key, modules: imported.modules };
        return result;
      };
      // A large file edited in one place: analyse the touched statements, keep the rest.
      const previous = entry.lastFindings;
      // Lone "\r" line ends: findings are in editor lines, the tree's rows are not (lineEnds.ts).
      const candidate = sameImports && dirty && previous && tree.rootNode.endPosition.row >= INCREMENTAL_MIN_LINES && !hasLoneCarriageReturn(text) ? regionFor(tree, dirty, lang.family) : undefined;
      const region = candidate && dirty && errorsInside(candidate, broken, entry.lastBroken ?? [], dirty) ? candidate : undefined;
      if (region && dirty && previous && !text.includes('ward-ignore-file')) {
        try {
          const partial = await engine.analyzeTree(tree, text, lang, { ...options, region });
          if (partial.notices.length === 0) {
            const findings = mergeFindings(previous, partial.findings, region, dirty.lineDelta);
            return commit({ findings, notices: [] }, findings);
          }
        } catch (err) {
          if (!(err instanceof RegionInvalidated)) throw err;
        }
        if (!current()) return undefined;
      }
      return commit(await engine.analyzeTree(tree, text, lang, options));
    } finally {
      this.docs.adopt(entry, tree, revision);
    }
  }

  /** What a narrower analysis of the document still finds after `error` (see analysisFallback). */
  fallback(entry: OpenDocument, settings: WardSettings, root: string | undefined, error: Error): Promise<FileResult> {
    const { engine } = this.engines.get(settings.extraRuleFolders, root, settings.advisories);
    const { path, relativePath } = this.pathsOf(entry, root);
    const options: ScanOptions = { relativePath, absolutePath: path, budgetMs: settings.fileTimeBudgetMs, limits: limitsFor(settings) };
    return fallbackAnalysis(engine, entry.doc.getText(), entry.language, options, error);
  }
}

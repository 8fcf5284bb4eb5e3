/**
 * `check` rules over files of a document pack (languages/documentPack.ts): the file is
 * parsed with the pack's grammar, read into the pack's model, and each rule's check runs
 * with the rule's `options`. The engine knows the interface only, not what a kind of file is.
 */
import type { CheckHit, DocumentPack, Expansion } from '../languages/documentPack';
import type { HeldImports } from './documentImports';
import { DOCUMENT_PACKS, documentPackOf } from '../languages/registry';
import type { ParserPool, Tree } from '../languages/parser';
import { ParseTimeout } from '../languages/parser';
import type { FileResult, Finding, Range, ScanNotice } from './finding';
import { interpolateMessage, ruleFinding } from './findingBuilder';
import type { Rule } from './rule';
import { applyDirectives, applySuppressions, commentTest } from './suppressions';
import { budgetSpent } from '../budgetClock';

/** What the engine reads around a document pack's file (documentPack.ts `folder`), from disk. */
export interface FolderAccess {
  /** The facts of the folder's other members. */
  facts(): Promise<unknown[]>;
  /** The folders `text` draws on, read into models, held until `release`. */
  imports(text: string): Promise<HeldImports>;
}

/** What is wrong with a `check` rule (its kind or check name), checked at load; undefined when it can run. */
export function checkRuleProblem(rule: Rule): string | undefined {
  if (rule.mode !== 'check') return undefined;
  const packs = [...rule.languages].map(documentPackOf);
  if (packs.length === 0 || packs.some((p) => !p)) return `\`mode: check\` rules run on the document kinds (${DOCUMENT_PACKS.map((p) => p.kind).join(', ')})`;
  const lacking = packs.find((p) => !Object.prototype.hasOwnProperty.call(p!.checks, rule.check ?? ''));
  if (lacking) return `unknown check "${rule.check ?? ''}" for ${lacking.kind} (known: ${Object.keys(lacking.checks).join(', ')})`;
  return undefined;
}

/** The `check` rules of `pack` among `rules`. */
export function checkRulesFor(pack: DocumentPack, rules: readonly Rule[]): Rule[] {
  return rules.filter((r) => r.mode === 'check' && r.languages.has(pack.kind));
}

/**
 * Findings of `rules` (all `check` rules of `pack`) over `text`; a parse that runs out of
 * time, or a file that is not of the kind after all, gives a notice and no findings.
 */
export async function scanDocument(parsers: ParserPool, pack: DocumentPack, rules: readonly Rule[], text: string, budgetMs: number, path?: string, around?: FolderAccess): Promise<FileResult> {
  if (rules.length === 0) return { findings: [], notices: [] };
  if (pack.parts) {
    const starts = lineStarts(text);
    if (starts.length > pack.parts.maxLines) return scanInParts(parsers, pack, rules, text, starts, budgetMs, path);
  }
  return scanWhole(parsers, pack, rules, text, budgetMs, path, around);
}

async function scanWhole(parsers: ParserPool, pack: DocumentPack, rules: readonly Rule[], text: string, budgetMs: number, path?: string, around?: FolderAccess): Promise<FileResult> {
  const read = pack.readText ? await readByPack(parsers, pack, text, budgetMs, path) : await readWhole(parsers, pack, text, budgetMs, path);
  if ('skipped' in read) return { findings: [], notices: [{ kind: 'skipped', message: read.skipped }] };
  let held: HeldImports | undefined;
  try {
    if (read.model && typeof read.model === 'object' && 'notice' in read.model && typeof (read.model as { notice: unknown }).notice === 'string') {
      return { findings: [], notices: [{ kind: 'partial', message: `${(read.model as { notice: string }).notice}; the ${pack.kind} rules did not run` }] };
    }
    // The folder's other files (read from disk) complete the model: variables, locals, resources.
    const model = pack.folder && around ? pack.folder.withFolder(read.model, await around.facts()) : read.model;
    // The folders it draws on (a module's files) give further models, whose hits the pack places in this file.
    const imported = pack.folder?.expand && around ? await around.imports(text) : undefined;
    held = imported;
    const expansions: Expansion<unknown>[] = imported ? pack.folder!.expand!(model, imported.folders) : [];
    const notices: ScanNotice[] = read.notices.map((message) => ({ kind: 'partial', message }));
    const findings: Finding[] = [];
    for (const rule of rules) {
      try {
        const check = pack.checks[rule.check!]!;
        const hits: CheckHit[] = check(model, rule.options ?? {});
        for (const e of expansions) {
          for (const h of check(e.model, rule.options ?? {})) {
            const placed = e.place(h);
            if (placed) hits.push(placed);
          }
        }
        for (const hit of hits) {
          const finding = ruleFinding(rule, hit.range, interpolateMessage(rule.message, new Map(Object.entries(hit.captures).map(([k, v]) => [k, { text: v }]))), hit.fixes ?? [], hit.anchor);
          if (hit.trace && hit.trace.length > 0) finding.trace = hit.trace;
          findings.push(finding);
        }
      } catch (err) {
        notices.push({ kind: 'partial', message: `rule ${rule.id} failed (${(err as Error).message}); the other findings are complete` });
      }
    }
    applyDirectives(findings, text, read.isComment);
    return { findings, notices };
  } finally {
    for (const tree of read.trees) tree.delete();
    held?.release();
  }
}

interface ReadDocument {
  model: unknown;
  notices: string[];
  isComment: ((offset: number) => boolean) | undefined;
  /** Trees to delete once the checks have run. */
  trees: Tree[];
}

function skippedFor(err: unknown): { skipped: string } {
  if (err instanceof ParseTimeout) return { skipped: `${err.message} (ward.fileTimeBudgetMs)` };
  throw err;
}

/** The whole text parsed by the pack's grammar and read into its model. */
async function readWhole(parsers: ParserPool, pack: DocumentPack, text: string, budgetMs: number, path?: string): Promise<ReadDocument | { skipped: string }> {
  let tree: Tree;
  try {
    tree = await parsers.parse(pack.grammar!.id, text, budgetMs);
  } catch (err) {
    return skippedFor(err);
  }
  try {
    const notices = tree.rootNode.hasError ? [`parts of the file are not valid ${pack.grammar!.syntax ?? pack.grammar!.id.toUpperCase()}; the ${pack.kind} rules read the rest`] : [];
    return { model: pack.read!(tree, text, path), notices, isComment: commentTest(tree, pack.commentTypes), trees: [tree] };
  } catch (err) {
    tree.delete();
    throw err;
  }
}

/**
 * The pack reads the text itself, parsing the pieces it wants with its grammar; the pieces
 * share the file's budget (spent as budgetClock.ts counts it).
 */
async function readByPack(parsers: ParserPool, pack: DocumentPack, text: string, budgetMs: number, path?: string): Promise<ReadDocument | { skipped: string }> {
  const budget = { endsAt: Date.now() + budgetMs, cpuFrom: process.cpuUsage() };
  const trees: Tree[] = [];
  try {
    const grammar = pack.grammar;
    if (grammar) await parsers.parser(grammar.id);
    const parse = (piece: string): Tree => {
      if (!grammar) throw new Error(`the ${pack.kind} pack has no grammar to parse with`);
      if (budgetSpent(budget.endsAt, budgetMs, budget.cpuFrom)) throw new ParseTimeout(budgetMs);
      const tree = parsers.parseLoaded(grammar.id, piece, budgetMs, budget);
      trees.push(tree);
      return tree;
    };
    const read = pack.readText!(text, parse, path);
    if ('notice' in read) return { model: read, notices: [], isComment: undefined, trees };
    return { model: read.model, notices: read.notices, isComment: read.isComment, trees };
  } catch (err) {
    for (const tree of trees) tree.delete();
    return skippedFor(err);
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * A file too long for the grammar, cut where the pack allows into parts of at most
 * `maxLines` lines (a part that cannot be cut stays whole and gets the grammar's notice),
 * each scanned alone with the file's time budget (a part is bounded like a file of its own).
 * Ignore comments of the whole file apply to every part.
 */
async function scanInParts(parsers: ParserPool, pack: DocumentPack, rules: readonly Rule[], text: string, starts: number[], budgetMs: number, path?: string): Promise<FileResult> {
  const { maxLines, cuts } = pack.parts!;
  const allowed = [...new Set(cuts(text).filter((l) => l > 0 && l < starts.length))].sort((a, b) => a - b);
  const parts: [number, number][] = [];
  let from = 0;
  let last = 0; // the latest allowed cut inside the current part
  for (const cut of [...allowed, starts.length]) {
    if (cut - from > maxLines && last > from) {
      parts.push([from, last]);
      from = last;
    }
    last = cut;
  }
  parts.push([from, starts.length]);
  const findings: Finding[] = [];
  const notices: ScanNotice[] = [];
  for (const [a, b] of parts) {
    const piece = text.slice(starts[a], b < starts.length ? starts[b] : text.length);
    const result = await scanWhole(parsers, pack, rules, piece, budgetMs, path);
    findings.push(...result.findings.map((f) => shiftFinding(f, a)));
    for (const n of result.notices) if (!notices.some((m) => m.message === n.message)) notices.push(n);
  }
  applySuppressions(findings, text);
  return { findings, notices };
}

/** A finding of a part moved down by the part's first line (parts start at line starts: columns stay). */
function shiftFinding(f: Finding, lines: number): Finding {
  if (lines === 0) return f;
  const r = (x: Range): Range => ({ start: { line: x.start.line + lines, character: x.start.character }, end: { line: x.end.line + lines, character: x.end.character } });
  return {
    ...f,
    range: r(f.range),
    ...(f.anchor ? { anchor: r(f.anchor) } : {}),
    ...(f.trace ? { trace: f.trace.map((t) => ({ ...t, range: r(t.range) })) } : {}),
    ...(f.also ? { also: f.also.map((n) => ({ ...n, range: r(n.range) })) } : {}),
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: r(e.range) })) })),
  };
}

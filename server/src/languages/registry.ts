/**
 * The language packs Ward has, one line each, and what follows from them: which grammar a
 * file or an editor language id maps to, which grammars a rule's `languages` entry covers,
 * and each language's syntax. Adding a language is adding its pack's line here (its folder,
 * models and rules hold the rest).
 */
import type { LanguagePack, LanguageSpec } from './pack';
import type { SyntaxAdapter } from './syntax';
import type { TaintSyntax } from './taintSyntax';
import { javascriptPack } from './javascript';
import { pythonPack } from './python';
import { javaPack } from './java';
import { goPack } from './go';
import { CONTENT_HEAD_CHARS, DocumentPack } from './documentPack';
import { actionsPack } from './actions';
import { kubernetesPack } from './kubernetes';
import { composePack } from './compose';
import { terraformPack } from './terraform';
import { dockerPack } from './docker';
import { templatesPack } from './templates';

export const PACKS: readonly LanguagePack[] = [javascriptPack, pythonPack, javaPack, goPack];
/** Packs of files that are data (workflows, manifests, Dockerfiles, Terraform, templates), recognised by path or first lines: see documentPack.ts. */
export const DOCUMENT_PACKS: readonly DocumentPack[] = [actionsPack as DocumentPack, composePack as DocumentPack, dockerPack as DocumentPack, kubernetesPack as DocumentPack, terraformPack as DocumentPack, templatesPack as DocumentPack];

export type { LanguagePack, LanguageSpec };
/** A grammar's id (`typescript`). */
export type LanguageId = string;
/** A pack's id (`js`), shared by its grammars. */
export type Family = string;

export const LANGUAGES: readonly LanguageSpec[] = PACKS.flatMap((p) => p.grammars);

const byFamily = new Map(PACKS.map((p) => [p.family, p]));
const byId = new Map(LANGUAGES.map((l) => [l.id, l]));
const byExtension = new Map(LANGUAGES.flatMap((l) => l.extensions.map((e) => [e, l] as const)));
/** A grammar by its id, its VS Code language ids and its pack's other names for it. */
const aliases = new Map<string, string>([
  ...LANGUAGES.flatMap((l) => [l.id, ...l.editorLanguages].map((name) => [name, l.id] as const)),
  ...PACKS.flatMap((p) => Object.entries(p.aliases)),
]);
const ruleLanguages = new Map<string, string[]>([
  ...PACKS.flatMap((p) => Object.entries(p.ruleLanguages)),
  ...DOCUMENT_PACKS.map((p) => [p.kind, [p.kind]] as [string, string[]]),
]);
const documentPacks = new Map(DOCUMENT_PACKS.map((p) => [p.kind, p]));
const grammarFiles = new Map<string, string>([...LANGUAGES.map((l) => [l.id, l.wasm] as [string, string]), ...DOCUMENT_PACKS.flatMap((p) => (p.grammar ? [[p.grammar.id, p.grammar.wasm] as [string, string]] : []))]);

export function packFor(family: Family): LanguagePack {
  const pack = byFamily.get(family);
  if (!pack) throw new Error(`unknown language pack ${family}`);
  return pack;
}

export function syntaxFor(family: Family): SyntaxAdapter {
  return packFor(family).syntax;
}

export function taintSyntaxFor(family: Family): TaintSyntax {
  return packFor(family).taint;
}

export function languageSpec(id: LanguageId): LanguageSpec {
  const spec = byId.get(id);
  if (!spec) throw new Error(`unknown language ${id}`);
  return spec;
}

export function languageForPath(path: string): LanguageSpec | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return undefined;
  if (/\.d\.[cm]?ts$/i.test(path)) return undefined; // declarations hold no code that runs
  return byExtension.get(path.slice(dot).toLowerCase());
}

export function languageForId(editorLanguageId: string): LanguageSpec | undefined {
  const id = aliases.get(editorLanguageId.toLowerCase());
  return id ? byId.get(id) : undefined;
}

/** Which grammars a rule's `languages` entry covers. */
export function expandRuleLanguage(name: string): LanguageId[] {
  return ruleLanguages.get(name.toLowerCase()) ?? [];
}

/** The document pack whose files `path` is (a workflow under `.github/workflows/`), if any. */
export function documentPackForPath(path: string): DocumentPack | undefined {
  return DOCUMENT_PACKS.find((p) => p.recognises(path));
}

/**
 * What scanning the file at `path` loads: its grammar's id, or its document pack's kind;
 * undefined for a file only the text rules read (by its name; see mayBeDocumentByContent).
 */
export function fileKindOf(path: string): string | undefined {
  return languageForPath(path)?.id ?? documentPackForPath(path)?.kind;
}

/**
 * The document pack that claims a file no path claims by its first lines (a Kubernetes
 * manifest), if any; `path` may be unknown (an untitled editor buffer).
 */
export function documentPackForContent(path: string | undefined, text: string): DocumentPack | undefined {
  const head = text.length > CONTENT_HEAD_CHARS ? text.slice(0, CONTENT_HEAD_CHARS) : text;
  return DOCUMENT_PACKS.find((p) => p.byContent && (path === undefined || p.byContent.candidate(path.replace(/\\/g, '/'))) && p.byContent.recognisesHead(head));
}

/** Whether some document pack may claim the file at `path` once its text is read. */
export function mayBeDocumentByContent(path: string): boolean {
  return DOCUMENT_PACKS.some((p) => p.byContent?.candidate(path.replace(/\\/g, '/')));
}

/** The document pack of a rule's `languages` entry (`github-actions`). */
export function documentPackOf(kind: string): DocumentPack | undefined {
  return documentPacks.get(kind);
}

/** The wasm file of a grammar id, a code language's or a document pack's. */
export function grammarWasm(id: LanguageId): string {
  const wasm = grammarFiles.get(id);
  if (!wasm) throw new Error(`unknown grammar ${id}`);
  return wasm;
}

/**
 * The packs as plain data, for what cannot import them: esbuild.mjs builds this file alone
 * and writes its result to dist/languages.json, copies each grammar's wasm by it, and hands
 * the editor language ids to the extension client (whose bundle must not carry the packs'
 * code), and the rule schema's `languages` names to the rule validator. package.json's activation events list the same ids; test/unit/languageManifest.test.js
 * checks both against the registry.
 */
import { DOCUMENT_PACKS, PACKS } from './registry';

export interface LanguageManifest {
  packs: {
    family: string;
    name: string;
    rulesFolder: string;
    /** The names a rule's `languages` entry may use. */
    ruleLanguages: string[];
    grammars: { id: string; extensions: string[]; editorLanguages: string[]; wasm: string; wasmPackage: string }[];
  }[];
  /** Every grammar's VS Code language ids, in pack order. */
  editorLanguages: string[];
  /** The document packs (workflows): the name rules use, their grammar, the files the editor sends. */
  documentPacks: { kind: string; rulesFolder: string; /** Absent for packs that read their files without a grammar. */ wasm?: string; wasmPackage?: string; editorFiles: { language: string; pattern: string }[] }[];
}

export function languageManifest(): LanguageManifest {
  const packs = PACKS.map((p) => ({
    family: p.family,
    name: p.name,
    rulesFolder: p.rulesFolder,
    ruleLanguages: Object.keys(p.ruleLanguages),
    grammars: p.grammars.map((g) => ({ id: g.id, extensions: g.extensions, editorLanguages: g.editorLanguages, wasm: g.wasm, wasmPackage: g.wasmPackage })),
  }));
  const documentPacks = DOCUMENT_PACKS.map((d) => ({ kind: d.kind, rulesFolder: d.rulesFolder, ...(d.grammar ? { wasm: d.grammar.wasm, wasmPackage: d.grammar.wasmPackage } : {}), editorFiles: d.editorFiles }));
  return { packs, editorLanguages: packs.flatMap((p) => p.grammars.flatMap((g) => g.editorLanguages)), documentPacks };
}

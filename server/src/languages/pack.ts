/**
 * A language pack: everything Ward needs to know about one language, in its own folder
 * (`languages/<lang>/`): the grammars and file names it covers, the syntax adapter the
 * pattern and secret rules use, the taint syntax the data-flow walk uses, and where its rules
 * live. The registry lists the packs; nothing outside a pack's folder names its language.
 */
import type { SyntaxAdapter } from './syntax';
import type { TaintSyntax } from './taintSyntax';
import type { PackFixes } from './packFixes';

/** One grammar of a pack (JavaScript's pack has three: JavaScript, TypeScript, TSX). */
export interface LanguageSpec {
  /** The grammar's id (`typescript`), unique across packs. */
  id: string;
  /** The pack it belongs to. */
  family: string;
  /** Grammar file copied next to the bundle: `node_modules/<wasmPackage>/<wasm>` (esbuild.mjs reads the registry). */
  wasm: string;
  /** The npm package (a devDependency) that ships `wasm`. */
  wasmPackage: string;
  extensions: string[];
  /**
   * The VS Code language ids of the grammar's files (`javascriptreact`): the extension's
   * document selector and package.json's activation events list them (test/unit/languageManifest.test.js).
   */
  editorLanguages: string[];
  /** The token that starts a line comment, used to write suppression comments. */
  lineComment: string;
  /**
   * A few typical lines, analysed when the language server starts so that the first file a
   * user opens does not pay for loading the grammar and warming the engine up.
   */
  sample?: string;
}

export interface LanguagePack {
  family: string;
  /** How people call the language (`ward rules` lists it). */
  name: string;
  /** `rules/<folder>/`: the pack's rules and its `_models`. */
  rulesFolder: string;
  grammars: LanguageSpec[];
  /**
   * Other names of the grammars (`js`, `py`), mapped onto the pack's grammar ids; each
   * grammar's id and `editorLanguages` are names of it without being listed here.
   */
  aliases: Record<string, string>;
  /** A rule's `languages` entry → the grammar ids it runs on. */
  ruleLanguages: Record<string, string[]>;
  syntax: SyntaxAdapter;
  taint: TaintSyntax;
  /** The quick fixes written in code: per taint sink kind, and the recipes pattern rules name. */
  fixes: PackFixes;
  /**
   * What a byte of the language's code costs a scan, against JavaScript's (1, the default),
   * when the helpers' summaries come from a summaries file: a sharded scan weighs each file
   * by it so that its jobs get equal work (cli/shard.ts). Measured on the benchmark's
   * corpora: CPU of a job's files, its own fixed cost taken out.
   */
  scanCostPerByte?: number;
  /**
   * What a byte costs on top of scanCostPerByte when the job summarises the helpers its files
   * call itself (no summaries file): large for a language whose files lean on the rest of
   * their package (Go), nothing for JavaScript's one-import-deep helpers. Default 0.
   */
  summaryCostPerByte?: number;
}

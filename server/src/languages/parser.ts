/**
 * web-tree-sitter set-up: one runtime init, one Language per grammar, one Parser per
 * language, and parses bounded by a time budget so a pathological file cannot hang a scan.
 */
import * as TreeSitter from 'web-tree-sitter';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { grammarWasm, LanguageId } from './registry';
import { budgetSpent } from '../budgetClock';

export type Tree = TreeSitter.Tree;
export type SyntaxNode = TreeSitter.Node;

export class ParseTimeout extends Error {
  constructor(ms: number) {
    super(`parsing took longer than ${ms} ms`);
  }
}

/** Finds the directory holding the wasm files: next to the bundle, or in node_modules when run from source. */
export function defaultAssetDir(): string {
  const candidates = [__dirname, join(__dirname, '..', '..', '..', 'dist'), join(__dirname, '..', 'dist')];
  for (const dir of candidates) if (existsSync(join(dir, 'web-tree-sitter.wasm'))) return dir;
  return __dirname;
}

export class ParserPool {
  private initialised: Promise<void> | undefined;
  private readonly languages = new Map<LanguageId, Promise<TreeSitter.Language>>();
  private readonly parsers = new Map<LanguageId, TreeSitter.Parser>();

  constructor(private readonly assetDir: string = defaultAssetDir()) {}

  private init(): Promise<void> {
    this.initialised ??= TreeSitter.Parser.init({
      locateFile: (file: string) => join(this.assetDir, file),
    });
    return this.initialised;
  }

  async language(id: LanguageId): Promise<TreeSitter.Language> {
    let lang = this.languages.get(id);
    if (!lang) {
      lang = this.init().then(() => TreeSitter.Language.load(join(this.assetDir, grammarWasm(id))));
      this.languages.set(id, lang);
    }
    return lang;
  }

  async parser(id: LanguageId): Promise<TreeSitter.Parser> {
    let parser = this.parsers.get(id);
    if (!parser) {
      const lang = await this.language(id);
      parser = this.parsers.get(id);
      if (!parser) {
        parser = new TreeSitter.Parser();
        parser.setLanguage(lang);
        this.parsers.set(id, parser);
      }
    }
    return parser;
  }

  /**
   * Parses `text` (reusing `oldTree` after `tree.edit` for an incremental parse). Throws
   * ParseTimeout when the budget runs out; the parser is reset so the next call starts clean.
   */
  async parse(id: LanguageId, text: string, budgetMs: number, oldTree?: Tree | null): Promise<Tree> {
    return this.parseWith(await this.parser(id), text, budgetMs, oldTree);
  }

  /**
   * The same, synchronously, once `parser(id)` has resolved (for a parse that may not be
   * needed). `budget`: a budget already running, shared by many small parses of one file (a
   * Dockerfile's RUN bodies), so each does not start its own clock (reading the CPU time
   * costs more than parsing a line of shell).
   */
  parseLoaded(id: LanguageId, text: string, budgetMs: number, budget?: RunningBudget): Tree {
    const parser = this.parsers.get(id);
    if (!parser) throw new Error(`no parser loaded for ${id}`);
    return this.parseWith(parser, text, budgetMs, null, budget);
  }

  private parseWith(parser: TreeSitter.Parser, text: string, budgetMs: number, oldTree?: Tree | null, budget?: RunningBudget): Tree {
    const deadline = budget?.endsAt ?? Date.now() + budgetMs;
    const cpuFrom = budget?.cpuFrom ?? process.cpuUsage();
    // Called very often during a parse: look at the clock on every 64th call only.
    let calls = 0;
    const tree = parser.parse(text, oldTree ?? null, {
      progressCallback: (() => (++calls & 63) === 0 && budgetSpent(deadline, budgetMs, cpuFrom)) as unknown as (s: TreeSitter.ParseState) => void,
    });
    if (!tree) {
      parser.reset();
      throw new ParseTimeout(budgetMs);
    }
    return tree;
  }
}

/** A time budget that has started: its wall-clock end and the CPU time at its start (budgetClock.ts). */
export interface RunningBudget {
  endsAt: number;
  cpuFrom: NodeJS.CpuUsage;
}

export function makeEdit(init: ConstructorParameters<typeof TreeSitter.Edit>[0]): TreeSitter.Edit {
  return new TreeSitter.Edit(init);
}

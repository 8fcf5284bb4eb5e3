/** Everything rules need to know about one parsed file. */
import type { SyntaxNode, Tree } from '../languages/parser';
import type { LanguageSpec } from '../languages/registry';
import type { Bindings, SyntaxAdapter } from '../languages/syntax';
import type { Range } from './finding';

export interface FileContext {
  text: string;
  tree: Tree;
  language: LanguageSpec;
  adapter: SyntaxAdapter;
  bindings: Bindings;
}

export function nodeRange(node: SyntaxNode): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

export type Captures = Map<string, SyntaxNode>;

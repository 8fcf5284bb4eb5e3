/** Everything rules need to know about one parsed file. */
import type { SyntaxNode, Tree } from '../languages/parser';
import type { LanguageSpec } from '../languages/registry';
import type { Bindings, SyntaxAdapter } from '../languages/syntax';
import type { TaintSyntax } from '../languages/taintSyntax';
import type { Range } from './finding';

export interface FileContext {
  text: string;
  tree: Tree;
  language: LanguageSpec;
  /** The file's absolute path when it has one (not an unsaved buffer): fixes read its project's manifest. */
  path?: string;
  adapter: SyntaxAdapter;
  /** The same tree in the taint walk's words (kinds and roles). */
  syntax: TaintSyntax;
  bindings: Bindings;
  /** Nodes of the types the rules asked for, grouped by type, from the one collection pass. */
  buckets: Map<string, SyntaxNode[]>;
  /**
   * Whether a call returns its input made safe for a sink kind: a model sanitizer, or a
   * function of this file whose summary shows it. Set when taint models are loaded; pattern
   * rules' `sanitized` test asks it.
   */
  sanitizes?: (call: SyntaxNode, kind: string) => boolean;
  /**
   * Whether the taint analysis proves `value` (an argument of a call) safe for these sink kinds
   * where it is passed: built only from constants, numbers and allow-listed values on every way
   * to it (a pattern rule's `defers-to`).
   */
  provenSafe?: (value: SyntaxNode, kinds: readonly string[]) => boolean;
}

export function nodeRange(node: SyntaxNode): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

export type Captures = Map<string, SyntaxNode>;

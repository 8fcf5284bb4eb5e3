/**
 * A pack's fix renderers: the quick fixes it writes for taint findings (per sink kind) and
 * the recipes pattern rules name (`fix: { title, recipe: NAME }`). The generic code reaches
 * them through the pack (`packFor(family).fixes`): taint/fixes.ts asks `taint[hit.kind]`,
 * the finding builder asks `recipes[name]`. The catalog of fixes (fixes/catalog.ts), which
 * the rule pages read, is built from these declarations, so a page promises exactly the
 * fixes the packs write. A kind or recipe a pack leaves out has no fix in its language.
 */
import type { Captures, FileContext } from '../engine/fileContext';
import type { Fix } from '../engine/finding';
import type { SinkHit, Summary } from '../taint/context';

/** What a fix does (its title in the editor) and when it is offered, in words (the rule pages). */
export interface FixEntry {
  title: string;
  when: string;
}

/** A fix for a taint finding: undefined when it cannot be made exactly for this finding. */
export interface TaintFix extends FixEntry {
  /** `local`: the summaries of the file's own functions (to reuse a helper only when it is known to sanitise). */
  make(ctx: FileContext, hit: SinkHit, local?: ReadonlyMap<string, Summary>): Fix | undefined;
}

/** A recipe: the fixes it can offer (by name, for the catalog) and the code that makes them, best first. */
export interface Recipe {
  fixes: Record<string, FixEntry>;
  make(ctx: FileContext, captures: Captures): Fix[];
}

export interface PackFixes {
  /**
   * Sink kind → the fixes for it by name, best first: the first one made is preferred, the
   * others are offered beside it. Two packs that declare the same kind and name write the
   * same fix (same title and conditions) in their own languages.
   */
  taint: Record<string, Record<string, TaintFix>>;
  /** Recipe name (as rules write it) → the recipe in this language. */
  recipes: Record<string, Recipe>;
}

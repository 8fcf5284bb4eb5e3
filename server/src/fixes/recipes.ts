/**
 * Fixes written in code, for pattern rules whose fix a template cannot say (it depends on
 * the project's dependencies, rewrites several places, or adds a helper). A rule names one
 * with `fix: { title, recipe: NAME }`; `title` is what the rule's page shows. Each language
 * pack writes the recipes it has (`fixes.recipes` of languages/<lang>/index.ts); a recipe
 * returns the fixes that are correct for this finding, best first — none rather than a
 * wrong one.
 */
import type { Captures, FileContext } from '../engine/fileContext';
import type { Fix } from '../engine/finding';
import type { FixSpec } from '../engine/rule';
import { packFor } from '../languages/registry';

export function recipeFixes(spec: FixSpec, ctx: FileContext, captures: Captures): Fix[] {
  const recipes = packFor(ctx.adapter.family).fixes.recipes;
  if (!spec.recipe || !Object.prototype.hasOwnProperty.call(recipes, spec.recipe)) return [];
  const recipe = recipes[spec.recipe]!;
  try {
    return recipe.make(ctx, captures);
  } catch {
    // Code the recipe did not foresee (or a bug in it) costs the fix, not the finding.
    return [];
  }
}

/**
 * Fixes written in code, for pattern rules whose fix a template cannot say (it depends on
 * the project's dependencies, rewrites several places, or adds a helper). A rule names one
 * with `fix: { title, recipe: NAME }`; `title` is what the rule's page shows. A recipe
 * returns the fixes that are correct for this finding, best first — none rather than a
 * wrong one.
 */
import type { Captures, FileContext } from '../engine/fileContext';
import type { Fix } from '../engine/finding';
import type { FixSpec } from '../engine/rule';
import type { RecipeName } from '../taint/fixCatalog';
import { innerHtmlFixes, reactHtmlFixes } from './htmlSanitize';
import { jsRandomFixes, pyRandomFixes } from './secureRandom';
import { jsPasswordHashFixes } from './passwordHashJs';
import { pyPasswordHashFixes } from './passwordHashPy';
import { dataEvalFixes } from './dataEval';
import { yamlSafeLoaderFixes } from './yamlLoader';

type Recipe = (ctx: FileContext, captures: Captures) => Fix[];

/**
 * The code of every recipe the catalog lists (taint/fixCatalog.ts RECIPE_FIXES, which holds
 * their titles and the rule pages read), and only those: the type checks both ways.
 */
const RECIPES: Record<RecipeName, Recipe> = {
  'react-html': reactHtmlFixes,
  'inner-html': innerHtmlFixes,
  'js-secure-random': jsRandomFixes,
  'py-secure-random': pyRandomFixes,
  'js-password-hash': jsPasswordHashFixes,
  'py-password-hash': pyPasswordHashFixes,
  'data-eval': dataEvalFixes,
  'yaml-safe-loader': yamlSafeLoaderFixes,
};

export function isRecipe(name: string): name is RecipeName {
  return Object.prototype.hasOwnProperty.call(RECIPES, name);
}

export function recipeFixes(spec: FixSpec, ctx: FileContext, captures: Captures): Fix[] {
  if (!spec.recipe || !isRecipe(spec.recipe)) return [];
  const recipe = RECIPES[spec.recipe];
  try {
    return recipe(ctx, captures);
  } catch {
    // Code the recipe did not foresee (or a bug in it) costs the fix, not the finding.
    return [];
  }
}

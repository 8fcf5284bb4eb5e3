/**
 * Fixes written in code for pattern rules whose fix a template cannot say; a rule names one
 * with `fix: { title, recipe: NAME }`, and each language pack writes the recipes it has
 * (server/src/fixes/recipes.ts finds them). The wiring plugs them into Engine.recipes, as
 * the taint engine fills Engine.taint. Without them, such a rule's findings come without a
 * fix.
 */
import type { Captures, FileContext } from './fileContext';
import type { Fix } from './finding';
import type { FixSpec } from './rule';

/** The fixes that are correct for this finding, best first; none rather than a wrong one. */
export type FixRecipes = (spec: FixSpec, ctx: FileContext, captures: Captures) => Fix[];

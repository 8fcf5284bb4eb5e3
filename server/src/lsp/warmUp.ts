/**
 * Analyses each language's sample once when the server starts: the first file a user opens
 * would otherwise pay for loading its grammar, compiling the rules' queries and the JIT
 * warming up (about half a second here, more on a loaded machine). One language at a time,
 * yielding in between, so a file opened meanwhile is not held up for long.
 */
import type { Engine } from '../engine/scan';
import { LANGUAGES } from '../languages/registry';

export async function warmUp(engine: Engine): Promise<void> {
  for (const lang of LANGUAGES) {
    if (!lang.sample) continue;
    await new Promise((resolve) => setImmediate(resolve));
    try {
      await engine.scanText(lang.sample, lang, { budgetMs: 2000 });
    } catch {
      // A warm-up that fails costs nothing but the warm-up; the file's own check reports.
    }
  }
}

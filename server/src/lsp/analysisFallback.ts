/**
 * When analysing a document throws (a bug, or input the engine cannot handle), the editor
 * still shows what a narrower analysis finds — the pattern and secret rules without the
 * taint pass, else the secret rules alone — with a notice that the analysis failed,
 * instead of leaving the previous check's findings in place.
 */
import type { FileResult } from '../engine/finding';
import { Engine, ScanOptions } from '../engine/scan';
import type { LanguageSpec } from '../languages/registry';

interface Narrowed {
  withoutTaint: Engine;
  secretsOnly: Engine;
}

const narrowedEngines = new WeakMap<Engine, Narrowed>();

function narrowed(engine: Engine): Narrowed {
  let n = narrowedEngines.get(engine);
  if (!n) {
    n = {
      withoutTaint: new Engine(
        engine.rules.filter((r) => r.mode !== 'taint'),
        engine.parsers,
      ),
      secretsOnly: new Engine(
        engine.rules.filter((r) => r.mode === 'secret'),
        engine.parsers,
      ),
    };
    // The pattern rules' fixes written in code come along; the taint engine does not.
    n.withoutTaint.recipes = engine.recipes;
    narrowedEngines.set(engine, n);
  }
  return n;
}

export async function fallbackAnalysis(engine: Engine, text: string, lang: LanguageSpec | undefined, options: ScanOptions, error: Error): Promise<FileResult> {
  const failed = `the analysis failed (${error.message})`;
  const attempts: [(e: Narrowed) => Promise<FileResult>, string][] = lang
    ? [
        [(n) => n.withoutTaint.scanText(text, lang, options), 'the pattern and secret rules ran, the data-flow (taint) rules did not'],
        [(n) => n.secretsOnly.scanText(text, lang, options), 'only the secret rules ran'],
      ]
    : [];
  for (const [run, what] of attempts) {
    try {
      const result = await run(narrowed(engine));
      return { findings: result.findings, notices: [...result.notices, { kind: 'partial', message: `${failed}; ${what}. Details are in the Ward output.` }] };
    } catch {
      /* try a narrower analysis */
    }
  }
  return { findings: [], notices: [{ kind: 'skipped', message: `${failed}. Details are in the Ward output.` }] };
}

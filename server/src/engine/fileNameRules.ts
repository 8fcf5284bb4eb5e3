/**
 * `filename` rules: files that are findings by their name alone (binary key stores such
 * as PKCS#12 `.p12`/`.pfx`). Decided from the name and a stat, before any read: a key
 * store is binary, and nothing it holds may reach a message.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { compareFindings, FileResult } from './finding';
import { ruleFinding } from './findingBuilder';
import type { Rule } from './rule';

function matches(rule: Rule, name: string): boolean {
  const spec = rule.fileNames!;
  return spec.include.some((re) => re.test(name)) && !spec.exclude.some((re) => re.test(name));
}

/**
 * Findings of the `rules` matching the file's base name, or undefined when none does and
 * the file is scanned as usual. A matched file gets no other processing; an empty one (a
 * placeholder a test `touch`ed) is no key store. The finding sits at the start of the
 * file, with no fix (deleting a file is the user's call).
 */
export function fileNameFindings(rules: readonly Rule[], path: string): FileResult | undefined {
  if (rules.length === 0) return undefined;
  const name = basename(path);
  const hits = rules.filter((r) => matches(r, name));
  if (hits.length === 0) return undefined;
  let size: number;
  try {
    size = statSync(path).size;
  } catch (err) {
    return { findings: [], notices: [{ kind: 'skipped', message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }] };
  }
  if (size === 0) return { findings: [], notices: [] };
  const start = { line: 0, character: 0 };
  return { findings: hits.map((r) => ruleFinding(r, { start, end: start }, r.message)).sort(compareFindings), notices: [] };
}

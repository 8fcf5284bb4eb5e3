/** `[[package]]` tables of a TOML lockfile (poetry.lock, uv.lock) with the line of each header. */
import { parse } from 'smol-toml';
import { ManifestError } from '../dependency';

export interface TomlPackage {
  data: Record<string, unknown>;
  /** Line of its `[[package]]` header. */
  line: number;
}

export function tomlPackages(text: string, file: string): { doc: Record<string, unknown>; packages: TomlPackage[] } {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new ManifestError(`${file}: not valid TOML (${(err as Error).message.split('\n')[0]})`);
  }
  const list = Array.isArray(doc.package) ? (doc.package as Record<string, unknown>[]) : [];
  const headers: number[] = [];
  text.split('\n').forEach((l, i) => {
    if (/^\s*\[\[\s*package\s*\]\]\s*(#.*)?$/.test(l.replace(/\r$/, ''))) headers.push(i);
  });
  return { doc, packages: list.map((data, i) => ({ data, line: headers[i] ?? 0 })) };
}

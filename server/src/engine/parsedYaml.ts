/**
 * The bundled rules, parsed at build time: `rules.parsed.json` beside them maps each YAML
 * file to its content hash and parsed data. Parsing ~300 YAML files took most of an
 * engine's start-up (~0.3 s per CLI run, language server and scan worker); a file whose
 * text no longer matches its hash (edited in place) is parsed as usual.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PARSED_FILE = 'rules.parsed.json';

export interface ParsedEntry {
  sha1: string;
  data: unknown;
}

/** Written by esbuild.mjs. */
interface ParsedFile {
  format: 1;
  files: Record<string, ParsedEntry>;
}

export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

const loaded = new Map<string, Map<string, ParsedEntry>>();

/** Absolute path → entry, for the files of `dir` that were parsed at build time. */
function parsedIn(dir: string): Map<string, ParsedEntry> {
  let map = loaded.get(dir);
  if (map) return map;
  map = new Map();
  const file = join(dir, PARSED_FILE);
  if (existsSync(file)) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as ParsedFile;
      if (parsed.format === 1) for (const [rel, entry] of Object.entries(parsed.files)) map.set(join(dir, ...rel.split('/')), entry);
    } catch {
      // unreadable: every file is parsed from its text
    }
  }
  loaded.set(dir, map);
  return map;
}

/** The build-time parse of `file` (under one of `dirs`) if its text is unchanged. */
export function preParsed(dirs: readonly string[], file: string, text: string): { data: unknown } | undefined {
  for (const dir of dirs) {
    const entry = parsedIn(dir).get(file);
    if (entry && entry.sha1 === textHash(text)) return { data: entry.data };
  }
  return undefined;
}

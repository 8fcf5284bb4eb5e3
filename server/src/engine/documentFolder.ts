/**
 * The other files a document pack reads together with the checked one (languages/
 * documentPack.ts `folder`): the members beside it on disk, each read into the pack's model
 * and reduced to its facts. Facts are cached by path, size and modification time, so a folder
 * of many files is parsed once per version of each file, not once per file checked.
 */
import { fileStamp } from './fileStamp';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DocumentPack } from '../languages/documentPack';
import type { ParserPool } from '../languages/parser';
import { decodeBytes, InputLimits, readSourceFile } from './inputGuards';

/** Past this many members a folder is not a module someone edits by hand; the file stands alone. */
const MAX_MEMBERS = 200;
const MAX_CACHED = 5000;

interface Cached {
  size: number;
  mtimeMs: number;
  facts: unknown;
}

/** The files read together with `absolutePath` (its pack's folder members beside it), absolute paths. */
export function folderMembers(pack: DocumentPack, absolutePath: string): string[] {
  const hook = pack.folder;
  if (!hook) return [];
  const dir = dirname(absolutePath);
  const self = basename(absolutePath);
  try {
    const names = readdirSync(dir).filter((n) => n !== self && hook.member(n)).sort();
    return names.length > MAX_MEMBERS ? [] : names.map((n) => join(dir, n));
  } catch {
    return [];
  }
}

export class FolderFacts {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly parsers: ParserPool) {}

  /** The facts of the files beside `absolutePath` that belong with it (its own text is the caller's). */
  async of(pack: DocumentPack, absolutePath: string, limits: InputLimits, budgetMs: number): Promise<unknown[]> {
    if (!pack.folder) return [];
    const out: unknown[] = [];
    for (const path of folderMembers(pack, absolutePath)) {
      const facts = await this.factsOf(pack, path, limits, budgetMs);
      if (facts !== undefined) out.push(facts);
    }
    return out;
  }

  private async factsOf(pack: DocumentPack, path: string, limits: InputLimits, budgetMs: number): Promise<unknown> {
    const stamp = fileStamp(path, limits.maxBytes);
    if (!stamp) return undefined;
    const { size, mtimeMs } = stamp;
    const key = `${pack.kind}\0${path}`;
    const hit = this.cache.get(key);
    if (hit && hit.size === size && hit.mtimeMs === mtimeMs) return hit.facts;
    const read = readSourceFile(path, limits.maxBytes);
    if (!('bytes' in read)) return undefined;
    const decoded = decodeBytes(read.bytes);
    if ('skip' in decoded) return undefined;
    let facts: unknown;
    // Folder members are read the way their pack reads a whole file.
    if (!pack.read) return undefined;
    try {
      const tree = await this.parsers.parse(pack.grammar!.id, decoded.text, budgetMs);
      try {
        const model = pack.read(tree, decoded.text);
        facts = model && typeof model === 'object' && 'notice' in model ? undefined : pack.folder!.facts(model);
      } finally {
        tree.delete();
      }
    } catch {
      return undefined; // a neighbour that cannot be read tells nothing; its own scan says why
    }
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(key, { size, mtimeMs, facts });
    return facts;
  }
}

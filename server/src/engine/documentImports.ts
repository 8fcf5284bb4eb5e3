/**
 * The folders a document pack's file draws on (documentPack.ts `folder.imports`: Terraform's
 * local module calls), read from disk: each folder's members parsed and read into the pack's
 * model (kept per file version, ImportedFiles), and the folders those draw on in turn. A
 * folder already on the way down (a cycle), a chain deeper than MAX_DEPTH and more than
 * MAX_FILES files in all are passed over, so a repository of modules calling each other costs
 * a bounded amount of work.
 */
import { fileStamp } from './fileStamp';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DocumentPack, ImportedFolder } from '../languages/documentPack';
import type { ParserPool, Tree } from '../languages/parser';
import { decodeBytes, InputLimits, readSourceFile } from './inputGuards';

/** Module calls nest this deep at most (Terraform's own registry modules rarely pass 3). */
const MAX_DEPTH = 5;
/** Files read for one checked file's imports, in all. */
const MAX_FILES = 200;

interface Walk {
  /** Files read so far (shared by the whole walk). */
  read: { files: number };
  /** Real paths of the folders from the checked file down to the current one. */
  chain: string[];
}

/** The members of folder `dir` that belong with the pack's files, absolute paths (empty when it is no folder). */
function membersOf(pack: DocumentPack, dir: string): string[] {
  try {
    if (!statSync(dir).isDirectory()) return [];
    return readdirSync(dir)
      .filter((n) => pack.folder!.member(n))
      .sort()
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}

function realFolder(dir: string): string | undefined {
  try {
    return realpathSync(dir);
  } catch {
    return undefined;
  }
}

function textOf(path: string, limits: InputLimits): string | undefined {
  const read = readSourceFile(path, limits.maxBytes);
  if (!('bytes' in read)) return undefined;
  const decoded = decodeBytes(read.bytes);
  return 'skip' in decoded ? undefined : decoded.text;
}

/** Member files kept parsed between checks (the editor re-checks a caller on every edit). */
const MAX_CACHED = 300;

/** A member file read into the pack's model, and who is using it. */
interface Entry {
  key: string;
  size: number;
  mtimeMs: number;
  model: unknown;
  imports: string[];
  tree: Tree;
  /** Checks under way that hold it; its tree is deleted when none does and it left the cache. */
  users: number;
  cached: boolean;
}

/** What a check holds: the folders read, and `release` to call once its checks have run. */
export interface HeldImports {
  folders: ImportedFolder<unknown>[];
  release(): void;
}

/**
 * Imported folders' member files, parsed once per version (path, size, modification time) and
 * shared by the checks of every file that draws on them: a module called from many files, or a
 * caller re-checked on each keystroke, is not parsed again each time.
 */
export class ImportedFiles {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly parsers: ParserPool) {}

  /** The folders `text` (the file at `absolutePath`) draws on, read into the pack's models. */
  async read(pack: DocumentPack, absolutePath: string, text: string, limits: InputLimits, budgetMs: number): Promise<HeldImports> {
    const held: Entry[] = [];
    const release = (): void => {
      for (const e of held.splice(0)) {
        e.users--;
        if (e.users === 0 && !e.cached) e.tree.delete();
      }
    };
    const hook = pack.folder;
    if (!hook?.imports || !hook.expand || !pack.read) return { folders: [], release };
    const home = realFolder(dirname(absolutePath));
    try {
      const folders = await this.readFolders(pack, dirname(absolutePath), hook.imports(text), limits, budgetMs, held, { read: { files: 0 }, chain: home ? [home] : [] });
      return { folders, release };
    } catch (err) {
      release();
      throw err;
    }
  }

  private async readFolders(pack: DocumentPack, from: string, requests: string[], limits: InputLimits, budgetMs: number, held: Entry[], walk: Walk): Promise<ImportedFolder<unknown>[]> {
    const out: ImportedFolder<unknown>[] = [];
    if (walk.chain.length > MAX_DEPTH) return out;
    for (const request of [...new Set(requests)]) {
      const dir = resolve(from, request);
      const real = realFolder(dir);
      if (!real || walk.chain.includes(real)) continue;
      const files: ImportedFolder<unknown>['files'] = [];
      const next: string[] = [];
      for (const path of membersOf(pack, dir)) {
        if (walk.read.files >= MAX_FILES) break;
        walk.read.files++;
        const entry = await this.entry(pack, path, limits, budgetMs);
        if (!entry) continue;
        entry.users++;
        held.push(entry);
        if (entry.model === undefined) continue;
        files.push({ path, model: entry.model });
        next.push(...entry.imports);
      }
      if (files.length === 0) continue;
      const imports = await this.readFolders(pack, dir, next, limits, budgetMs, held, { read: walk.read, chain: [...walk.chain, real] });
      out.push({ request, path: dir, files, imports });
    }
    return out;
  }

  /** The member file's entry (cached when there is room), or undefined when it cannot be read or parsed. */
  private async entry(pack: DocumentPack, path: string, limits: InputLimits, budgetMs: number): Promise<Entry | undefined> {
    const stamp = fileStamp(path, limits.maxBytes);
    if (!stamp) return undefined;
    const { size, mtimeMs } = stamp;
    const key = `${pack.kind}\0${path}`;
    const hit = this.cache.get(key);
    if (hit && hit.size === size && hit.mtimeMs === mtimeMs) {
      // Most recently used last: the first entries are the ones to drop.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    if (hit) this.drop(hit);
    const text = textOf(path, limits);
    if (text === undefined) return undefined;
    let tree: Tree;
    try {
      tree = await this.parsers.parse(pack.grammar!.id, text, budgetMs);
    } catch {
      return undefined; // a member that cannot be parsed in time tells nothing; its own scan says why
    }
    let model: unknown;
    try {
      const read = pack.read!(tree, text, path);
      model = read && typeof read === 'object' && 'notice' in read ? undefined : read;
    } catch (err) {
      tree.delete();
      throw err;
    }
    const entry: Entry = { key, size, mtimeMs, model, imports: model === undefined ? [] : pack.folder!.imports!(text), tree, users: 0, cached: false };
    // Room is made from entries no check holds; without any, this one is the check's alone.
    for (const old of this.cache.values()) {
      if (this.cache.size < MAX_CACHED) break;
      if (old.users === 0) this.drop(old);
    }
    if (this.cache.size < MAX_CACHED) {
      entry.cached = true;
      this.cache.set(key, entry);
    }
    return entry;
  }

  private drop(e: Entry): void {
    this.cache.delete(e.key);
    e.cached = false;
    if (e.users === 0) e.tree.delete();
  }
}

/**
 * The files `text` draws on through the pack's imports, transitively (absolute paths): a
 * cached result of the file depends on them too (filePreparation.ts).
 */
export function importedFiles(pack: DocumentPack, absolutePath: string, text: string, limits: InputLimits): string[] {
  const hook = pack.folder;
  if (!hook?.imports || !hook.expand) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  const home = realFolder(dirname(absolutePath));
  if (home) seen.add(home);
  const visit = (from: string, requests: string[], depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const request of new Set(requests)) {
      const dir = resolve(from, request);
      const real = realFolder(dir);
      if (!real || seen.has(real)) continue;
      seen.add(real);
      const next: string[] = [];
      for (const path of membersOf(pack, dir)) {
        if (out.length >= MAX_FILES) return;
        out.push(path);
        const t = textOf(path, limits);
        if (t !== undefined) next.push(...hook.imports!(t));
      }
      visit(dir, next, depth + 1);
    }
  };
  visit(dirname(absolutePath), hook.imports(text), 1);
  return out;
}

/**
 * The folders a document pack's file draws on (documentPack.ts `folder.imports`: Terraform's
 * local module calls), read from disk: each folder's members parsed and read into the pack's
 * model, and the folders those draw on in turn. A folder already on the way down (a cycle),
 * a chain deeper than MAX_DEPTH and more than MAX_FILES files in all are passed over, so a
 * repository of modules calling each other costs a bounded amount of work.
 */
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

/**
 * The folders `text` (the file at `absolutePath`) draws on, read into the pack's models. The
 * trees behind the models are pushed to `trees`: the caller deletes them once checks have run.
 */
export async function readImports(parsers: ParserPool, pack: DocumentPack, absolutePath: string, text: string, limits: InputLimits, budgetMs: number, trees: Tree[]): Promise<ImportedFolder<unknown>[]> {
  const hook = pack.folder;
  if (!hook?.imports || !hook.expand || !pack.read) return [];
  const home = realFolder(dirname(absolutePath));
  return readFolders(parsers, pack, dirname(absolutePath), hook.imports(text), limits, budgetMs, trees, { read: { files: 0 }, chain: home ? [home] : [] });
}

async function readFolders(parsers: ParserPool, pack: DocumentPack, from: string, requests: string[], limits: InputLimits, budgetMs: number, trees: Tree[], walk: Walk): Promise<ImportedFolder<unknown>[]> {
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
      const text = textOf(path, limits);
      if (text === undefined) continue;
      walk.read.files++;
      let tree: Tree;
      try {
        tree = await parsers.parse(pack.grammar.id, text, budgetMs);
      } catch {
        continue; // a member that cannot be parsed in time tells nothing; its own scan says why
      }
      trees.push(tree);
      const model = pack.read!(tree, text, path);
      if (model && typeof model === 'object' && 'notice' in model) continue;
      files.push({ path, model });
      next.push(...pack.folder!.imports!(text));
    }
    if (files.length === 0) continue;
    const imports = await readFolders(parsers, pack, dir, next, limits, budgetMs, trees, { read: walk.read, chain: [...walk.chain, real] });
    out.push({ request, path: dir, files, imports });
  }
  return out;
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

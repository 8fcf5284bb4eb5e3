/**
 * `ward scan --shard i/n`: which of the collected files job i of a CI matrix of n scans.
 *
 * Every job walks the same tree and computes the same split, so the n jobs together cover
 * each file exactly once without talking to each other. The split depends only on the
 * files' paths relative to the scan root and their sizes, never on the order the file
 * system lists them: files are grouped by kind of file and ordered by a hash of their path
 * within a kind, then cut into n runs of equal cost (see assign), which keeps the longest job
 * close to 1/n of the work and gives each job few kinds of file. A file's cost is its size,
 * weighed by what the scan does with it: a byte of Go costs more than one of Java (the
 * language pack's scanCostPerByte, and its summaryCostPerByte when the jobs summarise the
 * helpers themselves: the split with a summaries file is another split, so every job of a
 * matrix passes `--summaries` or none does). A file only the text rules read costs next to
 * nothing and goes by its path's hash (see textOnly).
 *
 * A manifest and its lockfile in one folder go to the same shard: the report keeps the
 * manifest's finding and drops the lockfile's copy (deps/reportMerge.ts), which needs both.
 * Cross-file taint needs no grouping to be right: a shard summarises the helper modules its
 * own files import wherever they are (the whole walk stays the project), see scanRun.ts. But
 * files that share one scope (their pack's `sameScope`: a Go package's folder) go to the same
 * shard, because each of them needs the summaries of all the others: spread over n shards,
 * every shard summarised the whole package again (on the benchmark's Go part, 8 shards
 * summarised 2.6 times as many helpers as one scan).
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { dirname } from 'node:path/posix';
import { manifestKind } from '../deps/manifests';
import { projectPath } from '../engine/paths';
import { fileKindOf, languageForPath, mayBeDocumentByContent, packFor, taintSyntaxFor } from '../languages/registry';

export interface Shard {
  /** 1-based, as written on the command line. */
  index: number;
  count: number;
}

/**
 * Counted as bytes on top of each file's size: opening, parsing and reporting a file costs
 * something however small it is, so a shard of many tiny files is not seen as empty.
 */
const PER_FILE_BYTES = 1024;

/**
 * Whether only the text rules (secrets) read `path`: no language, no document pack (by its
 * name, or possibly by its content), not a manifest. Such a file costs next to nothing: 0.026
 * ms of CPU per KB for the benchmark corpus's 5 MB of `.d.ts` files against 0.8 for its
 * JavaScript and Python, and 704 of them (10 MB) no CPU measurable beside a job's fixed
 * cost. Weighed at their size, a few large ones left their shard a fifth short of work;
 * weighed at PER_FILE_BYTES each, the 1,362 of the 2.4M-line benchmark run left theirs a
 * sixth short. So they are not weighed at all (see filesOfShard).
 */
function textOnly(path: string): boolean {
  return !fileKindOf(path) && !mayBeDocumentByContent(path) && !manifestKind(basename(path));
}

/**
 * The cost the split counts for a file of `bytes` bytes that some pack parses (see
 * PER_FILE_BYTES, LanguagePack.scanCostPerByte and summaryCostPerByte). `summariesFile`: the
 * jobs read the helpers' summaries from a file rather than summarising them.
 */
function shardCost(path: string, bytes: number, summariesFile: boolean): number {
  const language = languageForPath(path);
  if (!language) return bytes + PER_FILE_BYTES;
  const pack = packFor(language.family);
  const perByte = (pack.scanCostPerByte ?? 1) + (summariesFile ? 0 : (pack.summaryCostPerByte ?? 0));
  return Math.ceil(bytes * perByte) + PER_FILE_BYTES;
}

/** "2/4" → { index: 2, count: 4 }; undefined when the text is not a shard (the caller words the error). */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

interface Group {
  key: string;
  hash: string;
  cost: number;
  files: string[];
  /** The kind of file (grammar or document pack) of its first file; '' for files no pack reads. */
  kind: string;
}

export function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // gone: the scan says so, whichever shard it is in
  }
}

/** Ends the key of a scope's group. */
const SCOPE = '\0scope';

/**
 * The unit that moves between shards: a file, a folder's manifests and lockfiles together, or
 * the files of one scope (named by the first of them). `inRun`: whether a path is one of the
 * run's files (a scope's other files outside the run do not matter to the split).
 */
function groupKey(root: string, file: string, inRun: (path: string) => boolean): string {
  const rel = projectPath(root, file);
  if (manifestKind(basename(rel))) return `${dirname(rel)}/\0dependencies`;
  const language = languageForPath(file);
  const others = language ? (taintSyntaxFor(language.family).modules.sameScope?.(file, inRun) ?? []) : [];
  if (others.length === 0) return rel;
  const first = others.reduce((a, b) => (b < a ? b : a), file);
  return projectPath(root, first) + SCOPE;
}

/**
 * The files of `shard` among `files` (absolute paths under `root`), in their given order.
 * `sizes` is for tests and callers that know them; otherwise each file is stat'ed.
 * `summariesFile`: the jobs were given a summaries file (see shardCost).
 */
export function filesOfShard(files: readonly string[], root: string, shard: Shard, sizes: (file: string) => number = sizeOf, summariesFile = false): string[] {
  if (shard.count === 1) return [...files];
  // A file only the text rules read costs next to nothing (see textOnly): it goes by
  // its path's hash, outside the balanced cut, so that one appearing between two jobs' walks
  // (an earlier job's report written into the tree) moves no other file.
  const text: string[] = [];
  const parsed: string[] = [];
  for (const f of files) (textOnly(f) ? text : parsed).push(f);
  const owner = assign(groupsOf(parsed, root, shard.count, sizes, summariesFile), shard.count);
  const mine = new Set<string>(text.filter((f) => inShardByHash(f, root, shard)));
  owner.forEach((s, g) => {
    if (s === shard.index - 1) for (const f of g.files) mine.add(f);
  });
  return files.filter((f) => mine.has(f));
}

/** The run's files in the units that move between shards (groupKey), each with its cost and kind. */
function groupsOf(files: readonly string[], root: string, count: number, sizes: (file: string) => number, summariesFile: boolean): Group[] {
  const inRun = new Set(files);
  const byKey = new Map<string, { file: string; cost: number }[]>();
  let total = 0;
  for (const file of files) {
    const key = groupKey(root, file, (p) => inRun.has(p));
    const cost = shardCost(file, sizes(file), summariesFile);
    total += cost;
    let members = byKey.get(key);
    if (!members) byKey.set(key, (members = []));
    members.push({ file, cost });
  }
  const groups: Group[] = [];
  const group = (key: string, members: { file: string; cost: number }[], cost: number): void => {
    groups.push({ key, hash: createHash('sha256').update(key).digest('hex'), cost, files: members.map((m) => m.file), kind: fileKindOf(members[0]!.file) ?? '' });
  };
  for (const [key, members] of byKey) {
    const cost = members.reduce((t, m) => t + m.cost, 0);
    // A scope worth more than half a shard's share is split into its files: the shard holding
    // it whole would run past the others by more than the summaries it saves.
    if (key.endsWith(SCOPE) && cost > total / count / 2) for (const m of members) group(projectPath(root, m.file), [m], m.cost);
    else group(key, members, cost);
  }
  return groups;
}

const byHash = (a: Group, b: Group): number => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Each group's shard (0-based). Groups over a quarter of a share go first, costliest first,
 * each on the shard with the least so far. The rest, ordered by kind of file and then by
 * hash, are cut into n runs that fill each shard up to an equal share (a group goes where
 * its middle falls): a shard then holds one or two kinds of file rather than all of them, so
 * its workers prepare one or two grammars (rules' queries compiled, code warmed up: about a
 * third of a second of CPU each) instead of every one the repository has.
 */
function assign(groups: Group[], count: number): Map<Group, number> {
  const owner = new Map<Group, number>();
  const total = groups.reduce((t, g) => t + g.cost, 0);
  const share = total / count;
  const load = new Array<number>(count).fill(0);
  const large = groups.filter((g) => g.cost > share / 4).sort((a, b) => b.cost - a.cost || byHash(a, b));
  for (const g of large) {
    let target = 0;
    for (let s = 1; s < count; s++) if (load[s]! < load[target]!) target = s;
    load[target]! += g.cost;
    owner.set(g, target);
  }
  const rest = groups.filter((g) => !owner.has(g)).sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : byHash(a, b)));
  const restTotal = rest.reduce((t, g) => t + g.cost, 0);
  // What each shard still takes to reach an equal share, scaled so that the rest fills them exactly.
  const room = load.map((l) => Math.max(0, share - l));
  const roomTotal = room.reduce((t, r) => t + r, 0);
  const ends: number[] = [];
  let end = 0;
  for (const r of room) ends.push((end += roomTotal > 0 ? (r * restTotal) / roomTotal : restTotal / count));
  let done = 0;
  let s = 0;
  for (const g of rest) {
    const middle = done + g.cost / 2;
    while (s < count - 1 && middle >= ends[s]!) s++;
    owner.set(g, s);
    done += g.cost;
  }
  return owner;
}

/** Paths the walk could not scan (too large, unreadable): each noted by one shard only, chosen by its path's hash. */
export function inShardByHash(path: string, root: string, shard: Shard): boolean {
  if (shard.count === 1) return true;
  const h = createHash('sha256').update(groupKey(root, path, () => false)).digest();
  return h.readUInt32BE(0) % shard.count === shard.index - 1;
}

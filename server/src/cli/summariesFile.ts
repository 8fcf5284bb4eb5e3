/**
 * The summaries file of a sharded scan: `ward summaries -o FILE` summarises, once, every
 * helper module that a request handler in the project imports (the cross-file taint pass);
 * the matrix jobs (`ward scan --shard i/n --summaries FILE`) read those summaries instead of
 * each summarising the helpers its own files import. The shards' work is then only their own
 * files, which the split balances by size; without the file a shard whose handlers import a
 * large helper (a 90 KB module takes half a second) does that work on top of its share.
 *
 * Each module is stored under its path relative to the scan root with the SHA-256 of its
 * contents: a job whose checkout has other contents for it (the file was made on another
 * commit) summarises that module itself, so results never come from stale summaries. A file
 * made with other rules, another Ward version or another time budget is not used at all (the
 * job says so and summarises as without it); a file that is not a summaries file is an error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedConfig } from '../engine/config';
import { FolderScan, FolderScanSettings, IN_THIS_THREAD, scanFingerprint } from '../engine/folderScan';
import { projectPath } from '../engine/paths';
import { contentHash } from '../engine/resultCache';
import { SummaryTargets, summariseTargets } from '../engine/summaryIndex';
import type { ModuleSummaries, SummaryIndex } from '../engine/summaryTypes';
import { ScanPool } from '../engine/workerPool';
import { loadEngine, summariesFromData, summariesToData } from '../wiring/engineLoader';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ScanArgs } from './args';
import { CliError, ruleDirs, say } from './commandSetup';
import { writeWhole } from './outputFile';
import { filesOfRun, folderScanSettings, VERSION } from './scanRun';
import { terminalSafe } from './terminalText';

const FORMAT = 'ward-summaries';
const FORMAT_VERSION = 2;
/** From this many helpers on they are summarised on worker threads. */
const POOL_THRESHOLD = 4;

interface StoredModule {
  sha256: string;
  summaries: unknown;
}

interface SummariesFile {
  format: typeof FORMAT;
  formatVersion: number;
  ward: string;
  /** What the summaries depend on besides the modules' contents: rules, Ward's version, budget, size limit. */
  fingerprint: string;
  modules: Record<string, StoredModule>;
}

export function summariesFingerprint(settings: FolderScanSettings): string {
  return scanFingerprint(settings, VERSION, FORMAT);
}

function readContent(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** `ward summaries`: see the file comment. */
export async function summariesCommand(args: ScanArgs, config: LoadedConfig): Promise<number> {
  const started = performance.now();
  const dirs = ruleDirs(args, config);
  const { engine, errors } = loadEngine(dirs);
  for (const e of errors) say(`rule error: ${e.file}:${e.line}: ${e.message}`);
  const settings = folderScanSettings(args, config, dirs);
  const output = resolve(args.output!);
  const { walked, files } = filesOfRun(new FolderScan(engine, settings, IN_THIS_THREAD), args, (f) => f === output);
  const project = new Set(walked.files);
  const targets = new SummaryTargets(engine, (p) => project.has(p));
  let importers = 0;
  for (const file of files) if (targets.addFile(file).length > 0) importers++;
  const paths = targets.paths;
  const jobs = Math.min(args.jobs || Math.max(1, Math.min(availableParallelism(), 8)), paths.length);
  let index: SummaryIndex;
  if (paths.length >= POOL_THRESHOLD && jobs > 1) {
    const pool = new ScanPool({ ruleDirs: dirs, jobs, budgetMs: settings.budgetMs, workerScript: join(__dirname, 'scanWorker.js') }).start();
    try {
      index = await summariseTargets(paths, (p) => pool.summarise(p));
    } finally {
      await pool.close();
    }
  } else index = await summariseTargets(paths, (p) => engine.exportedSummaries(p, settings.budgetMs));
  const rel = (p: string): string => projectPath(walked.root, p);
  const modules: Record<string, StoredModule> = {};
  for (const p of paths) {
    const bytes = readContent(p);
    if (bytes) modules[rel(p)] = { sha256: contentHash(bytes), summaries: summariesToData(index.get(p) ?? new Map(), rel) };
  }
  const file: SummariesFile = { format: FORMAT, formatVersion: FORMAT_VERSION, ward: VERSION, fingerprint: summariesFingerprint(settings), modules };
  writeWhole(args.output!, JSON.stringify(file) + '\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stdout.write(`Ward ${VERSION}: summaries of ${paths.length} helper module${paths.length === 1 ? '' : 's'} imported by ${importers} of ${files.length} files written to ${terminalSafe(args.output!)} (${seconds}s)\n`);
  return 0;
}

/**
 * `ward scan --summaries FILE`: the summaries of a helper module as stored (undefined for one
 * the file does not hold, holds for other contents, or holds malformed), or undefined as a
 * whole when the file was made with other rules or settings (said on stderr).
 */
export function readSummariesFile(file: string, root: string, fingerprint: string): ((path: string) => ModuleSummaries | undefined) | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError([`--summaries ${file}: ${code === 'ENOENT' ? 'no such file' : code ? `cannot read it (${code})` : 'not JSON'}; write it with ward summaries -o FILE`]);
  }
  const f = data as Partial<SummariesFile>;
  if (typeof f !== 'object' || f === null || f.format !== FORMAT || typeof f.modules !== 'object' || f.modules === null) {
    throw new CliError([`--summaries ${file}: not a summaries file (ward summaries -o FILE writes one)`]);
  }
  if (f.formatVersion !== FORMAT_VERSION || f.fingerprint !== fingerprint) {
    say(`--summaries ${file} was made by Ward ${typeof f.ward === 'string' ? f.ward : '?'} with other rules or settings (rules, version, --time-budget, --max-file-size): not used; this job summarises the helpers its files import`);
    return undefined;
  }
  const modules = f.modules as Record<string, unknown>;
  const decoded = new Map<string, ModuleSummaries | undefined>();
  return (path) => {
    if (decoded.has(path)) return decoded.get(path);
    const key = projectPath(root, path);
    const stored = Object.prototype.hasOwnProperty.call(modules, key) ? (modules[key] as Partial<StoredModule>) : undefined;
    const bytes = stored && typeof stored === 'object' ? readContent(path) : undefined;
    const summaries = bytes && stored!.sha256 === contentHash(bytes) ? summariesFromData(stored!.summaries, (p) => resolve(root, p)) : undefined;
    decoded.set(path, summaries);
    return summaries;
  };
}

/**
 * `ward merge-sarif a.sarif b.sarif … -o all.sarif`: the SARIF of a sharded scan's jobs as
 * one run, for a single code-scanning upload (GitHub keeps one analysis per tool and
 * category; several uploads of the same category replace each other).
 *
 * The merged run is what one unsharded scan writes: rules de-duplicated and sorted by id
 * with every result's ruleIndex pointing into the new list, results and notifications in
 * path order (each file's own order kept), one invocation (successful when every input's
 * was, the notifications of all). What differs from an unsharded run: the invocation's
 * `properties.shards` lists the shards merged.
 *
 * A missing or repeated shard is an error, not a warning: code scanning closes the alerts
 * of files absent from the newest analysis, so a merge of 3 of 4 shards would close real
 * alerts.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from './args';
import { CliError, say } from './commandSetup';
import { checkWritable, writeWhole } from './outputFile';
import { parseShard } from './shard';
import { terminalSafe } from './terminalText';

export const MERGE_USAGE = `Usage: ward merge-sarif FILE.sarif... [-o OUT.sarif]

Merges the SARIF files of a sharded scan (ward scan --shard i/n --format sarif) into one
run: rules de-duplicated, results in path order. Written to OUT.sarif, or stdout.
Every shard 1..n must be given exactly once.
`;

type Json = Record<string, unknown>;

interface MergeArgs {
  inputs: string[];
  output?: string;
  help: boolean;
}

function parseMergeArgs(argv: string[]): MergeArgs {
  const args: MergeArgs = { inputs: [], help: false };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (onlyPaths) args.inputs.push(a);
    else if (a === '--') onlyPaths = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a === '-o' || a === '--output' || a.startsWith('--output=')) {
      const v = a.startsWith('--output=') ? a.slice('--output='.length) : argv[++i];
      if (!v) throw new UsageError(`${a.split('=')[0]} needs a file name`);
      args.output = v;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option "${a}"`);
    else args.inputs.push(a);
  }
  if (args.inputs.some((f) => f === '')) throw new UsageError('an empty file name');
  if (!args.help && args.inputs.length === 0) throw new UsageError('ward merge-sarif needs the SARIF files to merge');
  return args;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

function readLog(file: string): { schema: unknown; runs: Json[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError([`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (err as Error).message)}`]);
  }
  let log: unknown;
  try {
    log = JSON.parse(text);
  } catch (err) {
    throw new CliError([`${file} is not JSON (${(err as Error).message})`]);
  }
  if (!isObject(log) || log.version !== '2.1.0' || !Array.isArray(log.runs)) throw new CliError([`${file} is not a SARIF 2.1.0 log (no "version": "2.1.0" with "runs")`]);
  const runs = arrayOf(log.runs);
  for (const run of runs) if (!isObject(run.tool) || !isObject(run.tool.driver)) throw new CliError([`${file}: a run without tool.driver`]);
  return { schema: log.$schema, runs };
}

const driverOf = (run: Json): Json => (run.tool as Json).driver as Json;

/** The path of a result's or notification's first location (decoded), for ordering. */
function pathKey(item: Json): string {
  const uri = (((arrayOf(item.locations)[0]?.physicalLocation as Json | undefined)?.artifactLocation as Json | undefined)?.uri ?? '') as string;
  try {
    return uri.split('/').map(decodeURIComponent).join('/');
  } catch {
    return uri;
  }
}

/** Stable: items of one path keep their order (each file's results come from one shard). */
const byPath = <T extends { item: Json }>(items: T[]): T[] =>
  items
    .map((x, i) => ({ x, i, key: pathKey(x.item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map((y) => y.x);

/**
 * Drops an item that an earlier input already holds identically (overlapping scans merged);
 * repeats within one input are its own (two findings alike) and stay.
 */
function unique(items: { item: Json; from: number }[]): { kept: Json[]; repeated: number } {
  const firstFrom = new Map<string, number>();
  const kept = items.filter(({ item, from }) => {
    const key = JSON.stringify(item);
    const seen = firstFrom.get(key);
    if (seen === undefined) firstFrom.set(key, from);
    return seen === undefined || seen === from;
  });
  return { kept: kept.map((x) => x.item), repeated: items.length - kept.length };
}

/** The union of the objects' keys, each new one placed before the next key of its object already placed. */
function keyOrder(objects: Json[]): string[] {
  const order: string[] = [];
  for (const o of objects) {
    const keys = Object.keys(o);
    keys.forEach((k, j) => {
      if (order.includes(k)) return;
      const next = keys.slice(j + 1).find((n) => order.includes(n));
      order.splice(next === undefined ? order.length : order.indexOf(next), 0, k);
    });
  }
  return order;
}

/** Each shard 1..n once, or a CliError naming what is missing or repeated. */
function checkShards(shards: string[]): void {
  if (shards.length === 0) return;
  const parsed = shards.map((s) => parseShard(s));
  if (parsed.some((p) => !p)) throw new CliError([`an input names a shard that is not i/n: ${shards.join(', ')}`]);
  const counts = new Set(parsed.map((p) => p!.count));
  if (counts.size > 1) throw new CliError([`the inputs come from splits into different numbers of shards: ${shards.join(', ')}`]);
  const n = [...counts][0]!;
  const problems: string[] = [];
  for (let i = 1; i <= n; i++) {
    const times = parsed.filter((p) => p!.index === i).length;
    if (times === 0) problems.push(`shard ${i}/${n} is missing`);
    if (times > 1) problems.push(`shard ${i}/${n} is given ${times} times`);
  }
  if (problems.length > 0) throw new CliError([...problems, 'merge the SARIF of every shard once: code scanning would close the alerts of the files a missing shard holds']);
}

/** The inputs' runs as one run (see the file comment); `say` gets the notes on what was merged. */
export function mergeRuns(runs: Json[], names: string[] = []): Json {
  if (runs.length === 0) throw new CliError(['the inputs hold no runs']);
  const first = runs[0]!;
  const tool = driverOf(first);
  for (const [i, run] of runs.entries()) {
    const d = driverOf(run);
    if (d.name !== tool.name || d.version !== tool.version) {
      throw new CliError([`${names[i] ?? `run ${i + 1}`} is from ${String(d.name)} ${String(d.version)}, not ${String(tool.name)} ${String(tool.version)}: one run holds one tool's results (upload other tools' SARIF separately)`]);
    }
  }
  const roots = new Set(runs.map((r) => JSON.stringify(r.originalUriBaseIds ?? null)));
  if (roots.size > 1) say('merge-sarif: the inputs were scanned in different folders; paths are relative to the first one\'s (%SRCROOT%)');

  // Rules: the union by id, sorted as a scan sorts them; the first descriptor of an id wins.
  const ruleById = new Map<string, Json>();
  for (const run of runs) for (const rule of arrayOf(driverOf(run).rules)) if (typeof rule.id === 'string' && !ruleById.has(rule.id)) ruleById.set(rule.id, rule);
  const rules = [...ruleById.values()].sort((a, b) => (a.id as string).localeCompare(b.id as string));
  const index = new Map(rules.map((r, i) => [r.id as string, i]));

  const results: { item: Json; from: number }[] = [];
  for (const [from, run] of runs.entries()) {
    const oldRules = arrayOf(driverOf(run).rules);
    for (const result of arrayOf(run.results)) {
      // A result names its rule by id, by index into its own run's rules, or both.
      const id = typeof result.ruleId === 'string' ? result.ruleId : typeof result.ruleIndex === 'number' ? (oldRules[result.ruleIndex]?.id as string | undefined) : undefined;
      const at = id !== undefined ? index.get(id) : undefined;
      const fixed: Json = { ...result };
      if (at === undefined) delete fixed.ruleIndex;
      else if ('ruleIndex' in result) fixed.ruleIndex = at;
      if (isObject(result.rule) && at !== undefined) fixed.rule = { ...result.rule, index: at };
      results.push({ item: fixed, from });
    }
  }
  const merged = unique(byPath(results));
  if (merged.repeated > 0) say(`merge-sarif: ${merged.repeated} result${merged.repeated === 1 ? '' : 's'} appeared in more than one input and ${merged.repeated === 1 ? 'is' : 'are'} kept once`);

  const invocations = runs.flatMap((r) => arrayOf(r.invocations));
  const shards = invocations.map((inv) => (isObject(inv.properties) ? inv.properties.shard : undefined)).filter((s): s is string => typeof s === 'string');
  checkShards(shards);
  const tagged = (key: 'toolExecutionNotifications' | 'toolConfigurationNotifications'): { item: Json; from: number }[] =>
    runs.flatMap((r, from) => arrayOf(r.invocations).flatMap((inv) => arrayOf(inv[key]).map((item) => ({ item, from }))));
  const notifications = unique(byPath(tagged('toolExecutionNotifications'))).kept;
  const configNotes = unique(tagged('toolConfigurationNotifications')).kept;
  const invocation: Json = {
    executionSuccessful: invocations.length === 0 || invocations.every((inv) => inv.executionSuccessful === true),
    toolExecutionNotifications: notifications,
    ...(configNotes.length > 0 ? { toolConfigurationNotifications: configNotes } : {}),
    ...(shards.length > 0 ? { properties: { shards: [...shards].sort((a, b) => parseShard(a)!.index - parseShard(b)!.index) } } : {}),
  };
  // Run-level properties (the advisory database's dates) agree between shards; the first of each key wins.
  const properties: Json = {};
  for (const run of runs) if (isObject(run.properties)) for (const [k, v] of Object.entries(run.properties)) if (!(k in properties)) properties[k] = v;

  // The runs' keys in the order a scan writes them (a key only some runs have, such as
  // properties, goes where those runs put it), with the merged parts put in.
  const out: Json = {};
  for (const key of keyOrder(runs)) {
    if (key === 'tool') out.tool = { ...(first.tool as Json), driver: { ...tool, rules } };
    else if (key === 'invocations') out.invocations = [invocation];
    else if (key === 'results') out.results = merged.kept;
    else if (key === 'properties') out.properties = properties;
    else out[key] = runs.find((r) => key in r)![key];
  }
  if (!('results' in out)) out.results = merged.kept;
  return out;
}

export function mergeSarifCommand(argv: string[]): number {
  let args: MergeArgs;
  try {
    args = parseMergeArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`ward: ${terminalSafe(err.message)}\n\n${MERGE_USAGE}`);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    process.stdout.write(MERGE_USAGE);
    return 0;
  }
  if (args.output) checkWritable(args.output);
  const runs: Json[] = [];
  const names: string[] = [];
  let schema: unknown;
  for (const file of args.inputs) {
    const read = readLog(file);
    schema ??= read.schema;
    for (const run of read.runs) {
      runs.push(run);
      names.push(file);
    }
  }
  const log = { ...(schema ? { $schema: schema } : {}), version: '2.1.0', runs: [mergeRuns(runs, names)] };
  const text = JSON.stringify(log, null, 2) + '\n';
  if (args.output) {
    writeWhole(args.output, text);
    const results = ((log.runs[0]!.results as Json[]) ?? []).length;
    process.stderr.write(`ward: merged ${args.inputs.length} file${args.inputs.length === 1 ? '' : 's'} into ${terminalSafe(args.output)}: ${results} result${results === 1 ? '' : 's'}\n`);
  } else process.stdout.write(text);
  return 0;
}

/**
 * `.ward.yaml`: the repository's Ward settings for the CLI (and the editor, which reads the
 * same file). Keys are the editor's `ward.*` settings without the prefix (the prefix is
 * accepted too), checked by the one normaliser both use:
 *
 *   minimumSeverity: warning
 *   disabledRules: [js-regexp-injection]
 *   severityOverrides: { py-assert-used: off }
 *   exclude: ["**\/test/fixtures/**"]
 *   extraRuleFolders: [security/rules]
 *   maxFileSizeMB: 2
 *   fileTimeBudgetMs: 3000
 *   baseline: .ward-baseline.json        # used when --baseline is not given
 *   advisories: { folder: ~/.cache/ward/advisories, maxAgeDays: 7 }
 *   ignore:                              # dependency advisories accepted (ignoreList.ts)
 *     - { id: GHSA-…, reason: "…", expires: 2025-06-30 }
 *
 * Relative folders and the baseline path are relative to the file's own folder.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { normalizeSettings, WardSettings } from '../settings';
import { IgnoreEntry, parseIgnoreList } from './ignoreList';
import { readSmallFile } from './smallFiles';

export const CONFIG_FILE = '.ward.yaml';
/** A settings file is a few lines; past this it is the wrong file (or `/dev/zero`). */
const MAX_CONFIG_BYTES = 1024 * 1024;
const KNOWN = new Set([
  'enable', 'run', 'minimumSeverity', 'disabledRules', 'severityOverrides', 'exclude', 'extraRuleFolders',
  'maxFileSizeMB', 'fileTimeBudgetMs', 'debounceMs', 'baseline', 'advisories', 'ignore',
]);

export interface LoadedConfig {
  /** The file read, or undefined when none was found (defaults apply). */
  file?: string;
  /** Folder relative paths resolve against: the file's folder, or the start folder. */
  dir: string;
  settings: WardSettings;
  /** extraRuleFolders, absolute. */
  ruleFolders: string[];
  /** `baseline:` from the file, absolute. */
  baseline?: string;
  /** `ignore:` entries (dependency advisories accepted until a date). */
  ignore: IgnoreEntry[];
  /** Wrong values (replaced by defaults) and unknown keys, one line each. */
  problems: string[];
}

export class ConfigError extends Error {}

/** The nearest `.ward.yaml` from `start` upwards, stopping at the repository root (a folder with `.git`). */
export function findConfig(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Parses a config text; `file` names it in messages and anchors relative paths. */
export function parseConfig(text: string, file: string): LoadedConfig {
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (err) {
    throw new ConfigError(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${file}: expected a mapping of settings`);
  const problems: string[] = [];
  const flat: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (k === 'ward') {
      if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(flat, v);
      else if (v !== null) problems.push(`${file}: ward: expected a mapping of settings under "ward:", got ${JSON.stringify(v)}; ignored`);
      continue;
    }
    const key = k.startsWith('ward.') ? k.slice(5) : k;
    flat[key] = v;
  }
  for (const k of Object.keys(flat)) if (!KNOWN.has(k)) problems.push(`${file}: unknown setting "${k}"; ignored`);
  const { baseline, ignore: ignoreRaw, ...rest } = flat;
  const ignore = parseIgnoreList(ignoreRaw, file);
  problems.push(...ignore.problems);
  const normalized = normalizeSettings(rest);
  problems.push(...normalized.problems.map((p) => `${file}: ${p}`));
  const dir = dirname(file);
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(dir, p));
  let baselinePath: string | undefined;
  if (baseline !== undefined) {
    if (typeof baseline === 'string' && baseline.trim() !== '') baselinePath = abs(baseline);
    else problems.push(`${file}: baseline: expected a file path, got ${JSON.stringify(baseline)}; ignored`);
  }
  const settings = normalized.settings;
  if (settings.advisories.folder) settings.advisories = { ...settings.advisories, folder: abs(settings.advisories.folder.replace(/^~(?=$|\/)/, homedir())) };
  return { file, dir, settings, ruleFolders: settings.extraRuleFolders.map(abs), baseline: baselinePath, ignore: ignore.entries, problems };
}

/** Reads `explicit` (must exist) or the nearest `.ward.yaml`; defaults when there is none. */
export function loadConfig(explicit: string | undefined, start: string): LoadedConfig {
  const file = explicit ? resolve(start, explicit) : findConfig(start);
  if (!file) {
    const { settings } = normalizeSettings(undefined);
    return { dir: resolve(start), settings, ruleFolders: [], ignore: [], problems: [] };
  }
  let text: string;
  try {
    // A found file must be a regular one (a FIFO would block the open); an explicit one may be a pipe: --config <(…).
    text = readSmallFile(file, MAX_CONFIG_BYTES, !explicit).toString('utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config ${explicit ?? file}: ${(err as Error).message}`);
  }
  return parseConfig(text, file);
}

/**
 * Ward's settings: one typed shape, one set of defaults, one normaliser. The editor's
 * `ward.*` configuration and the CLI's `.ward.yaml` both go through `normalizeSettings`,
 * so a broken value is reported the same way everywhere and replaced by its default.
 */
import type { Severity } from './engine/finding';

export type RunOn = 'onType' | 'onSave';

export interface WardSettings {
  enable: boolean;
  run: RunOn;
  minimumSeverity: Severity;
  disabledRules: string[];
  severityOverrides: Record<string, Severity | 'off'>;
  exclude: string[];
  extraRuleFolders: string[];
  maxFileSizeMB: number;
  fileTimeBudgetMs: number;
  debounceMs: number;
  /** The advisory database for dependency checks (docs/dependencies.md). */
  advisories: AdvisorySettings;
}

export interface AdvisorySettings {
  /** Its folder; "" means the default (~/.cache/ward/advisories, or the extension's storage). */
  folder: string;
  /** A scan says the database is out of date past this many days. */
  maxAgeDays: number;
}

export const DEFAULT_SETTINGS: Readonly<WardSettings> = Object.freeze({
  enable: true,
  run: 'onType',
  minimumSeverity: 'info',
  disabledRules: [],
  severityOverrides: {},
  exclude: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/build/**', '**/*.min.js', '**/.venv/**', '**/venv/**', '**/__pycache__/**'],
  extraRuleFolders: [],
  maxFileSizeMB: 2,
  fileTimeBudgetMs: 3000,
  debounceMs: 150,
  advisories: Object.freeze({ folder: '', maxAgeDays: 7 }),
});

const SEVERITIES = new Set(['error', 'warning', 'info']);

export interface NormalizedSettings {
  settings: WardSettings;
  /** One line per value that was wrong and replaced by its default. */
  problems: string[];
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

export function normalizeSettings(raw: unknown): NormalizedSettings {
  const problems: string[] = [];
  const s: WardSettings = { ...DEFAULT_SETTINGS, severityOverrides: {}, disabledRules: [], exclude: [...DEFAULT_SETTINGS.exclude], extraRuleFolders: [], advisories: { ...DEFAULT_SETTINGS.advisories } };
  if (raw === undefined || raw === null) return { settings: s, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: s, problems: ['ward settings must be an object; using defaults'] };
  }
  const r = raw as Record<string, unknown>;
  const bad = (key: string, expected: string): void => {
    problems.push(`ward.${key}: expected ${expected}, got ${JSON.stringify(r[key])}; using the default`);
  };
  if (r.enable !== undefined) typeof r.enable === 'boolean' ? (s.enable = r.enable) : bad('enable', 'true or false');
  if (r.run !== undefined) r.run === 'onType' || r.run === 'onSave' ? (s.run = r.run) : bad('run', '"onType" or "onSave"');
  if (r.minimumSeverity !== undefined) {
    typeof r.minimumSeverity === 'string' && SEVERITIES.has(r.minimumSeverity)
      ? (s.minimumSeverity = r.minimumSeverity as Severity)
      : bad('minimumSeverity', '"error", "warning" or "info"');
  }
  if (r.disabledRules !== undefined) isStringArray(r.disabledRules) ? (s.disabledRules = [...r.disabledRules]) : bad('disabledRules', 'a list of rule ids');
  if (r.exclude !== undefined) isStringArray(r.exclude) ? (s.exclude = [...r.exclude]) : bad('exclude', 'a list of globs');
  if (r.extraRuleFolders !== undefined) {
    isStringArray(r.extraRuleFolders) ? (s.extraRuleFolders = [...r.extraRuleFolders]) : bad('extraRuleFolders', 'a list of folders');
  }
  if (r.severityOverrides !== undefined) {
    if (typeof r.severityOverrides === 'object' && r.severityOverrides !== null && !Array.isArray(r.severityOverrides)) {
      for (const [id, sev] of Object.entries(r.severityOverrides)) {
        if (typeof sev === 'string' && (SEVERITIES.has(sev) || sev === 'off')) s.severityOverrides[id] = sev as Severity | 'off';
        else problems.push(`ward.severityOverrides.${id}: expected "error", "warning", "info" or "off", got ${JSON.stringify(sev)}; ignored`);
      }
    } else bad('severityOverrides', 'an object of rule id → severity');
  }
  const num = (key: 'maxFileSizeMB' | 'fileTimeBudgetMs' | 'debounceMs', min: number, max: number): void => {
    const v = r[key];
    if (v === undefined) return;
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? (s[key] = v) : bad(key, `a number from ${min} to ${max}`);
  };
  num('maxFileSizeMB', 0.01, 64);
  num('fileTimeBudgetMs', 50, 60000);
  num('debounceMs', 0, 5000);
  if (r.advisories !== undefined) {
    const a = r.advisories as Record<string, unknown> | null;
    if (a && typeof a === 'object' && !Array.isArray(a)) {
      if (a.folder !== undefined) typeof a.folder === 'string' ? (s.advisories.folder = a.folder.trim()) : problems.push(`ward.advisories.folder: expected a folder path, got ${JSON.stringify(a.folder)}; using the default`);
      if (a.maxAgeDays !== undefined) {
        typeof a.maxAgeDays === 'number' && Number.isFinite(a.maxAgeDays) && a.maxAgeDays >= 1 && a.maxAgeDays <= 3650
          ? (s.advisories.maxAgeDays = a.maxAgeDays)
          : problems.push(`ward.advisories.maxAgeDays: expected a number of days from 1 to 3650, got ${JSON.stringify(a.maxAgeDays)}; using the default`);
      }
    } else bad('advisories', 'an object { folder, maxAgeDays }');
  }
  return { settings: s, problems };
}

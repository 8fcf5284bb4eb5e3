/** The engine's public surface, bundled as dist/engine.js for tests and tools. */
export * from './finding';
export * from './scan';
export * from './ruleLoader';
export * from './engineLoader';
export * from './ruleTests';
export * from './suppressions';
export * from './policy';
export * from './fixes';
export * from './globs';
export * from './inputGuards';
export { maskSecret, shannonEntropy, crc32, base62, githubChecksumValid, isPlaceholder, normalizeName } from './secretMatcher';
export { ParserPool } from '../languages/parser';
export { languageForPath, languageForId, LANGUAGES } from '../languages/registry';
export { normalizeSettings, DEFAULT_SETTINGS } from '../settings';
export type { Rule } from './rule';
export { ScanPool } from './workerPool';
export type { PoolFile, PoolOptions, CancelToken } from './workerPool';

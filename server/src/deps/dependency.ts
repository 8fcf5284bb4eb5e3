/** A package version a manifest or lockfile pins, and where it is written. */
import type { Range } from '../engine/finding';
import type { Ecosystem } from './ecosystem';

export interface Dependency {
  ecosystem: Ecosystem;
  name: string;
  version: string;
  /** true: the project names it; false: another package pulls it in; undefined: the file does not say. */
  direct: boolean | undefined;
  /** Package names from the project's direct dependency down to this one (`express → body-parser → qs`). */
  path: string[];
  /** Where a finding about it goes in this file: the entry's line. */
  range: Range;
  /** A direct dependency's version as the manifest writes it, for the upgrade fix. */
  versionSpec?: { range: Range; text: string };
}

/** What a manifest parser gets besides the text. */
export interface ManifestContext {
  /** The file's path (absolute when it is on disk). */
  path: string;
  /** Another file's text by a path relative to this file's folder; undefined when it cannot be read. */
  readRelative(relative: string): string | undefined;
  /** The file's folder, absolute, when it is on disk (a workspace's place in its root's lockfile). */
  folder?: string;
}

export interface ParsedManifest {
  dependencies: Dependency[];
  /** What could not be read (a line skipped, no lockfile beside package.json), one line each. */
  notices: string[];
}

export class ManifestError extends Error {}

/** A workspace root's lockfile that does not list the package.json below it. */
export class NotInLockfile extends ManifestError {}

/** What a scan produced, in the shape every output format reads. */
import type { Finding, ScanNotice } from '../engine/finding';
import type { Rule } from '../engine/rule';
import type { Shard } from './shard';

export interface FileReport {
  /** Path relative to the scan root, forward slashes. */
  path: string;
  findings: Finding[];
  notices: ScanNotice[];
  /** Baseline fingerprints, one per finding (see engine/baseline.ts); SARIF's partialFingerprints. */
  fingerprints?: string[];
}

export interface ScanReport {
  version: string;
  root: string;
  rules: readonly Rule[];
  files: FileReport[];
  filesScanned: number;
  durationMs: number;
  /** The advisory database's dates ("npm 2024-06-01, PyPI 2024-05-30"), when manifests were checked. */
  advisories?: string;
  /** `--shard i/n`: the report covers only this part of the files. */
  shard?: Shard;
}

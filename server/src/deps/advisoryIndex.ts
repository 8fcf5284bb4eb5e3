/**
 * The on-disk index of one ecosystem's advisories, built once when a database is imported
 * and read by every scan:
 *
 *   <folder>/<Ecosystem>/meta.json      what was imported, when, the newest record's date
 *   <folder>/<Ecosystem>/records.jsonl  one line per package: {"n": name, "a": [advisories]}
 *   <folder>/<Ecosystem>/index.tsv      key \t byte offset \t byte length, one line per package
 *
 * A scan reads index.tsv (a few MB for 100k advisories) and then only the lines of the
 * packages it looks up, so a lockfile of 1,500 packages costs 1,500 small reads, not a
 * parse of the whole database.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Advisory, PackageAdvisories } from './advisory';
import { Ecosystem, packageKey } from './ecosystem';

export const INDEX_FORMAT = 1;

export interface IndexMeta {
  format: number;
  ecosystem: Ecosystem;
  /** Where the data came from: a URL or a file path. */
  source: string;
  /** ISO time of the import. */
  importedAt: string;
  /** ISO time of the newest record's `modified`: how current the data is. */
  newestRecord: string;
  advisories: number;
  packages: number;
  /** SHA-256 of the zip imported. */
  sha256: string;
}

/** Collects advisories by package, then writes the three files. */
export class IndexWriter {
  private readonly packages = new Map<string, PackageAdvisories>();
  private readonly ids = new Set<string>();
  newest = '';

  constructor(readonly ecosystem: Ecosystem) {}

  add(name: string, advisory: Advisory): void {
    const key = packageKey(this.ecosystem, name);
    let entry = this.packages.get(key);
    if (!entry) this.packages.set(key, (entry = { name, advisories: [] }));
    entry.advisories.push(advisory);
    this.ids.add(advisory.id);
    if (advisory.modified > this.newest) this.newest = advisory.modified;
  }

  get advisoryCount(): number {
    return this.ids.size;
  }

  write(dir: string, meta: Omit<IndexMeta, 'format' | 'ecosystem' | 'newestRecord' | 'advisories' | 'packages'>): IndexMeta {
    const keys = [...this.packages.keys()].sort();
    const lines: string[] = [];
    const index: string[] = [];
    let offset = 0;
    for (const key of keys) {
      const p = this.packages.get(key)!;
      p.advisories.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const line = JSON.stringify({ n: p.name, a: p.advisories });
      const length = Buffer.byteLength(line);
      lines.push(line);
      index.push(`${key}\t${offset}\t${length}`);
      offset += length + 1;
    }
    writeFileSync(join(dir, 'records.jsonl'), lines.length > 0 ? `${lines.join('\n')}\n` : '');
    writeFileSync(join(dir, 'index.tsv'), index.length > 0 ? `${index.join('\n')}\n` : '');
    const full: IndexMeta = { format: INDEX_FORMAT, ecosystem: this.ecosystem, ...meta, newestRecord: this.newest, advisories: this.ids.size, packages: keys.length };
    // Written last: a folder without meta.json is an import that did not finish.
    writeFileSync(join(dir, 'meta.json'), `${JSON.stringify(full, null, 2)}\n`);
    return full;
  }
}

export function readMeta(dir: string): IndexMeta | undefined {
  try {
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as IndexMeta;
    return meta && meta.format === INDEX_FORMAT ? meta : undefined;
  } catch {
    return undefined;
  }
}

/** One ecosystem's index, open for look-ups. */
export class EcosystemIndex {
  private readonly offsets = new Map<string, [number, number]>();
  private fd: number | undefined;
  private readonly cache = new Map<string, PackageAdvisories | undefined>();

  private constructor(readonly meta: IndexMeta, fd: number, indexText: string) {
    this.fd = fd;
    let start = 0;
    while (start < indexText.length) {
      let end = indexText.indexOf('\n', start);
      if (end < 0) end = indexText.length;
      const tab1 = indexText.indexOf('\t', start);
      const tab2 = indexText.indexOf('\t', tab1 + 1);
      if (tab1 > start && tab2 > tab1 && tab2 < end) {
        this.offsets.set(indexText.slice(start, tab1), [Number(indexText.slice(tab1 + 1, tab2)), Number(indexText.slice(tab2 + 1, end))]);
      }
      start = end + 1;
    }
  }

  /** The index in `dir`, or undefined when there is none (or it is from another format). */
  static open(dir: string): EcosystemIndex | undefined {
    const meta = readMeta(dir);
    if (!meta) return undefined;
    let fd: number | undefined;
    try {
      // The records file stays open: an update that replaces the folder meanwhile does not
      // change what this index reads.
      fd = openSync(join(dir, 'records.jsonl'), 'r');
      return new EcosystemIndex(meta, fd, readFileSync(join(dir, 'index.tsv'), 'utf8'));
    } catch {
      if (fd !== undefined) closeSync(fd);
      return undefined;
    }
  }

  get size(): number {
    return this.offsets.size;
  }

  lookup(name: string): PackageAdvisories | undefined {
    const key = packageKey(this.meta.ecosystem, name);
    if (this.cache.has(key)) return this.cache.get(key);
    const at = this.offsets.get(key);
    let found: PackageAdvisories | undefined;
    if (at && this.fd !== undefined) {
      const buf = Buffer.alloc(at[1]);
      try {
        if (readSync(this.fd, buf, 0, at[1], at[0]) === at[1]) {
          const raw = JSON.parse(buf.toString('utf8')) as { n: string; a: Advisory[] };
          found = { name: raw.n, advisories: raw.a };
        }
      } catch {
        found = undefined;
      }
    }
    this.cache.set(key, found);
    return found;
  }

  /** Still the file it opened (false once it was deleted or replaced). */
  sameFileAs(dir: string): boolean {
    if (this.fd === undefined) return false;
    try {
      const meta = readMeta(dir);
      return !!meta && meta.importedAt === this.meta.importedAt && meta.sha256 === this.meta.sha256 && fstatSync(this.fd).nlink > 0;
    } catch {
      return false;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

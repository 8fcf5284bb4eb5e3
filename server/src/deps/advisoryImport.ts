/**
 * `ward advisories import FILE.zip` (and the last step of `update`): reads an OSV export,
 * builds each ecosystem's index in a temporary folder beside the database and swaps it in,
 * so a scan running meanwhile reads the old index or the new one, never half of one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { IndexMeta, IndexWriter } from './advisoryIndex';
import { Ecosystem, ECOSYSTEMS } from './ecosystem';
import { advisoriesOfRecord, RecordError } from './osvRecord';
import { readJsonEntries, ZipError, ZipLimits } from './zipEntries';

export class ImportError extends Error {}

export interface ImportOptions {
  /** Only these ecosystems; all four when absent (a zip of every ecosystem works too). */
  ecosystems?: readonly Ecosystem[];
  /** Where the zip came from, kept in meta.json (a URL for `update`, the file for `import`). */
  source: string;
  limits?: ZipLimits;
  now?: Date;
}

export interface ImportResult {
  imported: IndexMeta[];
  records: number;
  /** Entries that were not OSV records (not JSON, no id), skipped. */
  badRecords: string[];
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => hash.update(c))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export async function importZip(zipPath: string, folder: string, options: ImportOptions): Promise<ImportResult> {
  const wanted = options.ecosystems ?? ECOSYSTEMS;
  const writers = new Map(wanted.map((e) => [e, new IndexWriter(e)]));
  const badRecords: string[] = [];
  let records = 0;
  let sha256: string;
  try {
    sha256 = await sha256File(zipPath);
  } catch (err) {
    throw new ImportError(`cannot read ${zipPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    await readJsonEntries(
      zipPath,
      (name, text) => {
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch {
          badRecords.push(`${name}: not JSON`);
          return;
        }
        try {
          for (const writer of writers.values()) for (const [pkg, advisory] of advisoriesOfRecord(raw, writer.ecosystem)) writer.add(pkg, advisory);
          records++;
        } catch (err) {
          if (err instanceof RecordError) badRecords.push(`${name}: ${err.message}`);
          else throw err;
        }
      },
      options.limits,
    );
  } catch (err) {
    if (err instanceof ZipError) throw new ImportError(`${zipPath}: ${err.message}`);
    throw err;
  }
  if (records === 0) throw new ImportError(`${zipPath}: no OSV records in it${badRecords.length > 0 ? ` (${badRecords.length} JSON files that are not OSV records)` : ''}`);
  // A few broken files in a real export are skipped; mostly broken is the wrong file.
  if (badRecords.length > Math.max(10, records / 100)) throw new ImportError(`${zipPath}: ${badRecords.length} of ${records + badRecords.length} files are not OSV records; is it an OSV export?`);
  const filled = [...writers.values()].filter((w) => w.advisoryCount > 0);
  if (filled.length === 0) throw new ImportError(`${zipPath}: none of its ${records} records is about ${wanted.join(', ')} packages`);
  mkdirSync(folder, { recursive: true });
  const importedAt = (options.now ?? new Date()).toISOString();
  const imported: IndexMeta[] = [];
  for (const writer of filled) {
    const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const tmp = join(folder, `.tmp-${writer.ecosystem}-${tag}`);
    const old = join(folder, `.old-${writer.ecosystem}-${tag}`);
    const target = join(folder, writer.ecosystem);
    mkdirSync(tmp);
    try {
      imported.push(writer.write(tmp, { source: options.source, importedAt, sha256 }));
      try {
        renameSync(target, old);
      } catch {
        // No previous index.
      }
      renameSync(tmp, target);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
      rmSync(old, { recursive: true, force: true });
    }
  }
  return { imported, records, badRecords };
}

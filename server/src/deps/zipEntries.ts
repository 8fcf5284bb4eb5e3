/**
 * Reads the JSON files of a zip (OSV's `all.zip`) one at a time with yauzl: the central
 * directory first, then each entry streamed and inflated, so a large export never sits in
 * memory whole. Entries over the size limit, and totals past the expansion limit, stop the
 * read (a zip bomb is a bad file, not a hang).
 */
import * as yauzl from 'yauzl';

export interface ZipLimits {
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntryBytes: 16 * 1024 * 1024, maxTotalBytes: 16 * 1024 * 1024 * 1024 };

export class ZipError extends Error {}

/** Calls `onJson` with the name and text of every `*.json` entry, in the zip's order. */
export function readJsonEntries(path: string, onJson: (name: string, text: string) => void, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) {
        reject(new ZipError(`not a zip file (${err?.message ?? 'unreadable'})`));
        return;
      }
      let total = 0;
      let count = 0;
      let failed = false;
      const fail = (message: string): void => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(new ZipError(message));
      };
      zip.on('error', (e: Error) => fail(`broken zip: ${e.message}`));
      zip.on('end', () => {
        if (!failed) resolve(count);
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        if (failed) return;
        if (!/\.json$/i.test(entry.fileName) || entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        if (entry.uncompressedSize > limits.maxEntryBytes) return fail(`${entry.fileName}: ${entry.uncompressedSize} bytes, over the ${limits.maxEntryBytes}-byte limit for one record`);
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes) return fail(`the zip expands past ${limits.maxTotalBytes} bytes`);
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(`${entry.fileName}: ${e?.message ?? 'cannot read'}`);
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (c: Buffer) => {
            size += c.length;
            if (size > limits.maxEntryBytes) {
              stream.destroy();
              fail(`${entry.fileName}: larger than its header says`);
            } else chunks.push(c);
          });
          stream.on('error', (se: Error) => fail(`${entry.fileName}: ${se.message}`));
          stream.on('end', () => {
            if (failed) return;
            count++;
            try {
              onJson(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            } catch (ce) {
              return fail((ce as Error).message);
            }
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/**
 * One ecosystem's update: download `<base>/<Ecosystem>/all.zip` beside the database, check
 * it (download.ts), index it (advisoryImport.ts), remove the download. Shared by
 * `ward advisories update` and the editor's "Update Advisory Database" command; both say
 * before they start that this is Ward's one use of the network.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { importZip, ImportResult } from './advisoryImport';
import { download, Downloaded } from './download';
import type { Ecosystem } from './ecosystem';

/** OSV's public bucket; WARD_ADVISORIES_URL (or --source) names a mirror laid out the same way. */
export const OSV_BASE_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

export function exportUrl(base: string, ecosystem: Ecosystem): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(ecosystem)}/all.zip`;
}

export async function updateEcosystem(
  folder: string,
  ecosystem: Ecosystem,
  base: string,
  onProgress?: (received: number, total: number | undefined) => void,
): Promise<{ downloaded: Downloaded; imported: ImportResult }> {
  mkdirSync(folder, { recursive: true });
  const url = exportUrl(base, ecosystem);
  const tmp = join(folder, `.download-${ecosystem}-${process.pid}-${randomBytes(4).toString('hex')}.zip`);
  try {
    const downloaded = await download({ url, dest: tmp, onProgress });
    const imported = await importZip(tmp, folder, { ecosystems: [ecosystem], source: url });
    return { downloaded, imported };
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * The editor's "Update Advisory Database" and "Import Advisory Database…" commands: the
 * client asks the user (an update is Ward's one use of the network), then the server
 * downloads or imports into the folder the editor reads (ward.advisories.folder, else the
 * extension's global storage) and re-checks the open files.
 */
import { ImportError, importZip } from '../deps/advisoryImport';
import { OSV_BASE_URL, updateEcosystem } from '../deps/advisoryUpdate';
import { DownloadError } from '../deps/download';
import { ECOSYSTEMS } from '../deps/ecosystem';
import type { AdvisoriesParams, AdvisoriesResult } from '../protocol';
import type { AdvisorySettings } from '../settings';
import { editorDependencyOptions, extensionAdvisoryFolder } from './engines';

/** Where the editor's commands write: the setting's folder, else the extension's own. */
export function writableAdvisoryFolder(advisories: AdvisorySettings | undefined): string {
  return advisories?.folder || extensionAdvisoryFolder() || editorDependencyOptions(advisories).folder;
}

export async function runAdvisoriesRequest(params: AdvisoriesParams, advisories: AdvisorySettings | undefined, log: (line: string) => void): Promise<AdvisoriesResult> {
  const folder = writableAdvisoryFolder(advisories);
  if (params.action === 'import') {
    if (!params.file) return { ok: false, message: 'No file was chosen.' };
    try {
      const result = await importZip(params.file, folder, { source: params.file });
      return { ok: true, message: `Imported ${result.imported.map((m) => `${m.ecosystem} (${m.advisories} advisories)`).join(', ')} into ${folder}.` };
    } catch (err) {
      if (err instanceof ImportError) return { ok: false, message: `${err.message}. The database already there (if any) is unchanged.` };
      throw err;
    }
  }
  const base = process.env.WARD_ADVISORIES_URL || OSV_BASE_URL;
  const done: string[] = [];
  const failed: string[] = [];
  for (const eco of ECOSYSTEMS) {
    log(`Ward: downloading the ${eco} advisories from ${base} into ${folder}`);
    try {
      const { imported } = await updateEcosystem(folder, eco, base);
      done.push(`${eco} (${imported.imported[0]?.advisories ?? 0} advisories)`);
    } catch (err) {
      if (!(err instanceof DownloadError || err instanceof ImportError)) throw err;
      log(`Ward: ${eco}: ${err.message}`);
      failed.push(`${eco}: ${err.message}`);
    }
  }
  const message = [done.length > 0 ? `Updated ${done.join(', ')}.` : '', failed.length > 0 ? `Not updated (the old data stays): ${failed.join('; ')}.` : ''].filter(Boolean).join(' ');
  return { ok: failed.length === 0, message };
}

/** Pulls `ward.*` per document from the client and caches it until the configuration changes. */
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, normalizeSettings, WardSettings } from '../settings';

export class DocumentSettings {
  private readonly cache = new Map<string, Promise<WardSettings>>();
  private readonly reported = new Set<string>();
  supportsPull = false;

  constructor(
    private readonly connection: Connection,
    private readonly report: (problem: string) => void,
  ) {}

  get(uri: string): Promise<WardSettings> {
    if (!this.supportsPull) return Promise.resolve({ ...DEFAULT_SETTINGS });
    let pending = this.cache.get(uri);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'ward' })
        .then((raw: unknown) => {
          const { settings, problems } = normalizeSettings(raw);
          for (const p of problems) {
            if (!this.reported.has(p)) {
              this.reported.add(p);
              this.report(p);
            }
          }
          return settings;
        })
        .catch(() => ({ ...DEFAULT_SETTINGS }));
      this.cache.set(uri, pending);
    }
    return pending;
  }

  clear(): void {
    this.cache.clear();
    this.reported.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

/**
 * What Ward has published, counted as the Problems panel shows it: for each file the last
 * diagnostics sent for it, by severity. Open documents and the workspace scan publish into
 * the same collection, so an open buffer's diagnostics replace the file's scan results and a
 * file is counted once. Every publication goes through `publishingConnection`, so the status
 * bar and the scan summary cannot drift from what VS Code shows.
 */
import { fileURLToPath } from 'node:url';
import { Connection, DiagnosticSeverity, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { ProblemCounts } from '../problemCounts';

type Severities = Omit<ProblemCounts, 'files'>;

/** The editor and the scan may spell a file's URI differently (encoding); VS Code sees one file. */
function fileKey(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

export class PublishedCounts {
  private readonly byFile = new Map<string, Severities>();

  /** `onChange` runs after every publication that changed a count. */
  constructor(private readonly onChange: () => void = () => undefined) {}

  record({ uri, diagnostics }: PublishDiagnosticsParams): void {
    const key = fileKey(uri);
    const before = this.byFile.get(key);
    const c: Severities = { errors: 0, warnings: 0, infos: 0 };
    for (const d of diagnostics) {
      // VS Code reads a missing severity as an error; hints are not listed in Problems.
      if (d.severity === undefined || d.severity === DiagnosticSeverity.Error) c.errors++;
      else if (d.severity === DiagnosticSeverity.Warning) c.warnings++;
      else if (d.severity === DiagnosticSeverity.Information) c.infos++;
    }
    if (c.errors + c.warnings + c.infos === 0) this.byFile.delete(key);
    else this.byFile.set(key, c);
    const same = before ? before.errors === c.errors && before.warnings === c.warnings && before.infos === c.infos : !this.byFile.has(key);
    if (!same) this.onChange();
  }

  totals(): ProblemCounts {
    const t: ProblemCounts = { errors: 0, warnings: 0, infos: 0, files: 0 };
    for (const c of this.byFile.values()) {
      t.errors += c.errors;
      t.warnings += c.warnings;
      t.infos += c.infos;
      t.files++;
    }
    return t;
  }

  /** `connection`, except that `sendDiagnostics` is recorded here before it is sent. */
  publishingConnection(connection: Connection): Connection {
    const send = (params: PublishDiagnosticsParams): Promise<void> => {
      this.record(params);
      return connection.sendDiagnostics(params);
    };
    return new Proxy(connection, {
      get: (target, key) => (key === 'sendDiagnostics' ? send : Reflect.get(target, key, target)),
    });
  }
}

/** Commands from the palette and from code actions. */
import * as vscode from 'vscode';
import { LanguageClient, WorkDoneProgress, WorkDoneProgressBegin, WorkDoneProgressReport } from 'vscode-languageclient/node';
import {
  ADVISORIES_REQUEST,
  AdvisoriesParams,
  AdvisoriesResult,
  COMMAND_IMPORT_ADVISORIES,
  COMMAND_UPDATE_ADVISORIES,
  CLEAR_WORKSPACE_REQUEST,
  ClearWorkspaceResult,
  COMMAND_CLEAR_WORKSPACE,
  COMMAND_RESTART,
  COMMAND_SCAN_WORKSPACE,
  COMMAND_SHOW_OUTPUT,
  COMMAND_SHOW_RULE_DOCS,
  SCAN_WORKSPACE_REQUEST,
  ScanWorkspaceParams,
  ScanWorkspaceResult,
} from '../../server/src/protocol';
import { total } from '../../server/src/problemCounts';

/**
 * "Ward: Scan Workspace": a cancellable progress notification fed by the server's `$/progress`
 * reports on our work-done token; cancelling it cancels the request, which stops the scan.
 */
async function scanWorkspace(client: LanguageClient | undefined): Promise<void> {
  if (!client || !client.isRunning()) {
    void vscode.window.showErrorMessage('Ward: the server is not running. Run "Ward: Restart Server".');
    return;
  }
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Ward: open a folder to scan it.');
    return;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Ward: scanning the workspace', cancellable: true },
    async (progress, token) => {
      const workDoneToken = `ward-scan-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      let shown = 0;
      const sub = client.onProgress(WorkDoneProgress.type, workDoneToken, (p) => {
        if (p.kind === 'end') return;
        const { percentage, message } = p as WorkDoneProgressBegin | WorkDoneProgressReport;
        const increment = percentage !== undefined && percentage > shown ? percentage - shown : undefined;
        if (increment) shown = percentage!;
        progress.report({ message, increment });
      });
      try {
        const params: ScanWorkspaceParams = { workDoneToken };
        return await client.sendRequest<ScanWorkspaceResult>(SCAN_WORKSPACE_REQUEST, params, token);
      } finally {
        sub.dispose();
      }
    },
  );
  if (!result) return;
  const message = `Ward: ${result.message}`;
  if (result.cancelled) void vscode.window.showWarningMessage(message);
  else if (total(result.problems) > 0) {
    void vscode.window.showInformationMessage(message, 'Show Problems').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  } else void vscode.window.showInformationMessage(message);
}

async function clearWorkspaceProblems(client: LanguageClient | undefined): Promise<void> {
  if (!client || !client.isRunning()) return;
  const { cleared } = await client.sendRequest<ClearWorkspaceResult>(CLEAR_WORKSPACE_REQUEST, {});
  vscode.window.setStatusBarMessage(`Ward: cleared the problems of ${cleared} file${cleared === 1 ? '' : 's'}`, 4000);
}

/**
 * "Ward: Update Advisory Database": the one time Ward uses the network, so it asks first and
 * names the host; "Import Advisory Database…" takes an all.zip brought in by hand.
 */
async function advisories(client: LanguageClient | undefined, action: AdvisoriesParams['action']): Promise<void> {
  if (!client || !client.isRunning()) {
    void vscode.window.showErrorMessage('Ward: the server is not running. Run "Ward: Restart Server".');
    return;
  }
  let file: string | undefined;
  if (action === 'update') {
    const go = await vscode.window.showInformationMessage(
      'Download the OSV advisory database (npm, PyPI, Maven, Go) from osv-vulnerabilities.storage.googleapis.com? This is the only time Ward uses the network; scans stay offline.',
      { modal: true },
      'Download',
    );
    if (go !== 'Download') return;
  } else {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'OSV export': ['zip'] }, title: 'OSV all.zip to import' });
    if (!picked?.[0]) return;
    file = picked[0].fsPath;
  }
  const title = action === 'update' ? 'Ward: downloading the advisory database' : 'Ward: importing the advisory database';
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () =>
    client.sendRequest<AdvisoriesResult>(ADVISORIES_REQUEST, { action, file } satisfies AdvisoriesParams),
  );
  if (result.ok) void vscode.window.showInformationMessage(`Ward: ${result.message}`);
  else void vscode.window.showWarningMessage(`Ward: ${result.message}`);
}

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, output: vscode.OutputChannel, restart: () => Promise<void>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMAND_RESTART, async () => {
      output.appendLine('Restarting the Ward server…');
      await restart();
    }),
    vscode.commands.registerCommand(COMMAND_SCAN_WORKSPACE, () => scanWorkspace(client())),
    vscode.commands.registerCommand(COMMAND_CLEAR_WORKSPACE, () => clearWorkspaceProblems(client())),
    vscode.commands.registerCommand(COMMAND_UPDATE_ADVISORIES, () => advisories(client(), 'update')),
    vscode.commands.registerCommand(COMMAND_IMPORT_ADVISORIES, () => advisories(client(), 'import')),
    vscode.commands.registerCommand(COMMAND_SHOW_OUTPUT, () => {
      (client()?.outputChannel ?? output).show(true);
    }),
    vscode.commands.registerCommand(COMMAND_SHOW_RULE_DOCS, async (ruleId: string, docsUri?: string) => {
      const uri = docsUri ? vscode.Uri.parse(docsUri) : vscode.Uri.joinPath(context.extensionUri, 'dist', 'docs', 'rules', `${ruleId}.md`);
      try {
        await vscode.commands.executeCommand('markdown.showPreview', uri);
      } catch {
        await vscode.window.showTextDocument(uri, { preview: true });
      }
    }),
  );
}

/** Commands from the palette and from code actions. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMAND_RESTART, COMMAND_SHOW_OUTPUT, COMMAND_SHOW_RULE_DOCS } from '../../server/src/protocol';

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, output: vscode.OutputChannel, restart: () => Promise<void>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMAND_RESTART, async () => {
      output.appendLine('Restarting the Ward server…');
      await restart();
    }),
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

/** Extension entry: start the language client, the status bar and the commands. */
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, StatusParams } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { createLanguageClient } from './languageClient';
import { StatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Ward');
  const status = new StatusBar();
  context.subscriptions.push(output, status);

  const start = async (): Promise<void> => {
    client = createLanguageClient(context, output);
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped) status.stopped('the server is not running');
      if (e.newState === State.Starting) status.starting();
    });
    await client.start();
    client.onNotification(STATUS_NOTIFICATION, (s: StatusParams) => status.update(s));
  };
  const restart = async (): Promise<void> => {
    status.starting();
    if (client) await client.stop().catch(() => undefined);
    await start();
  };
  registerCommands(context, () => client, output, restart);
  try {
    await start();
  } catch (err) {
    status.stopped((err as Error).message);
    output.appendLine(`Ward could not start: ${(err as Error).stack ?? String(err)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

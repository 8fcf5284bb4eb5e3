/** Language server entry: `node dist/server.js --stdio` or started by VS Code over IPC. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { WardServer } from './server';

const connection = createConnection(ProposedFeatures.all);
new WardServer(connection).listen();

process.on('uncaughtException', (err) => {
  connection.console.error(`Ward: unexpected error: ${err.stack ?? err.message}`);
});

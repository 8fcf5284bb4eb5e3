/** Language server entry: `node dist/server.js --stdio` or started by VS Code over IPC. */
import { format } from 'node:util';
import { Connection, createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { WardServer } from './server';
import { FramingGuard } from './stdioFraming';

/**
 * Over stdio the input goes through FramingGuard, so a malformed header costs one message
 * instead of deafening the server. Handing the library our own streams means doing two
 * things it does for `--stdio`: console output must not reach stdout (it would corrupt
 * the protocol), and the server still exits when stdin ends (the library does that for
 * any input stream).
 */
function stdioConnection(): Connection {
  const guard = new FramingGuard(({ bytes, reason, preview }) =>
    connection.console.error(`Ward: ignored ${bytes} bytes of malformed input from the client (${reason}; it began ${preview}); reading resumed at the next message`),
  );
  process.stdin.pipe(guard);
  const connection = createConnection(ProposedFeatures.all, guard, process.stdout);
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  return connection;
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
new WardServer(connection).listen();

process.on('uncaughtException', (err) => {
  connection.console.error(`Ward: unexpected error: ${err.stack ?? err.message}`);
});

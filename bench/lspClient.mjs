// A minimal LSP client over stdio for measuring the real server (no VS Code needed).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

export async function startServer(serverJs, root, settings = {}, extraFolders = []) {
  const child = spawn(process.execPath, [...(process.env.SRV_ARGS ? process.env.SRV_ARGS.split(' ') : []), serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const w of [...waiters]) if (w.uri === p.uri && w.pred(p)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(p); }
  });
  conn.onNotification(() => {});
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onError(() => undefined);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [root, ...extraFolders].map((f, i) => ({ uri: pathToFileURL(f).href, name: `bench${i}` })),
    capabilities: { workspace: { configuration: true } },
  });
  conn.sendNotification('initialized', {});
  return {
    conn,
    child,
    nextDiagnostics(uri, pred = () => true, timeoutMs = 30000) {
      return new Promise((resolve, reject) => {
        const w = { uri, pred, resolve };
        waiters.push(w);
        setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs).unref();
      });
    },
    async stop() {
      // Let the server exit by itself before the streams go away, so nothing writes to a
      // closed pipe afterwards.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await conn.sendRequest('shutdown').catch(() => undefined);
      await Promise.resolve(conn.sendNotification('exit')).catch(() => undefined);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      conn.dispose();
      child.kill();
    },
  };
}

// A minimal LSP client for the protocol tests: starts `node <dist>/server.js --stdio`
// (WARD_DIST or dist/), speaks JSON-RPC to it like an editor would, and records
// everything the server sends (diagnostics, status, messages) for the tests to wait on.
const { after } = require('node:test');
const { spawn } = require('node:child_process');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const rpc = require('vscode-jsonrpc/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const WAIT_MS = 15000;

/**
 * Every server this test file started. Should the test file's process still be alive 10 s
 * after its tests and their own hooks are done, each server is stopped and its pipes and
 * connection closed: a test that returned early (a failed assertion, a shutdown that never
 * came) must not leave a handle that keeps the process, and so `npm test`, waiting. The timer
 * does not itself keep the process alive.
 */
const started = new Set();
after(() => {
  setTimeout(() => {
    for (const client of started) {
      if (client.proc.exitCode === null && client.proc.signalCode === null) client.proc.kill('SIGKILL');
      client.conn.dispose();
      for (const stream of [client.proc.stdin, client.proc.stdout, client.proc.stderr]) stream.destroy();
    }
  }, 10000).unref();
});

/**
 * Starts `node <dist>/server.js --stdio` for `client` and connects to it: sets `proc`,
 * `stderr` (what the server printed), `exited` (resolves with its exit) and `conn`.
 */
function startServer(client) {
  client.stderr = '';
  client.proc = spawn(process.execPath, [path.join(dist, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  client.proc.stderr.on('data', (d) => (client.stderr += d));
  client.exited = new Promise((resolve) => client.proc.on('exit', (code, signal) => resolve({ code, signal })));
  client.conn = rpc.createMessageConnection(new rpc.StreamMessageReader(client.proc.stdout), new rpc.StreamMessageWriter(client.proc.stdin));
  started.add(client);
  return client.conn;
}

/** A minimal LSP client that records everything the server sends. */
class Client {
  constructor(workspace) {
    this.workspace = workspace;
    this.settings = { debounceMs: 0 };
    this.diagnostics = new Map(); // uri → [{ version, diagnostics }]
    this.statuses = [];
    this.messages = []; // window/showMessage + window/showMessageRequest
    this.logs = [];
    this.configRequests = 0;
    this.waiters = new Set();
    this.docs = new Map();
    const c = startServer(this);
    c.onRequest('workspace/configuration', (params) => {
      this.configRequests++;
      return params.items.map((item) => (item.section === 'ward' ? JSON.parse(JSON.stringify(this.settings)) : null));
    });
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('client/unregisterCapability', () => null);
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('window/showMessageRequest', (p) => {
      this.messages.push(p);
      this.poke();
      return null;
    });
    c.onNotification('window/showMessage', (p) => {
      this.messages.push(p);
      this.poke();
    });
    c.onNotification('window/logMessage', (p) => {
      this.logs.push(p);
      this.poke();
    });
    c.onNotification('textDocument/publishDiagnostics', (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push({ version: p.version, diagnostics: p.diagnostics, at: performance.now() });
      this.diagnostics.set(p.uri, list);
      this.poke();
    });
    c.onNotification('ward/status', (p) => {
      this.statuses.push(p);
      this.poke();
    });
    c.listen();
  }

  /** A request that fails (instead of hanging) when the server dies or does not answer. */
  request(method, params, ms = WAIT_MS) {
    let timer;
    return Promise.race([
      this.conn.sendRequest(method, params),
      this.exited.then(({ code, signal }) => {
        throw new Error(`server exited (code ${code}, signal ${signal}) during ${method}\n${this.stderr.slice(-2000)}`);
      }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${method}: no answer in ${ms} ms`)), ms))),
    ]).finally(() => clearTimeout(timer));
  }

  /** Sends a notification; a server that died shows up in the next wait (with its stderr), not as an unhandled rejection. */
  notify(method, params) {
    this.conn.sendNotification(method, params).catch(() => undefined);
  }

  poke() {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves with the first value `probe()` returns that is not undefined; rejects after `ms`. */
  waitFor(what, probe, ms = WAIT_MS) {
    return new Promise((resolve, reject) => {
      const check = () => {
        let value;
        try {
          value = probe();
        } catch (err) {
          finish();
          reject(err);
          return;
        }
        if (value !== undefined) {
          finish();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${ms} ms waiting for ${what}\nserver stderr:\n${this.stderr.slice(-2000)}`));
      }, ms);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      this.exited.then(({ code, signal }) => {
        if (!this.waiters.has(check)) return;
        finish();
        reject(new Error(`server exited (code ${code}, signal ${signal}) while waiting for ${what}\n${this.stderr.slice(-2000)}`));
      });
      check();
    });
  }

  /** How many publications exist for `uri` (pass to `nextDiagnostics` as `after`). */
  mark(uri) {
    return (this.diagnostics.get(uri) ?? []).length;
  }

  /** The first publication for `uri` at index ≥ `after` whose diagnostics satisfy `pred`. */
  nextDiagnostics(uri, after, pred = () => true, what = 'diagnostics') {
    return this.waitFor(`${what} for ${path.basename(uri)}`, () => {
      const list = this.diagnostics.get(uri) ?? [];
      for (let i = after; i < list.length; i++) if (pred(list[i].diagnostics, list[i])) return list[i];
      return undefined;
    });
  }

  /** `workspace`, `window`: more client capabilities (e.g. `workspaceEdit`, `showDocument`) for a test that needs them. */
  async initialize({ workspace = {}, window = {} } = {}) {
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.workspace).href,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true, ...workspace },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true, versionSupport: true },
          codeAction: { dataSupport: true, isPreferredSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          synchronization: { didSave: true },
        },
        window: { showMessage: {}, ...window },
      },
      workspaceFolders: [{ uri: pathToFileURL(this.workspace).href, name: 'ws' }],
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  uri(name) {
    return pathToFileURL(path.join(this.workspace, name)).href;
  }

  open(name, languageId, text) {
    const uri = this.uri(name);
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Sends incremental changes and mirrors them in the client-side copy; returns the new version. */
  change(uri, changes) {
    const old = this.docs.get(uri);
    const doc = TextDocument.update(old, changes, old.version + 1);
    this.docs.set(uri, doc);
    this.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
    return doc.version;
  }

  text(uri) {
    return this.docs.get(uri).getText();
  }

  close(uri) {
    this.docs.delete(uri);
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  async setSettings(settings) {
    this.settings = settings;
    await this.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** LSP shutdown and exit, then a kill if the server has not gone within 5 s; nothing once it has. */
  async shutdown() {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    await this.request('shutdown').catch(() => {});
    await this.conn.sendNotification('exit');
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 5000))]);
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

module.exports = { Client, startServer, dist, WAIT_MS };

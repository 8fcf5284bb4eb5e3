/** The language server: wires documents, settings, the engine and LSP requests together. */
import { warmUp } from './warmUp';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationToken,
  CodeActionKind,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  InitializeParams,
  InitializeResult,
  TextDocumentSyncKind,
  WorkDoneProgressReporter,
  WorkspaceFolder,
} from 'vscode-languageserver';
import { SEVERITY_RANK } from '../engine/finding';
import { decodeBytes } from '../engine/inputGuards';
import { PublishedCounts } from './publishedCounts';
import {
  CLEAR_WORKSPACE_REQUEST,
  ClearWorkspaceResult,
  COMMAND_IGNORE_NOT_A_SECRET,
  COMMAND_SELECT_IGNORE_REASON,
  IgnoreNotASecretResult,
  InitializationOptions,
  SCAN_WORKSPACE_REQUEST,
  ScanWorkspaceParams,
  ScanWorkspaceResult,
  STATUS_NOTIFICATION,
  ADVISORIES_REQUEST,
  AdvisoriesParams,
  AdvisoriesResult,
  StatusParams,
  ServerState,
} from '../protocol';
import { codeActionsFor } from './codeActions';
import { DocumentSettings } from './documentSettings';
import { DocumentStore } from './documents';
import { runAdvisoriesRequest } from './advisoryRequests';
import { describeAdvisoryDatabase, EngineCache, LoadedEngine, setExtensionAdvisoryFolder } from './engines';
import { hoverFor } from './hover';
import { Validator } from './validator';
import { BaselineStore } from './baselines';
import { ignoreNotASecret } from './notASecret';
import { selectReason } from './reasonSelection';
import { ActionContext, fileReader } from './secretActions';
import { CancelFlag, WorkspaceScanner } from './workspaceScan';

const VERSION = process.env.WARD_VERSION ?? '0.1.0';

export class WardServer {
  private readonly docs = new DocumentStore();
  private readonly settings: DocumentSettings;
  private readonly engines: EngineCache;
  private readonly validator: Validator;
  private folders: string[] = [];
  private problems: string[] = [];
  private ruleCount = 0;
  private state: ServerState = 'starting';
  private supportsFolderEvents = false;
  private supportsWatchRegistration = false;
  private supportsWorkDoneProgress = false;
  /** What the client's applyEdit understands, for the `.env.example` action. */
  private supportsDocumentChanges = false;
  private supportsCreateFiles = false;
  private supportsShowDocument = false;
  private watching = false;
  private scanner: WorkspaceScanner | undefined;
  private readonly baselines = new BaselineStore((p) => this.reportProblem(p));
  /** Counts of what is published, for the status bar: every publication goes through `publishing`. */
  private readonly published = new PublishedCounts(() => this.statusSoon());
  private readonly publishing: Connection;
  private statusTimer: NodeJS.Timeout | undefined;

  constructor(private readonly connection: Connection) {
    this.publishing = this.published.publishingConnection(connection);
    this.settings = new DocumentSettings(connection, (p) => this.reportProblem(p));
    this.engines = new EngineCache((loaded) => this.onRulesLoaded(loaded));
    this.validator = new Validator(this.publishing, this.docs, this.settings, this.engines, (uri) => this.rootFor(uri), () => this.sendStatus());
    // The CLI's baseline file applies in the editor too (open files and the workspace scan);
    // open files' findings also carry their fingerprint for "Ignore: not a secret".
    this.validator.baselineFilter = (uri, findings, text) =>
      uri.startsWith('file:') ? this.baselines.fingerprintAndApply(this.rootFor(uri), fileURLToPath(uri), findings, text) : findings;
  }

  private reportProblem(problem: string): void {
    this.problems.push(problem);
    this.connection.console.warn(`Ward: ${problem}`);
    void this.connection.window.showWarningMessage(`Ward: ${problem}`);
  }

  private onRulesLoaded(loaded: LoadedEngine): void {
    this.ruleCount = loaded.engine.rules.length;
    this.connection.console.info(`Ward ${VERSION}: ${loaded.engine.rules.length} rules loaded`);
    for (const e of loaded.errors) this.reportProblem(`rule error in ${e.file}:${e.line}: ${e.message}`);
    for (const p of loaded.folderProblems) this.reportProblem(`ward.extraRuleFolders: ${p}`);
  }

  private rootFor(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return this.folders[0];
    const path = fileURLToPath(uri);
    return this.folders.filter((f) => path.startsWith(f + '/') || path === f).sort((a, b) => b.length - a.length)[0];
  }

  private sendStatus(): void {
    clearTimeout(this.statusTimer);
    this.statusTimer = undefined;
    if (this.state !== 'error') this.state = 'ready';
    const params: StatusParams = {
      state: this.state,
      ...this.published.totals(),
      workspaceScan: !!this.scanner?.active,
      rules: this.ruleCount,
      problems: this.problems.slice(-5),
      advisories: describeAdvisoryDatabase(this.engines.lastAdvisories),
    };
    void this.connection.sendNotification(STATUS_NOTIFICATION, params);
  }

  /** Publications come in bursts (a workspace scan): one status for each burst. */
  private statusSoon(): void {
    this.statusTimer ??= setTimeout(() => this.sendStatus(), 50);
  }

  private onInitialize(params: InitializeParams): InitializeResult {
    const folders: WorkspaceFolder[] = params.workspaceFolders ?? [];
    this.folders = folders.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
    if (this.folders.length === 0 && params.rootUri?.startsWith('file:')) this.folders = [fileURLToPath(params.rootUri)];
    this.settings.supportsPull = !!params.capabilities.workspace?.configuration;
    this.supportsFolderEvents = !!params.capabilities.workspace?.workspaceFolders;
    this.supportsWatchRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.supportsWorkDoneProgress = !!params.capabilities.window?.workDoneProgress;
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    this.supportsDocumentChanges = !!workspaceEdit?.documentChanges;
    this.supportsCreateFiles = !!workspaceEdit?.resourceOperations?.includes('create');
    this.supportsShowDocument = !!params.capabilities.window?.showDocument?.support;
    const storagePath = (params.initializationOptions as InitializationOptions | undefined)?.storagePath;
    const advisoriesPath = (params.initializationOptions as InitializationOptions | undefined)?.advisoriesPath;
    setExtensionAdvisoryFolder(typeof advisoriesPath === 'string' ? advisoriesPath : undefined);
    this.scanner = new WorkspaceScanner(this.publishing, this.docs, this.settings, this.engines, () => this.folders, typeof storagePath === 'string' ? storagePath : undefined, this.baselines, () => this.published.totals());
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
        hoverProvider: true,
        // The language client registers these as editor commands that call back here.
        executeCommandProvider: { commands: [COMMAND_IGNORE_NOT_A_SECRET, COMMAND_SELECT_IGNORE_REASON] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'Ward', version: VERSION },
    };
  }

  /** "Ward: Scan Workspace": progress on the client's work-done token (or one we create), cancellable. */
  private async scanWorkspace(params: ScanWorkspaceParams | undefined, token: CancellationToken): Promise<ScanWorkspaceResult> {
    const flag: CancelFlag = { cancelled: false };
    token.onCancellationRequested(() => (flag.cancelled = true));
    let reporter: WorkDoneProgressReporter | undefined;
    if (params?.workDoneToken !== undefined) reporter = this.connection.window.attachWorkDoneProgress(params.workDoneToken);
    else if (this.supportsWorkDoneProgress) {
      const created = await this.connection.window.createWorkDoneProgress();
      created.token.onCancellationRequested(() => (flag.cancelled = true));
      reporter = created;
    }
    const result = await this.scanner!.scan(reporter, flag);
    this.sendStatus();
    // From now on, changed files on disk are re-scanned.
    if (!this.watching && this.supportsWatchRegistration) {
      this.watching = true;
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    }
    return result;
  }

  private actionContext(uri: string): ActionContext {
    return {
      root: uri.startsWith('file:') ? this.rootFor(uri) : undefined,
      readFile: fileReader(this.docs),
      documentChanges: this.supportsDocumentChanges,
      createFiles: this.supportsCreateFiles,
      showDocument: this.supportsShowDocument,
    };
  }

  /** "Ignore: not a secret" in JSON and notebooks: a baseline entry, then the folder's open files are re-checked. */
  private notASecret(arg: unknown): IgnoreNotASecretResult {
    const result = ignoreNotASecret(arg, {
      baselines: this.baselines,
      rootFor: (uri) => this.rootFor(uri),
      findingsOf: (uri) => this.validator.results.get(uri)?.findings,
    });
    if (result.error) {
      void this.connection.window.showWarningMessage(`Ward: ${result.error}`);
      return result;
    }
    const root = this.rootFor((arg as { uri: string }).uri);
    for (const d of this.docs.all()) if (this.rootFor(d.doc.uri) === root) void this.validator.schedule(d.doc.uri, 'config');
    return result;
  }

  /**
   * A saved document that is out of sync gets its text back: the save's text when the
   * client sent it, else the file just written (the buffer as saved).
   */
  private resyncOnSave(uri: string, text: string | undefined): void {
    const entry = this.docs.get(uri);
    if (!entry?.outOfSync) return;
    let saved = text;
    if (saved === undefined && uri.startsWith('file:')) {
      try {
        const decoded = decodeBytes(readFileSync(fileURLToPath(uri)));
        if ('text' in decoded) saved = decoded.text;
      } catch {
        /* unreadable: stays out of sync */
      }
    }
    if (saved === undefined) return;
    this.docs.replaceText(entry, saved);
    this.connection.console.info(`Ward: ${uri} is in sync again (its text was read back after the save)`);
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.onInitialize(p));
    c.onInitialized(() => {
      if (this.settings.supportsPull) void c.client.register(DidChangeConfigurationNotification.type, { section: 'ward' });
      // The library throws when this is touched before `initialize` or for a client without
      // workspace folder support, so subscribe here and only when the client has it.
      if (this.supportsFolderEvents) {
        c.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => fileURLToPath(f.uri)));
          this.folders = [...this.folders.filter((f) => !removed.has(f)), ...e.added.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri))];
        });
      }
      // Load rules now, and warm the engine up on each language's sample, so the first opened
      // file does not pay for it (half a second on this machine: grammars, queries, the JIT).
      const { engine } = this.engines.get([], this.folders[0]);
      this.sendStatus();
      void warmUp(engine);
    });
    c.onDidChangeConfiguration(() => {
      this.settings.clear();
      this.engines.clear();
      this.problems = [];
      this.baselines.clear();
      this.validator.revalidateAll();
      this.scanner?.onConfigurationChanged();
    });
    c.onDidOpenTextDocument(({ textDocument: d }) => {
      if (this.docs.get(d.uri)) this.connection.console.warn(`Ward: ${d.uri} was opened again without being closed; its text is replaced`);
      const entry = this.docs.open(d.uri, d.languageId, d.version, d.text);
      // Files without a grammar (.env, YAML, JSON, …) are checked by the secret rules.
      if (entry.language || this.validator.checksGeneric(entry)) void this.validator.schedule(d.uri, 'open');
    });
    c.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const uri: unknown = textDocument?.uri;
      if (typeof uri !== 'string') {
        this.connection.console.warn('Ward: a didChange without a document uri was ignored');
        return;
      }
      const { entry, problems } = this.docs.change(uri, textDocument.version, contentChanges);
      for (const p of problems) this.connection.console.warn(`Ward: didChange for ${uri} (version ${JSON.stringify(textDocument.version)}): ${p}`);
      if (entry && (entry.language || this.validator.checksGeneric(entry))) void this.validator.schedule(uri, 'change');
    });
    c.onDidSaveTextDocument(({ textDocument, text }) => {
      this.resyncOnSave(textDocument.uri, typeof text === 'string' ? text : undefined);
      void this.validator.schedule(textDocument.uri, 'save');
      // Files that import the saved module see its new summaries.
      if (textDocument.uri.startsWith('file:')) this.validator.revalidateImporters(fileURLToPath(textDocument.uri));
    });
    c.onDidCloseTextDocument(({ textDocument }) => {
      if (!this.docs.close(textDocument.uri)) {
        this.connection.console.warn(`Ward: didClose for ${textDocument.uri}, which is not open, was ignored`);
        return;
      }
      this.settings.forget(textDocument.uri);
      this.validator.clear(textDocument.uri);
      this.scanner?.onDocumentClosed(textDocument.uri);
      this.sendStatus();
    });
    c.onRequest(SCAN_WORKSPACE_REQUEST, (params: ScanWorkspaceParams | undefined, token: CancellationToken) => this.scanWorkspace(params, token));
    c.onRequest(ADVISORIES_REQUEST, async (params: AdvisoriesParams): Promise<AdvisoriesResult> => {
      const settings = await this.settings.get(this.folders[0] ? pathToFileURL(this.folders[0]).href : 'file:///');
      const result = await runAdvisoriesRequest(params ?? { action: 'update' }, settings.advisories, (line) => this.connection.console.info(line));
      // Engines are keyed by their database folder: the next check opens the new data.
      this.engines.clear();
      this.validator.revalidateAll();
      this.sendStatus();
      return result;
    });
    c.onRequest(CLEAR_WORKSPACE_REQUEST, (): ClearWorkspaceResult => {
      const cleared = this.scanner?.clear() ?? 0;
      this.sendStatus();
      return { cleared };
    });
    c.onDidChangeWatchedFiles(({ changes }) => {
      this.scanner?.onWatchedFiles(changes);
      for (const ch of changes) if (ch.uri.startsWith('file:')) this.validator.revalidateImporters(fileURLToPath(ch.uri));
      // A new baseline (`ward baseline create`) applies to open files at once.
      if (changes.some((ch) => /(^|\/)(\.ward-baseline\.json|\.ward\.yaml)$/.test(ch.uri))) {
        this.baselines.clear();
        // `.ward.yaml`'s ignore list decides which advisories the dependency findings name.
        if (changes.some((ch) => /(^|\/)\.ward\.yaml$/.test(ch.uri))) this.engines.clear();
        this.validator.revalidateAll();
      }
    });
    c.onCodeAction((params) => {
      const entry = this.docs.get(params.textDocument.uri);
      // Edits computed on a text that differs from the editor's would land in the wrong place.
      return entry && !entry.outOfSync ? codeActionsFor(params, entry, this.actionContext(params.textDocument.uri)) : [];
    });
    c.onExecuteCommand(({ command, arguments: args }) => {
      if (command === COMMAND_IGNORE_NOT_A_SECRET) return this.notASecret(args?.[0]);
      if (command === COMMAND_SELECT_IGNORE_REASON) return selectReason(c, args?.[0]);
      return null;
    });
    c.onHover(async ({ textDocument, position }) => {
      const result = this.validator.results.get(textDocument.uri);
      if (!result) return null;
      // The document's own engine, so rules from ward.extraRuleFolders show their docs too.
      const settings = await this.settings.get(textDocument.uri);
      const { engine } = this.engines.get(settings.extraRuleFolders, this.rootFor(textDocument.uri), settings.advisories);
      const sorted = [...result.findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
      return hoverFor(sorted, position, (id) => engine.rules.find((r) => r.id === id));
    });
    c.onShutdown(async () => {
      for (const d of this.docs.all()) this.docs.close(d.doc.uri);
      await this.scanner?.dispose();
    });
    c.listen();
  }
}

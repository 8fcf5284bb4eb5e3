/** Names and payloads shared by the client and the server (imported by both, relatively). */
import type { ProblemCounts } from './problemCounts';

export const STATUS_NOTIFICATION = 'ward/status';
export const COMMAND_SHOW_RULE_DOCS = 'ward.showRuleDocs';
export const COMMAND_RESTART = 'ward.restartServer';
export const COMMAND_SHOW_OUTPUT = 'ward.showOutput';
export const COMMAND_SCAN_WORKSPACE = 'ward.scanWorkspace';
export const COMMAND_CLEAR_WORKSPACE = 'ward.clearWorkspaceProblems';
/**
 * Server command (workspace/executeCommand, listed in `executeCommandProvider`, so the
 * language client registers it): add a secret finding to the folder's baseline file, for
 * formats without comments (JSON, notebooks) where "not a secret" cannot be a ward-ignore.
 */
export const COMMAND_IGNORE_NOT_A_SECRET = 'ward.ignoreNotASecret';
/**
 * Server command run after an "Ignore …" code action's edit: selects the `<reason>` placeholder
 * (`window/showDocument` with a selection) so the reason can be typed at once.
 */
export const COMMAND_SELECT_IGNORE_REASON = 'ward.selectIgnoreReason';

/** Client → server: scan every supported file of the workspace folders (cancellable request). */
export const SCAN_WORKSPACE_REQUEST = 'ward/scanWorkspace';
/** Client → server: withdraw the diagnostics the workspace scan published. */
/** Update (download) or import the advisory database; the client asks the user first. */
export const ADVISORIES_REQUEST = 'ward/advisories';
export const COMMAND_UPDATE_ADVISORIES = 'ward.updateAdvisories';
export const COMMAND_IMPORT_ADVISORIES = 'ward.importAdvisories';
export const CLEAR_WORKSPACE_REQUEST = 'ward/clearWorkspaceProblems';

/** What the client passes in `initializationOptions`. */
export interface InitializationOptions {
  /** Folder for the workspace scan cache (VS Code's `context.storageUri`); none means no disk cache. */
  storagePath?: string;
  /**
   * The extension's own advisory folder (in VS Code's global storage), used when
   * `ward.advisories.folder` is empty and it holds a database; else the CLI's folder is read.
   */
  advisoriesPath?: string;
}

export interface ScanWorkspaceParams {
  /** LSP work-done token: progress (`$/progress`, begin/report/end) is reported against it. */
  workDoneToken?: string | number;
}

export interface ScanWorkspaceResult {
  cancelled: boolean;
  /** Files the scan covers, and how many of them were done (from the cache or scanned). */
  total: number;
  done: number;
  fromCache: number;
  scanned: number;
  /** Files skipped: over `ward.maxFileSizeMB`, binary, unreadable. */
  skipped: number;
  /** Ward's problems after the scan: open files and scanned ones, as the Problems panel counts them. */
  problems: ProblemCounts;
  durationMs: number;
  /** One sentence for the user. */
  message: string;
}

export interface AdvisoriesParams {
  action: 'update' | 'import';
  /** `import`: the zip file. */
  file?: string;
}

export interface AdvisoriesResult {
  ok: boolean;
  /** One or more sentences for the user. */
  message: string;
}

export interface ClearWorkspaceResult {
  cleared: number;
}

export type ServerState = 'starting' | 'ready' | 'checking' | 'disabled' | 'error';

/**
 * The counts are of Ward's diagnostics as published right now, which is what the Problems
 * panel lists: the open files and, after "Scan Workspace", every other file scanned; a file
 * counts once (an open buffer's diagnostics replace what the scan found on disk).
 */
export interface StatusParams extends ProblemCounts {
  state: ServerState;
  /** True after "Scan Workspace" until "Clear Workspace Problems": files that are not open count too. */
  workspaceScan: boolean;
  /** Rules loaded and problems worth a look (broken rules, broken settings). */
  rules: number;
  problems: string[];
  /** The advisory database of the dependency rules: its folder and each ecosystem's date, for the tooltip. */
  advisories?: string;
}

/** What a Ward diagnostic carries in `data`, so code actions need no server-side lookup. */
export interface DiagnosticData {
  ruleId: string;
  title: string;
  /** The rule's category; `secrets` gets the secret actions (.env.example, "not a secret"). */
  category?: string;
  cwe: string[];
  owasp: string[];
  fixes: {
    title: string;
    preferred: boolean;
    edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
    /** The environment variable a secret fix reads (offered for `.env.example`). */
    envName?: string;
  }[];
  docsUri?: string;
  /** The first line of the code the finding is about (an ignore comment goes above it), when not the range's. */
  anchorLine?: number;
  /** The finding's baseline fingerprint (open documents in a workspace folder). */
  fingerprint?: string;
}

/** The argument of COMMAND_IGNORE_NOT_A_SECRET. Fingerprints are hashes: no secret value travels. */
export interface IgnoreNotASecretArgs {
  uri: string;
  ruleId: string;
  fingerprint: string;
}

export interface IgnoreNotASecretResult {
  /** The baseline file written (absolute path); undefined when nothing was written. */
  file?: string;
  /** False when the fingerprint was already in the baseline. */
  added: boolean;
  /** Why nothing was written, in words for the user. */
  error?: string;
}

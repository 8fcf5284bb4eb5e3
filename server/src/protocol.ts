/** Names and payloads shared by the client and the server (imported by both, relatively). */

export const STATUS_NOTIFICATION = 'ward/status';
export const COMMAND_SHOW_RULE_DOCS = 'ward.showRuleDocs';
export const COMMAND_RESTART = 'ward.restartServer';
export const COMMAND_SHOW_OUTPUT = 'ward.showOutput';

export type ServerState = 'starting' | 'ready' | 'checking' | 'disabled' | 'error';

export interface StatusParams {
  state: ServerState;
  errors: number;
  warnings: number;
  infos: number;
  /** Rules loaded and problems worth a look (broken rules, broken settings). */
  rules: number;
  problems: string[];
}

/** What a Ward diagnostic carries in `data`, so code actions need no server-side lookup. */
export interface DiagnosticData {
  ruleId: string;
  title: string;
  cwe: string[];
  owasp: string[];
  fixes: { title: string; preferred: boolean; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }[];
  docsUri?: string;
}

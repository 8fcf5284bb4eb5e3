/**
 * Code actions only secret findings get:
 * - "Add STRIPE_KEY to .env.example", next to the fix that reads the secret from the
 *   environment: declares the variable (name only, never the value) in the workspace
 *   folder's `.env.example`, creating the file when it is missing.
 * - "Ignore: not a secret": a ward-ignore comment where the format has comments (the edit
 *   of "Ignore on this line", with that reason), else a server command that adds the
 *   finding's fingerprint to the folder's baseline file (JSON, notebooks).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeAction, CodeActionKind, CreateFile, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { REASON_PLACEHOLDER } from '../engine/suppressions';
import { COMMAND_IGNORE_NOT_A_SECRET, DiagnosticData, IgnoreNotASecretArgs } from '../protocol';
import type { DocumentStore } from './documents';

export const ENV_EXAMPLE = '.env.example';
export const NOT_A_SECRET = 'not a secret';

/** What the code actions need to know beyond the document. */
export interface ActionContext {
  /** The document's workspace folder (absolute); none for untitled files and files outside the folders. */
  root: string | undefined;
  /** A file's current text: the open buffer (with its version) when there is one, else the disk. */
  readFile(path: string): { uri: string; text: string; version: number | null } | undefined;
  /** The client applies `documentChanges` (versioned edits, in order), and CreateFile among them. */
  documentChanges: boolean;
  createFiles: boolean;
  /** The client handles `window/showDocument` (used to select the reason of an ignore comment). */
  showDocument?: boolean;
}

export function isSecretFinding(data: DiagnosticData): boolean {
  return data.category === 'secrets';
}

/** `readFile` for ActionContext: the open document wins over the file on disk. */
export function fileReader(docs: DocumentStore): ActionContext['readFile'] {
  return (path) => {
    for (const d of docs.all()) {
      if (d.doc.uri.startsWith('file:') && fileURLToPath(d.doc.uri) === path) return { uri: d.doc.uri, text: d.doc.getText(), version: d.doc.version };
    }
    try {
      return { uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8'), version: null };
    } catch {
      return undefined;
    }
  };
}

/**
 * The edit that declares `name` in a `.env.example` with `text` (undefined: the file does
 * not exist yet), or undefined when it is declared already (commented out counts: a second
 * line for it would only confuse). The new line keeps the file's line ending.
 */
export function envExampleEdit(text: string | undefined, name: string): TextEdit | undefined {
  if (text === undefined || text === '') return TextEdit.insert({ line: 0, character: 0 }, `${name}=\n`);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(`^[ \\t]*(?:#[ \\t]*)?(?:export[ \\t]+)?${escaped}[ \\t]*(?:=|\\r?$)`, 'm').test(text)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split('\n');
  const end = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  return TextEdit.insert(end, `${text.endsWith('\n') ? '' : eol}${name}=${eol}`);
}

/** "Add NAME to .env.example" for the env names of a diagnostic's fixes not offered yet. */
export function envExampleActions(diagnostic: Diagnostic, data: DiagnosticData, ctx: ActionContext, offered: Set<string>): CodeAction[] {
  if (!ctx.root) return [];
  const actions: CodeAction[] = [];
  for (const name of data.fixes.map((f) => f.envName)) {
    if (!name || offered.has(name)) continue;
    offered.add(name);
    const edit = envExampleWorkspaceEdit(join(ctx.root, ENV_EXAMPLE), name, ctx);
    if (edit) actions.push({ title: `Ward: Add ${name} to ${ENV_EXAMPLE}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
  }
  return actions;
}

function envExampleWorkspaceEdit(path: string, name: string, ctx: ActionContext): WorkspaceEdit | undefined {
  const current = ctx.readFile(path);
  const edit = envExampleEdit(current?.text, name);
  if (!edit) return undefined;
  const uri = current?.uri ?? pathToFileURL(path).href;
  // A client without documentChanges cannot create the file; it can still edit one that exists.
  if (!ctx.documentChanges) return current ? { changes: { [uri]: [edit] } } : undefined;
  if (!current && !ctx.createFiles) return undefined;
  return {
    documentChanges: [
      ...(current ? [] : [CreateFile.create(uri, { ignoreIfExists: true })]),
      // The open buffer's version, so the edit is refused if the file changed in between.
      TextDocumentEdit.create({ uri, version: current?.version ?? null }, [edit]),
    ],
  };
}

/** For a format with comments: the "Ignore on this line" edit, its reason filled in. */
export function notASecretCommentAction(diagnostic: Diagnostic, uri: string, edit: TextEdit): CodeAction {
  return {
    title: 'Ward: Ignore: not a secret',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [{ ...edit, newText: edit.newText.replace(REASON_PLACEHOLDER, NOT_A_SECRET) }] } },
  };
}

/** For a format without comments: the command that adds the finding to the baseline file. */
export function notASecretBaselineAction(diagnostic: Diagnostic, uri: string, data: DiagnosticData, ctx: ActionContext): CodeAction | undefined {
  if (!ctx.root || !data.fingerprint || !uri.startsWith('file:')) return undefined;
  const args: IgnoreNotASecretArgs = { uri, ruleId: data.ruleId, fingerprint: data.fingerprint };
  return {
    title: 'Ward: Ignore: not a secret (add it to the baseline)',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: 'Ignore: not a secret', command: COMMAND_IGNORE_NOT_A_SECRET, arguments: [args] },
  };
}

/**
 * Quick fixes for Ward diagnostics: the rule's fix (from `Diagnostic.data`), "Ignore on
 * this line", "Ignore in this file" and "Show rule documentation"; secret findings get
 * "Add NAME to .env.example" and "Ignore: not a secret" (see secretActions.ts).
 */
import { syntaxFor } from '../languages/registry';
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import { ignoreFileEdit, ignoreLineEdit } from '../engine/suppressions';
import { COMMAND_SHOW_RULE_DOCS } from '../protocol';
import type { OpenDocument } from './documents';
import { ActionContext, envExampleActions, isSecretFinding, notASecretBaselineAction, notASecretCommentAction } from './secretActions';
import { selectReasonCommand } from './reasonSelection';
import { isWardData, SOURCE } from './toLsp';

export function codeActionsFor(params: CodeActionParams, entry: OpenDocument, ctx: ActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const fixes: CodeAction[] = [];
  const uri = params.textDocument.uri;
  const text = entry.doc.getText();
  // Files without a grammar: the format's own comment; JSON has none (a baseline entry is the way there).
  const comment = entry.language?.lineComment ?? genericLineComment(uri);
  const seenRules = new Set<string>();
  const seenFingerprints = new Set<string>();
  const envNames = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE || !isWardData(diagnostic.data)) continue;
    const data = diagnostic.data;
    const secret = isSecretFinding(data);
    for (const fix of data.fixes) {
      fixes.push({
        title: `Ward: ${fix.title}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [uri]: fix.edits } },
      });
    }
    if (secret) fixes.push(...envExampleActions(diagnostic, data, ctx, envNames));
    // One baseline entry per finding: a minified JSON line can hold several secrets.
    if (secret && !comment && data.fingerprint && !seenFingerprints.has(data.fingerprint)) {
      seenFingerprints.add(data.fingerprint);
      const action = notASecretBaselineAction(diagnostic, uri, data, ctx);
      if (action) actions.push(action);
    }
    const key = `${data.ruleId}:${data.anchorLine ?? diagnostic.range.start.line}`;
    if (seenRules.has(key)) continue;
    seenRules.add(key);
    if (comment) {
      const edit = ignoreLineEditFor(text, diagnostic, data.ruleId, comment, entry);
      // A secret finding's line ignore says why: the value is not a secret.
      actions.push(secret ? notASecretCommentAction(diagnostic, uri, edit) : withReason(ignoreLine(uri, diagnostic, data.ruleId, edit), uri, edit, ctx));
      const fileEdit = ignoreFileEdit(text, data.ruleId, comment);
      const perFile: CodeAction = {
        title: `Ward: Ignore ${data.ruleId} in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [fileEdit] } },
      };
      actions.push(withReason(perFile, uri, fileEdit, ctx));
    }
    actions.push({
      title: `Ward: Show documentation for ${data.ruleId}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Show rule documentation', command: COMMAND_SHOW_RULE_DOCS, arguments: [data.ruleId, data.docsUri] },
    });
  }
  const only = params.context.only;
  const all = [...fixes, ...actions];
  return only ? all.filter((a) => only.some((k) => a.kind?.startsWith(k))) : all;
}

function ignoreLineEditFor(text: string, diagnostic: Diagnostic, ruleId: string, comment: string, entry: OpenDocument): TextEdit {
  const tree = entry.tree && !entry.treeStale ? entry.tree : undefined;
  const data = isWardData(diagnostic.data) ? diagnostic.data : undefined;
  const adapter = entry.language ? syntaxFor(entry.language.family) : undefined;
  return ignoreLineEdit(text, data?.anchorLine ?? diagnostic.range.start.line, ruleId, comment, tree, adapter);
}

function ignoreLine(uri: string, diagnostic: Diagnostic, ruleId: string, edit: TextEdit): CodeAction {
  return {
    title: `Ward: Ignore ${ruleId} on this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [edit] } },
  };
}

/** After the edit, the `<reason>` it wrote is selected for typing (clients with window/showDocument). */
function withReason(action: CodeAction, uri: string, edit: TextEdit, ctx: ActionContext): CodeAction {
  const command = ctx.showDocument ? selectReasonCommand(uri, edit) : undefined;
  return command ? { ...action, command } : action;
}

/** The line comment of a config format Ward reads without a grammar; undefined when it has none. */
export function genericLineComment(uri: string): string | undefined {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)).toLowerCase();
  if (/\.(?:json|ipynb|jsonl)$/.test(name)) return undefined;
  if (/\.(?:jsonc|json5)$/.test(name)) return '//';
  if (/\.(?:xml|md|markdown|html?|svg|config|csproj|plist|ejs|hbs|handlebars|jinja2?|j2|njk)$/.test(name)) return undefined; // <!-- --> needs a closing part
  return '#'; // .env, YAML, TOML, INI, .properties, Dockerfile, shell, Terraform, .npmrc, keys
}

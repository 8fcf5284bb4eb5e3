/**
 * Quick fixes for Ward diagnostics: the rule's fix (from `Diagnostic.data`), "Ignore on
 * this line", "Ignore in this file" and "Show rule documentation".
 */
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { ignoreFileEdit, ignoreLineEdit } from '../engine/suppressions';
import { COMMAND_SHOW_RULE_DOCS } from '../protocol';
import type { OpenDocument } from './documents';
import { isWardData, SOURCE } from './toLsp';

export function codeActionsFor(params: CodeActionParams, entry: OpenDocument): CodeAction[] {
  const actions: CodeAction[] = [];
  const fixes: CodeAction[] = [];
  const uri = params.textDocument.uri;
  const text = entry.doc.getText();
  // Files without a grammar: the format's own comment; JSON has none (a baseline entry is the way there).
  const comment = entry.language?.lineComment ?? genericLineComment(uri);
  const seenRules = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE || !isWardData(diagnostic.data)) continue;
    const data = diagnostic.data;
    for (const fix of data.fixes) {
      fixes.push({
        title: `Ward: ${fix.title}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [uri]: fix.edits } },
      });
    }
    const key = `${data.ruleId}:${diagnostic.range.start.line}`;
    if (seenRules.has(key)) continue;
    seenRules.add(key);
    if (comment) {
      actions.push(ignoreLine(uri, text, diagnostic, data.ruleId, comment, entry));
      actions.push({
        title: `Ward: Ignore ${data.ruleId} in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [ignoreFileEdit(text, data.ruleId, comment)] } },
      });
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

function ignoreLine(uri: string, text: string, diagnostic: Diagnostic, ruleId: string, comment: string, entry: OpenDocument): CodeAction {
  const tree = entry.tree && !entry.treeStale ? entry.tree : undefined;
  return {
    title: `Ward: Ignore ${ruleId} on this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [ignoreLineEdit(text, diagnostic.range.start.line, ruleId, comment, tree)] } },
  };
}

/** The line comment of a config format Ward reads without a grammar; undefined when it has none. */
export function genericLineComment(uri: string): string | undefined {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)).toLowerCase();
  if (/\.(?:json|ipynb|jsonl)$/.test(name)) return undefined;
  if (/\.(?:jsonc|json5)$/.test(name)) return '//';
  if (/\.(?:xml|md|markdown|html?|svg|config|csproj|plist)$/.test(name)) return undefined; // <!-- --> needs a closing part
  return '#'; // .env, YAML, TOML, INI, .properties, Dockerfile, shell, Terraform, .npmrc, keys
}

'use strict';
/**
 * Shared helpers for the extension-host suite. Everything that touches the VS Code API goes
 * through `vscode()`, so this file (and index.js) can be loaded by plain Node; only running a
 * test outside VS Code fails, with a message that says so.
 */
const assert = require('node:assert/strict');
const path = require('node:path');

const EXTENSION_ID = 'ward-security.ward';
const SOURCE = 'Ward';
/** Per wait; mocha's per-test timeout (index.js) is a multiple of it. */
const TIMEOUT = Number(process.env.WARD_VSCODE_TIMEOUT_MS || 30000);
/** Prefix of the suite's output lines in VS Code for the Web (see index.js, runServer.mjs). */
const LOG_MARK = '[ward-test] ';

let api;
/** The `vscode` module, or a clear error when this runs outside VS Code's extension host. */
function vscode() {
  if (api) return api;
  try {
    api = require('vscode');
  } catch (e) {
    throw new Error(
      'test/vscode/suite runs inside VS Code\'s extension host (npm run test:vscode); the "vscode" module is not available in plain Node' +
        ` (${e && e.code ? e.code : e})`,
    );
  }
  return api;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value; throws with `what` (and `detail()`) after the timeout. */
async function waitFor(what, fn, { timeout = TIMEOUT, interval = 50, detail } = {}) {
  const end = Date.now() + timeout;
  let lastErr;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() >= end) break;
    await sleep(interval);
  }
  let extra = '';
  if (detail) {
    try {
      extra = `; ${await detail()}`;
    } catch {
      /* ignore */
    }
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}${lastErr ? ` (last error: ${lastErr.message})` : ''}${extra}`);
}

/** The workspace folder runTests.js made (a temporary copy of test/vscode/workspace). */
function workspaceRoot() {
  const folder = vscode().workspace.workspaceFolders && vscode().workspace.workspaceFolders[0];
  if (!folder) throw new Error('no workspace folder is open: runTests.js passes the temporary workspace as the first launch argument');
  return folder.uri;
}

function fileUri(rel) {
  return vscode().Uri.joinPath(workspaceRoot(), ...rel.split('/'));
}

function fsPath(rel) {
  return path.join(workspaceRoot().fsPath, ...rel.split('/'));
}

/** A diagnostic's code as a string (LSP codes with a docs link arrive as { value, target }). */
function codeOf(d) {
  if (d.code === undefined || d.code === null) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function wardDiagnostics(uri, ruleId) {
  return vscode()
    .languages.getDiagnostics(uri)
    .filter((d) => d.source === SOURCE && (!ruleId || codeOf(d) === ruleId));
}

function describeDiagnostics(uri) {
  const all = vscode().languages.getDiagnostics(uri);
  return `diagnostics of ${uri.path.split('/').pop()}: ${JSON.stringify(
    all.map((d) => ({ source: d.source, code: codeOf(d), range: fmtRange(d.range), message: d.message.slice(0, 60) })),
  )}`;
}

function fmtRange(r) {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/** The range of the first occurrence of `text` in `doc` (after `fromLine`, 0-based). */
function rangeOf(doc, text, fromLine = 0) {
  for (let line = fromLine; line < doc.lineCount; line++) {
    const col = doc.lineAt(line).text.indexOf(text);
    if (col >= 0) return new (vscode().Range)(line, col, line, col + text.length);
  }
  throw new Error(`\`${text}\` is not in ${doc.uri.path}`);
}

/** Waits for a Ward diagnostic of `ruleId` on `uri`, exactly at `range` when given. */
async function waitForDiagnostic(uri, ruleId, range) {
  return waitFor(
    `a Ward ${ruleId} diagnostic${range ? ` at ${fmtRange(range)}` : ''} on ${uri.path.split('/').pop()}`,
    () => wardDiagnostics(uri, ruleId).find((d) => !range || d.range.isEqual(range)),
    { detail: () => describeDiagnostics(uri) },
  );
}

/** Waits until `uri` has no Ward diagnostic of `ruleId` (on `line`, 0-based, when given). */
async function waitForNoDiagnostic(uri, ruleId, line) {
  return waitFor(
    `the ${ruleId} diagnostic${line !== undefined ? ` on line ${line + 1}` : ''} of ${uri.path.split('/').pop()} to go`,
    () => !wardDiagnostics(uri, ruleId).some((d) => line === undefined || d.range.start.line === line),
    { detail: () => describeDiagnostics(uri) },
  );
}

/** Opens a workspace file in an editor (as a user would) and returns the editor. */
async function openFile(rel) {
  const v = vscode();
  const doc = await v.workspace.openTextDocument(fileUri(rel));
  return v.window.showTextDocument(doc, { preview: false });
}

/** The Ward extension, activated. */
async function activateWard() {
  const ext = vscode().extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (is extensionDevelopmentPath the repo root?)`);
  await ext.activate();
  return ext;
}

/** A line in the test report (mocha's own console, so it gets the same treatment as the reporter). */
function log(...args) {
  require('mocha').reporters.Base.consoleLog(...args);
}

/** Text of a hover's contents (MarkdownString, MarkedString or plain string). */
function hoverText(hover) {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value ?? '')).join('\n');
}

/** Code actions VS Code's providers offer for `range` (titles; Commands count too). */
async function codeActions(uri, range) {
  return (await vscode().commands.executeCommand('vscode.executeCodeActionProvider', uri, range)) ?? [];
}

module.exports = {
  EXTENSION_ID,
  SOURCE,
  TIMEOUT,
  LOG_MARK,
  vscode,
  log,
  sleep,
  waitFor,
  workspaceRoot,
  fileUri,
  fsPath,
  codeOf,
  wardDiagnostics,
  describeDiagnostics,
  fmtRange,
  rangeOf,
  waitForDiagnostic,
  waitForNoDiagnostic,
  openFile,
  activateWard,
  hoverText,
  codeActions,
};

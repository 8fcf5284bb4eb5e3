'use strict';
/** Scenario 6: a vulnerable line typed into an unsaved buffer (and an untitled one) is flagged without saving. */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const h = require('./helpers');

describe('unsaved edits', function () {
  let vscode;
  before(async function () {
    vscode = h.vscode();
    await h.activateWard();
  });

  it('6a. a line inserted into typed.js is flagged while the buffer is dirty and the file on disk unchanged', async function () {
    const before = fs.readFileSync(h.fsPath('typed.js'), 'utf8');
    const editor = await h.openFile('typed.js');
    const doc = editor.document;
    const end = doc.lineAt(1).range.end; // after `function handler(req) {`
    assert.ok(await editor.edit((b) => b.insert(end, '\n  eval(req.query.code);')), 'the edit applied');
    const range = h.rangeOf(doc, 'req.query.code');
    assert.equal(range.start.line, 2);
    await h.waitForDiagnostic(doc.uri, 'js-eval-nonconstant', range);
    assert.ok(doc.isDirty, 'the buffer is unsaved');
    assert.equal(fs.readFileSync(h.fsPath('typed.js'), 'utf8'), before, 'the file on disk did not change');
  });

  it('6b. an untitled JavaScript buffer is checked too', async function () {
    const doc = await vscode.workspace.openTextDocument({ language: 'javascript', content: '' });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    assert.equal(doc.uri.scheme, 'untitled');
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), "const cp = require('child_process');\ncp.exec('ls ' + process.argv[2]);\n")));
    await h.waitForDiagnostic(doc.uri, 'js-child-process-exec', h.rangeOf(doc, "'ls ' + process.argv[2]"));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

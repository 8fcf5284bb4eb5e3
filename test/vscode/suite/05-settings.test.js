'use strict';
/** Scenario 8: adding a rule to ward.disabledRules (workspace settings) removes its diagnostics. */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const h = require('./helpers');

describe('settings', function () {
  let vscode;
  before(async function () {
    vscode = h.vscode();
    await h.activateWard();
  });

  after(async function () {
    await vscode.workspace.getConfiguration('ward').update('disabledRules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('8. ward.disabledRules: ["py-subprocess-shell-true"] removes the Python finding and keeps the TSX one', async function () {
    const py = (await h.openFile('app.py')).document.uri;
    const tsx = (await h.openFile('view.tsx')).document.uri;
    await h.waitForDiagnostic(py, 'py-subprocess-shell-true');
    await h.waitForDiagnostic(tsx, 'js-eval-nonconstant');

    await vscode.workspace.getConfiguration('ward').update('disabledRules', ['py-subprocess-shell-true'], vscode.ConfigurationTarget.Workspace);
    assert.match(fs.readFileSync(h.fsPath('.vscode/settings.json'), 'utf8'), /py-subprocess-shell-true/, 'the setting is in .vscode/settings.json');

    await h.waitForNoDiagnostic(py, 'py-subprocess-shell-true');
    assert.ok(h.wardDiagnostics(tsx, 'js-eval-nonconstant').length > 0, 'the view.tsx finding stays');
  });
});

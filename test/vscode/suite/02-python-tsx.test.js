'use strict';
/** Scenario 5: findings in a Python file and a .tsx file. */
const assert = require('node:assert/strict');
const h = require('./helpers');

describe('Python and TSX', function () {
  before(async function () {
    await h.activateWard();
  });

  it('5a. app.py: py-subprocess-shell-true on the command subprocess.run(…, shell=True) gets, "ls " + d', async function () {
    const editor = await h.openFile('app.py');
    assert.equal(editor.document.languageId, 'python');
    const range = h.rangeOf(editor.document, '"ls " + d');
    const d = await h.waitForDiagnostic(editor.document.uri, 'py-subprocess-shell-true', range);
    assert.equal(d.severity, h.vscode().DiagnosticSeverity.Warning);
  });

  it('5b. view.tsx: js-eval-nonconstant on the code eval gets, props.code', async function () {
    const editor = await h.openFile('view.tsx');
    assert.equal(editor.document.languageId, 'typescriptreact');
    const range = h.rangeOf(editor.document, 'props.code');
    const d = await h.waitForDiagnostic(editor.document.uri, 'js-eval-nonconstant', range);
    assert.equal(d.severity, h.vscode().DiagnosticSeverity.Warning);
  });
});

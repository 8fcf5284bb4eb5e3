'use strict';
/**
 * Scenarios 1–4 on exec.js: the diagnostic and its range, the hover, the execFile quick fix and
 * the "Ignore … on this line" action. The tests run in order and edit the same document.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const h = require('./helpers');

const RULE = 'js-child-process-exec';
// The squiggle is on the built command, not the whole call (docs/severity.md, issue 13).
const FIRST = "'ls ' + dir";
const SECOND = "'rm -rf ' + dir";

describe('JavaScript: exec.js', function () {
  let vscode;
  let editor;
  let uri;

  before(async function () {
    vscode = h.vscode();
    await h.activateWard();
    editor = await h.openFile('exec.js');
    uri = editor.document.uri;
  });

  it('1. reports js-child-process-exec from Ward exactly on the command both cp.exec calls build', async function () {
    const doc = editor.document;
    const first = h.rangeOf(doc, FIRST);
    const second = h.rangeOf(doc, SECOND);
    assert.equal(first.start.line, 3, 'fixture: the first call is on line 4');
    const d = await h.waitForDiagnostic(uri, RULE, first);
    await h.waitForDiagnostic(uri, RULE, second);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d.range.start.character, 10, 'Ln 4, Col 11');
    if (d.code && typeof d.code === 'object') assert.ok(d.code.target, 'the code links to the rule documentation');
    const stray = h.wardDiagnostics(uri).filter((x) => !x.range.isEqual(first) && !x.range.isEqual(second));
    assert.deepEqual(stray.map((x) => `${h.codeOf(x)} ${h.fmtRange(x.range)}`), [], 'no other Ward diagnostics in exec.js');
  });

  it('2. the hover explains the finding with CWE-78 and OWASP links, without repeating the diagnostic', async function () {
    const pos = new vscode.Position(3, 12);
    const text = await h.waitFor(
      'a hover with CWE-78',
      async () => {
        const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos)) ?? [];
        const t = hovers.map(h.hoverText).join('\n---\n');
        return t.includes('CWE-78') ? t : undefined;
      },
    );
    assert.match(text, /\[CWE-78\]\(https:\/\/cwe\.mitre\.org\/data\/definitions\/78\.html\)/);
    assert.match(text, /\[OWASP A03:2021 Injection\]\(https:\/\/owasp\.org\/Top10\/A03_2021-Injection\/\)/);
    assert.match(text, /\*\*Fix:\*\* /, 'the fix in one line');
    assert.doesNotMatch(text, /Data flow|Shell command built from/, 'no trace list, no repeated title');
  });

  it('3. offers "Run the program with execFile and an argument array"; applying it rewrites the call and the diagnostic goes', async function () {
    const doc = editor.document;
    const diag = await h.waitForDiagnostic(uri, RULE, h.rangeOf(doc, FIRST));
    const title = 'Ward: Run the program with execFile and an argument array';
    const actions = await h.waitFor(`the code action "${title}"`, async () => {
      const all = await h.codeActions(uri, diag.range);
      return all.some((a) => a.title === title) ? all : undefined;
    });
    const wardTitles = actions.map((a) => a.title).filter((t) => t.startsWith('Ward:'));
    const dupes = wardTitles.filter((t, i) => wardTitles.indexOf(t) !== i);
    assert.deepEqual(dupes, [], 'no duplicate Ward actions');
    const fix = actions.find((a) => a.title === title);
    assert.ok(fix.edit, 'the fix carries a workspace edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit succeeded');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.equal(doc.lineAt(3).text.trim(), "cp.execFile('ls', [dir], cb);");
    await h.waitForNoDiagnostic(uri, RULE, 3);
  });

  it('4. "Ignore js-child-process-exec on this line" writes the comment with <reason> selected; the typed reason replaces it and the diagnostic goes', async function () {
    const doc = editor.document;
    const diag = await h.waitForDiagnostic(uri, RULE, h.rangeOf(doc, SECOND));
    const line = diag.range.start.line;
    const title = `Ward: Ignore ${RULE} on this line`;
    const action = await h.waitFor(`the code action "${title}"`, async () => (await h.codeActions(uri, diag.range)).find((a) => a.title === title));
    assert.ok(await vscode.workspace.applyEdit(action.edit), 'applyEdit succeeded');
    assert.ok(action.command, 'the action selects the reason after its edit');
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    await h.waitFor('<reason> to be selected', () => vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection) === '<reason>');
    await vscode.commands.executeCommand('type', { text: 'only called with our own folders' });
    assert.equal(doc.lineAt(line).text.trim(), `// ward-ignore ${RULE} -- only called with our own folders`, 'the reason typed over the placeholder');
    assert.ok(doc.lineAt(line + 1).text.includes(SECOND), 'the call moved one line down');
    await h.waitFor('exec.js to have no Ward diagnostics', () => h.wardDiagnostics(uri).length === 0, {
      detail: () => h.describeDiagnostics(uri),
    });
    // Saving writes both edits to disk.
    assert.ok(await doc.save(), 'exec.js saved');
    const disk = fs.readFileSync(h.fsPath('exec.js'), 'utf8');
    assert.ok(disk.includes(`// ward-ignore ${RULE}`) && disk.includes("cp.execFile('ls', [dir], cb);"), 'both edits are on disk');
  });
});

'use strict';
/**
 * Scenarios 9 and 10: the secret actions. billing.js and config/keys.json hold Stripe-shaped
 * keys fixture.js makes up at run time.
 * 9. In code: "Add STRIPE_KEY to .env.example" creates the file with the name, never the value.
 * 10. In JSON (no comments): "Ignore: not a secret" runs the server command that adds the
 *     finding to .ward-baseline.json; the diagnostic goes.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const h = require('./helpers');

const RULE = 'secret-stripe-secret-key';

describe('secret actions', function () {
  let vscode;
  before(async function () {
    vscode = h.vscode();
    await h.activateWard();
  });

  it('9. billing.js: "Add STRIPE_KEY to .env.example" writes the name and not the key', async function () {
    const editor = await h.openFile('billing.js');
    const uri = editor.document.uri;
    const key = /'(sk_live_\w+)'/.exec(editor.document.getText())[1];
    const diag = await h.waitForDiagnostic(uri, RULE);
    const title = 'Ward: Add STRIPE_KEY to .env.example';
    const actions = await h.waitFor(`the code action "${title}"`, async () => {
      const all = await h.codeActions(uri, diag.range);
      return all.some((a) => a.title === title) ? all : undefined;
    });
    assert.ok(actions.some((a) => a.title === 'Ward: Read the secret from process.env.STRIPE_KEY'), `the env fix is offered too: ${actions.map((a) => a.title).join(' | ')}`);
    const add = actions.find((a) => a.title === title);
    assert.ok(await vscode.workspace.applyEdit(add.edit), 'applyEdit succeeded');
    const example = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('/.env.example'));
    const text = example ? example.getText() : fs.readFileSync(h.fsPath('.env.example'), 'utf8');
    assert.match(text, /^STRIPE_KEY=$/m);
    assert.ok(!text.includes(key) && !text.includes('sk_live_'), '.env.example holds no key');
  });

  it('10. config/keys.json: "Ignore: not a secret" adds a baseline entry and the diagnostic goes', async function () {
    const editor = await h.openFile('config/keys.json');
    const uri = editor.document.uri;
    const key = /"(sk_live_\w+)"/.exec(editor.document.getText())[1];
    const diag = await h.waitForDiagnostic(uri, RULE);
    const action = await h.waitFor('the "Ignore: not a secret" action', async () => (await h.codeActions(uri, diag.range)).find((a) => a.title.startsWith('Ward: Ignore: not a secret')));
    assert.ok(action.command, `a command, not a comment edit, in JSON: ${JSON.stringify(action)}`);
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    await h.waitForNoDiagnostic(uri, RULE);
    const baseline = fs.readFileSync(h.fsPath('.ward-baseline.json'), 'utf8');
    assert.match(baseline, new RegExp(RULE));
    assert.ok(!baseline.includes(key), 'the baseline holds no key');
  });
});

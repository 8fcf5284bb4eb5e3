'use strict';
/**
 * Scenario 7: "Ward: Scan Workspace" (ward.scanWorkspace) fills diagnostics for files never
 * opened: scripts/deploy.js and .env (a Stripe-shaped key runTests.js makes up at run time),
 * and leaves the git-ignored generated/bad.js alone.
 */
const assert = require('node:assert/strict');
const h = require('./helpers');

const COMMAND = 'ward.scanWorkspace';

describe('workspace scan', function () {
  let vscode;
  before(async function () {
    vscode = h.vscode();
    await h.activateWard();
  });

  it('7. ward.scanWorkspace reports findings in never-opened files (.env secret too), not in git-ignored ones', async function () {
    const manifest = vscode.extensions.getExtension(h.EXTENSION_ID).packageJSON;
    const contributed = (manifest.contributes?.commands ?? []).some((c) => c.command === COMMAND);
    const registered = (await vscode.commands.getCommands(true)).includes(COMMAND);
    if (!contributed || !registered) {
      h.log(`      skipped: the command ${COMMAND} is ${contributed ? 'contributed but not registered by the extension' : 'not contributed in package.json'}`);
      this.skip();
    }
    const deploy = h.fileUri('scripts/deploy.js');
    const env = h.fileUri('.env');
    const bad = h.fileUri('generated/bad.js');
    const open = vscode.workspace.textDocuments.map((d) => d.uri.toString());
    assert.ok(!open.includes(deploy.toString()) && !open.includes(env.toString()), 'deploy.js and .env were never opened');

    await vscode.commands.executeCommand(COMMAND);

    const call = await h.waitForDiagnostic(deploy, 'js-child-process-exec');
    assert.equal(call.range.start.line, 3, 'deploy.js: the exec call on line 4');
    await h.waitForDiagnostic(env, 'secret-stripe-secret-key');
    assert.deepEqual(h.wardDiagnostics(bad).map(h.codeOf), [], 'nothing from the git-ignored generated/bad.js');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === deploy.toString()), 'the scan did not open deploy.js');
  });
});

'use strict';
/**
 * Entry point VS Code's extension host calls (`--extensionTestsPath`): runs the *.test.js files
 * next to it with mocha, in name order (the scenarios share one workspace and build on each
 * other: 01 edits exec.js, 04 must run before anything opens scripts/deploy.js).
 *
 * Loading this file needs only mocha; `run()` checks it is inside VS Code before loading tests.
 * Environment (desktop runs): WARD_VSCODE_TIMEOUT_MS (per wait, default 30000), WARD_VSCODE_GREP.
 *
 * In VS Code for the Web (code-server, runServer.mjs) the extension host's console reaches the
 * runner mixed with the workbench's own log, so the reporter's lines carry the LOG_MARK prefix
 * the runner prints and strips.
 */
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const Mocha = require('mocha');
const { TIMEOUT, LOG_MARK, vscode } = require('./helpers');

async function run() {
  // Fails with a clear message when this is not VS Code's extension host.
  const api = vscode();
  const web = api.env.uiKind === api.UIKind.Web;
  if (web) {
    const log = console.log.bind(console);
    Mocha.reporters.Base.consoleLog = (...args) => log(LOG_MARK + util.format(...args));
  }
  const mocha = new Mocha({
    ui: 'bdd',
    color: true,
    // Per test/hook; each wait inside has its own TIMEOUT.
    timeout: Math.max(TIMEOUT * 3, 60000),
    grep: process.env.WARD_VSCODE_GREP || undefined,
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} Ward extension-host test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}

module.exports = { run };

#!/usr/bin/env node
'use strict';
/**
 * `npm run test:vscode`: the end-to-end scenarios of test/e2e/run.mjs, written against the VS Code
 * API and run by mocha inside a desktop VS Code's extension host (@vscode/test-electron).
 *
 * Needs a desktop VS Code: downloaded by @vscode/test-electron (network access to
 * update.code.visualstudio.com) into WARD_VSCODE_CACHE (default ~/.cache/ward-vscode-test), or an
 * installed one given as WARD_VSCODE_EXECUTABLE. On Linux without a display run it under
 * `xvfb-run -a`. The extension is loaded from the repo root (dist/ must be built; the npm script
 * builds first). Exit code: 0 all passed; 1 a test failed, or VS Code could not be downloaded or
 * started.
 *
 * Environment: WARD_VSCODE_VERSION (default "stable"), WARD_VSCODE_EXECUTABLE, WARD_VSCODE_CACHE,
 * WARD_VSCODE_TIMEOUT_MS (per wait, default 30000), WARD_VSCODE_GREP (run only matching tests),
 * WARD_VSCODE_KEEP=1 (keep the temporary workspace; its path is printed).
 * Without VS Code here, the same suite runs in code-server: npm run test:vscode:server.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO, SUITE, makeTempSetup, checkBuilt } = require('./fixture');

async function main() {
  const missing = checkBuilt();
  if (missing) {
    console.error(`test:vscode: ${missing} (npm run test:vscode does).`);
    return 1;
  }
  const { runTests, downloadAndUnzipVSCode } = require('@vscode/test-electron');
  const tmp = makeTempSetup();
  const executable = process.env.WARD_VSCODE_EXECUTABLE;
  const version = process.env.WARD_VSCODE_VERSION || 'stable';
  const cachePath = process.env.WARD_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'ward-vscode-test');
  let phase = executable ? 'start' : 'download';
  try {
    if (!executable) fs.mkdirSync(cachePath, { recursive: true });
    // Downloaded separately first, so a network failure gets its own clear message.
    const vscodeExecutablePath = executable || (await downloadAndUnzipVSCode({ version, cachePath, timeout: 30000 }));
    phase = 'start';
    console.log(`test:vscode: ${vscodeExecutablePath}\n  workspace ${tmp.workspace}`);
    const code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO,
      extensionTestsPath: SUITE,
      // runTests itself adds --no-sandbox, --disable-gpu-sandbox, --disable-updates, --skip-welcome,
      // --skip-release-notes and --disable-workspace-trust.
      launchArgs: [
        tmp.workspace,
        // Every other extension off (built-in language support stays; Ward loads as the development extension).
        '--disable-extensions',
        '--disable-workspace-trust',
        '--user-data-dir', tmp.userData,
        '--extensions-dir', tmp.extensions,
        '--disable-gpu',
      ],
      extensionTestsEnv: {
        WARD_VSCODE_TIMEOUT_MS: process.env.WARD_VSCODE_TIMEOUT_MS,
        WARD_VSCODE_GREP: process.env.WARD_VSCODE_GREP,
      },
    });
    return code === 0 ? 0 : 1;
  } catch (e) {
    const msg = String((e && e.message) || e);
    if (phase === 'download') {
      console.error(
        `test:vscode: could not download VS Code ${version} (${msg.split('\n')[0]}).\n` +
          '  This suite needs a desktop VS Code: network access to update.code.visualstudio.com, or an installed\n' +
          '  VS Code given as WARD_VSCODE_EXECUTABLE=/path/to/code. Without either, run the same suite in\n' +
          '  code-server: npm run test:vscode:server.',
      );
    } else if (e && e.name === 'TestRunFailedError') {
      console.error(`test:vscode: the extension-host tests failed (${msg})`);
    } else {
      console.error(`test:vscode: could not run VS Code: ${(e && e.stack) || msg}`);
    }
    return 1;
  } finally {
    if (process.env.WARD_VSCODE_KEEP) console.log(`kept ${tmp.root}`);
    else fs.rmSync(tmp.root, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

#!/usr/bin/env node
/**
 * `npm run test:vscode:server`: the extension-host suite of test/vscode/suite (the same mocha
 * tests `npm run test:vscode` runs in desktop VS Code) run in code-server's VS Code server, for
 * machines where desktop VS Code cannot be downloaded. Uses the tools scripts/e2e-setup.sh
 * installs (code-server 4.139.1, Node 24, Chromium, playwright-core in WARD_E2E_CACHE).
 *
 * How: VS Code for the Web takes extensionDevelopmentPath/extensionTestsPath from the `payload`
 * query parameter of the workbench URL, but a built workbench honours it only when the server
 * runs with `enable-smoke-test-driver` (code-server passes it through with
 * `--vscode-option enable-smoke-test-driver`; code-server's own CLI has no
 * --extensionDevelopmentPath/--extensionTestsPath). The paths are vscode-remote:// URIs on the
 * server, so Ward loads from the repo root (dist/ must be built) into the server's Node extension
 * host, which runs suite/index.js. Headless Chromium only hosts the workbench: it opens the URL
 * and receives the test output (`codeAutomationLog`) and the exit code (`codeAutomationExit`),
 * the hooks @vscode/test-web uses. Nothing is clicked.
 *
 * Environment: WARD_E2E_CACHE, WARD_E2E_CHROMIUM (as for test/e2e/run.mjs), WARD_VSCODE_TIMEOUT_MS
 * (per wait inside the tests, default 30000), WARD_VSCODE_GREP (only matching tests),
 * WARD_VSCODE_RUN_TIMEOUT_MS (whole run, default 600000), WARD_VSCODE_KEEP=1 (keep the temporary
 * folders), WARD_VSCODE_EXTENSION_PATH (extension folder, default the repo root).
 * Exit code 0 when every test passed, 1 otherwise. On failure the workbench, extension-host and
 * code-server logs go to test-results/vscode-server/.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { format } from 'node:util';

const require = createRequire(import.meta.url);
const { REPO, SUITE, makeTempSetup, checkBuilt } = require('./fixture.js');
const { LOG_MARK } = require('./suite/helpers.js');

const CACHE = process.env.WARD_E2E_CACHE || join(homedir(), '.cache', 'ward-e2e');
const NODE24_BIN = join(CACHE, 'node24', 'node_modules', 'node', 'bin');
const CODE_SERVER = join(CACHE, 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.WARD_E2E_CHROMIUM || '/usr/bin/chromium';
const EXTENSION = resolve(process.env.WARD_VSCODE_EXTENSION_PATH || REPO);
const RUN_TIMEOUT = Number(process.env.WARD_VSCODE_RUN_TIMEOUT_MS || 600000);
const OUT = join(REPO, 'test-results', 'vscode-server');

let serverProc;
let browser;
let tmp;

function killServer() {
  if (serverProc && serverProc.exitCode === null && serverProc.signalCode === null) {
    const pid = serverProc.pid;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 1500).unref();
  }
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killServer();
    process.exit(130);
  });
}
process.on('exit', killServer);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function main() {
  const missing = checkBuilt(EXTENSION);
  if (missing) throw new Error(`${missing} (npm run test:vscode:server does)`);
  for (const [what, p] of [
    ['code-server', CODE_SERVER],
    ['node 24', join(NODE24_BIN, 'node')],
    ['chromium', CHROMIUM],
    ['playwright-core', join(CACHE, 'playwright', 'node_modules', 'playwright-core', 'package.json')],
  ]) {
    if (!existsSync(p)) throw new Error(`${what} not found at ${p}: run scripts/e2e-setup.sh first`);
  }
  const { chromium } = createRequire(join(CACHE, 'playwright', 'package.json'))('playwright-core');

  tmp = makeTempSetup('ward-vscode-server-');
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const logFile = join(tmp.root, 'code-server.log');
  const workbenchLog = join(tmp.root, 'workbench.log');
  const env = { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}` };
  delete env.VSCODE_IPC_HOOK_CLI;
  // The extension host is a child of the server, so the suite's settings reach it this way.
  for (const k of ['WARD_VSCODE_TIMEOUT_MS', 'WARD_VSCODE_GREP']) if (process.env[k]) env[k] = process.env[k];

  const t0 = Date.now();
  serverProc = spawn(
    CODE_SERVER,
    [
      '--auth', 'none',
      '--bind-addr', authority,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', tmp.userData,
      '--extensions-dir', tmp.extensions,
      // Makes the built workbench honour the extension-development entries of `payload`.
      '--vscode-option', 'enable-smoke-test-driver',
      tmp.workspace,
    ],
    { env, detached: true, stdio: ['ignore', openSync(logFile, 'a'), openSync(logFile, 'a')] },
  );
  for (let end = Date.now() + 60000; ; ) {
    if (serverProc.exitCode !== null) throw new Error(`code-server exited: ${readFileSync(logFile, 'utf8')}`);
    const r = await fetch(`http://${authority}/healthz`).catch(() => undefined);
    if (r?.ok) break;
    if (Date.now() > end) throw new Error(`code-server did not listen on ${authority} within 60 s`);
    await sleep(200);
  }

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await (await browser.newContext()).newPage();
  const workbenchLines = [];
  let exit;
  const exited = new Promise((r) => (exit = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    // The extension host's console arrives mixed with the workbench log; the suite marks its lines.
    const at = line.indexOf(LOG_MARK);
    if (at >= 0) console.log(line.slice(at + LOG_MARK.length));
    else workbenchLines.push(`[${type}] ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => exit({ code, logs }));
  page.on('crash', () => exit({ code: 'the page crashed' }));
  serverProc.on('exit', (code, signal) => exit({ code: `code-server exited (${code ?? signal})` }));

  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${EXTENSION}`],
    ['extensionTestsPath', `vscode-remote://${authority}${SUITE}`],
  ];
  const url = `http://${authority}/?folder=${encodeURIComponent(tmp.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`test:vscode:server: code-server on ${authority}, extension ${EXTENSION}`);
  await page.goto(url);

  let timer;
  const result = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r({ code: 'timeout' }), RUN_TIMEOUT)))]);
  clearTimeout(timer);
  writeFileSync(workbenchLog, workbenchLines.join('\n'));
  const ok = result.code === 0;
  if (!ok) {
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'FAILED.png') }).catch(() => undefined);
    cpSync(logFile, join(OUT, 'code-server.log'));
    cpSync(workbenchLog, join(OUT, 'workbench.log'));
    // The server side: the Node extension host (Ward's output channel included) and the server.
    if (existsSync(join(tmp.userData, 'logs'))) cpSync(join(tmp.userData, 'logs'), join(OUT, 'server-logs'), { recursive: true });
    for (const l of result.logs ?? []) {
      const dest = join(OUT, 'logs', l.relativePath);
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, l.contents);
    }
    if (result.code === 'timeout') {
      console.log(
        `test:vscode:server: no result after ${RUN_TIMEOUT / 1000} s. If no test line was printed, the workbench ignored the ` +
          'payload (needs --vscode-option enable-smoke-test-driver) or the extension host did not start; see test-results/vscode-server/.',
      );
    } else {
      console.log(`test:vscode:server: ${typeof result.code === 'number' ? `the extension host exited with code ${result.code}` : result.code}; logs in test-results/vscode-server/`);
    }
  }
  console.log(`test:vscode:server: ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return ok;
}

let ok = false;
try {
  rmSync(OUT, { recursive: true, force: true });
  ok = await main();
} catch (e) {
  console.log(`test:vscode:server could not run: ${e.stack ?? e}`);
} finally {
  await browser?.close().catch(() => undefined);
  killServer();
  if (tmp && process.env.WARD_VSCODE_KEEP) console.log(`kept ${tmp.root}`);
  else if (tmp) {
    await sleep(300);
    rmSync(tmp.root, { recursive: true, force: true });
  }
}
process.exit(ok ? 0 : 1);

#!/usr/bin/env node
/**
 * End-to-end suite: Ward packaged as a VSIX, installed into a real VS Code (code-server, i.e.
 * VS Code served to a browser) and driven through headless Chromium with playwright-core.
 *
 * Needs the tools scripts/e2e-setup.sh installs (into WARD_E2E_CACHE, default ~/.cache/ward-e2e).
 * Usage: node test/e2e/run.mjs [--no-package] [--keep] [--only N[,N]] [--headed] [--readme-screenshot]
 *   --no-package  use the existing ward.vsix in the repo root instead of running `npm run package`
 *   --keep        keep the temporary workspace / user-data folders (their path is printed)
 *   --only 1,3    run only these scenarios (the others are reported as skipped)
 *   --readme-screenshot  also write the cropped hover picture of scenario 2 to docs/screenshot.png
 * Screenshots of every step go to test-results/e2e/. The last line is `N passed, N failed`;
 * the exit code is 1 when a scenario failed or the suite could not start.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = process.env.WARD_E2E_CACHE || join(homedir(), '.cache', 'ward-e2e');
const NODE24_BIN = join(CACHE, 'node24', 'node_modules', 'node', 'bin');
const CODE_SERVER = join(CACHE, 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.WARD_E2E_CHROMIUM || '/usr/bin/chromium';
const OUT = join(REPO, 'test-results', 'e2e');
const VSIX = join(REPO, 'ward.vsix');

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const onlyArg = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const ONLY = onlyArg ? new Set(onlyArg.split(',').map((s) => Number(s))) : undefined;
const KEEP = flag('--keep');
const HEADED = flag('--headed');
const TIMEOUT = Number(process.env.WARD_E2E_TIMEOUT_MS || 30000);
const isMac = process.platform === 'darwin';
const MOD = isMac ? 'Meta' : 'Control';

// ---------------------------------------------------------------------------------------------
// Process handling: code-server runs in its own process group, which is always ended.

let serverProc;
let browser;
let tmpRoot;

function killServer() {
  if (serverProc && serverProc.exitCode === null && serverProc.signalCode === null) {
    try {
      process.kill(-serverProc.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const pid = serverProc.pid;
    // Make sure helper processes that ignore SIGTERM go too.
    setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 1500).unref();
  }
}

async function cleanup() {
  try {
    await browser?.close();
  } catch {
    /* ignore */
  }
  killServer();
  if (tmpRoot && !KEEP) {
    // Give code-server a moment to let go of its files before removing them.
    await sleep(300);
    rmSync(tmpRoot, { recursive: true, force: true });
  } else if (tmpRoot) {
    console.log(`kept ${tmpRoot}`);
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

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  }
  return r.stdout;
}

/** Polls `fn` until it returns a truthy value; throws with `what` after the timeout. */
async function waitFor(what, fn, timeout = TIMEOUT, interval = 100) {
  const end = Date.now() + timeout;
  let last;
  let lastErr;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      if (e.fatal) throw e;
      lastErr = e;
    }
    await sleep(interval);
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}${lastErr ? ` (last error: ${lastErr.message})` : ''}`);
}

// ---------------------------------------------------------------------------------------------
// The workspace the scenarios open.

const FILES = {
  'exec.js': [
    "const cp = require('child_process');",
    '',
    'function list(dir, cb) {',
    "  cp.exec('ls ' + dir, cb);",
    '}',
    '',
    'function remove(dir, cb) {',
    "  cp.exec('rm -rf ' + dir, cb);",
    '}',
    '',
    'module.exports = { list, remove };',
    '',
  ].join('\n'),
  'app.py': ['import subprocess', '', '', 'def run(d):', '    subprocess.run("ls " + d, shell=True)', ''].join('\n'),
  'view.tsx': [
    'export function View(props: { code: string }) {',
    '  const value = eval(props.code);',
    '  return <div>{value}</div>;',
    '}',
    '',
  ].join('\n'),
  'Users.java': [
    'import java.sql.Connection;',
    'import java.sql.ResultSet;',
    'import java.sql.SQLException;',
    'import java.sql.Statement;',
    'import javax.servlet.http.HttpServlet;',
    'import javax.servlet.http.HttpServletRequest;',
    'import javax.servlet.http.HttpServletResponse;',
    '',
    'class Users extends HttpServlet {',
    '    private Connection conn;',
    '',
    '    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws SQLException {',
    '        String name = request.getParameter("name");',
    '        Statement st = conn.createStatement();',
    '        ResultSet rs = st.executeQuery("SELECT * FROM users WHERE name = \'" + name + "\'");',
    '        rs.close();',
    '    }',
    '}',
    '',
  ].join('\n'),
  '.github/workflows/triage.yml': [
    'name: triage',
    'on:',
    '  issues:',
    '    types: [opened]',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  greet:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - name: greet',
    '        run: echo "New issue ${{ github.event.issue.title }}"',
    '',
  ].join('\n'),
  'orders.go': [
    'package main',
    '',
    'import (',
    '\t"database/sql"',
    '\t"net/http"',
    '',
    '\t_ "github.com/lib/pq"',
    ')',
    '',
    'var db *sql.DB',
    '',
    'func orders(w http.ResponseWriter, r *http.Request) {',
    '\tid := r.URL.Query().Get("id")',
    '\trows, err := db.Query("SELECT * FROM orders WHERE id = \'" + id + "\'")',
    '\tif err != nil {',
    '\t\thttp.Error(w, "lookup failed", http.StatusInternalServerError)',
    '\t\treturn',
    '\t}',
    '\trows.Close()',
    '}',
    '',
  ].join('\n'),
  'typed.js': ['// Lines typed by the e2e suite go below.', 'function handler(req) {', '  return req.query.id;', '}', ''].join('\n'),
  // Never opened: only the workspace scan (scenario 7) reports them.
  'scripts/deploy.js': ["const { exec } = require('child_process');", '', 'function deploy(branch) {', "  exec('git checkout ' + branch);", '}', '', 'module.exports = { deploy };', ''].join('\n'),
  // A Stripe-shaped key made up at run time, never committed as a real-looking value.
  '.env': `DB_HOST=localhost\nSTRIPE_SECRET_KEY=sk_live_${Array.from({ length: 24 }, () => 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'[Math.floor(Math.random() * 56)]).join('')}\n`,
  '.gitignore': 'generated/\n',
  'generated/bad.js': ["require('child_process').exec('rm -rf ' + process.argv[2]);", ''].join('\n'),
};

// Editor settings that keep the UI deterministic (no IntelliSense popups eating keys, no
// auto-closing brackets, no built-in TypeScript diagnostics mixing with Ward's squiggles).
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.parameterHints.enabled': false,
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoSurround': 'never',
  'editor.formatOnType': false,
  'editor.hover.delay': 200,
  'editor.lightbulb.enabled': 'off',
  'files.autoSave': 'off',
  'javascript.validate.enable': false,
  'typescript.validate.enable': false,
  'javascript.suggestionActions.enabled': false,
  'typescript.suggestionActions.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
};

// ---------------------------------------------------------------------------------------------
// Page helpers: everything is read from the DOM a user sees.

/**
 * The active editor's visible lines and squiggles. For each squiggle: its line number, its
 * severity class and the text under it (characters whose centre lies inside the squiggle).
 */
async function editorState(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .editor-container .monaco-editor');
    if (!editor) return undefined;
    const norm = (s) => s.replace(/\u00a0/g, ' ');
    const lineEls = [...editor.querySelectorAll('.view-lines .view-line')];
    const lines = lineEls
      .map((el) => ({ el, rect: el.getBoundingClientRect(), text: norm(el.textContent ?? '') }))
      .sort((a, b) => a.rect.top - b.rect.top);
    const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((el) => ({
      n: Number(el.textContent),
      top: el.getBoundingClientRect().top,
    }));
    const lineNumberAt = (top) => numbers.find((x) => Math.abs(x.top - top) < 3)?.n;
    const squiggles = [...editor.querySelectorAll('.view-overlays [class*="squiggly-"]')].map((sq) => {
      const r = sq.getBoundingClientRect();
      const line = lines.find((l) => Math.abs(l.rect.top - r.top) < 3 || (r.top >= l.rect.top && r.top < l.rect.bottom));
      let covered = '';
      if (line) {
        const walker = document.createTreeWalker(line.el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.data.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const cr = range.getBoundingClientRect();
            const mid = cr.left + cr.width / 2;
            if (mid > r.left && mid < r.right) covered += node.data[i];
          }
        }
      }
      const severity = /squiggly-(error|warning|info|hint)/.exec(sq.className)?.[1] ?? sq.className;
      return {
        line: line ? lineNumberAt(line.rect.top) : undefined,
        severity,
        covered: norm(covered),
        rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      };
    });
    return {
      lines: lines.map((l) => ({ n: lineNumberAt(l.rect.top), text: l.text })),
      text: lines.map((l) => l.text).join('\n'),
      squiggles: squiggles.filter((s) => s.severity !== 'hint' && !/unnecessary/.test(s.severity)),
    };
  });
}

async function activeTabLabel(page) {
  return page.evaluate(() => document.querySelector('.editor-group-container.active .tab.active')?.textContent?.trim());
}

/** Opens a workspace file with Quick Open (Ctrl+P), as a user would. */
async function openFile(page, name) {
  const already = await activeTabLabel(page);
  if (already && already.startsWith(name.split('/').pop())) return;
  await page.keyboard.press(`${MOD}+KeyP`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(name);
  // Wait until the *selected* row is the file (the list first shows recently opened files).
  const base = name.split('/').pop();
  await waitFor(`quick open to select ${name}`, async () =>
    page.evaluate(
      (n) => [...document.querySelectorAll('.quick-input-widget .monaco-list-row.focused')].some((r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').includes(n)),
      base,
    ),
  );
  await page.keyboard.press('Enter');
  await waitFor(`the editor tab for ${name}`, async () => (await activeTabLabel(page))?.startsWith(base));
  await waitFor(`the text of ${name}`, async () => (await editorState(page))?.lines.length > 0);
}

function squigglesOnLine(state, line) {
  return state.squiggles.filter((s) => s.line === line);
}

/** Waits until the squiggle on `line` covers exactly `covered`. */
async function waitForSquiggle(page, line, covered, severity) {
  return waitFor(`a squiggle on line ${line} under \`${covered}\``, async () => {
    const st = await editorState(page);
    const hit = st && squigglesOnLine(st, line).find((s) => s.covered === covered && (!severity || s.severity === severity));
    return hit;
  }).catch(async (e) => {
    const st = await editorState(page);
    throw new Error(`${e.message}; squiggles now: ${JSON.stringify(st?.squiggles.map(({ line: l, severity: s, covered: c }) => ({ l, s, c })))}`);
  });
}

async function waitForNoSquiggleOnLine(page, line, what = `the squiggle on line ${line} to go`) {
  return waitFor(what, async () => {
    const st = await editorState(page);
    return st && squigglesOnLine(st, line).length === 0 ? st : undefined;
  });
}

/** Clicks into the text of `line` at `column` (1-based), which moves the cursor there. */
async function clickAt(page, line, column) {
  const target = await charPoint(page, line, column);
  await page.mouse.click(target.x, target.y);
  return target;
}

/** The screen point of the character at `line`, `column` (1-based). */
async function charPoint(page, line, column) {
  const target = await page.evaluate(
    ({ line, column }) => {
      const editor = document.querySelector('.editor-group-container.active .editor-container .monaco-editor');
      const nums = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')];
      const num = nums.find((el) => Number(el.textContent) === line);
      if (!num) return undefined;
      const top = num.getBoundingClientRect().top;
      const lineEl = [...editor.querySelectorAll('.view-lines .view-line')].find((el) => Math.abs(el.getBoundingClientRect().top - top) < 3);
      if (!lineEl) return undefined;
      const walker = document.createTreeWalker(lineEl, NodeFilter.SHOW_TEXT);
      let i = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let k = 0; k < node.data.length; k++, i++) {
          if (i === column - 1) {
            const range = document.createRange();
            range.setStart(node, k);
            range.setEnd(node, k + 1);
            const r = range.getBoundingClientRect();
            return { x: r.left + 1, y: r.top + r.height / 2 };
          }
        }
      }
      return undefined;
    },
    { line, column },
  );
  if (!target) throw new Error(`line ${line} column ${column} is not visible`);
  return target;
}

/** Opens the quick-fix menu (Ctrl+.) at the cursor and returns the titles it offers. */
let quickFixRetries = 0;
async function openQuickFix(page) {
  const menu = async () => {
    const items = await page.evaluate(() =>
      [...document.querySelectorAll('.action-widget .monaco-list-row')]
        .filter((r) => r.offsetParent !== null)
        .map((r) => r.getAttribute('aria-label') || r.textContent?.trim() || ''),
    );
    return items.length > 0 ? items : undefined;
  };
  // Ctrl+. waits for every code-action provider (the built-in TypeScript one too); while the
  // TS server is still starting, the first request can be dropped, so ask again a few times.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(`${MOD}+Period`);
    try {
      return await waitFor('the quick-fix menu (Ctrl+.)', menu, attempt < 3 ? 8000 : TIMEOUT);
    } catch (e) {
      if (attempt >= 3) throw e;
      quickFixRetries++;
      await page.keyboard.press('Escape');
    }
  }
}

async function chooseQuickFix(page, title) {
  const row = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: TIMEOUT });
  await row.click();
  await waitFor('the quick-fix menu to close', async () => (await page.locator('.action-widget .monaco-list-row:visible').count()) === 0);
}

/** Opens the Problems panel (Ctrl+Shift+M) and returns the text of its rows. */
async function problems(page) {
  const visible = await page.locator('.markers-panel').isVisible().catch(() => false);
  if (!visible) await page.keyboard.press(`${MOD}+Shift+KeyM`);
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: TIMEOUT });
  return page.evaluate(() =>
    [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => (r.getAttribute('aria-label') || '') + ' | ' + (r.textContent ?? '')),
  );
}

/**
 * The Problems rows, scrolled through: the panel's list only holds the rows on screen, and a
 * workspace with more files than fit puts some below the fold.
 */
async function allProblems(page) {
  const rows = new Set(await problems(page));
  const box = await page.locator('.markers-panel').boundingBox();
  if (!box) return [...rows];
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 150);
    await new Promise((resolve) => setTimeout(resolve, 60));
    for (const r of await problems(page)) rows.add(r);
  }
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -1000);
  return [...rows];
}

async function waitForProblem(page, what, pred) {
  return waitFor(what, async () => {
    const rows = await problems(page);
    return rows.find(pred) ?? (await allProblems(page)).find(pred);
  }).catch(async (e) => {
    const rows = await problems(page).catch(() => []);
    throw new Error(`${e.message}; Problems panel rows: ${JSON.stringify(rows)}`);
  });
}

/** Hovers the mouse over a squiggle (near its start, or at `at`) and waits for the hover containing `text`. */
async function hoverSquiggle(page, squiggle, text, at) {
  const x = at ? at.x + 2 : squiggle.rect.x + Math.min(squiggle.rect.width / 2, 40);
  const y = at ? at.y : squiggle.rect.y + squiggle.rect.height / 2;
  await page.mouse.move(x - 30, y + 30);
  await page.mouse.move(x, y, { steps: 4 });
  return waitFor(`a hover containing ${text}`, async () => {
    const t = await page.evaluate(() =>
      [...document.querySelectorAll('.monaco-hover')]
        .filter((h) => h.offsetParent !== null && !h.classList.contains('hidden'))
        .map((h) => h.textContent ?? '')
        .join('\n'),
    );
    return t.includes(text) ? t : undefined;
  });
}

async function closePanel(page) {
  const hidden = async () => !(await page.locator('.markers-panel').isVisible().catch(() => false));
  if (await hidden()) return;
  // Ctrl+Shift+M hides the panel when it has the focus; otherwise it only focuses it.
  await page.keyboard.press(`${MOD}+Shift+KeyM`);
  if (await waitFor('the Problems panel to close', hidden, 3000).catch(() => false)) return;
  await page.keyboard.press(`${MOD}+Shift+KeyM`);
  await waitFor('the Problems panel to close', hidden);
}

/** Runs a command from the command palette (F1), as a user would. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`>${title}`);
  await waitFor(`the command palette to select "${title}"`, async () =>
    page.evaluate(
      (t) => [...document.querySelectorAll('.quick-input-widget .monaco-list-row.focused')].some((r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').includes(t)),
      title,
    ),
  );
  await page.keyboard.press('Enter');
}

/** The text of the visible notification toasts. */
async function toasts(page) {
  return page.evaluate(() => [...document.querySelectorAll('.notifications-toasts .notification-toast')].filter((e) => e.offsetParent !== null).map((e) => e.textContent ?? ''));
}

/**
 * The counts a status bar item shows next to its $(error), $(warning) and $(info) icons:
 * `which` is 'ward' (Ward's item) or 'vscode' (VS Code's own Problems item, status.problems).
 */
async function statusCounts(page, which) {
  return page.evaluate((which) => {
    const items = [...document.querySelectorAll('.statusbar-item')];
    const el = which === 'vscode' ? document.getElementById('status.problems') : items.find((e) => /\bWard\b/.test(e.textContent ?? '') && !e.id.includes('problems'));
    if (!el) return undefined;
    const counts = { errors: 0, warnings: 0, infos: 0 };
    const key = { error: 'errors', warning: 'warnings', info: 'infos' };
    for (const icon of el.querySelectorAll('.codicon')) {
      const kind = /codicon-(error|warning|info)\b/.exec(icon.className)?.[1];
      if (!kind) continue;
      let text = '';
      for (let n = icon.nextSibling; n && !(n.nodeType === 1 && n.classList.contains('codicon')); n = n.nextSibling) text += n.textContent ?? '';
      const m = /\d+/.exec(text);
      if (m) counts[key[kind]] = Number(m[0]);
    }
    return counts;
  }, which);
}

/** Waits until Ward's status bar item shows the same counts as VS Code's Problems item. */
async function waitForSameCounts(page, what) {
  let last;
  return waitFor(what, async () => {
    const ward = await statusCounts(page, 'ward');
    const vscode = await statusCounts(page, 'vscode');
    last = { ward, vscode };
    return ward && vscode && JSON.stringify(ward) === JSON.stringify(vscode) ? ward : undefined;
  }).catch((e) => {
    throw new Error(`${e.message}; status bar: ${JSON.stringify(last)}`);
  });
}

async function focusEditor(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${MOD}+Digit1`);
}

// ---------------------------------------------------------------------------------------------
// Scenarios.

const EXEC_LINE = 4;
const EXEC2_LINE = 8;

const scenarios = [
  {
    n: 1,
    name: 'JS child_process.exec: squiggle on the built command and a Problems entry (Ward, js-child-process-exec)',
    async run(page, shot) {
      await openFile(page, 'exec.js');
      // A shell command built from a parameter, no proven source: a warning (docs/severity.md).
      const sq = await waitForSquiggle(page, EXEC_LINE, "'ls ' + dir", 'warning');
      await waitForSquiggle(page, EXEC2_LINE, "'rm -rf ' + dir", 'warning');
      const st = await editorState(page);
      const stray = st.squiggles.filter((s) => s.line !== EXEC_LINE && s.line !== EXEC2_LINE);
      if (stray.length) throw new Error(`unexpected squiggles: ${JSON.stringify(stray)}`);
      const row = await waitForProblem(
        page,
        'a Problems row for js-child-process-exec from Ward at Ln 4, Col 11',
        (r) => r.includes('js-child-process-exec') && r.includes('Ward') && /Ln 4, Col 11/.test(r),
      );
      await shot('problems');
      // One count: Ward's item shows what VS Code's own Problems item counts.
      const counts = await waitForSameCounts(page, 'the Ward status bar item to show the Problems counts');
      if (counts.warnings !== 2) throw new Error(`Ward's status bar item shows ${JSON.stringify(counts)}, not 2 warnings`);
      await closePanel(page);
      return `squiggle under "${sq.covered}"; status bar = Problems = ${counts.warnings} warnings; Problems: ${row.split('|')[0].trim().slice(0, 60)}…`;
    },
  },
  {
    n: 2,
    name: 'the hover adds why, the fix and CWE/OWASP links, and repeats neither the message nor the trace',
    async run(page, shot) {
      await openFile(page, 'exec.js');
      const sq = await waitForSquiggle(page, EXEC_LINE, "'ls ' + dir");
      // VS Code's part (the message, Ward(js-child-process-exec)) shows first; wait for Ward's own part.
      // The quick-fix row loads last ("Loading...", then "Quick Fix..."), and while the TypeScript
      // server starts its own part says "(loading...)"; the picture waits for both, hovering again.
      const settled = () =>
        page.evaluate(() => [...document.querySelectorAll('.monaco-hover')].some((h) => h.offsetParent !== null && /Quick Fix|No quick fixes/.test(h.textContent ?? '') && !/Loading|loading\.\.\.|Checking for quick fixes/.test(h.textContent ?? '')));
      // Over the string: TypeScript has nothing to say about a literal, so the hover is Ward's alone.
      const onString = await charPoint(page, EXEC_LINE, 11);
      for (let attempt = 1; attempt <= 4; attempt++) {
        await hoverSquiggle(page, sq, 'Fix:', onString);
        if ((await waitFor('the hover to finish loading', settled, 8000).catch(() => false)) || attempt === 4) break;
        await page.keyboard.press('Escape');
        await page.mouse.move(5, 5);
      }
      const hover = await page.evaluate(() => {
        const h = [...document.querySelectorAll('.monaco-hover')].find((x) => x.offsetParent !== null && !x.classList.contains('hidden'));
        if (!h) return undefined;
        // The hover's parts: VS Code's diagnostic part, then each provider's markdown.
        const parts = [...h.querySelectorAll('.hover-row')].map((r) => r.textContent ?? '');
        const scroll = h.querySelector('.monaco-scrollable-element') ?? h;
        const content = h.querySelector('.monaco-hover-content') ?? h;
        return {
          text: h.textContent ?? '',
          ward: parts.find((t) => t.includes('Fix:')) ?? '',
          links: [...h.querySelectorAll('a')].map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('data-href') || a.getAttribute('href') || '' })),
          scrolls: content.scrollHeight > scroll.clientHeight + 2,
        };
      });
      if (!hover) throw new Error('no hover');
      const link = (re) => hover.links.find((l) => re.test(l.href));
      if (!link(/^https:\/\/cwe\.mitre\.org\/data\/definitions\/78\.html$/)) throw new Error(`no CWE-78 link: ${JSON.stringify(hover.links)}`);
      if (!link(/^https:\/\/owasp\.org\/Top10\/A03_2021-Injection\/$/)) throw new Error(`no OWASP A03 link: ${JSON.stringify(hover.links)}`);
      if (!hover.links.some((l) => l.text === 'Rule documentation')) throw new Error(`no rule documentation link: ${JSON.stringify(hover.links)}`);
      if (/Data flow/.test(hover.text)) throw new Error('the hover lists the data flow');
      if (/Shell command built from a value that is not a constant/.test(hover.text)) throw new Error(`the hover repeats the rule title: ${hover.text}`);
      if (hover.scrolls) throw new Error(`the hover needs scrolling (${hover.text.length} characters)`);
      const text = hover.text;
      await shot('hover');
      // A cropped picture (editor + hover) for the README: `--readme-screenshot` writes docs/screenshot.png.
      const clip = await page.evaluate(() => {
        const hover = [...document.querySelectorAll('.monaco-hover')].find((h) => h.offsetParent !== null)?.getBoundingClientRect();
        const group = document.querySelector('.editor-group-container.active')?.getBoundingClientRect();
        if (!hover || !group) return undefined;
        const x = Math.max(0, group.left);
        const y = Math.max(0, group.top);
        return { x, y, width: Math.min(window.innerWidth, Math.max(hover.right, group.left + 600) + 12) - x, height: Math.min(window.innerHeight, hover.bottom + 16) - y };
      });
      if (clip) {
        const file = join(OUT, '02-2-hover-crop.png');
        await page.screenshot({ path: file, clip });
        if (flag('--readme-screenshot')) {
          mkdirSync(join(REPO, 'docs'), { recursive: true });
          cpSync(file, join(REPO, 'docs', 'screenshot.png'));
        }
      }
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
      return `hover ${text.length} characters in all, Ward's part ${hover.ward.length}; links: ${hover.links.map((l) => l.text).join(', ')}`;
    },
  },
  {
    n: 3,
    name: 'Ctrl+. offers the execFile fix; applying it rewrites the call and the squiggle goes',
    async run(page, shot) {
      await openFile(page, 'exec.js');
      await waitForSquiggle(page, EXEC_LINE, "'ls ' + dir");
      await clickAt(page, EXEC_LINE, 14);
      const items = await openQuickFix(page);
      await shot('quick-fix-menu');
      const fix = 'Ward: Run the program with execFile and an argument array';
      if (!items.some((t) => t.includes(fix))) throw new Error(`the menu lacks "${fix}": ${JSON.stringify(items)}`);
      const dupes = items.filter((t, i) => items.indexOf(t) !== i);
      if (dupes.length) throw new Error(`duplicate actions in the menu: ${JSON.stringify(dupes)}`);
      await chooseQuickFix(page, fix);
      await waitFor('the line to read cp.execFile(...)', async () => (await editorState(page))?.lines.find((l) => l.n === EXEC_LINE)?.text.trim() === "cp.execFile('ls', [dir], cb);").catch(async (e) => {
        throw new Error(`${e.message}; line is now: ${(await editorState(page))?.lines.find((l) => l.n === EXEC_LINE)?.text}`);
      });
      await waitForNoSquiggleOnLine(page, EXEC_LINE);
      await shot('fixed');
      return `menu: ${items.length} rows${quickFixRetries ? `, Ctrl+. pressed again ${quickFixRetries}x before the menu opened` : ""}`;
    },
  },
  {
    n: 4,
    name: '"Ignore js-child-process-exec on this line" writes the comment with the reason selected; typing replaces it and the squiggle goes',
    async run(page, shot) {
      await openFile(page, 'exec.js');
      await waitForSquiggle(page, EXEC2_LINE, "'rm -rf ' + dir");
      await clickAt(page, EXEC2_LINE, 14);
      const items = await openQuickFix(page);
      const title = 'Ward: Ignore js-child-process-exec on this line';
      if (!items.some((t) => t.includes(title))) throw new Error(`the menu lacks "${title}": ${JSON.stringify(items)}`);
      await chooseQuickFix(page, title);
      await waitFor('the ignore comment above the call', async () => {
        const s = await editorState(page);
        return s?.lines.find((l) => l.n === EXEC2_LINE)?.text.trim() === '// ward-ignore js-child-process-exec -- <reason>';
      });
      // <reason> is selected: what is typed replaces it.
      await waitFor('<reason> to be selected', async () =>
        page.evaluate(() => {
          const ed = document.querySelector('.editor-group-container.active .editor-container .monaco-editor');
          return !!ed && ed.querySelectorAll('.selected-text').length > 0;
        }),
      );
      await shot('reason-selected');
      await page.keyboard.type('only our own folders are listed', { delay: 10 });
      const st = await waitFor('the reason typed into the comment', async () => {
        const s = await editorState(page);
        return s?.lines.find((l) => l.n === EXEC2_LINE)?.text.trim() === '// ward-ignore js-child-process-exec -- only our own folders are listed' ? s : undefined;
      }).catch(async (e) => {
        throw new Error(`${e.message}; line is now: ${(await editorState(page))?.lines.find((l) => l.n === EXEC2_LINE)?.text}`);
      });
      const callLine = st.lines.find((l) => l.text.includes("cp.exec('rm -rf '"));
      await waitForNoSquiggleOnLine(page, callLine.n);
      const after = await editorState(page);
      if (after.squiggles.length) throw new Error(`squiggles left in exec.js: ${JSON.stringify(after.squiggles)}`);
      await shot('ignored');
      // Save, so the file on disk shows both edits went through the editor.
      await page.keyboard.press(`${MOD}+KeyS`);
      await waitFor('exec.js saved', async () => readFileSync(join(WS, 'exec.js'), 'utf8').includes('ward-ignore js-child-process-exec'));
      return st.lines.find((l) => l.n === EXEC2_LINE).text.trim();
    },
  },
  {
    n: 5,
    name: 'Python (py-subprocess-shell-true) and TSX (js-eval-nonconstant) findings',
    async run(page, shot) {
      await openFile(page, 'app.py');
      await waitForSquiggle(page, 5, '"ls " + d', 'warning');
      await waitForProblem(page, 'a Problems row for py-subprocess-shell-true', (r) => r.includes('py-subprocess-shell-true') && r.includes('Ward'));
      await shot('python');
      await closePanel(page);
      await openFile(page, 'view.tsx');
      await waitForSquiggle(page, 2, 'props.code', 'warning');
      await waitForProblem(page, 'a Problems row for js-eval-nonconstant', (r) => r.includes('js-eval-nonconstant') && r.includes('Ward'));
      await shot('tsx');
      await closePanel(page);
      return 'app.py line 5, view.tsx line 2';
    },
  },
  {
    n: 6,
    name: 'a vulnerable line typed into an unsaved buffer is flagged without saving',
    async run(page, shot) {
      await openFile(page, 'typed.js');
      await clickAt(page, 2, 3);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('eval(req.query.code);', { delay: 15 });
      const st = await waitFor('the typed line', async () => {
        const s = await editorState(page);
        return s?.lines.find((l) => l.text.trim() === 'eval(req.query.code);');
      });
      await waitForSquiggle(page, st.n, 'req.query.code', 'warning');
      const dirty = await page.evaluate(() => !!document.querySelector('.editor-group-container.active .tab.active.dirty'));
      if (!dirty) throw new Error('the tab is not marked dirty: the buffer was saved?');
      if (readFileSync(join(WS, 'typed.js'), 'utf8').includes('eval(')) throw new Error('the file on disk changed');
      await shot('typed');
      return `squiggle on typed line ${st.n}, buffer unsaved`;
    },
  },
  {
    n: 7,
    name: '"Ward: Scan Workspace" reports progress and fills the Problems panel from files never opened (.env secret too)',
    async run(page, shot) {
      await closePanel(page);
      await runCommand(page, 'Ward: Scan Workspace');
      // Progress: a notification counting files done / total.
      const progress = await waitFor('the scan progress notification (N/M files)', async () => (await toasts(page)).find((t) => /scanning the workspace/.test(t) && /\d+\/\d+ files/.test(t)), TIMEOUT, 50);
      await shot('progress');
      const summary = await waitFor('the scan summary notification', async () => (await toasts(page)).find((t) => /Workspace scan: \d+ files/.test(t)));
      await shot('summary');
      // One count everywhere: the summary, Ward's status bar item and VS Code's Problems item.
      const said = /: (\d+) problems? in (\d+) files? \(([^)]*)\)/.exec(summary);
      if (!said) throw new Error(`the summary gives no problem count: ${summary}`);
      const bySeverity = (kind) => Number(new RegExp(`(\\d+) ${kind}`).exec(said[3])?.[1] ?? 0);
      const claimed = { errors: bySeverity('error'), warnings: bySeverity('warning'), infos: bySeverity('info') };
      const shown = await waitForSameCounts(page, 'Ward\'s status bar item to match VS Code\'s Problems counts after the scan');
      if (JSON.stringify(shown) !== JSON.stringify(claimed)) throw new Error(`the summary says ${JSON.stringify(claimed)}, the status bar and Problems ${JSON.stringify(shown)}`);
      if (claimed.errors + claimed.warnings + claimed.infos !== Number(said[1])) throw new Error(`the summary does not add up: ${said[0]}`);
      if (/\b1 infos\b|\b1 errors\b|\b1 warnings\b|\b1 files\b|\b1 problems\b/.test(summary)) throw new Error(`bad plural: ${summary}`);
      // "Show Problems" on the summary opens the panel.
      const button = page.locator('.notifications-toasts .notification-toast a.monaco-button, .notifications-toasts .notification-toast .monaco-button', { hasText: 'Show Problems' }).first();
      if (await button.isVisible().catch(() => false)) {
        await button.click();
        // Let the panel finish opening, or problems() would toggle it shut again.
        await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: TIMEOUT }).catch(() => undefined);
      }
      await waitForProblem(page, 'a Problems row for scripts/deploy.js (never opened)', (r) => r.includes('deploy.js'));
      await waitForProblem(page, 'a js-child-process-exec row from Ward', (r) => r.includes('js-child-process-exec') && r.includes('Ward'));
      await waitForProblem(page, 'a Problems row for .env', (r) => /\.env\b/.test(r));
      const secret = await waitForProblem(page, 'a secret-stripe-secret-key row (the .env key)', (r) => r.includes('secret-stripe-secret-key'));
      const rows = await allProblems(page);
      if (rows.some((r) => r.includes('bad.js'))) throw new Error(`a git-ignored file was scanned: ${JSON.stringify(rows.filter((r) => r.includes('bad.js')))}`);
      await shot('problems');
      await closePanel(page);
      await page.keyboard.press('Escape');
      return `${progress.match(/\d+\/\d+ files/)[0]} seen; ${said[0].slice(2)} = status bar = Problems; .env: ${secret.split('|')[0].trim().slice(0, 50)}…`;
    },
  },
  {
    n: 8,
    name: 'adding a rule to ward.disabledRules in the workspace settings removes its diagnostics',
    async run(page, shot) {
      await openFile(page, 'app.py');
      await waitForSquiggle(page, 5, '"ls " + d');
      await openFile(page, 'view.tsx');
      await waitForSquiggle(page, 2, 'props.code');
      // Edit .vscode/settings.json in the editor, as a user would.
      await openFile(page, '.vscode/settings.json');
      await page.keyboard.press(`${MOD}+KeyA`);
      await page.keyboard.press('Delete');
      await page.keyboard.insertText('{\n"ward.disabledRules": ["py-subprocess-shell-true"]\n}\n');
      await page.keyboard.press(`${MOD}+KeyS`);
      await waitFor('settings.json saved', async () => /py-subprocess-shell-true/.test(readFileSync(join(WS, '.vscode', 'settings.json'), 'utf8')));
      await waitFor('the Problems panel to drop py-subprocess-shell-true', async () => {
        const rows = await allProblems(page);
        return rows.length > 0 && !rows.some((r) => r.includes('py-subprocess-shell-true')) && rows.some((r) => r.includes('js-eval-nonconstant'));
      }).catch(async (e) => {
        throw new Error(`${e.message}; rows: ${JSON.stringify(await allProblems(page).catch(() => []))}`);
      });
      await shot('problems-after-setting');
      await closePanel(page);
      await openFile(page, 'app.py');
      await waitForNoSquiggleOnLine(page, 5, 'the app.py squiggle to go');
      await shot('python-disabled');
      await openFile(page, 'view.tsx');
      await waitForSquiggle(page, 2, 'props.code');
      return 'py-subprocess-shell-true gone, js-eval-nonconstant still shown';
    },
  },
  {
    n: 9,
    name: 'the rule id link in Problems opens the rule page rendered (Markdown preview), not the raw file',
    async run(page, shot) {
      await openFile(page, 'view.tsx');
      await waitForSquiggle(page, 2, 'props.code');
      await waitForProblem(page, 'a Problems row for js-eval-nonconstant', (r) => r.includes('js-eval-nonconstant'));
      const link = page.locator('.markers-panel .monaco-list-row a.monaco-link', { hasText: 'js-eval-nonconstant' }).first();
      // The list holds only the rows on screen: scroll until the row is one of them.
      const box = await page.locator('.markers-panel').boundingBox();
      if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 24 && !(await link.isVisible().catch(() => false)); i++) {
        await page.mouse.wheel(0, i < 12 ? 150 : -150);
        await new Promise((resolve) => setTimeout(resolve, 80));
      }
      await link.waitFor({ state: 'visible', timeout: TIMEOUT });
      await link.click();
      await waitFor('a tab for js-eval-nonconstant.md', async () => /js-eval-nonconstant/.test((await activeTabLabel(page)) ?? ''));
      // Rendered: a webview shows the page's headings as text; a text editor would show "## What Ward says".
      const rendered = await waitFor('the rendered rule page', async () => {
        const raw = await page.evaluate(() => {
          const ed = document.querySelector('.editor-group-container.active .editor-container .monaco-editor');
          return ed ? ed.textContent ?? '' : '';
        });
        if (/## What Ward says/.test(raw)) throw Object.assign(new Error('the rule page opened as a raw Markdown file'), { fatal: true });
        for (const frame of page.frames()) {
          const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
          if (/What Ward says/.test(text) && !/## What Ward says/.test(text)) return text;
        }
        return undefined;
      });
      await shot('rule-page');
      await page.keyboard.press(`${MOD}+KeyW`);
      await waitFor('the rule page to close', async () => !/js-eval-nonconstant\.md/.test((await activeTabLabel(page)) ?? ''));
      await closePanel(page);
      return `tab "${await activeTabLabel(page)}" closed; page text ${rendered.length} characters, Quick fix line: ${/Quick fix\s*([^\n]*)/.exec(rendered)?.[1]?.slice(0, 60) ?? '?'}`;
    },
  },
  {
    n: 10,
    name: 'Java: a servlet\'s request parameter reaching executeQuery is flagged with its trace, and the PreparedStatement fix compiles the query with ? parameters',
    async run(page, shot) {
      await openFile(page, 'Users.java');
      await waitForSquiggle(page, 15, `"SELECT * FROM users WHERE name = '" + name + "'"`, 'error');
      await waitForProblem(page, 'a Problems row for java-sql-injection', (r) => r.includes('java-sql-injection') && r.includes('Ward'));
      await shot('java');
      await closePanel(page);
      await clickAt(page, 15, 50);
      const items = await openQuickFix(page);
      const fix = 'Ward: Bind the values as ? parameters';
      if (!items.some((t) => t.includes(fix))) throw new Error(`the menu lacks "${fix}": ${JSON.stringify(items)}`);
      await chooseQuickFix(page, fix);
      // The import goes in before ResultSet and the Statement nothing else uses goes, so the query starts on line 15 again.
      const want = ['PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");', 'ps.setString(1, name);', 'ResultSet rs = ps.executeQuery();'];
      await waitFor('the query to be prepared with a ? parameter', async () => {
        const lines = (await editorState(page))?.lines ?? [];
        return want.every((w, i) => lines.find((l) => l.n === 15 + i)?.text.trim() === w) && lines.find((l) => l.n === 2)?.text.trim() === 'import java.sql.PreparedStatement;' && !lines.some((l) => l.text.includes('createStatement'));
      }).catch(async (e) => {
        throw new Error(`${e.message}; lines now: ${JSON.stringify((await editorState(page))?.lines.map((l) => l.text))}`);
      });
      await waitForNoSquiggleOnLine(page, 17);
      await shot('java-fixed');
      return 'Users.java line 15 flagged; fixed to a PreparedStatement';
    },
  },
  {
    n: 11,
    name: 'GitHub Actions: an issue title expanded into a run: script is flagged on the expression, the hover traces it to the event field, and the fix moves it into env:',
    async run(page, shot) {
      await openFile(page, '.github/workflows/triage.yml');
      const expression = '${{ github.event.issue.title }}';
      const squiggle = await waitForSquiggle(page, 12, expression);
      await waitForProblem(page, 'a Problems row for gha-script-injection', (r) => r.includes('gha-script-injection') && r.includes('Ward'));
      await closePanel(page);
      const hover = await hoverSquiggle(page, squiggle, 'github.event.issue.title');
      await shot('workflow');
      await page.keyboard.press('Escape');
      await clickAt(page, 12, 30);
      const items = await openQuickFix(page);
      const fix = 'Pass the untrusted values through';
      if (!items.some((t) => t.startsWith('Ward:') && t.includes(fix))) throw new Error(`the menu lacks Ward's env: fix: ${JSON.stringify(items)}`);
      await chooseQuickFix(page, fix);
      const want = ['run: echo "New issue ${ISSUE_TITLE}"', 'env:', 'ISSUE_TITLE: ${{ github.event.issue.title }}'];
      await waitFor('the expression to move into env:', async () => {
        const lines = (await editorState(page))?.lines ?? [];
        return want.every((w, i) => lines.find((l) => l.n === 12 + i)?.text.trim() === w);
      }).catch(async (e) => {
        throw new Error(`${e.message}; lines now: ${JSON.stringify((await editorState(page))?.lines.map((l) => l.text))}`);
      });
      await waitForNoSquiggleOnLine(page, 12);
      await shot('workflow-fixed');
      return `triage.yml line 12 flagged (hover: ${hover.replace(/\s+/g, ' ').slice(0, 80)}…); fixed to the env: form`;
    },
  },
  {
    n: 12,
    name: 'Go: a net/http handler\'s query value reaching db.Query is flagged, and the fix passes it as a $1 parameter (the lib/pq driver\'s style)',
    async run(page, shot) {
      await openFile(page, 'orders.go');
      await waitForSquiggle(page, 14, `"SELECT * FROM orders WHERE id = '" + id + "'"`, 'error');
      await waitForProblem(page, 'a Problems row for go-sql-injection', (r) => r.includes('go-sql-injection') && r.includes('Ward'));
      await shot('go');
      await closePanel(page);
      await clickAt(page, 14, 40);
      const items = await openQuickFix(page);
      const fix = 'Ward: Pass the values as query parameters';
      if (!items.some((t) => t.includes(fix))) throw new Error(`the menu lacks "${fix}": ${JSON.stringify(items)}`);
      await chooseQuickFix(page, fix);
      const want = 'rows, err := db.Query("SELECT * FROM orders WHERE id = $1", id)';
      await waitFor('the query to take id as a $1 parameter', async () => (await editorState(page))?.lines.find((l) => l.n === 14)?.text.trim() === want).catch(async (e) => {
        throw new Error(`${e.message}; lines now: ${JSON.stringify((await editorState(page))?.lines.map((l) => l.text))}`);
      });
      await waitForNoSquiggleOnLine(page, 14);
      await shot('go-fixed');
      return 'orders.go line 14 flagged; fixed to a $1 parameter';
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Main.

let WS;

async function main() {
  const t0 = Date.now();
  for (const [what, p] of [
    ['code-server', CODE_SERVER],
    ['node 24', join(NODE24_BIN, 'node')],
    ['chromium', CHROMIUM],
    ['playwright-core', join(CACHE, 'playwright', 'node_modules', 'playwright-core', 'package.json')],
  ]) {
    if (!existsSync(p)) throw new Error(`${what} not found at ${p}: run scripts/e2e-setup.sh first`);
  }
  const requireFromCache = createRequire(join(CACHE, 'playwright', 'package.json'));
  const { chromium } = requireFromCache('playwright-core');

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  if (!flag('--no-package') || !existsSync(VSIX)) {
    console.log('packaging ward.vsix (npm run package)…');
    run('npm', ['run', 'package'], { cwd: REPO });
  }
  if (!existsSync(VSIX)) throw new Error(`${VSIX} was not produced`);

  tmpRoot = mkdtempSync(join(tmpdir(), 'ward-e2e-'));
  const UD = join(tmpRoot, 'user-data');
  const EXT = join(tmpRoot, 'extensions');
  WS = join(tmpRoot, 'workspace');
  mkdirSync(join(UD, 'User'), { recursive: true });
  mkdirSync(join(WS, '.vscode'), { recursive: true });
  writeFileSync(join(UD, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  writeFileSync(join(WS, '.vscode', 'settings.json'), '{}\n');
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(WS, name)), { recursive: true });
    writeFileSync(join(WS, name), text);
  }

  const env = { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}` };
  delete env.VSCODE_IPC_HOOK_CLI;
  console.log('installing ward.vsix into code-server…');
  run(CODE_SERVER, ['--install-extension', VSIX, '--extensions-dir', EXT, '--user-data-dir', UD], { env });

  const port = await freePort();
  const logFile = join(tmpRoot, 'code-server.log');
  const { openSync } = await import('node:fs');
  const logFd = openSync(logFile, 'a');
  serverProc = spawn(
    CODE_SERVER,
    [
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', UD,
      '--extensions-dir', EXT,
      WS,
    ],
    { env, detached: true, stdio: ['ignore', logFd, logFd] },
  );
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(WS)}`;
  await waitFor('code-server to listen', async () => {
    const r = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    if (serverProc.exitCode !== null) throw Object.assign(new Error(`code-server exited: ${readFileSync(logFile, 'utf8')}`), { fatal: true });
    return r?.ok;
  }, 60000, 200);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !HEADED,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
  await waitFor('the Ward status bar item', async () =>
    page.evaluate(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /Ward/.test(e.textContent ?? '') || /Ward/.test(e.getAttribute('aria-label') ?? ''))),
  60000).catch(() => undefined); // activation is checked by scenario 1; this only waits for startup
  console.log(`VS Code (code-server) ready on port ${port} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  let passed = 0;
  let failed = 0;
  for (const sc of scenarios) {
    const label = `${sc.n} ${sc.name}`;
    if (sc.skip) {
      console.log(`- ${label}: skipped, ${sc.skip}`);
      continue;
    }
    if (ONLY && !ONLY.has(sc.n)) {
      console.log(`- ${label}: skipped (--only)`);
      continue;
    }
    let shots = 0;
    const shot = async (name) => {
      shots++;
      await page.screenshot({ path: join(OUT, `${String(sc.n).padStart(2, '0')}-${shots}-${name}.png`) });
    };
    const start = Date.now();
    try {
      const detail = await sc.run(page, shot);
      passed++;
      console.log(`✓ ${label} (${((Date.now() - start) / 1000).toFixed(1)}s)${detail ? ` — ${detail}` : ''}`);
    } catch (e) {
      failed++;
      await page.screenshot({ path: join(OUT, `${String(sc.n).padStart(2, '0')}-FAILED.png`) }).catch(() => undefined);
      console.log(`✗ ${label} (${((Date.now() - start) / 1000).toFixed(1)}s)\n    ${String(e.message ?? e).split('\n').join('\n    ')}`);
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
  if (failed) {
    // Keep the logs next to the screenshots for whoever looks at the failure.
    try {
      cpSync(join(UD, 'logs'), join(OUT, 'logs'), { recursive: true });
      cpSync(logFile, join(OUT, 'logs', 'code-server.log'));
    } catch {
      /* no logs */
    }
    if (pageErrors.length) writeFileSync(join(OUT, 'logs', 'page-errors.txt'), pageErrors.join('\n'));
  }
  console.log(`screenshots: ${OUT} (${readdirSync(OUT).filter((f) => f.endsWith('.png')).length}); total ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return { passed, failed };
}

let result = { passed: 0, failed: 1 };
try {
  result = await main();
} catch (e) {
  console.log(`e2e suite could not run: ${e.stack ?? e}`);
  result = { passed: result.passed, failed: Math.max(1, result.failed) };
} finally {
  await cleanup();
}
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed > 0 ? 1 : 0);

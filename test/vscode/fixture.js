'use strict';
/**
 * The temporary workspace and user settings both runners (runTests.js for desktop VS Code,
 * runServer.mjs for code-server) open: a copy of test/vscode/workspace/ plus the files that
 * must not live in the repo.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, 'workspace');
const SUITE = path.join(__dirname, 'suite', 'index.js');

// Editor settings that keep the run deterministic; the built-in TS/JS validation is off so the
// only diagnostics with rule codes are Ward's (the tests also filter on source "Ward").
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'javascript.validate.enable': false,
  'typescript.validate.enable': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
};

/** A Stripe-shaped key made up at run time, so no real-looking secret is committed. */
function madeUpStripeKey() {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `sk_live_${Array.from({ length: 24 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('')}`;
}

/**
 * Makes `<tmp>/workspace` (the fixtures, plus .env, .gitignore, generated/bad.js and the
 * secret files billing.js and config/keys.json),
 * `<tmp>/user-data` (with User/settings.json) and `<tmp>/extensions` (empty).
 */
function makeTempSetup(prefix = 'ward-vscode-') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const workspace = path.join(root, 'workspace');
  fs.cpSync(FIXTURES, workspace, { recursive: true });
  // Written here, not committed: a .gitignore in the fixture folder would hide generated/ from
  // the project's own git, and the .env key is made up per run.
  fs.writeFileSync(path.join(workspace, '.env'), `DB_HOST=localhost\nSTRIPE_SECRET_KEY=${madeUpStripeKey()}\n`);
  fs.writeFileSync(path.join(workspace, '.gitignore'), 'generated/\n');
  // Secret actions (scenarios 9 and 10): a key in code, and one in JSON (no comments there).
  fs.writeFileSync(path.join(workspace, 'billing.js'), `const stripeKey = '${madeUpStripeKey()}';\nmodule.exports = { stripeKey };\n`);
  fs.mkdirSync(path.join(workspace, 'config'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'config', 'keys.json'), `{\n  "stripe": "${madeUpStripeKey()}"\n}\n`);
  fs.mkdirSync(path.join(workspace, 'generated'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'generated', 'bad.js'), "require('child_process').exec('rm -rf ' + process.argv[2]);\n");
  const userData = path.join(root, 'user-data');
  const extensions = path.join(root, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  return { root, workspace, userData, extensions };
}

/** The extension must be built: it is loaded from the repo root (package.json "main": dist/extension.js). */
function checkBuilt(repo = REPO) {
  for (const f of ['dist/extension.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(repo, f))) return `${f} is missing: run \`npm run build\` first`;
  }
  return undefined;
}

module.exports = { REPO, FIXTURES, SUITE, USER_SETTINGS, makeTempSetup, checkBuilt };

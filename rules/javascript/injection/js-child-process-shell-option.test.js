const cp = require('child_process');
const { spawn, spawnSync } = require('node:child_process');
import { execFile as runFile, execFileSync } from 'child_process';

function build(branch, files, userCmd, args) {
  // ruleid: js-child-process-shell-option
  spawn('git', ['checkout', branch], { shell: true });
  // ruleid: js-child-process-shell-option
  cp.spawnSync(userCmd, { shell: true, stdio: 'inherit' });
  // ruleid: js-child-process-shell-option
  runFile('tar', ['-czf', `${branch}.tgz`, ...files], { shell: '/bin/bash' }, done);
  // ruleid: js-child-process-shell-option
  execFileSync('convert', args, { shell: true });
  // ruleid: js-child-process-shell-option
  spawnSync(`${tool} --version`, [], { shell: true });
  // ok: js-child-process-shell-option
  spawn('git', ['checkout', branch]);
  // ok: js-child-process-shell-option
  spawn('git', ['checkout', branch], { shell: false });
  // ok: js-child-process-shell-option
  cp.execFile('tar', ['-czf', 'out.tgz', ...files], { cwd: branch }, done);
}

const NPM = 'npm';
// ok: js-child-process-shell-option
spawn(NPM, ['install', '--no-audit'], { shell: true, stdio: 'inherit' });
// ok: js-child-process-shell-option
spawnSync('npm', ["run", "build"], { shell: true });
// ok: js-child-process-shell-option
spawn('npm', ['test'], { shell: process.platform === 'win32' });
// ok: js-child-process-shell-option
worker.spawn(cmd, args, { shell: true });
// ok: js-child-process-shell-option
execFileSync('pnpm', args.map(quoteWindowsArg), { shell: true });

const cp = require('child_process');
const { exec, execSync } = require('node:child_process');

function list(dir, cb) {
  // ruleid: js-child-process-exec
  cp.exec('ls -l ' + dir, cb);
  // ruleid: js-child-process-exec
  exec(`grep -n ${pattern} notes.txt`, cb);
  // ruleid: js-child-process-exec
  const out = execSync('git log ' + ref);
  // ruleid: js-child-process-exec
  cp.exec(userCommand);
  // ruleid: js-child-process-exec
  cp.exec('cat ' + file + ' | wc -l', cb);
}

const CMD = 'git status --short';
// ok: js-child-process-exec
cp.exec('ls -la', cb);
// ok: js-child-process-exec
exec(CMD, cb);
// ok: js-child-process-exec
cp.execFile('ls', ['-l', dir], cb);
// ok: js-child-process-exec
/(\d+)/.exec(input);

// The taint analysis shows these commands hold only constants and numbers: not reported.
function status(kind, cb) {
  const mode = 'short';
  let args;
  switch (mode) {
    case 'full':
      args = '--untracked-files=all ' + kind;
      break;
    default:
      args = '--short';
  }
  // ok: js-child-process-exec
  cp.exec('git status ' + args, cb);
  const count = parseInt(kind, 10);
  // ok: js-child-process-exec
  cp.exec('git log -n ' + count, cb);
}

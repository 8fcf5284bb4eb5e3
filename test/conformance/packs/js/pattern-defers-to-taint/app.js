const express = require('express');
const { exec } = require('child_process');

const app = express();
const SUBCOMMANDS = ['status', 'log', 'diff'];

app.get('/git', (req, res) => {
  const sub = req.query.sub;
  if (SUBCOMMANDS.includes(sub)) {
    // ok: js-command-injection, js-child-process-exec
    exec('git ' + sub, (err, out) => res.send(out));
  }
  const count = parseInt(req.query.n, 10);
  // ok: js-command-injection, js-child-process-exec
  exec('git log -n ' + count, () => {});
  let format = req.query.format;
  format = 'oneline';
  // ok: js-command-injection, js-child-process-exec
  exec('git log --format=' + format, () => {});
  // The taint finding says it (the pattern rule's report is folded into it).
  // ruleid: js-command-injection
  exec('git show ' + req.query.ref, () => {});
});

// A value from the caller, unseen here: the pattern rule still reports it.
function listFolder(dir, done) {
  // ruleid: js-child-process-exec
  exec('ls -l ' + dir, done);
}

module.exports = { app, listFolder };

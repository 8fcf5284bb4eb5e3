const { spawn, execFile } = require('child_process');
const express = require('express');

const app = express();

app.get('/run', (req, res) => {
  // A shell given a command string in the argument list runs it as a command line.
  // ruleid: js-command-injection
  spawn('sh', ['-c', req.query.cmd]);
  // ruleid: js-command-injection
  execFile('/bin/bash', ['-lc', `echo ${req.query.cmd}`]);
  // An argument to a program that is not a shell is not parsed by a shell.
  // ok: js-command-injection
  spawn('ls', ['--', req.query.dir]);
  // ok: js-command-injection
  spawn('bash', ['-c', 'ls /srv', '--', req.query.dir]);
  res.send('ok');
});

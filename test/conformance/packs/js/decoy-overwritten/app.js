const express = require('express');
const { exec } = require('child_process');

const app = express();

app.get('/logs', (req, res) => {
  let folder = req.query.folder;
  folder = '/var/log/app';
  // ok: js-command-injection
  exec('ls -1 ' + folder, (err, out) => res.send(out));
});

app.get('/logs/tail', (req, res) => {
  let file = 'app.log';
  file = req.query.file;
  // ruleid: js-command-injection
  exec('tail -n 50 ' + file, (err, out) => res.send(out));
});

const express = require('express');
const { exec } = require('child_process');

const app = express();

app.get('/ping', (req, res) => {
  const settings = new Map();
  settings.set('target', req.query.host);
  settings.set('count', '3');
  // ok: js-command-injection
  exec('ping -c ' + settings.get('count') + ' localhost', (err, out) => res.send(out));
  // ruleid: js-command-injection
  exec('ping -c 1 ' + settings.get('target'), (err, out) => res.send(out));

  const opts = {};
  opts.user = req.query.user;
  opts.shell = '/bin/sh';
  // ok: js-command-injection
  exec(opts.shell + ' -c whoami', (err, out) => res.send(out));
  // ruleid: js-command-injection
  exec('finger ' + opts.user, (err, out) => res.send(out));
});

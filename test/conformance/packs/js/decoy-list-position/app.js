const express = require('express');
const { exec } = require('child_process');

const app = express();

app.get('/archive', (req, res) => {
  const names = ['readme.txt'];
  names.push(req.query.name);
  names.push('license.txt');
  // ok: js-command-injection
  exec('zip out.zip ' + names[0], () => {});
  // ruleid: js-command-injection
  exec('zip out.zip ' + names[1], () => {});
  // ok: js-command-injection
  exec('zip out.zip ' + names[2], () => {});

  names.shift();
  // ruleid: js-command-injection
  exec('zip out.zip ' + names[0], () => {});

  names.unshift('notes.txt');
  // ok: js-command-injection
  exec('zip out.zip ' + names[0], () => {});
  names.pop();
  // ruleid: js-command-injection
  exec('zip out.zip ' + names.join(' '), () => res.end());
});

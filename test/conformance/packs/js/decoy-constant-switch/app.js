const express = require('express');
const { execSync } = require('child_process');

const app = express();

app.get('/service', (req, res) => {
  const requested = req.query.service;
  const mode = 'status';
  let command;
  switch (mode) {
    case 'restart':
      command = 'systemctl restart ' + requested;
      break;
    case 'status':
      command = 'systemctl status nginx';
      break;
    default:
      command = requested;
  }
  // ok: js-command-injection
  res.send(execSync(command).toString());
});

app.get('/service/restart', (req, res) => {
  const requested = req.query.service;
  const mode = 'restart';
  let command;
  switch (mode) {
    case 'restart':
      command = 'systemctl restart ' + requested;
      break;
    case 'status':
      command = 'systemctl status nginx';
      break;
    default:
      command = 'true';
  }
  // ruleid: js-command-injection
  res.send(execSync(command).toString());
});

app.get('/service/fallthrough', (req, res) => {
  const level = 2;
  let args = '';
  switch (level) {
    case 2:
      args = '--verbose ';
    // falls through
    case 1:
      args += req.query.extra;
      break;
    default:
      args = '';
  }
  // ruleid: js-command-injection
  res.send(execSync('backup ' + args).toString());
});

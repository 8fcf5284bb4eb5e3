const express = require('express');
const { exec } = require('child_process');

const app = express();

app.get('/echo', (req, res) => {
  const text = req.query.text;
  // ruleid: js-command-injection
  exec('echo ' + text.substring(1), () => {});
  // ruleid: js-command-injection
  exec('echo ' + text.split(',')[0], () => {});
  // ruleid: js-command-injection
  exec('echo ' + text.trim().toLowerCase(), () => {});
  // ok: js-command-injection
  exec('echo ' + text.length, () => {});
  // ok: js-command-injection
  exec('echo ' + text.indexOf(','), () => {});
  // ok: js-command-injection
  exec('echo ' + (text === 'yes'), () => res.end());
});

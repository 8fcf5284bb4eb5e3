const express = require('express');
const { exec } = require('child_process');

const app = express();

function reportName(requested) {
  return 'monthly-report';
}

const defaultName = (requested) => 'summary';

function passThrough(requested) {
  return requested;
}

app.get('/report', (req, res) => {
  // ok: js-command-injection
  exec('cat reports/' + reportName(req.query.name), () => {});
  // ok: js-command-injection
  exec('cat reports/' + defaultName(req.query.name), () => {});
  // ruleid: js-command-injection
  exec('cat reports/' + passThrough(req.query.name), () => res.end());
});

const express = require('express');
const { exec, execFile, spawn } = require('child_process');
const cp = require('node:child_process');
const shellQuote = require('shell-quote');

const app = express();

app.get('/ping', (req, res) => {
  const host = req.query.host;
  // ruleid: js-command-injection
  exec(`ping -c 1 ${host}`, (err, out) => res.send(out));
  // ok: js-command-injection
  execFile('ping', ['-c', '1', host], (err, out) => res.send(out));
  // ruleid: js-command-injection
  spawn('sh', ['-c', 'ping ' + host], { shell: true });
  // ok: js-command-injection
  exec('ping -c 1 ' + shellQuote.quote([host]));
});

function archive(dir) {
  return cp.execSync('tar czf /tmp/out.tgz ' + dir);
}

app.post('/archive', (req, res) => {
  // ruleid: js-command-injection
  archive(req.body.dir);
  // ok: js-command-injection
  archive('/var/data');
  res.end();
});

const ALLOWED = new Set(['status', 'log']);
app.get('/git', (req, res) => {
  const sub = req.query.cmd;
  if (ALLOWED.has(sub)) {
    // ok: js-command-injection
    exec('git ' + sub);
  }
  const n = parseInt(req.query.n, 10);
  // ok: js-command-injection
  exec('git log -n ' + n);
});

// Fastify
fastify.get('/convert', async (request, reply) => {
  const { file } = request.query;
  // ruleid: js-command-injection
  await cp.exec(`convert ${file} out.png`);
});

// Not request data
// ok: js-command-injection
exec(`ls ${__dirname}`);

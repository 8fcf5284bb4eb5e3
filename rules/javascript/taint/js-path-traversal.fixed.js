const express = require('express');
const fs = require('fs');
const path = require('path');
const fsp = require('node:fs/promises');

const app = express();
const ROOT = path.join(__dirname, 'public');

app.get('/file', (req, res) => {
  // ruleid: js-path-traversal
  fs.readFile(path.join(ROOT, path.basename(req.query.name)), 'utf8', (err, data) => res.send(data));
  // ok: js-path-traversal
  fs.readFile(path.join(ROOT, path.basename(req.query.name)), 'utf8', () => {});
});

app.get('/download/:name', (req, res) => {
  // ruleid: js-path-traversal
  res.sendFile(req.params.name);
  // ok: js-path-traversal
  res.sendFile(path.basename(req.params.name), { root: ROOT });
});

app.get('/safe', async (req, res) => {
  const file = path.resolve(ROOT, req.query.f);
  if (!file.startsWith(ROOT + path.sep)) {
    return res.sendStatus(400);
  }
  // ok: js-path-traversal
  res.send(await fsp.readFile(file));
});

app.post('/upload', async (req, res) => {
  const target = `${ROOT}/${req.body.folder}/upload.bin`;
  // ruleid: js-path-traversal
  await fsp.writeFile(target, req.body.data);
  res.end();
});

// ok: js-path-traversal
fs.readFileSync(path.join(__dirname, 'config.json'));

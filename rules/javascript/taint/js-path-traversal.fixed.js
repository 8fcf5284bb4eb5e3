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
  const target = pathInside(ROOT, `${req.body.folder}/upload.bin`);
  // ruleid: js-path-traversal
  await fsp.writeFile(target, req.body.data);
  res.end();
});

// ok: js-path-traversal
fs.readFileSync(path.join(__dirname, 'config.json'));

// A destructured request parameter: `params` holds the route parameters.
app.get('/docs/:file', ({ params }, res) => {
  // ruleid: js-path-traversal
  res.sendFile(params.file);
});

// Refusing '/' alone still lets `..\` (Windows) and `..` through.
app.get('/logs/:file', ({ params }, res, next) => {
  if (params.file.includes('/')) return next(new Error('no slashes'));
  // ruleid: js-path-traversal
  res.sendFile(path.resolve('logs', path.basename(params.file)));
});

// A name taken from an allow-list by a ternary, even when the checked expression is a call.
app.get('/icons/:name', (req, res) => {
  const icon = ['a.png', 'b.png'].includes(req.params.name) ? req.params.name : 'a.png';
  const ext = ['png', 'svg'].includes(req.params.name.split('.').pop()) ? req.params.name.split('.').pop() : 'png';
  // ok: js-path-traversal
  res.sendFile(path.join(ROOT, icon));
  // ok: js-path-traversal
  fs.createWriteStream(`uploads/icon.${ext}`);
});

// Resolves `relative` under `root` and refuses a result outside it ("../", an absolute path).
function pathInside(root, relative) {
  const base = path.resolve(root);
  const target = path.resolve(base, relative);
  if (!target.startsWith(base + path.sep)) throw new Error(`path outside ${base}: ${relative}`);
  return target;
}

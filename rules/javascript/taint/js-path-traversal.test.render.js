const express = require('express');

const app = express();
const PAGES = new Set(['about', 'pricing', 'contact']);

app.get('/pages/:name', (req, res) => {
  // ruleid: js-path-traversal
  res.render(req.params.name, { user: req.user });
});

app.get('/help', (req, res) => {
  const topic = req.query.topic;
  if (!PAGES.has(topic)) return res.status(404).end();
  // ok: js-path-traversal
  res.render(topic);
});

app.get('/search', (req, res) => {
  // ok: js-path-traversal
  res.render('search', { q: req.query.q });
});

const fileType = require('file-type');
const fs = require('fs');

app.post('/avatar', async (req, res) => {
  const type = await fileType.fromBuffer(req.file.buffer);
  // ok: js-path-traversal
  await fs.promises.writeFile(`uploads/${req.user.id}.${type.ext}`, req.file.buffer);
  // ruleid: js-path-traversal
  await fs.promises.writeFile(`uploads/${req.file.originalname}`, req.file.buffer);
  res.end();
});

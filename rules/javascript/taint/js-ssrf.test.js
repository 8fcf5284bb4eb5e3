const express = require('express');
const axios = require('axios');

const app = express();
const ALLOWED_HOSTS = ['api.example.com'];

app.get('/proxy', async (req, res) => {
  // ruleid: js-ssrf
  const r = await fetch(req.query.url);
  // ruleid: js-ssrf
  const a = await axios.get(`${req.query.base}/status`);
  res.send(await r.text());
});

app.get('/checked', async (req, res) => {
  const url = new URL(req.query.url);
  if (!ALLOWED_HOSTS.includes(url.hostname)) {
    return res.sendStatus(400);
  }
  // ok: js-ssrf
  const r = await fetch(url);
  res.json(await r.json());
});

app.get('/fixed', async (req, res) => {
  // ok: js-ssrf
  const r = await axios.get('https://api.example.com/items', { params: { q: req.query.q } });
  res.json(r.data);
});

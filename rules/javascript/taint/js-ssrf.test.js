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

// The host is fixed before the request data comes in: the request cannot go elsewhere.
const API = 'https://api.example.com';
app.get('/items/:id', async (req, res) => {
  // ok: js-ssrf
  const a = await axios.get(`https://api.example.com/items/${req.params.id}`);
  // ok: js-ssrf
  const b = await fetch(API + '/items/' + req.params.id + '?expand=' + req.query.expand);
  // ok: js-ssrf
  const c = await fetch(`${API}/search?q=${req.query.q}`);
  // The value decides the host (or the port): still SSRF.
  // ruleid: js-ssrf
  const d = await fetch('https://' + req.query.host + '/items');
  // ruleid: js-ssrf
  const e = await fetch('http://localhost:' + req.query.port + '/admin');
  // ruleid: js-ssrf
  const f = await fetch(`${req.query.api}/items/${req.params.id}`);
  res.json([a.data, await b.json(), await c.json(), await d.json(), await e.json(), await f.json()]);
});

app.get('/search-api', async (req, res) => {
  const url = new URL('https://api.example.com/search');
  url.searchParams.set('q', req.query.q);
  // The query changes; the host does not.
  // ok: js-ssrf
  const r = await fetch(url);
  res.json(await r.json());
});

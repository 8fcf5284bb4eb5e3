const express = require('express');
const axios = require('axios');
const got = require('got');
const needle = require('needle');
const superagent = require('superagent');
const { Client } = require('undici');
const https = require('https');

// Hosts this code may send requests to, compared exactly: add the ones it needs, in lower
// case (e.g. 'hooks.example.com'). A URL to any other host, or not http(s), is refused.
const ALLOWED_HOSTS = new Set([]);

function allowedUrl(value) {
  const url = new URL(value);
  if (!['http:', 'https:'].includes(url.protocol) || !ALLOWED_HOSTS.has(url.hostname)) {
    throw new Error(`host not allowed: ${url.hostname}`);
  }
  return url.href;
}

const app = express();
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });

app.post('/webhooks/test', async (req, res) => {
  const { target, host } = req.body;
  // ruleid: js-ssrf
  await api.post(allowedUrl(target), { ping: true });
  // ok: js-ssrf
  await api.get('/status');
  // ruleid: js-ssrf
  await axios({ url: allowedUrl(target), method: 'post' });
  // ok: js-ssrf
  await axios({ url: 'https://hooks.example.com/in', method: 'post', data: req.body });
  // ruleid: js-ssrf
  await got.put(allowedUrl(target), { json: { ping: true } });
  // ruleid: js-ssrf
  needle('post', allowedUrl(target), { ping: true });
  // ruleid: js-ssrf
  await superagent.delete(allowedUrl(target));
  // ruleid: js-ssrf
  const origin = new Client(allowedUrl(target));
  // ruleid: js-ssrf
  https.get({ hostname: host, path: '/health' });
  // ok: js-ssrf
  https.get({ hostname: 'status.example.com', path: '/health/' + host });
  // ruleid: js-ssrf
  const scoped = axios.create({ baseURL: allowedUrl(target) });
  res.json({ origin: String(origin), scoped: typeof scoped });
});

const express = require('express');
const axios = require('axios');
const got = require('got');
const needle = require('needle');
const superagent = require('superagent');
const { Client } = require('undici');
const https = require('https');

const app = express();
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });

app.post('/webhooks/test', async (req, res) => {
  const { target, host } = req.body;
  // ruleid: js-ssrf
  await api.post(target, { ping: true });
  // ok: js-ssrf
  await api.get('/status');
  // ruleid: js-ssrf
  await axios({ url: target, method: 'post' });
  // ok: js-ssrf
  await axios({ url: 'https://hooks.example.com/in', method: 'post', data: req.body });
  // ruleid: js-ssrf
  await got.put(target, { json: { ping: true } });
  // ruleid: js-ssrf
  needle('post', target, { ping: true });
  // ruleid: js-ssrf
  await superagent.delete(target);
  // ruleid: js-ssrf
  const origin = new Client(target);
  // ruleid: js-ssrf
  https.get({ hostname: host, path: '/health' });
  // ok: js-ssrf
  https.get({ hostname: 'status.example.com', path: '/health/' + host });
  // ruleid: js-ssrf
  const scoped = axios.create({ baseURL: target });
  res.json({ origin: String(origin), scoped: typeof scoped });
});

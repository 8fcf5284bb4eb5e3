const crypto = require('crypto');
const express = require('express');

const app = express();
const WEBHOOK_SECRET = process.env.WEBHOOK_SECRET;

app.post('/hooks/github', express.raw({ type: '*/*' }), (req, res) => {
  const expected = 'sha256=' + crypto.createHmac('sha256', WEBHOOK_SECRET).update(req.body).digest('hex');
  const received = req.get('X-Hub-Signature-256');
  // ruleid: js-timing-attack
  if (received !== expected) return res.sendStatus(401);
  // ok: js-timing-attack
  if (received.length !== expected.length) return res.sendStatus(401);
  // ok: js-timing-attack
  if (received === undefined) return res.sendStatus(400);
  res.sendStatus(204);
});

app.post('/hooks/inline', (req, res) => {
  // ruleid: js-timing-attack
  if (crypto.createHmac('sha1', WEBHOOK_SECRET).update(JSON.stringify(req.body)).digest('base64') == req.headers['x-signature']) {
    return res.sendStatus(204);
  }
  res.sendStatus(401);
});

app.get('/admin/stats', (req, res) => {
  // ruleid: js-timing-attack
  if (req.headers['x-api-key'] !== process.env.ADMIN_API_KEY) return res.status(403).end();
  // ok: js-timing-attack
  if (req.body.privateKey === walletAddress) return res.status(400).json({ error: 'that is the public address' });
  // ok: js-timing-attack
  if (req.query.format === 'csv') return res.type('text/csv').send('a,b');
  res.json({ ok: true });
});

app.post('/transfer', (req, res) => {
  // ruleid: js-timing-attack
  if (req.body._csrf !== req.session.csrfToken) return res.status(403).end();
  // ok: js-timing-attack
  if (req.body.password !== req.body.passwordConfirmation) return res.status(400).end();
  res.end();
});

app.post('/reset', async (req, res) => {
  const user = await User.findOne({ where: { email: String(req.body.email) } });
  // ruleid: js-timing-attack
  if (!user || user.resetToken !== req.body.token) return res.status(400).end();
  // ok: js-timing-attack
  if (safeEqual(user.resetToken, req.body.token)) return res.end();
  const record = await Answer.findOne({ where: { email: String(req.body.email) } });
  // ok: js-timing-attack
  if (record && security.hmac(req.body.answer) === record.answer) return res.end();
  res.end();
});

app.get('/feed', (req, res) => {
  const { pageToken } = req.query;
  // ok: js-timing-attack
  if (pageToken === lastPageToken) return res.json([]);
  // ok: js-timing-attack
  if (req.get('If-None-Match') === etag) return res.sendStatus(304);
  res.json([]);
});

// A helper that compares its argument with the key: reported where request data is passed to it.
function validKey(key) {
  return key === process.env.API_KEY;
}

app.get('/data', (req, res) => {
  // ruleid: js-timing-attack
  if (!validKey(req.query.key)) return res.sendStatus(401);
  res.json({});
});

function safeEqual(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

let lastPageToken;
let walletAddress;
let etag;
const User = require('./models/user');
const Answer = require('./models/answer');
const security = require('./lib/security');

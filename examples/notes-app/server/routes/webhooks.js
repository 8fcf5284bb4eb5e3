const crypto = require('crypto');
const express = require('express');
const axios = require('axios');
const db = require('../db');

const router = express.Router();

function sign(body, secret) {
  return crypto.createHmac('sha256', secret).update(body).digest('hex');
}

router.get('/', async (req, res, next) => {
  try {
    res.json(await db.many('SELECT id, url, events, created_at FROM webhooks WHERE owner_id = $1', [req.user.id]));
  } catch (err) {
    next(err);
  }
});

router.post('/', async (req, res, next) => {
  try {
    const { url, events } = req.body;
    if (!/^https:\/\//.test(url)) return res.status(400).json({ error: 'Webhook URLs must use https' });
    const secret = crypto.randomBytes(32).toString('hex');
    const hook = await db.one(
      'INSERT INTO webhooks (owner_id, url, events, secret) VALUES ($1, $2, $3, $4) RETURNING id',
      [req.user.id, url, events, secret],
    );
    res.status(201).json({ id: hook.id, secret });
  } catch (err) {
    next(err);
  }
});

// "Send test event" button: posts a sample payload to the URL typed in the form.
router.post('/test', async (req, res) => {
  const body = JSON.stringify({ event: 'test', sentAt: new Date().toISOString() });
  try {
    const r = await axios.post(req.body.url, body, {
      headers: { 'Content-Type': 'application/json' },
      timeout: 5000,
    });
    res.json({ status: r.status });
  } catch (err) {
    res.status(502).json({ error: err.message });
  }
});

// Import a note from a Markdown file on the web (GitHub raw links, gists, …).
router.post('/import', async (req, res, next) => {
  try {
    const response = await fetch(req.body.sourceUrl);
    if (!response.ok) return res.status(400).json({ error: `Could not fetch: ${response.status}` });
    const text = await response.text();
    const title = text.match(/^#\s+(.+)$/m)?.[1] || 'Imported note';
    const note = await db.one('INSERT INTO notes (owner_id, title, body) VALUES ($1, $2, $3) RETURNING id', [req.user.id, title, text]);
    res.status(201).json(note);
  } catch (err) {
    next(err);
  }
});

async function deliver(hook, event, payload) {
  const body = JSON.stringify({ event, payload });
  await axios.post(hook.url, body, {
    headers: { 'Content-Type': 'application/json', 'X-Notes-Signature': sign(body, hook.secret) },
    timeout: 5000,
  });
}

module.exports = router;
module.exports.deliver = deliver;

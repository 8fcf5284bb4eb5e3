const express = require('express');
const axios = require('axios');

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

const router = express.Router();

// "Send test event": posts a sample payload to the URL typed in the form.
router.post('/webhooks/test', async (req, res) => {
  try {
    // ruleid: js-ssrf
    const r = await axios.post(allowedUrl(req.body.url), { event: 'test' }, { timeout: 5000 });
    res.json({ status: r.status });
  } catch (err) {
    res.status(502).json({ error: err.message });
  }
});

router.post('/import', async (req, res, next) => {
  try {
    // ruleid: js-ssrf
    const response = await fetch(allowedUrl(req.body.sourceUrl));
    res.json({ size: (await response.text()).length });
  } catch (err) {
    next(err);
  }
});

router.get('/status', async (req, res) => {
  // ok: js-ssrf
  const r = await fetch('https://status.example.com/api/' + encodeURIComponent(req.query.component));
  res.json(await r.json());
});

module.exports = router;

const express = require('express');
const axios = require('axios');

const router = express.Router();

// "Send test event": posts a sample payload to the URL typed in the form.
router.post('/webhooks/test', async (req, res) => {
  try {
    // ruleid: js-ssrf
    const r = await axios.post(req.body.url, { event: 'test' }, { timeout: 5000 });
    res.json({ status: r.status });
  } catch (err) {
    res.status(502).json({ error: err.message });
  }
});

router.post('/import', async (req, res, next) => {
  try {
    // ruleid: js-ssrf
    const response = await fetch(req.body.sourceUrl);
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

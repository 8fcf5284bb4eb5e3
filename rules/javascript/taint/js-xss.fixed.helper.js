const express = require('express');

const router = express.Router();

router.get('/share', (req, res) => {
  // ruleid: js-xss
  res.status(404).send(`<p>No note selected. <a href="/">Back</a></p><p>Referred by: ${escapeHtml(req.query.ref)}</p>`);
});

router.get('/hello', (req, res) => {
  // ok: js-xss
  res.type('text/plain').send(`Hello ${req.query.name}`);
});

module.exports = router;

// Escapes text for HTML element content and quoted attribute values.
function escapeHtml(value) {
  const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return String(value).replace(/[&<>"']/g, (c) => entities[c]);
}

const express = require('express');
const db = require('../db');
const { shareToken } = require('../lib/tokens');

const router = express.Router();

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

router.post('/', async (req, res, next) => {
  if (!req.session.userId) return res.sendStatus(401);
  try {
    const token = shareToken();
    const row = await db.one('UPDATE notes SET share_token = $1 WHERE id = $2 AND owner_id = $3 RETURNING id', [token, req.body.noteId, req.session.userId]);
    if (!row) return res.sendStatus(404);
    res.json({ url: `${process.env.APP_URL}/share/${token}` });
  } catch (err) {
    next(err);
  }
});

// Public, read-only page for a shared note.
router.get('/:token', async (req, res, next) => {
  try {
    const note = await db.one('SELECT title, body, updated_at FROM notes WHERE share_token = $1', [req.params.token]);
    if (!note) return res.status(404).send('<h1>Not found</h1>');
    res.send(`<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(note.title)}</title></head>
<body>
  <h1>${escapeHtml(note.title)}</h1>
  <pre>${escapeHtml(note.body)}</pre>
  <footer>Last updated ${note.updated_at.toISOString().slice(0, 10)}</footer>
</body></html>`);
  } catch (err) {
    next(err);
  }
});

// Old share links used ?ref=... to say where the reader came from.
router.get('/', (req, res) => {
  res.status(404).send(`<p>No note selected. <a href="/">Back</a></p><p>Referred by: ${req.query.ref}</p>`);
});

module.exports = router;

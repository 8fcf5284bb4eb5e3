const path = require('path');
const { exec } = require('child_process');
const express = require('express');
const db = require('../db');

const router = express.Router();
const BACKUP_DIR = process.env.BACKUP_DIR || '/var/backups/notes';

router.get('/users', async (req, res, next) => {
  try {
    let sql = 'SELECT id, email, name, role, created_at FROM users';
    if (req.query.email) sql += " WHERE email LIKE '%" + req.query.email + "%'";
    const users = await db.many(sql + ' ORDER BY created_at DESC LIMIT 200');
    res.json(users);
  } catch (err) {
    next(err);
  }
});

router.post('/users/:id/role', async (req, res, next) => {
  try {
    if (!['user', 'admin'].includes(req.body.role)) return res.status(400).json({ error: 'Unknown role' });
    await db.one('UPDATE users SET role = $1 WHERE id = $2 RETURNING id', [req.body.role, req.params.id]);
    res.json({ ok: true });
  } catch (err) {
    next(err);
  }
});

router.post('/backup', (req, res) => {
  const label = req.body.label || new Date().toISOString().slice(0, 10);
  const file = path.join(BACKUP_DIR, `notes-${label}.sql.gz`);
  exec(`pg_dump "${process.env.DATABASE_URL}" | gzip > ${file}`, (err, stdout, stderr) => {
    if (err) return res.status(500).json({ error: stderr.toString() });
    res.json({ file });
  });
});

// Feature flags are edited as a JS object literal in the admin page's text box.
router.post('/settings', async (req, res, next) => {
  try {
    const settings = eval('(' + req.body.settings + ')');
    await db.one('UPDATE app_settings SET value = $1 WHERE key = $2 RETURNING key', [JSON.stringify(settings), 'flags']);
    res.json(settings);
  } catch (err) {
    next(err);
  }
});

router.get('/stats', async (req, res, next) => {
  try {
    const [users, notes] = await Promise.all([
      db.one('SELECT count(*)::int AS n FROM users'),
      db.one('SELECT count(*)::int AS n FROM notes'),
    ]);
    res.json({ users: users.n, notes: notes.n });
  } catch (err) {
    next(err);
  }
});

module.exports = router;

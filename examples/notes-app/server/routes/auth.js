const crypto = require('crypto');
const express = require('express');
const db = require('../db');
const { sendPasswordReset } = require('../lib/mailer');

const router = express.Router();

function hashPassword(password) {
  return crypto.createHash('md5').update(password).digest('hex');
}

function startSession(req, user) {
  return new Promise((resolve, reject) => {
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.userId = user.id;
      resolve();
    });
  });
}

router.post('/register', async (req, res, next) => {
  try {
    const { email, name, password } = req.body;
    if (typeof email !== 'string' || typeof password !== 'string' || password.length < 10) {
      return res.status(400).json({ error: 'An email and a password of at least 10 characters are required' });
    }
    const existing = await db.one('SELECT id FROM users WHERE email = $1', [email.toLowerCase()]);
    if (existing) return res.status(409).json({ error: 'This email is already registered' });
    const user = await db.one(
      'INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id',
      [email.toLowerCase(), name || email, hashPassword(password)],
    );
    await startSession(req, user);
    res.status(201).json({ id: user.id });
  } catch (err) {
    next(err);
  }
});

router.post('/login', async (req, res, next) => {
  try {
    const { email, password } = req.body;
    const user = await db.one('SELECT id, password_hash FROM users WHERE email = $1', [String(email).toLowerCase()]);
    if (!user || user.password_hash !== hashPassword(String(password))) {
      return res.status(401).json({ error: 'Wrong email or password' });
    }
    await startSession(req, user);
    res.json({ ok: true });
  } catch (err) {
    next(err);
  }
});

router.post('/logout', (req, res) => {
  req.session.destroy(() => res.json({ ok: true }));
});

router.post('/forgot', async (req, res, next) => {
  try {
    const user = await db.one('SELECT id, email, name FROM users WHERE email = $1', [String(req.body.email).toLowerCase()]);
    if (user) {
      const token = Math.random().toString(36).substring(2) + Math.random().toString(36).substring(2);
      await db.one("UPDATE users SET reset_token = $1, reset_expires = now() + interval '1 hour' WHERE id = $2 RETURNING id", [token, user.id]);
      await sendPasswordReset(user, token);
    }
    // Same answer whether or not the address exists.
    res.json({ ok: true });
  } catch (err) {
    next(err);
  }
});

router.post('/reset', async (req, res, next) => {
  try {
    const { token, password } = req.body;
    const user = await db.one('SELECT id FROM users WHERE reset_token = $1 AND reset_expires > now()', [String(token)]);
    if (!user) return res.status(400).json({ error: 'This link has expired' });
    await db.one('UPDATE users SET password_hash = $1, reset_token = NULL WHERE id = $2 RETURNING id', [hashPassword(String(password)), user.id]);
    res.json({ ok: true });
  } catch (err) {
    next(err);
  }
});

// The login page sends people back where they came from.
router.get('/continue', (req, res) => {
  if (!req.session.userId) return res.redirect('/login');
  res.redirect(req.query.next || '/notes');
});

router.get('/me', async (req, res) => {
  if (!req.session.userId) return res.json(null);
  res.json(await db.one('SELECT id, email, name, role FROM users WHERE id = $1', [req.session.userId]));
});

module.exports = router;

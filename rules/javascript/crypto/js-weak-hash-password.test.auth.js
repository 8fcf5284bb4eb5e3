const crypto = require('crypto');
const express = require('express');
const db = require('./db');

const router = express.Router();

// ruleid: js-weak-hash-password
const hashPassword = (password) => crypto.createHash('sha1').update(password + process.env.PEPPER).digest('hex');

router.post('/signup', async (req, res) => {
  await db.insert('users', { email: req.body.email, passwordHash: hashPassword(req.body.password) });
  res.sendStatus(201);
});

router.post('/login', async (req, res) => {
  const user = await db.findUser(req.body.email);
  if (!user || user.passwordHash !== hashPassword(req.body.password)) return res.sendStatus(401);
  req.session.userId = user.id;
  res.sendStatus(204);
});

module.exports = router;

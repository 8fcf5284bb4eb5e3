const crypto = require('crypto');
const express = require('express');
const db = require('./db');

const router = express.Router();

// ruleid: js-weak-hash-password
// Passwords are stored as "scrypt$N$r$p$salt$hash" (hex, about 180 characters): scrypt with
// OWASP's minimum parameters (N=2^17, r=8, p=1) and a random 16-byte salt per password.
// Hashes stored before this change do not verify: have those users reset their password.
const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };

function scryptKey(password, salt, keylen, params) {
  return new Promise((resolve, reject) => {
    crypto.scrypt(password, salt, keylen, params, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

async function hashPassword(password) {
  const salt = crypto.randomBytes(16);
  const key = await scryptKey(password + process.env.PEPPER, salt, 64, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return `scrypt$${N}$${r}$${p}$${salt.toString('hex')}$${key.toString('hex')}`;
}

async function verifyPassword(password, storedHash) {
  const [scheme, N, r, p, salt, hash] = String(storedHash).split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const params = { N: Number(N), r: Number(r), p: Number(p), maxmem: SCRYPT_PARAMS.maxmem };
  const key = await scryptKey(password + process.env.PEPPER, Buffer.from(salt, 'hex'), expected.length, params);
  return crypto.timingSafeEqual(key, expected);
}

router.post('/signup', async (req, res) => {
  await db.insert('users', { email: req.body.email, passwordHash: await hashPassword(req.body.password) });
  res.sendStatus(201);
});

router.post('/login', async (req, res) => {
  const user = await db.findUser(req.body.email);
  if (!user || !(await verifyPassword(req.body.password, user.passwordHash))) return res.sendStatus(401);
  req.session.userId = user.id;
  res.sendStatus(204);
});

module.exports = router;

const crypto = require('crypto');
const express = require('express');
const session = require('express-session');
const jwt = require('jsonwebtoken');

const app = express();

function shortId() {
  return crypto.randomBytes(16).toString('hex');
}

app.post('/login', (req, res) => {
  const sid = crypto.randomBytes(16).toString('hex');
  // ruleid: js-insecure-random-flow
  res.cookie('sid', sid, { httpOnly: true });
  // ok: js-insecure-random-flow
  res.cookie('sid2', crypto.randomUUID(), { httpOnly: true });
  // An A/B bucket is not a secret: the value is one of two constants.
  // ok: js-insecure-random-flow
  res.cookie('bucket', Math.random() < 0.5 ? 'a' : 'b');
  res.end();
});

app.post('/remember', (req, res) => {
  const value = `${Date.now()}-${crypto.randomInt(1e9)}`;
  // ruleid: js-insecure-random-flow
  res.setHeader('Set-Cookie', `remember=${value}; HttpOnly`);
  // ok: js-insecure-random-flow
  res.setHeader('X-Request-Id', value);
  res.end();
});

app.post('/reset', async (req, res) => {
  const user = await findUser(req.body.email);
  // Through a helper of this file.
  const code = shortId();
  // ruleid: js-insecure-random-flow
  user.resetToken = code;
  // ok: js-insecure-random-flow
  user.resetToken = crypto.randomBytes(32).toString('hex');
  // ok: js-insecure-random-flow
  user.displayName = code;
  await user.save();
  res.end();
});

app.post('/session', (req, res) => {
  // ruleid: js-insecure-random-flow
  req.session.csrf = String(crypto.randomBytes(6).readUIntBE(0, 6) / 2 ** 48);
  // ok: js-insecure-random-flow
  req.session.csrf = crypto.randomBytes(16).toString('hex');
  res.end();
});

const key = crypto.randomBytes(16).toString('hex');
// ruleid: js-insecure-random-flow
const token = jwt.sign({ sub: 1 }, key);
// ruleid: js-insecure-random-flow
const mac = crypto.createHmac('sha256', key);

app.use(
  session({
    // ruleid: js-insecure-random-flow
    secret: 'app-' + (crypto.randomBytes(6).readUIntBE(0, 6) / 2 ** 48),
    resave: false,
  }),
);

// Not a secret: a random delay, a sample rate.
// ok: js-insecure-random-flow
setTimeout(() => {}, Math.random() * 1000);

async function findUser() {
  return { save() {} };
}

module.exports = { app, token, mac };

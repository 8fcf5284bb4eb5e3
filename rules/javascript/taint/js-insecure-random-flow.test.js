const crypto = require('crypto');
const express = require('express');
const session = require('express-session');
const jwt = require('jsonwebtoken');

const app = express();

function shortId() {
  return Math.random().toString(36).slice(2);
}

app.post('/login', (req, res) => {
  const sid = Math.random().toString(36).substring(2);
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
  const value = `${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
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
  req.session.csrf = String(Math.random());
  // ok: js-insecure-random-flow
  req.session.csrf = crypto.randomBytes(16).toString('hex');
  res.end();
});

const key = Math.random().toString(16);
// ruleid: js-insecure-random-flow
const token = jwt.sign({ sub: 1 }, key);
// ruleid: js-insecure-random-flow
const mac = crypto.createHmac('sha256', key);

app.use(
  session({
    // ruleid: js-insecure-random-flow
    secret: 'app-' + Math.random(),
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

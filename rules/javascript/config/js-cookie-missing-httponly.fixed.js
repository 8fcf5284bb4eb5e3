const express = require('express');
const app = express();

app.post('/login', (req, res) => {
  const token = issueToken(req.user);
  // ruleid: js-cookie-missing-httponly
  res.cookie('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });
  // ruleid: js-cookie-missing-httponly
  res.cookie('auth_token', token, { maxAge: 3600000, secure: true, httpOnly: true });
  // ruleid: js-cookie-missing-httponly
  res.cookie("remember_me", token, { maxAge: 30 * 86400000, httpOnly: true });
  // ok: js-cookie-missing-httponly
  res.cookie('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });
  // ok: js-cookie-missing-httponly
  res.cookie('session', token, cookieOptions);
  // ok: js-cookie-missing-httponly
  res.cookie('session', token, { ...baseCookie, maxAge: 1000 });
  // ok: js-cookie-missing-httponly
  res.cookie('XSRF-TOKEN', req.csrfToken());
  // ok: js-cookie-missing-httponly
  res.cookie('theme', 'dark');
  // ok: js-cookie-missing-httponly
  res.cookie('remember', 1, { maxAge: 60000 });
  // ok: js-cookie-missing-httponly
  res.cookie(name, value);
  res.redirect('/');
});

fastify.post('/login', async (request, reply) => {
  // ruleid: js-cookie-missing-httponly
  reply.setCookie('sessionId', sid, { path: '/', httpOnly: true });
  // ok: js-cookie-missing-httponly
  reply.setCookie('sessionId', sid, { path: '/', httpOnly: true, secure: true });
});

// ok: js-cookie-missing-httponly
$.cookie('session', value);

const express = require('express');
const Router = require('@koa/router');

const app = express();
const ROLES = ['reader', 'editor'];

app.post('/profile', (req, res) => {
  // ruleid: js-trust-boundary
  req.session.displayName = req.body.name;
  // ruleid: js-trust-boundary
  req.session['cart'] = req.body.cart;
  const { role } = req.body;
  if (ROLES.includes(role)) {
    // Checked against known values first.
    // ok: js-trust-boundary
    req.session.role = role;
  }
  // ok: js-trust-boundary
  req.session.visits = (req.session.visits || 0) + 1;
  // Not the session: a local object.
  const prefs = {};
  // ok: js-trust-boundary
  prefs.theme = req.query.theme;
  res.json(prefs);
});

app.post('/login', async (req, res) => {
  const user = await login(req.body.email, req.body.password);
  // A value the server looked up, not the request's.
  // ok: js-trust-boundary
  req.session.userId = user.id;
  res.end();
});

const router = new Router();
router.post('/k/lang', async (ctx) => {
  // ruleid: js-trust-boundary
  ctx.session.lang = ctx.request.body.lang;
  ctx.body = 'ok';
});

async function login() {
  return { id: 1 };
}

module.exports = { app, router };

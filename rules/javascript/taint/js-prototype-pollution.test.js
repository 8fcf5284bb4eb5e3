const express = require('express');
const _ = require('lodash');
const dotProp = require('dot-prop');
const objectPath = require('object-path');
const deepExtend = require('deep-extend');
const Router = require('@koa/router');

const app = express();
const settings = {};

app.post('/settings', (req, res) => {
  const { path, value } = req.body;
  // ruleid: js-prototype-pollution
  _.set(settings, path, value);
  // ok: js-prototype-pollution
  _.set(settings, 'theme', value);
  res.json(settings);
});

app.post('/merge', (req, res) => {
  const prefs = {};
  // ruleid: js-prototype-pollution
  _.merge(prefs, req.body);
  // ruleid: js-prototype-pollution
  deepExtend(prefs, JSON.parse(req.body.json));
  // ok: js-prototype-pollution
  _.merge(prefs, { theme: 'dark' });
  res.json(prefs);
});

app.put('/profile/:field', (req, res) => {
  // ruleid: js-prototype-pollution
  dotProp.set(settings, `profile.${req.params.field}`, req.body.value);
  // ruleid: js-prototype-pollution
  objectPath.set(settings, req.query.key, 1);
  res.end();
});

// Keys checked against an allow-list.
const EDITABLE = ['theme', 'language', 'timezone'];
app.patch('/pref', (req, res) => {
  const key = req.body.key;
  if (!EDITABLE.includes(key)) return res.sendStatus(400);
  // ok: js-prototype-pollution
  _.set(settings, key, req.body.value);
  res.end();
});

// Helper in the same file.
function applyPatch(target, patch) {
  return _.merge(target, patch);
}
app.patch('/doc', (req, res) => {
  // ruleid: js-prototype-pollution
  applyPatch(settings, req.body.patch);
  // ok: js-prototype-pollution
  applyPatch(settings, { updated: Date.now() });
  res.end();
});

// Not request data.
const defaults = { port: Number(process.env.PORT) || 3000 };
// ok: js-prototype-pollution
_.defaultsDeep(settings, defaults);

// Koa
const router = new Router();
router.post('/k/settings', async (ctx) => {
  // ruleid: js-prototype-pollution
  _.set(settings, ctx.request.body.path, ctx.request.body.value);
});

// Next.js App Router
export async function POST(request) {
  const patch = await request.json();
  // ruleid: js-prototype-pollution
  _.mergeWith(settings, patch, (a, b) => (Array.isArray(a) ? a.concat(b) : undefined));
  return Response.json(settings);
}

module.exports = { app };

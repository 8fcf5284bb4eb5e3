const express = require('express');
const _ = require('lodash');
const escapeStringRegexp = require('escape-string-regexp');
const Router = require('@koa/router');
const fastify = require('fastify')();

const app = express();
const ITEMS = ['apple', 'banana', 'cherry'];

app.get('/search', (req, res) => {
  const term = req.query.q;
  // ruleid: js-regex-injection
  const re = new RegExp(_.escapeRegExp(term), 'i');
  // ok: js-regex-injection
  const safe = new RegExp(_.escapeRegExp(term), 'i');
  // ok: js-regex-injection
  const esc = new RegExp(escapeStringRegexp(term));
  // ok: js-regex-injection
  const plain = ITEMS.filter((i) => i.includes(term));
  res.json([ITEMS.filter((i) => re.test(i)), safe.source, esc.source, plain]);
});

app.post('/filter', (req, res) => {
  const { prefix, suffix } = req.body;
  // ruleid: js-regex-injection
  const re = RegExp(`^${_.escapeRegExp(prefix)}.*${_.escapeRegExp(suffix)}$`);
  // ok: js-regex-injection
  const fixed = new RegExp('^[a-z]+$');
  res.json({ a: re.test('x'), b: fixed.test('x') });
});

// Only letters get through.
app.get('/word', (req, res) => {
  const w = req.query.w;
  if (!/^[a-z]+$/.test(w)) return res.sendStatus(400);
  // ok: js-regex-injection
  res.json(ITEMS.filter((i) => new RegExp(w).test(i)));
});

// Helper in the same file.
function matcher(pattern) {
  return new RegExp(pattern, 'g');
}
app.get('/count', (req, res) => {
  // ruleid: js-regex-injection
  const m = matcher(req.query.pattern);
  // ok: js-regex-injection
  const n = matcher('\\d+');
  res.json({ m: String(m), n: String(n) });
});

// Not request data.
const WORDS = (process.env.STOP_WORDS || 'a|the').split(',');
// ok: js-regex-injection
const stop = new RegExp(`\\b(${WORDS.join('|')})\\b`);

// Koa
const router = new Router();
router.get('/k/find', async (ctx) => {
  // ruleid: js-regex-injection
  ctx.body = ITEMS.filter((i) => new RegExp(_.escapeRegExp(ctx.query.q)).test(i));
});

// Fastify
fastify.get('/f/find', async (request, reply) => {
  // ruleid: js-regex-injection
  return ITEMS.filter((i) => i.match(new RegExp(_.escapeRegExp(request.query.q))));
});

// Next.js App Router
export async function GET(request) {
  const { searchParams } = request.nextUrl;
  // ruleid: js-regex-injection
  const re = new RegExp(_.escapeRegExp(searchParams.get('q')));
  return Response.json(ITEMS.filter((i) => re.test(i)));
}

module.exports = { app, stop };

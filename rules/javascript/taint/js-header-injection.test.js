const express = require('express');
const Router = require('@koa/router');
const fastify = require('fastify')();

const app = express();

app.get('/download', (req, res) => {
  const name = req.query.name;
  // ruleid: js-header-injection
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  // ok: js-header-injection
  res.setHeader('Content-Disposition', `attachment; filename="${encodeURIComponent(name)}"`);
  // ok: js-header-injection
  res.setHeader('Cache-Control', 'no-store');
  res.end();
});

app.get('/lang', (req, res) => {
  const { lang } = req.query;
  // ruleid: js-header-injection
  res.set('Content-Language', lang).status(200);
  // ruleid: js-header-injection
  res.status(200).header('X-Trace', req.get('X-Trace-Id')).end();
  // ok: js-header-injection
  res.json({ lang });
});

app.get('/raw', (req, res) => {
  // ruleid: js-header-injection
  res.writeHead(200, { 'X-Requested': req.headers['x-requested-with'] });
  res.end();
});

// Checked against known values.
const LANGS = ['en', 'fr', 'de'];
app.get('/lang2', (req, res) => {
  const lang = req.query.lang;
  if (!LANGS.includes(lang)) return res.sendStatus(400);
  // ok: js-header-injection
  res.set('Content-Language', lang);
  res.end();
});

// Helper in the same file.
function setTrace(res, id) {
  res.setHeader('X-Trace-Id', id);
}
app.get('/trace', (req, res) => {
  // todoruleid: js-header-injection
  setTrace(res, req.query.trace);
  res.end();
});

// Not request data.
app.use((req, res, next) => {
  // ok: js-header-injection
  res.setHeader('X-Version', process.env.APP_VERSION || 'dev');
  next();
});

// Koa
const router = new Router();
router.get('/k/file', async (ctx) => {
  // ruleid: js-header-injection
  ctx.set('Content-Disposition', `attachment; filename="${ctx.query.file}"`);
  // ok: js-header-injection
  ctx.set('Content-Type', 'text/plain');
});

// Fastify
fastify.get('/f/file', async (request, reply) => {
  // ruleid: js-header-injection
  reply.header('X-File', request.query.file);
  return 'ok';
});

// Hapi
const route = {
  method: 'GET',
  path: '/h/file',
  handler(request, h) {
    // ruleid: js-header-injection
    return h.response('ok').header('X-File', request.query.file);
  },
};

// Next.js API route
export default function handler(req, res) {
  // ruleid: js-header-injection
  res.setHeader('X-Slug', req.query.slug);
  res.end();
}

module.exports = { app, route };

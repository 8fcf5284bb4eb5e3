const express = require('express');
const winston = require('winston');
const Router = require('@koa/router');
const fastify = require('fastify')();

const app = express();
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

app.post('/login', (req, res) => {
  const { username } = req.body;
  // ruleid: js-log-injection
  console.log('Login attempt for ' + username);
  // ruleid: js-log-injection
  logger.warn(`failed login: ${req.body.username}`);
  // ok: js-log-injection
  console.log('Login attempt for %s', JSON.stringify(username));
  // ok: js-log-injection
  console.log('Login attempt from', req.ip.length, 'chars');
  res.end();
});

app.get('/search', (req, res) => {
  const q = req.query.q;
  // ruleid: js-log-injection
  console.info('search', q);
  // ok: js-log-injection
  console.info('search', encodeURIComponent(q));
  res.end();
});

// A whole request collection is printed by util.inspect, which escapes newlines; a value
// taken out of it is printed as is.
app.get('/debug', (req, res) => {
  // ok: js-log-injection
  console.log(req.query);
  // ok: js-log-injection
  console.log('headers', req.headers);
  // ruleid: js-log-injection
  console.log(req.query.name);
  // ruleid: js-log-injection
  console.log(`query: ${req.query.q}`);
  res.end();
});

// Known values only.
const ACTIONS = ['start', 'stop'];
app.post('/action', (req, res) => {
  const action = req.body.action;
  if (!ACTIONS.includes(action)) {
    // ok: js-log-injection
    console.warn('rejected an unknown action');
    return res.sendStatus(400);
  }
  // ok: js-log-injection
  console.log(`action ${action}`);
  res.end();
});

// Helper in the same file.
function audit(event, detail) {
  console.log(`[audit] ${event}: ${detail}`);
}
app.delete('/item/:id', (req, res) => {
  // ruleid: js-log-injection
  audit('delete', req.params.id);
  // ok: js-log-injection
  audit('delete', Number(req.params.id));
  res.end();
});

// Not request data.
// ok: js-log-injection
console.log(`listening on ${process.env.PORT || 3000}`);

// Koa
const router = new Router();
router.get('/k', async (ctx) => {
  // ruleid: js-log-injection
  console.error('bad referer', ctx.get('Referer'));
});

// Fastify: request.log is pino; the object form is structured.
fastify.get('/f', async (request, reply) => {
  // ruleid: js-log-injection
  console.debug(`user agent ${request.headers['user-agent']}`);
});

// Next.js App Router
export async function GET(request) {
  const name = request.nextUrl.searchParams.get('name');
  // ruleid: js-log-injection
  console.log('hello', name);
  return new Response('ok');
}

module.exports = { app };

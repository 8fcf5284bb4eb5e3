// Koa: a string body is sent as text/html when it starts with `<` and no type was set,
// as text/plain otherwise; an object is sent as JSON.
const Koa = require('koa');
const Router = require('@koa/router');
const escapeHtml = require('escape-html');

const app = new Koa();
const router = new Router();

router.get('/hello', async (ctx) => {
  // ruleid: js-xss
  ctx.body = `<h1>Hello ${ctx.query.name}</h1>`;
});

router.get('/echo', (ctx) => {
  // The request decides how the body starts, so it can start with `<script>`.
  // ruleid: js-xss
  ctx.body = ctx.query.q;
});

router.get('/greet', (ctx) => {
  // text/plain: the body starts with "Hello".
  // ok: js-xss
  ctx.body = 'Hello ' + ctx.query.name;
  // ok: js-xss
  ctx.body = `Results: ${ctx.query.q}`;
});

router.get('/safe', (ctx) => {
  // ok: js-xss
  ctx.body = `<h1>Hello ${escapeHtml(ctx.query.name)}</h1>`;
  // ok: js-xss
  ctx.body = { name: ctx.query.name };
  // ok: js-xss
  ctx.body = JSON.stringify(ctx.query);
});

router.get('/typed', (ctx) => {
  ctx.type = 'text/plain';
  // ok: js-xss
  ctx.body = `<pre>${ctx.query.q}</pre>`;
});

router.get('/typed-json', (ctx) => {
  ctx.set('Content-Type', 'application/json');
  // ok: js-xss
  ctx.body = ctx.query.q;
});

router.get('/html', (ctx) => {
  // A document type set by the handler: the body is HTML whatever it starts with.
  ctx.type = 'html';
  // ruleid: js-xss
  ctx.body = 'Results for ' + ctx.query.q;
});

router.get('/maybe', (ctx) => {
  // The type is set on one branch only.
  if (ctx.query.raw) ctx.type = 'text/plain';
  // ruleid: js-xss
  ctx.body = `<div>${ctx.query.q}</div>`;
});

app.use(async (ctx, next) => {
  // ruleid: js-xss
  ctx.response.body = '<p>' + ctx.request.query.msg + '</p>';
  await next();
});

app.use(async (ctx, next) => {
  await next();
  // Not a response: the request's parsed body.
  // ok: js-xss
  ctx.request.body = ctx.query;
});

router.get('/page', (ctx) => {
  const page = `<html><body>${ctx.query.name}</body></html>`;
  // ruleid: js-xss
  ctx.body = page;
});

router.get('/text', (ctx) => {
  const greeting = 'Hi ' + ctx.query.name;
  // ok: js-xss
  ctx.body = greeting;
});

// Streams and Buffers are sent as application/octet-stream (the path is another rule's concern).
const fs = require('fs');
const path = require('path');
router.get('/files/:file', async (ctx) => {
  // ok: js-xss
  ctx.body = fs.createReadStream(path.join(__dirname, 'public', path.basename(ctx.params.file)));
  // ok: js-xss
  ctx.body = Buffer.from(ctx.query.data, 'base64');
});

// Not a Koa context: a plain object's `body` is no response.
function buildMessage(msg, q) {
  // ok: js-xss
  msg.body = '<p>' + q + '</p>';
}

app.use(router.routes());

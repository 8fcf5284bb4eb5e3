const express = require('express');
const ejs = require('ejs');
const pug = require('pug');
const Handlebars = require('handlebars');
const nunjucks = require('nunjucks');
const _ = require('lodash');
const escapeHtml = require('escape-html');
const Router = require('@koa/router');
const fastify = require('fastify')();

const app = express();
const PAGE = '<h1>Hello <%= name %></h1>';

app.get('/hello', (req, res) => {
  // ruleid: js-template-injection
  res.send(ejs.render('<h1>Hello ' + req.query.name + '</h1>'));
  // ok: js-template-injection
  res.send(ejs.render(PAGE, { name: req.query.name }));
  // ok: js-template-injection
  res.send(ejs.render('<h1>Hello <%= name %></h1>', { name: escapeHtml(req.query.name) }));
});

app.post('/preview', (req, res) => {
  const { template, locals } = req.body;
  // ruleid: js-template-injection
  const fn = pug.compile(template);
  // ruleid: js-template-injection
  const hb = Handlebars.compile(`<div>${req.body.header}</div>{{body}}`);
  // ok: js-template-injection
  const safe = Handlebars.compile('<div>{{header}}</div>')({ header: req.body.header });
  res.send(fn(locals) + hb({ body: 'x' }) + safe);
});

app.get('/lodash', (req, res) => {
  const greeting = req.query.greeting;
  // ruleid: js-template-injection
  const compiled = _.template(greeting);
  // ok: js-template-injection
  const fixed = _.template('hello <%- user %>');
  res.send(compiled({}) + fixed({ user: greeting }));
});

// Only known templates may be chosen.
const TEMPLATES = { short: 'Hi {{ name }}', long: 'Hello there, {{ name }}' };
app.get('/pick', (req, res) => {
  const key = req.query.style;
  if (!Object.keys(TEMPLATES).includes(key)) return res.sendStatus(400);
  // ok: js-template-injection
  res.send(nunjucks.renderString(key === 'short' ? TEMPLATES.short : TEMPLATES.long, { name: req.query.name }));
});

// Helper: reported where request data reaches it.
function renderSnippet(source, data) {
  return nunjucks.renderString(source, data);
}
app.post('/snippet', (req, res) => {
  // ruleid: js-template-injection
  res.send(renderSnippet(req.body.source, {}));
  // ok: js-template-injection
  res.send(renderSnippet('{{ title }}', { title: req.body.title }));
});

// A template read from configuration at startup is not request data.
const banner = process.env.BANNER_TEMPLATE || '<b>{{ msg }}</b>';
// ok: js-template-injection
const bannerFn = Handlebars.compile(banner);

// Koa
const router = new Router();
router.post('/k/render', async (ctx) => {
  // ruleid: js-template-injection
  ctx.body = ejs.render(ctx.request.body.tpl, {});
});

// Fastify
fastify.post('/f/render', async (request, reply) => {
  // ruleid: js-template-injection
  return pug.render(request.body.tpl);
});

// Next.js App Router
export async function POST(request) {
  const { tpl } = await request.json();
  // ruleid: js-template-injection
  return new Response(ejs.render(tpl));
}

// Next.js API route
export default function handler(req, res) {
  // ruleid: js-template-injection
  ejs.renderFile('views/page.ejs', {}, (err, html) => res.send(ejs.render(html + req.query.footer)));
}

module.exports = { app, bannerFn };

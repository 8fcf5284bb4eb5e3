const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const Router = require('@koa/router');

const app = express();
const doc = new DOMParser().parseFromString(require('fs').readFileSync('users.xml', 'utf8'), 'text/xml');

app.get('/login', (req, res) => {
  const { user, pass } = req.query;
  // ruleid: js-xpath-injection
  const nodes = xpath.select(`//user[name/text()='${user}' and password/text()='${pass}']`, doc);
  // ok: js-xpath-injection
  const all = xpath.select('//user', doc).filter((n) => n.getAttribute('name') === user);
  res.json({ ok: nodes.length > 0, count: all.length });
});

app.post('/find', (req, res) => {
  const expr = '//item[@sku="' + req.body.sku + '"]';
  // ruleid: js-xpath-injection
  const node = xpath.select1(expr, doc);
  res.json({ found: !!node });
});

// Allow-listed field names.
const FIELDS = new Set(['title', 'author']);
app.get('/field', (req, res) => {
  const field = req.query.field;
  if (!FIELDS.has(field)) return res.sendStatus(400);
  // ok: js-xpath-injection
  res.json(xpath.select(`//book/${field}/text()`, doc).map(String));
});

// Numbers only.
app.get('/nth', (req, res) => {
  // ok: js-xpath-injection
  res.json(String(xpath.select1(`//book[${parseInt(req.query.n, 10)}]`, doc)));
});

// Helper in the same file.
function byId(id) {
  return xpath.select(`//record[@id='${id}']`, doc);
}
app.get('/record/:id', (req, res) => {
  // ruleid: js-xpath-injection
  res.json(byId(req.params.id).length);
  // ok: js-xpath-injection
  res.json(byId('42').length);
});

// Browser: document.evaluate on a value from the URL is not request data on the server,
// and an expression from configuration is constant.
const CONFIG = { itemPath: '//item' };
// ok: js-xpath-injection
xpath.select(CONFIG.itemPath, doc);

// Koa
const router = new Router();
router.get('/k/user', async (ctx) => {
  // ruleid: js-xpath-injection
  ctx.body = xpath.select(`//user[@name='${ctx.query.name}']`, doc).length;
});

// Hapi
const route = {
  method: 'GET',
  path: '/h/user',
  handler(request, h) {
    // ruleid: js-xpath-injection
    return xpath.evaluate(`//user[@name='${request.query.name}']`, doc, null, 0, null).numberValue;
  },
};

module.exports = { app, route };

const express = require('express');
const escapeHtml = require('escape-html');

const Item = require('./models/item');

const app = express();

app.get('/hello', (req, res) => {
  // ruleid: js-xss
  res.send('<h1>Hello ' + req.query.name + '</h1>');
  // ok: js-xss
  res.send('<h1>Hello ' + escapeHtml(req.query.name) + '</h1>');
  // ok: js-xss
  res.json({ name: req.query.name });
});

app.get('/items/:id', async (req, res) => {
  const item = await Item.findOne({ where: { id: req.params.id } });
  // ok: js-xss
  res.send(`<h1>${item.title}</h1>`);
  Item.findAll({ where: { owner: req.query.owner } }).then((rows) => {
    // ok: js-xss
    res.send(rows.map((r) => `<li>${r.title}</li>`).join(''));
  });
});

app.get('/err', (req, res) => {
  // ruleid: js-xss
  res.status(404).send(`Not found: ${req.path}`);
});

// Browser code: URL fragment written as HTML
function showMessage() {
  const msg = decodeURIComponent(location.hash.slice(1));
  // ruleid: js-xss
  document.getElementById('msg').innerHTML = msg;
  // ok: js-xss
  document.getElementById('msg').textContent = msg;
}

window.addEventListener('message', (event) => {
  // ruleid: js-xss
  document.body.insertAdjacentHTML('beforeend', event.data);
});

// ok: js-xss
document.getElementById('x').innerHTML = '<b>static</b>';

// Fastify: reply.send(string) is text/plain and objects are sent as JSON.
const fastify = require('fastify')();
fastify.get('/f/echo', async (request, reply) => {
  // ok: js-xss
  reply.code(200).send(request.query.name);
  // ok: js-xss
  return reply.send({ name: request.query.name });
});

// Positions from the request select part of a fixed list; part of a request value is still request data.
const users = [{ name: 'tobi' }, { name: 'loki' }, { name: 'jane' }];
app.get('/users/:from-:to', (req, res) => {
  const from = req.params.from;
  const to = req.params.to;
  const names = users.map((user) => user.name);
  // ok: js-xss
  res.send('users ' + names.slice(from, to + 1).join(', '));
});
app.get('/short', (req, res) => {
  // ruleid: js-xss
  res.send('<p>' + req.query.name.slice(0, 20) + '</p>');
});

// A fixed prefix changes nothing for HTML.
app.get('/link', (req, res) => {
  // ruleid: js-xss
  res.send('/users/' + req.query.id);
});

// An explicit non-HTML content type set before: not an HTML response.
app.get('/plain', (req, res) => {
  // ok: js-xss
  res.type('text/plain').send(req.query.text);
});
app.get('/plain2', (req, res) => {
  res.set('Content-Type', 'text/plain; charset=utf-8');
  // ok: js-xss
  res.send(req.query.text);
});
app.get('/json', (req, res) => {
  res.type('json');
  // ok: js-xss
  res.status(200).send(req.body.raw);
});
app.get('/node', (req, res) => {
  res.setHeader('Content-Type', 'application/json');
  // ok: js-xss
  res.end(req.query.raw);
});
app.get('/node2', (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/csv' });
  // ok: js-xss
  res.end(req.query.raw);
});
// HTML, XML/SVG, a type from the request, or a type set on one branch only: still HTML.
app.get('/html', (req, res) => {
  // ruleid: js-xss
  res.type('text/html').send(req.query.text);
});
app.get('/svg', (req, res) => {
  res.type('svg');
  // ruleid: js-xss
  res.send(req.query.text);
});
app.get('/any', (req, res) => {
  res.type(req.query.format);
  // ruleid: js-xss
  res.send(req.query.text);
});
app.get('/maybe', (req, res) => {
  if (req.query.plain) res.type('text/plain');
  // ruleid: js-xss
  res.send(req.query.text);
});
app.get('/other-header', (req, res) => {
  res.set('X-Content-Type-Options', 'nosniff');
  // ruleid: js-xss
  res.send(req.query.text);
});

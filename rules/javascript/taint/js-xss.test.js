const express = require('express');
const escapeHtml = require('escape-html');

const app = express();

app.get('/hello', (req, res) => {
  // ruleid: js-xss
  res.send('<h1>Hello ' + req.query.name + '</h1>');
  // ok: js-xss
  res.send('<h1>Hello ' + escapeHtml(req.query.name) + '</h1>');
  // ok: js-xss
  res.json({ name: req.query.name });
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

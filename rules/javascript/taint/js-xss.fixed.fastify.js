// Fastify: `reply.send(string)` is text/plain unless the reply was given an HTML type.
const fastify = require('fastify')();
const escapeHtml = require('escape-html');

fastify.get('/page', async (request, reply) => {
  // ruleid: js-xss
  reply.type('text/html').send(`<p>${escapeHtml(request.query.q)}</p>`);
});

fastify.get('/header', async (request, reply) => {
  reply.header('Content-Type', 'text/html; charset=utf-8');
  // ruleid: js-xss
  return reply.send('<p>' + escapeHtml(request.query.q) + '</p>');
});

fastify.get('/headers', (request, reply) => {
  reply.code(200).headers({ 'content-type': 'text/html' });
  // ruleid: js-xss
  reply.send(escapeHtml(request.query.q));
});

fastify.get('/escaped', async (request, reply) => {
  // ok: js-xss
  reply.type('text/html').send(`<p>${escapeHtml(request.query.q)}</p>`);
});

fastify.get('/plain', async (request, reply) => {
  // ok: js-xss
  reply.send(`<p>${request.query.q}</p>`);
  // ok: js-xss
  reply.type('application/json').send(request.query.q);
});

fastify.get('/json', async (request, reply) => {
  reply.type('text/html');
  // ok: js-xss
  reply.send({ q: request.query.q });
});

const express = require('express');
const libxmljs = require('libxmljs');
const libxml2 = require('libxmljs2');
const Router = require('@koa/router');
const fastify = require('fastify')();

const app = express();
app.use(express.text({ type: 'application/xml' }));

app.post('/import', (req, res) => {
  // ruleid: js-xxe
  const doc = libxmljs.parseXml(req.body, { noent: true });
  // ok: js-xxe
  const safe = libxmljs.parseXml(req.body);
  // ok: js-xxe
  const off = libxmljs.parseXmlString(req.body, { noent: false, noblanks: true });
  res.send(doc.root().name() + safe.root().name() + off.root().name());
});

app.post('/upload', (req, res) => {
  const xml = req.file.buffer.toString('utf8');
  const opts = { noent: true, dtdload: true };
  // ruleid: js-xxe
  const doc = libxml2.parseXmlString(`<?xml version="1.0"?>${xml}`, { noent: true, dtdload: true });
  res.json({ ok: !!doc, opts });
});

// Helper in the same file.
function parseFeed(xml) {
  return libxmljs.parseXmlString(xml, { noent: true });
}
app.post('/feed', (req, res) => {
  // ruleid: js-xxe
  const feed = parseFeed(req.body.xml);
  // ok: js-xxe
  const local = parseFeed('<feed/>');
  res.json({ feed: !!feed, local: !!local });
});

// A document from the application itself.
const TEMPLATE = '<config><debug>false</debug></config>';
// ok: js-xxe
const config = libxmljs.parseXml(TEMPLATE, { noent: true });

// Koa
const router = new Router();
router.post('/k/xml', async (ctx) => {
  // ruleid: js-xxe
  ctx.body = libxmljs.parseXml(ctx.request.body, { noent: true }).toString();
});

// Fastify
fastify.post('/f/xml', async (request, reply) => {
  // ruleid: js-xxe
  return libxmljs.parseXmlString(request.body, { noent: true }).toString();
});

// Next.js App Router
export async function POST(request) {
  const xml = await request.text();
  // ruleid: js-xxe
  return new Response(libxmljs.parseXml(xml, { noent: true }).toString());
}

module.exports = { app, config };

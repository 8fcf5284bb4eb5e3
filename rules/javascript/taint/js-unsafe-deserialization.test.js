const express = require('express');
const cookieParser = require('cookie-parser');
const serialize = require('node-serialize');
const { deserialize } = require('serialize-to-js');
const yaml = require('js-yaml');
const Router = require('@koa/router');

const app = express();
app.use(cookieParser());

app.get('/profile', (req, res) => {
  const raw = Buffer.from(req.cookies.profile, 'base64').toString();
  // ruleid: js-unsafe-deserialization
  const profile = serialize.unserialize(raw);
  // ok: js-unsafe-deserialization
  const plain = JSON.parse(raw);
  res.send(`Hello ${profile.name} ${plain.name}`);
});

app.post('/import', (req, res) => {
  const { payload } = req.body;
  // ruleid: js-unsafe-deserialization
  const obj = deserialize(payload);
  // ruleid: js-unsafe-deserialization
  const conf = yaml.load(`${req.body.yaml}\n`);
  // ok: js-unsafe-deserialization
  const settings = yaml.load(require('fs').readFileSync('settings.yml', 'utf8'));
  // ok: js-unsafe-deserialization
  const profile = yaml.load(require('fs').readFileSync(`profiles/${Number(req.body.id)}.yml`, 'utf8'));
  // ok: js-unsafe-deserialization
  const chosen = yaml.load(require('fs').readFileSync('./data/' + req.body.name + '.yml', 'utf8'));
  res.json({ obj, conf, settings, profile, chosen });
});

// Helper in the same file.
function restore(state) {
  return serialize.unserialize(state);
}
app.post('/restore', (req, res) => {
  // ruleid: js-unsafe-deserialization
  res.json(restore(req.body.state));
  // ok: js-unsafe-deserialization
  res.json(restore('{"a":1}'));
});

// Data the server wrote itself.
const SNAPSHOT = '{"user":"system"}';
// ok: js-unsafe-deserialization
const boot = serialize.unserialize(SNAPSHOT);

// Koa
const router = new Router();
router.post('/k/session', async (ctx) => {
  const cookie = ctx.cookies.get('session');
  // ruleid: js-unsafe-deserialization
  ctx.state.session = serialize.unserialize(cookie);
});

// Hapi
const route = {
  method: 'POST',
  path: '/h/state',
  handler: (request, h) => {
    // ruleid: js-unsafe-deserialization
    return serialize.unserialize(request.payload.state);
  },
};

// Next.js App Router
export async function POST(request) {
  const text = await request.text();
  // ruleid: js-unsafe-deserialization
  return Response.json(yaml.load(text));
}

module.exports = { app, boot, route };

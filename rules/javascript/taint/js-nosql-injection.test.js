const express = require('express');
const mongoose = require('mongoose');
const sanitize = require('mongo-sanitize');
const Koa = require('koa');
const Router = require('@koa/router');
const fastify = require('fastify')();

const app = express();
const User = mongoose.model('User');
const Post = mongoose.model('Post');
const Wallet = require('./models/wallet'); // Sequelize

app.post('/login', async (req, res) => {
  // ruleid: js-nosql-injection
  const user = await User.findOne({ name: req.body.name, password: req.body.password });
  // ok: js-nosql-injection
  const same = await User.findOne({ name: String(req.body.name), password: String(req.body.password) });
  // ok: js-nosql-injection
  const wallet = await Wallet.findOne({ where: { UserId: req.body.UserId } });
  res.json({ ok: !!user && !!same && !!wallet });
});

app.get('/posts', async (req, res) => {
  const { author, tag } = req.query;
  const filter = { author };
  // ruleid: js-nosql-injection
  const posts = await Post.find(filter);
  // ruleid: js-nosql-injection
  await Post.deleteMany({ tags: tag });
  // ok: js-nosql-injection
  await Post.find({ author: sanitize(author) });
  // ok: js-nosql-injection
  await Post.find({ author: author.toString() });
  res.json(posts);
});

app.get('/where', (req, res) => {
  // ruleid: js-nosql-injection
  Post.find().$where(`this.views > ${req.query.min}`);
  // ok: js-nosql-injection
  Post.find({ views: { $gt: Number(req.query.min) } }).then((rows) => res.json(rows));
});

// A value checked against an allow-list or typed is not an operator object.
const STATUSES = ['draft', 'published'];
app.get('/by-status', async (req, res) => {
  const status = req.query.status;
  if (!STATUSES.includes(status)) return res.sendStatus(400);
  // ok: js-nosql-injection
  res.json(await Post.find({ status }));
});

// Not request data.
const DEFAULT_FILTER = { published: true };
app.get('/recent', async (req, res) => {
  // ok: js-nosql-injection
  res.json(await Post.find(DEFAULT_FILTER).sort({ created: -1 }).limit(10));
  // ok: js-nosql-injection
  res.json(await Post.find({ owner: process.env.OWNER }));
});

// Array.prototype.find with a callback is not a query.
app.get('/arr', (req, res) => {
  const list = [{ id: 1 }];
  // ok: js-nosql-injection
  res.json(list.find((x) => x.id === req.query.id));
});

// Helper in the same file: reported where request data is passed in.
function byEmail(email) {
  return User.findOne({ email });
}
app.post('/reset', async (req, res) => {
  // ruleid: js-nosql-injection
  const u = await byEmail(req.body.email);
  // ok: js-nosql-injection
  const v = await byEmail(String(req.body.email));
  res.json({ u, v });
});

// Callback style and a container built in steps.
app.post('/cb', (req, res) => {
  const query = {};
  query.owner = req.body.owner;
  // ruleid: js-nosql-injection
  User.find(query, (err, docs) => res.json(docs));
});

// Koa
const router = new Router();
router.post('/k/login', async (ctx) => {
  const { user } = ctx.request.body;
  // ruleid: js-nosql-injection
  ctx.body = await User.findOne({ user });
});

// Fastify
fastify.get('/f/users', async (request, reply) => {
  // ruleid: js-nosql-injection
  return User.find({ role: request.query.role });
});

// Hapi: handler(request, h)
const routes = [{
  method: 'GET',
  path: '/h/user',
  handler(request, h) {
    // ruleid: js-nosql-injection
    return User.findOne({ name: request.query.name });
  },
}];

// Next.js API route
export default async function handler(req, res) {
  // ruleid: js-nosql-injection
  const doc = await Post.findOne({ slug: req.query.slug });
  res.status(200).json(doc);
}

// Next.js App Router
export async function POST(request) {
  const body = await request.json();
  // ruleid: js-nosql-injection
  const found = await User.findOne({ token: body.token });
  return Response.json(found);
}

module.exports = { app, routes };

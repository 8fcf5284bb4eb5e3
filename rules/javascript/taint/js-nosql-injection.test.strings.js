const express = require('express');
const User = require('./models/user');

const app = express();

app.get('/users/:id', async (req, res) => {
  // Route parameters and headers are always strings: no operator can hide in them.
  // ok: js-nosql-injection
  const byId = await User.findOne({ _id: req.params.id });
  // ok: js-nosql-injection
  const byToken = await User.findOne({ token: req.get('x-api-token') });
  // ...until they are parsed into objects.
  // ruleid: js-nosql-injection
  const filtered = await User.find(JSON.parse(req.params.id));
  // Express parses the query string with qs: `?name[$ne]=x` is an object.
  // ruleid: js-nosql-injection
  const byName = await User.findOne({ name: req.query.name });
  // In `$where` even a string is code.
  // ruleid: js-nosql-injection
  const recent = await User.find({ $where: 'this.age > ' + req.params.id });
  res.json({ byId, byToken, filtered, byName, recent });
});

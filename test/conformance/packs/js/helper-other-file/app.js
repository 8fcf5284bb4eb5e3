const express = require('express');
const { findUser } = require('./users');

const app = express();

app.get('/users/:name', (req, res) => {
  // ruleid: js-sql-injection
  findUser(req.params.name, (err, rows) => res.json(rows));
});

app.get('/me', (req, res) => {
  // ok: js-sql-injection
  findUser('guest', (err, rows) => res.json(rows));
});

// Request data flowing into a query built by a helper in another file: Ward follows it
// (`node dist/cli.js scan examples/demo-app` prints the trace).
const express = require('express');
const { findUser } = require('./db');

const app = express();

app.get('/users', (req, res) => {
  const name = req.query.name;
  findUser(name).then((rows) => res.json(rows));
});

module.exports = app;

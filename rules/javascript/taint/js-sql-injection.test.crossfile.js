// Flows through a helper defined in another module of the project.
const express = require('express');
const { findUserByName, findUserById, normalise } = require('./_helpers/users');
const users = require('./_helpers/users');

const app = express();

app.get('/by-name', (req, res) => {
  // ruleid: js-sql-injection
  findUserByName(req.query.name);
  // ruleid: js-sql-injection
  users.findUserByName(normalise(req.query.name));
  // ok: js-sql-injection
  findUserById(req.query.id);
  // ok: js-sql-injection
  findUserByName('admin');
  res.end();
});

// mysql: the fix binds values as ? placeholders, before the callback.
const express = require('express');
const mysql = require('mysql2');

const app = express();
const db = mysql.createConnection({});

app.post('/login', (req, res) => {
  // ruleid: js-sql-injection
  db.query('SELECT * FROM users WHERE name = "' + req.body.name + '" AND active = ' + req.body.active, (err, rows) => res.json(rows));
  // ok: js-sql-injection
  db.query('SELECT * FROM users WHERE name = ?', [req.body.name], (err, rows) => res.json(rows));
});

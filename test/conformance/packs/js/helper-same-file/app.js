const express = require('express');
const mysql = require('mysql');

const app = express();
const db = mysql.createConnection({ host: 'localhost' });

function findByEmail(email, done) {
  return db.query("SELECT * FROM users WHERE email = '" + email + "'", done);
}

app.get('/users/by-email', (req, res) => {
  // ruleid: js-sql-injection
  findByEmail(req.query.email, (err, rows) => res.json(rows));
});

app.get('/users/admin', (req, res) => {
  // ok: js-sql-injection
  findByEmail('admin@example.com', (err, rows) => res.json(rows));
});

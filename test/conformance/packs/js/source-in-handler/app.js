const express = require('express');
const mysql = require('mysql');

const app = express();
const db = mysql.createConnection({ host: 'localhost' });

app.get('/orders', (req, res) => {
  // ruleid: js-sql-injection
  db.query(`SELECT * FROM orders WHERE customer = '${req.query.customer}'`, (err, rows) => res.json(rows));
});

app.get('/orders/open', (req, res) => {
  // ok: js-sql-injection
  db.query("SELECT * FROM orders WHERE status = 'open'", (err, rows) => res.json(rows));
});

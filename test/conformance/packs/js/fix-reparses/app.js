const express = require('express');
const mysql = require('mysql');

const app = express();
const db = mysql.createConnection({ host: 'localhost' });

app.get('/account', (req, res) => {
  const id = req.query.id;
  // ruleid: js-sql-injection
  db.query("SELECT * FROM accounts WHERE id = '" + id + "' AND active = 1", (err, rows) => res.json(rows));
});

const express = require('express');
const mysql = require('mysql');

const app = express();
const db = mysql.createConnection({ host: 'localhost' });

app.get('/report', (req, res) => {
  const region = req.query.region;
  const num = 86;
  let filter;
  if ((7 * 42) - num > 200) filter = 'EU';
  else filter = region;
  // ok: js-sql-injection
  db.query("SELECT * FROM sales WHERE region = '" + filter + "'", (err, rows) => res.json(rows));
});

app.get('/report/all', (req, res) => {
  const region = req.query.region;
  const num = 106;
  let filter;
  if ((7 * 42) - num > 200) filter = 'EU';
  else filter = region;
  // ruleid: js-sql-injection
  db.query("SELECT * FROM sales WHERE region = '" + filter + "'", (err, rows) => res.json(rows));
});

const express = require('express');
const mysql = require('mysql');

const app = express();
const db = mysql.createConnection({ host: 'localhost' });

app.get('/invoice', (req, res) => {
  const id = parseInt(req.query.id, 10);
  // ok: js-sql-injection
  db.query('SELECT * FROM invoices WHERE id = ' + id, (err, rows) => res.json(rows));
  // ok: js-sql-injection
  db.query('SELECT * FROM invoices WHERE ref = ' + mysql.escape(req.query.ref), (err, rows) => res.json(rows));

  // Escaped for a URL, not for SQL: a quote goes through.
  const note = encodeURIComponent(req.query.note);
  // ruleid: js-sql-injection
  db.query("SELECT * FROM invoices WHERE note = '" + note + "'", (err, rows) => res.json(rows));
});

const express = require('express');
const mysql = require('mysql');

const app = express();
const db = mysql.createConnection({ host: 'localhost' });

app.post('/search', (req, res) => {
  const term = req.body.term;
  const pattern = '%' + term + '%';
  let where = "title LIKE '" + pattern + "'";
  const sql = 'SELECT id, title FROM books WHERE ' + where;
  // ruleid: js-sql-injection
  db.query(sql, (err, rows) => res.json(rows));

  const limit = 20;
  const page = 'SELECT id, title FROM books LIMIT ' + limit;
  // ok: js-sql-injection
  db.query(page, (err, rows) => res.json(rows));
});

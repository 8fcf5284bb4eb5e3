const express = require('express');
const mysql = require('mysql');

const app = express();
const db = mysql.createConnection({ host: 'localhost' });
const SORTABLE = ['name', 'created', 'price'];

app.get('/products', (req, res) => {
  const column = req.query.sort;
  if (SORTABLE.includes(column)) {
    // ok: js-sql-injection
    db.query('SELECT * FROM products ORDER BY ' + column, (err, rows) => res.json(rows));
  } else {
    // ruleid: js-sql-injection
    db.query('SELECT * FROM products ORDER BY ' + column + ' DESC', (err, rows) => res.json(rows));
  }
});

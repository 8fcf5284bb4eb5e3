const express = require('express');
const mysql = require('mysql');

const app = express();
const db = mysql.createConnection({ host: 'localhost' });

app.get('/filter', (req, res) => {
  const criteria = {};
  criteria.owner = req.query.owner;
  criteria.table = 'documents';
  // ruleid: js-sql-injection
  db.query("SELECT * FROM documents WHERE owner = '" + criteria.owner + "'", (err, rows) => res.json(rows));
  // ok: js-sql-injection
  db.query('SELECT * FROM ' + criteria.table, (err, rows) => res.json(rows));

  const tags = [];
  tags.push(req.query.tag);
  // ruleid: js-sql-injection
  db.query("SELECT * FROM documents WHERE tag IN ('" + tags.join("','") + "')", (err, rows) => res.json(rows));
});

const express = require('express');
const mysql = require('mysql');

const app = express();
const db = mysql.createConnection({ host: 'localhost' });

app.get('/user', (req, res) => {
  const name = req.query.name; // trace-line
  const label = 'user:' + name; // trace-line
  const key = label.trim(); // trace-line
  // ruleid: js-sql-injection
  db.query("SELECT * FROM users WHERE name = '" + key + "'", (err, rows) => res.json(rows)); // trace-line
});

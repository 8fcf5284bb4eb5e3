const express = require('express');
const mysql = require('mysql2/promise');
const { Pool } = require('pg');

const app = express();
const conn = mysql.createPool({});
const pool = new Pool();

// A service object (made elsewhere) whose method is named like a driver's: its argument is a
// plain input object, not a query.
const { Factory } = require('./service/Factory');

const deleteArticle = new Factory().newApiDeleteArticle();

app.delete('/articles/:slug', async (req, res) => {
  // ok: js-sql-injection
  const out = await deleteArticle.execute({ slug: req.params.slug, userId: req.user.id });
  res.json(out);
});

app.get('/orders', async (req, res) => {
  // ruleid: js-sql-injection
  const [rows] = await conn.query({ sql: `SELECT * FROM orders WHERE status = '${req.query.status}'`, rowsAsArray: true });
  // ruleid: js-sql-injection
  const other = await pool.query({ text: 'SELECT * FROM orders WHERE note = ' + req.query.note, values: [] });
  // ok: js-sql-injection
  const safe = await pool.query({ text: 'SELECT * FROM orders WHERE note = $1', values: [req.query.note] });
  res.json({ rows, other: other.rows, safe: safe.rows });
});

// node-postgres: the fix binds values as $1, $2, … placeholders.
const express = require('express');
const { Pool } = require('pg');

const app = express();
const pool = new Pool();

app.get('/orders', async (req, res) => {
  // ruleid: js-sql-injection
  const byUser = await pool.query("SELECT * FROM orders WHERE user_id = '" + req.query.user + "'");
  // ruleid: js-sql-injection
  const page = await pool.query(`SELECT * FROM orders WHERE status = '${req.query.status}' LIMIT ${req.query.limit}`);
  // LIKE patterns keep the value inside a larger literal: no automatic fix.
  // ruleid: js-sql-injection
  const search = await pool.query(`SELECT * FROM orders WHERE note LIKE '%${req.query.q}%'`);
  // A column name is not a value: binding it would sort by a constant, so no automatic fix.
  // ruleid: js-sql-injection
  const sorted = await pool.query('SELECT * FROM orders ORDER BY ' + req.query.sort);
  // The query is a variable: the fix would have to rewrite its declaration, so none is offered.
  const byRegion = "SELECT * FROM orders WHERE region = '" + req.query.region + "'";
  // ruleid: js-sql-injection
  const regional = await pool.query(byRegion);
  // ok: js-sql-injection
  const safe = await pool.query('SELECT * FROM orders WHERE user_id = $1', [req.query.user]);
  res.json({ byUser, page, search, sorted, regional, safe });
});
